// The watchdog: a run past the time limit is stopped by terminating the worker; a fresh worker
// gets the baseline and the last accepted notebook back, and the page keeps working.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EngineCrashed, EngineRestarted, EngineTimeout, guardEngine, type WorkerHandle } from '../src/lib/worker/watchdog';
import { latestOnly } from '../src/lib/worker/latestOnly';
import type { Attribution, BacktestResult, BacktestSpec, FitResult, FitSpec, LoadReport, RunRequest, RunResponse, ScenarioBandOptions, ScenarioRun, ScenarioSpec, SensitivityReport } from '../src/lib/worker/protocol';
import type { MonteCarloOptions, MonteCarloResult, Notebook, RunResult } from '../src/lib/sim/types';
import { chinaMarketNotebook } from '../src/lib/notebooks/chinaMarket';

const notebook = (title: string): Notebook => ({ ...chinaMarketNotebook, title });
const BASELINE = notebook('baseline');
const EDITED = notebook('edited');
const EDITED_AGAIN = notebook('edited again');
/** A notebook the fake engine refuses when asked to guard a cell. */
const BROKEN = notebook('broken');

const LIMIT = 500;
const FAST = 20;
const SLOW = 60_000;

/** A response that says which worker computed it and with which notebook loaded. */
type FakeResponse = RunResponse & { worker: number; notebook: string };

interface FakeWorker {
	n: number;
	/** Messages in the order the worker handled them. */
	log: string[];
	terminated: boolean;
	program: Notebook | null;
	/** Makes this worker report a crash of its own, as an uncaught error in a real worker does. */
	crash: (detail: string) => void;
}

/**
 * Fake workers that behave like a real one behind comlink: messages are handled one at a time in
 * the order they were posted (a busy run blocks the ones behind it), replies arrive as separate
 * tasks in the order they were sent, and after terminate() nothing is ever answered. The engine mirrors engineService: run()
 * without a loaded notebook fails with "No notebook loaded"; a guarded load of BROKEN is refused
 * (but still taken when nothing else is loaded). runScenarios and attribute take their own notebooks.
 */
function fakeWorkers() {
	const workers: FakeWorker[] = [];
	// Replies reach the page in the order the worker sent them, one task each (fake timers would
	// otherwise reorder zero-delay timers set during a tick).
	const outbox: (() => void)[] = [];
	const reply = (deliver: () => void) => {
		outbox.push(deliver);
		setTimeout(() => outbox.shift()!(), 0);
	};
	const start = (onCrash: (detail: string) => void = () => undefined): WorkerHandle => {
		const w: FakeWorker = { n: workers.length + 1, log: [], terminated: false, program: null, crash: onCrash };
		workers.push(w);
		let busy: Promise<void> = Promise.resolve();
		const post = <T>(label: string, handle: () => T | Promise<T>): Promise<T> =>
			new Promise<T>((resolve, reject) => {
				busy = busy.then(async () => {
					if (w.terminated) return;
					w.log.push(label);
					try {
						const value = await handle();
						if (!w.terminated) reply(() => resolve(value));
					} catch (err) {
						if (!w.terminated) reply(() => reject(err));
					}
				});
			});
		const emptyResult: RunResult = { years: [], series: {}, errors: [] };
		/** The worker is busy computing for `ms`, then has `value` (a real worker would block). */
		const busyFor = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));
		return {
			api: {
				setBaseline: (nb: Notebook) => post(`setBaseline ${nb.title}`, () => emptyResult),
				load: (nb: Notebook, guardCellId?: string) =>
					post(`load ${nb.title}`, (): LoadReport => {
						const rejected = guardCellId !== undefined && nb.title === BROKEN.title;
						if (!rejected || !w.program) w.program = nb;
						return { accepted: !rejected, errors: [], variables: [] };
					}),
				run: (request: RunRequest) =>
					post(`run ${request.horizon}`, () => {
						if (!w.program) throw new Error('No notebook loaded');
						const loaded = w.program.title;
						const response: FakeResponse = { result: { years: [request.horizon], series: {}, errors: [] }, engineMicros: 1, worker: w.n, notebook: loaded };
						return busyFor<RunResponse>(request.inputs.delayMs ?? FAST, response);
					}),
				// Whole scenarios carry their own notebooks: no loaded notebook needed.
				runScenarios: (specs: ScenarioRun[]) =>
					post(`runScenarios ${specs.length}`, () =>
						busyFor<RunResult[]>(specs[0]?.inputs.delayMs ?? FAST, specs.map((spec) => ({ years: [spec.horizon], series: {}, errors: [] })))
					),
				attribute: (a: ScenarioSpec, _b: ScenarioSpec, variable: string, year: number) =>
					post(`attribute ${variable} ${year}`, () =>
						busyFor<Attribution>(a.inputs.delayMs ?? FAST, { variable, year, start: 0, end: 0, parts: [], method: 'exact', runs: 1 })
					),
				// The analysis calls: only their timing matters here.
				monteCarlo: (options: MonteCarloOptions) =>
					post(`monteCarlo ${options.samples}`, () =>
						busyFor<MonteCarloResult>(options.inputs.delayMs ?? FAST, { years: [], samples: options.samples, seed: options.seed, bands: {}, uncertainInputs: [], elapsedMs: 0 })
					),
				monteCarloScenarios: (specs: ScenarioRun[], options: ScenarioBandOptions) =>
					post(`monteCarloScenarios ${specs.length}`, () =>
						busyFor<MonteCarloResult[]>(
							specs[0]?.inputs.delayMs ?? FAST,
							specs.map(() => ({ years: [], samples: options.samples, seed: options.seed, bands: {}, uncertainInputs: [], elapsedMs: 0 }))
						)
					),
				sensitivity: (options: MonteCarloOptions) =>
					post('sensitivity', () => busyFor<SensitivityReport>(options.inputs.delayMs ?? FAST, { tornado: [], shares: [], samples: options.samples })),
				fit: (request: FitSpec) =>
					post('fit', () => busyFor<FitResult>(request.inputs.delayMs ?? FAST, { fitted: {}, before: [], after: [], runs: 0, converged: true, problems: [] })),
				backtest: (request: BacktestSpec) =>
					post('backtest', () =>
						busyFor<BacktestResult>(request.inputs.delayMs ?? FAST, { fit: { fitted: {}, before: [], after: [], runs: 0, converged: true, problems: [] }, heldBack: [] })
					),
				monteCarloSlice: () => post('slice', () => new Float64Array(0)),
				bandsFromSlices: () => post('bandsFromSlices', () => ({ years: [], samples: 0, seed: 0, bands: {}, uncertainInputs: [], elapsedMs: 0 })),
				goalSeek: () => post('goalSeek', () => ({ status: 'no-effect' as const, lever: 'x', output: 0, runs: 0 })),
				leversReaching: () => post('leversReaching', () => []),
				sobolRuns: () => post('sobolRuns', () => ({ factors: [], outputs: new Map(), baseSamples: 0 })),
				sobolAssemble: () => post('sobolAssemble', () => ({ variable: 'x', year: 2030, baseSamples: 0, runs: 0, variance: 0, factors: [], elapsedMs: 0 })),
				matchOutlooks: () => post('matchOutlooks', () => ({ values: {}, scenario: {}, misses: [], rmse: 0, reachedAll: true, atBounds: [], evaluations: 0, elapsedMs: 0 })),
				discoveryRuns: () => post('discoveryRuns', () => ({ start: 0, count: 0, columns: [], outcome: new Float64Array(0) })),
				discoveryAssemble: () => post('discoveryAssemble', () => ({ levers: [], columns: [], outcome: new Float64Array(0), cases: new Uint8Array(0), caseCount: 0, runs: 0, baseRate: 0, trajectory: [], chosen: 0, reason: 'no-cases' as const, elapsedMs: 0 })),
				discover: () => post('discover', () => ({ levers: [], columns: [], outcome: new Float64Array(0), cases: new Uint8Array(0), caseCount: 0, runs: 0, baseRate: 0, trajectory: [], chosen: 0, reason: 'no-cases' as const, elapsedMs: 0 })),
				sobol: () => post('sobol', () => ({ variable: 'x', year: 2030, baseSamples: 0, runs: 0, variance: 0, factors: [], elapsedMs: 0 })),
				posterior: () => post('posterior', () => ({ posterior: null, problems: [], stopped: false, elapsedMs: 0 }))
			},
			terminate() {
				w.terminated = true;
			}
		};
	};
	return { workers, start };
}

const request = (horizon: number, delayMs = FAST): RunRequest => ({ inputs: { delayMs }, horizon });

/** Settles a promise into a plain outcome so a rejection is handled the moment it happens. */
function outcome<T>(promise: Promise<T>): Promise<{ value: T } | { error: unknown }> {
	return promise.then(
		(value) => ({ value }),
		(error: unknown) => ({ error })
	);
}

async function setup(limit = LIMIT) {
	const fake = fakeWorkers();
	const onRestart = vi.fn<(why: EngineTimeout | EngineCrashed) => void>();
	const engine = guardEngine(fake.start, limit, onRestart);
	const ready = Promise.all([engine.setBaseline(BASELINE), engine.load(EDITED)]);
	await vi.advanceTimersByTimeAsync(1);
	await ready;
	return { ...fake, engine, onRestart };
}

beforeEach(() => {
	vi.useFakeTimers();
});
afterEach(() => {
	vi.useRealTimers();
});

describe('guardEngine', () => {
	it('passes a run that finishes within the limit through, on the same worker', async () => {
		const { engine, workers, onRestart } = await setup();
		const run = outcome(engine.run(request(2035, LIMIT - 50)));
		await vi.advanceTimersByTimeAsync(LIMIT);
		const result = await run;
		expect(result).toEqual({ value: expect.objectContaining({ worker: 1, notebook: 'edited', result: expect.objectContaining({ years: [2035] }) }) });
		expect(workers).toHaveLength(1);
		expect(workers[0].terminated).toBe(false);
		expect(onRestart).not.toHaveBeenCalled();
		// No timer is left behind to fire later.
		await vi.advanceTimersByTimeAsync(10 * LIMIT);
		expect(workers).toHaveLength(1);
		expect(onRestart).not.toHaveBeenCalled();
	});

	it('passes an engine error through without restarting', async () => {
		const fake = fakeWorkers();
		const onRestart = vi.fn();
		const engine = guardEngine(fake.start, LIMIT, onRestart);
		const run = outcome(engine.run(request(2035))); // nothing loaded yet
		await vi.advanceTimersByTimeAsync(1);
		const result = await run;
		expect('error' in result && (result.error as Error).message).toBe('No notebook loaded');
		await vi.advanceTimersByTimeAsync(10 * LIMIT);
		expect(fake.workers).toHaveLength(1);
		expect(onRestart).not.toHaveBeenCalled();
	});

	it('stops a run over the limit: rejects with EngineTimeout, restarts the worker and replays the baseline and the notebook', async () => {
		const { engine, workers, onRestart } = await setup();
		const run = outcome(engine.run(request(2042, SLOW)));

		await vi.advanceTimersByTimeAsync(LIMIT - 1);
		expect(workers).toHaveLength(1);
		await vi.advanceTimersByTimeAsync(1);

		const result = await run;
		if (!('error' in result)) throw new Error('expected the run to be stopped');
		const why = result.error as EngineTimeout;
		expect(why).toBeInstanceOf(EngineTimeout);
		expect(why.name).toBe('EngineTimeout');
		expect(why.what).toBe('model run (horizon 2042)');
		expect(why.limitMs).toBe(LIMIT);
		expect(why.message).toContain('model run (horizon 2042)');
		expect(why.message).toContain(`${LIMIT} ms`);

		expect(workers[0].terminated).toBe(true);
		expect(workers).toHaveLength(2);
		await vi.advanceTimersByTimeAsync(5); // let the replay finish
		expect(workers[1].log).toEqual(['setBaseline baseline', 'load edited']);
		expect(onRestart).toHaveBeenCalledTimes(1);
		expect(onRestart).toHaveBeenCalledWith(why);

		// The next run goes to the new worker, with the notebook that was loaded before.
		const next = outcome(engine.run(request(2035)));
		await vi.advanceTimersByTimeAsync(FAST + 5);
		expect(await next).toEqual({ value: expect.objectContaining({ worker: 2, notebook: 'edited' }) });
		expect(workers[0].log).toEqual(['setBaseline baseline', 'load edited', 'run 2042']);
		expect(workers[1].terminated).toBe(false);

		// And nothing else happens later: the slow run's worker is gone for good.
		await vi.advanceTimersByTimeAsync(SLOW * 2);
		expect(workers).toHaveLength(2);
		expect(onRestart).toHaveBeenCalledTimes(1);
	});

	it('states limits of a second or more in seconds', async () => {
		const { engine } = await setup(2000);
		const run = outcome(engine.run(request(2050, SLOW)));
		await vi.advanceTimersByTimeAsync(2000);
		const result = await run;
		expect('error' in result && (result.error as Error).message).toMatch(/model run \(horizon 2050\) took longer than 2 s/);
	});

	it('replays the last accepted notebook, never one the engine refused', async () => {
		const { engine, workers } = await setup();
		expect(await settle(engine.load(EDITED_AGAIN, 'f-nevShare'))).toMatchObject({ accepted: true });
		expect(await settle(engine.load(BROKEN, 'f-nevShare'))).toMatchObject({ accepted: false });
		const run = outcome(engine.run(request(2035, SLOW)));
		await vi.advanceTimersByTimeAsync(LIMIT + 5);
		expect('error' in (await run)).toBe(true);
		expect(workers[1].log).toEqual(['setBaseline baseline', 'load edited again']);
		const next = outcome(engine.run(request(2035)));
		await vi.advanceTimersByTimeAsync(FAST + 5);
		expect(await next).toEqual({ value: expect.objectContaining({ worker: 2, notebook: 'edited again' }) });
	});

	it('replays only what there is: nothing loaded means only the baseline', async () => {
		const fake = fakeWorkers();
		const onRestart = vi.fn();
		const engine = guardEngine(fake.start, LIMIT, onRestart);
		await settle(engine.setBaseline(BASELINE));
		// A first guarded load that is refused is still what the old worker runs, but it is not replayed.
		await settle(engine.load(BROKEN, 'f-nevShare'));
		const run = outcome(engine.run(request(2035, SLOW)));
		await vi.advanceTimersByTimeAsync(LIMIT + 5);
		expect('error' in (await run)).toBe(true);
		expect(fake.workers[1].log).toEqual(['setBaseline baseline']);
		expect(onRestart).toHaveBeenCalledTimes(1);
	});

	it('restarts again on a second timeout, replaying the same state', async () => {
		const { engine, workers, onRestart } = await setup();
		for (const n of [2, 3]) {
			const run = outcome(engine.run(request(2035, SLOW)));
			await vi.advanceTimersByTimeAsync(LIMIT + 5);
			expect('error' in (await run)).toBe(true);
			expect(workers).toHaveLength(n);
			expect(workers[n - 2].terminated).toBe(true);
			expect(workers[n - 1].log).toEqual(['setBaseline baseline', 'load edited']);
		}
		expect(onRestart).toHaveBeenCalledTimes(2);
	});

	// Regression (fixed): restart() reads the notebook to replay only after the new worker has answered
	// setBaseline. A load() the page makes in that gap (an edit made while the engine restarts) is
	// posted to the new worker first and accepted, and then the replay posts load() of the older
	// notebook, which overwrites it in the worker. guardEngine now believes the new notebook is
	// loaded (and would replay it next time), but every run computes the old one until the next
	// edit. Input: load(EDITED); a run times out; load(EDITED_AGAIN) right after the timeout;
	// the next run reports notebook "edited".
	it('does not let the replay overwrite a notebook loaded while the engine restarts', async () => {
		const { engine, workers } = await setup();
		const run = outcome(engine.run(request(2035, SLOW)));
		await vi.advanceTimersByTimeAsync(LIMIT);
		expect('error' in (await run)).toBe(true);
		const loaded = outcome(engine.load(EDITED_AGAIN));
		await vi.advanceTimersByTimeAsync(10);
		expect(await loaded).toEqual({ value: expect.objectContaining({ accepted: true }) });
		const next = outcome(engine.run(request(2035)));
		await vi.advanceTimersByTimeAsync(FAST + 5);
		expect(workers[1].program?.title).toBe('edited again');
		expect(await next).toEqual({ value: expect.objectContaining({ worker: 2, notebook: 'edited again' }) });
	});

	it('time-limits whole-scenario runs and attributions the same way', async () => {
		const { engine, workers, onRestart } = await setup();
		const spec = (delayMs: number): ScenarioRun => ({ notebook: EDITED, inputs: { delayMs }, horizon: 2035 });

		const quick = outcome(engine.runScenarios([spec(FAST), spec(FAST)]));
		await vi.advanceTimersByTimeAsync(FAST + 5);
		expect(await quick).toEqual({ value: [expect.objectContaining({ years: [2035] }), expect.objectContaining({ years: [2035] })] });

		const scenarios = outcome(engine.runScenarios([spec(SLOW), spec(FAST)]));
		await vi.advanceTimersByTimeAsync(LIMIT + 5);
		const stopped = await scenarios;
		expect(stopped).toEqual({ error: expect.any(EngineTimeout) });
		expect('error' in stopped && (stopped.error as Error).message).toContain('run of 2 scenarios');
		expect(workers).toHaveLength(2);
		expect(workers[1].log).toEqual(['setBaseline baseline', 'load edited']);

		const attribution = outcome(engine.attribute({ notebook: EDITED, inputs: { delayMs: SLOW } }, { notebook: EDITED, inputs: {} }, 'nevShare', 2035));
		await vi.advanceTimersByTimeAsync(LIMIT + 5);
		const stoppedAgain = await attribution;
		expect('error' in stoppedAgain && (stoppedAgain.error as Error).message).toContain('attribution of nevShare in 2035');
		expect(workers).toHaveLength(3);
		expect(onRestart).toHaveBeenCalledTimes(2);

		const run = outcome(engine.run(request(2035)));
		await vi.advanceTimersByTimeAsync(FAST + 5);
		expect(await run).toEqual({ value: expect.objectContaining({ worker: 3, notebook: 'edited' }) });
	});

	// Regression (fixed): when one call times out, the other calls in flight on the terminated worker are not
	// settled: they hang until their own timers fire, then report a timeout of their own and
	// restart the engine again, terminating the fresh worker that was healthy (and anything
	// running on it). Input: a run that hangs, posted at t=0; runScenarios (300 ms of honest work)
	// posted at t=100, queued behind it. The run times out at t=500 and the engine restarts; the
	// scenario call is never answered, "times out" at t=600 and kills the second worker: three
	// workers and two onRestart calls for one hung run.
	it('restarts once for one hung call, settling the other calls on the stopped worker at once', async () => {
		const { engine, workers, onRestart } = await setup();
		const hung = outcome(engine.run(request(2035, SLOW)));
		await vi.advanceTimersByTimeAsync(100);
		const innocent = outcome(engine.runScenarios([{ notebook: EDITED, inputs: { delayMs: 300 }, horizon: 2035 }]));
		let innocentSettled = false;
		void innocent.then(() => (innocentSettled = true));
		await vi.advanceTimersByTimeAsync(LIMIT - 100 + 5);
		expect(await hung).toEqual({ error: expect.any(EngineTimeout) });
		// The call that was queued behind the hung run is settled with the restart (a few
		// microtasks later), not by its own time limit 100 ms after.
		await vi.advanceTimersByTimeAsync(1);
		expect(innocentSettled).toBe(true);
		expect(await innocent).toEqual({ error: expect.any(EngineRestarted) });
		await vi.advanceTimersByTimeAsync(2 * LIMIT);
		expect(workers).toHaveLength(2);
		expect(workers[1].terminated).toBe(false);
		expect(onRestart).toHaveBeenCalledTimes(1);
	});

	it('a worker that crashes by itself is replaced, replayed, and the restart is reported as a crash', async () => {
		const { engine, workers, onRestart } = await setup();
		workers[0].crash('boom');
		expect(workers[0].terminated).toBe(true);
		expect(onRestart).toHaveBeenCalledTimes(1);
		expect(onRestart.mock.calls[0][0]).toBeInstanceOf(EngineCrashed);
		expect(onRestart.mock.calls[0][0].message).toContain('stopped unexpectedly (boom)');
		const next = outcome(engine.run(request(2036)));
		await vi.advanceTimersByTimeAsync(FAST + 5);
		expect(await next).toEqual({ value: expect.objectContaining({ worker: 2, notebook: 'edited' }) });
		// A late crash report from the replaced worker changes nothing.
		workers[0].crash('late');
		expect(onRestart).toHaveBeenCalledTimes(1);
		expect(workers).toHaveLength(2);
	});

	it('cancel() replaces a busy worker without reporting a problem, and the next call runs', async () => {
		const { engine, workers, onRestart } = await setup();
		const busy = outcome(engine.monteCarlo({ inputs: { delayMs: LIMIT - 10 }, horizon: 2035, samples: 10_000, seed: 1, variables: [] }));
		await vi.advanceTimersByTimeAsync(5);
		engine.cancel();
		expect(await busy).toEqual({ error: expect.any(EngineRestarted) });
		expect(workers[0].terminated).toBe(true);
		expect(onRestart).not.toHaveBeenCalled();
		const next = outcome(engine.run(request(2037)));
		await vi.advanceTimersByTimeAsync(FAST + 5);
		expect(await next).toEqual({ value: expect.objectContaining({ worker: 2, notebook: 'edited' }) });
	});

	it('dispose() terminates the current worker', async () => {
		const { engine, workers } = await setup();
		engine.dispose();
		expect(workers[0].terminated).toBe(true);
	});

	/** Lets the fake workers answer, then returns the settled value. */
	async function settle<T>(promise: Promise<T>): Promise<T> {
		await vi.advanceTimersByTimeAsync(1);
		return promise;
	}
});

describe('guardEngine behind latestOnly (as client.ts wires them)', () => {
	async function wired() {
		const s = await setup();
		const runs = latestOnly((r: RunRequest) => s.engine.run(r));
		return { ...s, runs };
	}

	it('keeps serving runs after a timeout', async () => {
		const { runs, workers, onRestart } = await wired();
		const stopped = outcome(runs.submit(request(2035, SLOW)));
		await vi.advanceTimersByTimeAsync(LIMIT + 5);
		expect(await stopped).toEqual({ error: expect.any(EngineTimeout) });
		expect(onRestart).toHaveBeenCalledTimes(1);

		const answers = [outcome(runs.submit(request(2040))), outcome(runs.submit(request(2041))), outcome(runs.submit(request(2042)))];
		await vi.advanceTimersByTimeAsync(3 * FAST);
		expect(await Promise.all(answers)).toEqual([
			{ value: expect.objectContaining({ worker: 2, notebook: 'edited', result: expect.objectContaining({ years: [2040] }) }) },
			{ value: null },
			{ value: expect.objectContaining({ worker: 2, notebook: 'edited', result: expect.objectContaining({ years: [2042] }) }) }
		]);
		expect(workers).toHaveLength(2);
	});

	it('supersedes waiting requests while a run hangs, and only the stopped one fails', async () => {
		const { runs } = await wired();
		const hung = outcome(runs.submit(request(2035, SLOW)));
		const superseded = outcome(runs.submit(request(2036)));
		const newest = outcome(runs.submit(request(2037)));
		expect(await superseded).toEqual({ value: null });
		await vi.advanceTimersByTimeAsync(LIMIT + 5);
		expect(await hung).toEqual({ error: expect.any(EngineTimeout) });
		await vi.advanceTimersByTimeAsync(10 * FAST);
		// The newest request was not lost: it settled one way or the other.
		await expect(Promise.race([newest, Promise.resolve('pending')])).resolves.not.toBe('pending');
	});

	// Regression (fixed): a request that was waiting in latestOnly when the run timed out is sent to the fresh
	// worker straight away (latestOnly starts it as soon as the timed-out promise rejects), while
	// guardEngine's restart() has only posted setBaseline and posts load() after setBaseline
	// answers. The new worker therefore handles [setBaseline, run, load]: the run finds no notebook
	// loaded and fails with "No notebook loaded" (with a notebook already loaded it would run the
	// wrong one). The slider value the user stopped on is never computed. Input: load(EDITED), then
	// submit a run that hangs, submit another run while it hangs, let the time limit pass.
	it('computes the newest waiting request on the new worker, with the replayed notebook', async () => {
		const { runs, workers } = await wired();
		const hung = outcome(runs.submit(request(2035, SLOW)));
		const newest = outcome(runs.submit(request(2037)));
		await vi.advanceTimersByTimeAsync(LIMIT + 5);
		expect(await hung).toEqual({ error: expect.any(EngineTimeout) });
		await vi.advanceTimersByTimeAsync(10 * FAST);
		expect(workers[1].log).toEqual(['setBaseline baseline', 'load edited', 'run 2037']);
		expect(await newest).toEqual({ value: expect.objectContaining({ worker: 2, notebook: 'edited', result: expect.objectContaining({ years: [2037] }) }) });
	});
});
