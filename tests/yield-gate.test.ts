// "Lines first": a band run pauses between years while the page holds the gate (worker side:
// src/lib/worker/yieldGate.ts; page side: src/lib/worker/analysisGate.ts), the paused run gives
// the same bands, and the analysis worker still runs one call at a time; progress reports wait
// until a run has gone on a while.
import { afterEach, describe, expect, it } from 'vitest';
import { annualSeries } from '../src/lib/data';
import { chinaMarketNotebook } from '../src/lib/notebooks/chinaMarket';
import { compileNotebook } from '../src/lib/sim';
import { runMonteCarlo, runMonteCarloPausable } from '../src/lib/sim/analysis/monteCarlo';
import type { MonteCarloOptions } from '../src/lib/sim/types';
import { analysisGate } from '../src/lib/worker/analysisGate';
import { createEngineService, oneCallAtATime, progressAfter, PROGRESS_QUIET_MS } from '../src/lib/worker/engineService';
import { createYieldGate, MAX_HOLD_MS, MAX_PAUSE_MS } from '../src/lib/worker/yieldGate';
import type { GateMessage } from '../src/lib/worker/yieldGate';

const ports: MessagePort[] = [];
afterEach(() => {
	for (const p of ports.splice(0)) p.close();
});

/** A gate with the page's end of its channel. */
function gateWithPort() {
	const gate = createYieldGate();
	const channel = new MessageChannel();
	ports.push(channel.port1, channel.port2);
	gate.attach(channel.port2);
	return { gate, send: (m: GateMessage) => channel.port1.postMessage(m) };
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
const options: MonteCarloOptions = { inputs: {}, horizon: 2035, samples: 2_000, seed: 7, variables: ['nevShare', 'domesticShare'] };

describe('the worker side of the gate', () => {
	it('lets a run through at once when nothing holds it', async () => {
		const { gate } = gateWithPort();
		const started = performance.now();
		await gate.pass();
		expect(performance.now() - started).toBeLessThan(50);
	});

	it('holds a run from a hold until the release', async () => {
		const { gate, send } = gateWithPort();
		send('hold');
		await sleep(5); // the hold is in (messages on two channels need not arrive in order)
		let passed = false;
		const passing = gate.pass().then(() => (passed = true));
		await sleep(MAX_PAUSE_MS / 2);
		expect(passed).toBe(false);
		send('release');
		await passing;
		expect(passed).toBe(true);
	});

	it('waits at most MAX_PAUSE_MS per year, so back-to-back holds (a long drag) only slow the bands', async () => {
		const { gate, send } = gateWithPort();
		send('hold');
		await sleep(5); // the hold is in
		const started = performance.now();
		await gate.pass();
		const waited = performance.now() - started;
		expect(waited).toBeGreaterThan(MAX_PAUSE_MS - 10);
		expect(waited).toBeLessThan(MAX_PAUSE_MS + 200);
	});

	it('lets a hold lapse MAX_HOLD_MS after the last one, if no release comes', async () => {
		const { gate, send } = gateWithPort();
		send('hold');
		await sleep(MAX_HOLD_MS + 20);
		const started = performance.now();
		await gate.pass();
		expect(performance.now() - started).toBeLessThan(MAX_PAUSE_MS - 10);
	});
});

describe('a band run that pauses between years', () => {
	const model = compileNotebook(chinaMarketNotebook, annualSeries);

	it('gives exactly the bands of the run that does not pause, waiting once per year', async () => {
		let pauses = 0;
		const paused = await runMonteCarloPausable(model, options, async () => {
			pauses++;
			await sleep(0);
		});
		const straight = runMonteCarlo(model, options);
		expect(paused.bands).toEqual(straight.bands);
		expect(pauses).toBe(straight.years.length);
	});

	it('counts computing time only, not the pauses', async () => {
		let pausedMs = 0;
		const started = performance.now();
		const paused = await runMonteCarloPausable(model, { ...options, samples: 100 }, async () => {
			const t = performance.now();
			await sleep(20);
			pausedMs += performance.now() - t;
		});
		const wallMs = performance.now() - started;
		expect(pausedMs).toBeGreaterThan(paused.years.length * 15);
		expect(paused.elapsedMs).toBeLessThanOrEqual(wallMs - pausedMs + 1);
	});

	it('keeps other calls out until it ends (they would reuse its sample buffers)', async () => {
		const order: string[] = [];
		let releaseGate!: () => void;
		const held = new Promise<void>((ok) => (releaseGate = ok));
		const service = oneCallAtATime(createEngineService({ betweenYears: () => held }));
		await service.load(chinaMarketNotebook);
		const bands = service.monteCarlo(options).then(() => order.push('bands'));
		const ranking = service.sensitivity({ ...options, samples: 500 }, 'nevShare', 2030).then(() => order.push('sensitivity'));
		await sleep(20);
		expect(order).toEqual([]); // the band run is held, and the ranking waits behind it
		releaseGate();
		await Promise.all([bands, ranking]);
		expect(order).toEqual(['bands', 'sensitivity']);
	});

	it('does not let a failed call block the ones after it', async () => {
		const service = oneCallAtATime(createEngineService());
		await expect(service.run({ inputs: {}, horizon: 2030 })).rejects.toThrow(/No notebook loaded/);
		await service.load(chinaMarketNotebook);
		const { result } = await service.run({ inputs: {}, horizon: 2030 });
		expect(result.years.at(-1)).toBe(2030);
	});
});

describe('the page side of the gate', () => {
	/** A stand-in for the worker: records what arrives on each port it is given. */
	function fakeWorker() {
		const received: GateMessage[][] = [];
		return {
			received,
			attachGate(port: MessagePort) {
				ports.push(port);
				const mine: GateMessage[] = [];
				received.push(mine);
				port.onmessage = (e: MessageEvent<GateMessage>) => mine.push(e.data);
			}
		};
	}

	it('renews the hold on every slider run and releases when the last one is drawn', async () => {
		const worker = fakeWorker();
		const gate = analysisGate();
		gate.connect(worker);
		const first = gate.hold();
		const second = gate.hold();
		first();
		first(); // twice is harmless
		await sleep(10);
		expect(worker.received[0]).toEqual(['hold', 'hold']);
		second();
		await sleep(10);
		expect(worker.received[0]).toEqual(['hold', 'hold', 'release']);
	});

	it('passes a hold that is on to a restarted worker', async () => {
		const worker = fakeWorker();
		const gate = analysisGate();
		gate.connect(worker);
		const release = gate.hold();
		gate.connect(worker); // the analysis worker was replaced
		await sleep(10);
		expect(worker.received[1]).toEqual(['hold']);
		release();
		await sleep(10);
		expect(worker.received[1]).toEqual(['hold', 'release']);
	});
});

describe('progress reports of a band run', () => {
	it('stay quiet for the first PROGRESS_QUIET_MS, then pass every fraction on', () => {
		let t = 0;
		const heard: number[] = [];
		const report = progressAfter(PROGRESS_QUIET_MS, (f) => heard.push(f), () => t);
		report(0.1);
		t = PROGRESS_QUIET_MS - 1;
		report(0.2);
		t = PROGRESS_QUIET_MS;
		report(0.3);
		report(1);
		expect(heard).toEqual([0.3, 1]);
	});
});
