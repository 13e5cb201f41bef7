// Caps how long a model run may take. Formulas come from strangers; if a run goes past the
// limit the worker is terminated (the only way to stop a busy worker), a fresh one is started
// and given back the baseline and the last notebook that loaded, and the caller is told which
// run was stopped. The page stays usable throughout.
//
// Ordering matters: calls made while the fresh worker is being brought back wait until it has
// the baseline and the notebook, so they run against the right model; calls still waiting on
// the terminated worker are rejected at once (they would never be answered).

import type { Attribution, BacktestResult, BacktestSpec, DiscoveryPart, DiscoveryReport, DiscoveryRequest, EngineApi, OutlookMatchRequest, OutlookMatchResult, FitResult, FitSpec, LoadReport, PosteriorOutcome, PosteriorSpec, SobolReport, SobolRuns, GoalSeekRequest, GoalSeekResult, RunRequest, RunResponse, ScenarioBandOptions, ScenarioRun, ScenarioSpec, SensitivityReport } from './protocol';
import type { MonteCarloOptions, MonteCarloResult } from '../sim/types';
import { groupThousands } from '../view/format';
import type { Notebook, RunResult } from '../sim/types';
import { w } from '../i18n/screenWords';

export interface WorkerHandle {
	api: EngineApi;
	terminate(): void;
}

/** A time limit as people read it: "2 s", "500 ms". */
const limitText = (ms: number) => (ms >= 1000 ? w('screen_analysis_seconds', { count: ms / 1000 }) : w('screen_analysis_milliseconds', { count: ms }));

export class EngineTimeout extends Error {
	constructor(
		readonly what: string,
		readonly limitMs: number
	) {
		super(w('screen_analysis_timeout', { what, limit: limitText(limitMs) }));
		this.name = 'EngineTimeout';
	}
}

/** The worker failed by itself (an uncaught error in it): it was replaced. */
export class EngineCrashed extends Error {
	constructor(readonly detail: string) {
		super(w('screen_analysis_crashed', { detail }));
		this.name = 'EngineCrashed';
	}
}

/** A call that was waiting on a worker that had to be stopped because of another call. */
export class EngineRestarted extends Error {
	constructor(readonly what: string) {
		super(w('screen_analysis_cancelled_by_restart', { what }));
		this.name = 'EngineRestarted';
	}
}

export interface GuardedEngine extends EngineApi {
	/** Stops whatever the worker is doing (by replacing it), without reporting a problem. */
	cancel(): void;
	dispose(): void;
}

interface Pending {
	/** What the call is, in the page's words; worded only when a restart or a time-out reports it. */
	what: () => string;
	reject: (e: unknown) => void;
	timer: ReturnType<typeof setTimeout> | null;
}

/**
 * `start(onCrash)` makes a worker and calls onCrash if that worker fails by itself.
 * `onRestart` hears why the engine was restarted: a run too long, or a crash.
 */
export function guardEngine(
	start: (onCrash: (detail: string) => void) => WorkerHandle,
	timeLimitMs: number,
	onRestart: (why: EngineTimeout | EngineCrashed) => void
): GuardedEngine {
	let generation = 0;
	const launch = () => {
		const mine = ++generation;
		// A crash report from a worker already replaced is old news.
		return start((detail) => mine === generation && restart(new EngineCrashed(detail)));
	};
	let worker = launch();
	let baselineNotebook: Notebook | null = null;
	let loadedNotebook: Notebook | null = null;
	/** Settles when the current worker has been given back its baseline and notebook. */
	let ready: Promise<void> = Promise.resolve();
	const pending = new Set<Pending>();

	const restart = (why: EngineTimeout | EngineCrashed | null) => {
		for (const p of pending) {
			if (p.timer) clearTimeout(p.timer);
			p.reject(new EngineRestarted(p.what()));
		}
		pending.clear();
		worker.terminate();
		worker = launch();
		const fresh = worker;
		// Replayed without a time limit: the baseline and the last accepted notebook already ran.
		ready = (async () => {
			if (baselineNotebook) await fresh.api.setBaseline(baselineNotebook);
			if (loadedNotebook) await fresh.api.load(loadedNotebook);
		})().catch(() => undefined);
		if (why) onRestart(why);
	};

	/** Sends a call to the current worker once it is ready; `limited` calls are timed. */
	function call<T>(what: () => string, limited: boolean, send: (api: EngineApi) => Promise<T>): Promise<T> {
		return ready.then(
			() =>
				new Promise<T>((resolve, reject) => {
					const entry: Pending = { what, reject, timer: null };
					if (limited) {
						entry.timer = setTimeout(() => {
							pending.delete(entry);
							const why = new EngineTimeout(what(), timeLimitMs);
							reject(why);
							restart(why);
						}, timeLimitMs);
					}
					pending.add(entry);
					send(worker.api).then(
						(v) => {
							if (!pending.delete(entry)) return; // already rejected by a restart
							if (entry.timer) clearTimeout(entry.timer);
							resolve(v);
						},
						(e) => {
							if (!pending.delete(entry)) return;
							if (entry.timer) clearTimeout(entry.timer);
							reject(e);
						}
					);
				})
		);
	}

	return {
		// Compiling is bounded by the notebook's size limits; only runs are timed.
		async setBaseline(notebook: Notebook): Promise<RunResult> {
			const result = await call(() => w('screen_analysis_what_baseline'), false, (api) => api.setBaseline(notebook));
			baselineNotebook = notebook;
			return result;
		},
		async load(notebook: Notebook, guardCellId?: string): Promise<LoadReport> {
			const report = await call(() => w('screen_analysis_what_compile'), false, (api) => api.load(notebook, guardCellId));
			if (report.accepted) loadedNotebook = notebook;
			return report;
		},
		run(request: RunRequest): Promise<RunResponse> {
			return call(() => w('screen_analysis_what_run', { horizon: request.horizon }), true, (api) => api.run(request));
		},
		runScenarios(specs: ScenarioRun[]): Promise<RunResult[]> {
			return call(() => w(specs.length === 1 ? 'screen_analysis_what_scenarios_one' : 'screen_analysis_what_scenarios_many', { count: specs.length }), true, (api) => api.runScenarios(specs));
		},
		attribute(a: ScenarioSpec, b: ScenarioSpec, variable: string, year: number): Promise<Attribution> {
			return call(() => w('screen_analysis_what_attribution', { variable, year }), true, (api) => api.attribute(a, b, variable, year));
		},
		monteCarlo(options: MonteCarloOptions, onProgress?: (fraction: number) => void): Promise<MonteCarloResult> {
			return call(() => w('screen_analysis_what_bands', { samples: groupThousands(options.samples) }), true, (api) => api.monteCarlo(options, onProgress));
		},
		monteCarloScenarios(specs: ScenarioRun[], options: ScenarioBandOptions): Promise<MonteCarloResult[]> {
			return call(() => w(specs.length === 1 ? 'screen_analysis_what_bands_scenarios_one' : 'screen_analysis_what_bands_scenarios_many', { count: specs.length }), true, (api) => api.monteCarloScenarios(specs, options));
		},
		sensitivity(options: MonteCarloOptions, variable: string, year: number): Promise<SensitivityReport> {
			return call(() => w('screen_analysis_what_sensitivity', { variable, year }), true, (api) => api.sensitivity(options, variable, year));
		},
		fit(request: FitSpec): Promise<FitResult> {
			return call(() => w('screen_analysis_what_fit', { count: request.parameters.length }), true, (api) => api.fit(request));
		},
		backtest(request: BacktestSpec): Promise<BacktestResult> {
			return call(() => w('screen_analysis_what_backtest', { year: request.throughYear }), true, (api) => api.backtest(request));
		},
		monteCarloSlice(options: MonteCarloOptions, start: number, count: number): Promise<Float64Array> {
			return call(() => w('screen_analysis_what_bands_slice', { first: groupThousands(start + 1), last: groupThousands(start + count) }), true, (api) => api.monteCarloSlice(options, start, count));
		},
		bandsFromSlices(options: MonteCarloOptions, outputs: Float64Array[], elapsedMs: number): Promise<MonteCarloResult> {
			return call(() => w('screen_analysis_what_bands_assemble'), true, (api) => api.bandsFromSlices(options, outputs, elapsedMs));
		},
		goalSeek(request: GoalSeekRequest): Promise<GoalSeekResult> {
			return call(() => w('screen_analysis_what_goal_seek', { lever: request.lever }), true, (api) => api.goalSeek(request));
		},
		leversReaching(request: Omit<GoalSeekRequest, 'lever'>, levers: string[]): Promise<GoalSeekResult[]> {
			return call(() => w('screen_analysis_what_goal_seek_levers', { count: levers.length }), true, (api) => api.leversReaching(request, levers));
		},
		sobolRuns(options: MonteCarloOptions & { baseSamples?: number }, variable: string, year: number, part: number, parts: number, onProgress?: (fraction: number) => void): Promise<SobolRuns> {
			return call(() => w('screen_analysis_what_sobol_runs', { variable, year, part: part + 1, parts }), true, (api) => api.sobolRuns(options, variable, year, part, parts, onProgress));
		},
		sobolAssemble(runs: SobolRuns, variable: string, year: number, seed: number, elapsedMs: number): Promise<SobolReport> {
			return call(() => w('screen_analysis_what_sobol_assemble'), true, (api) => api.sobolAssemble(runs, variable, year, seed, elapsedMs));
		},
		sobol(options: MonteCarloOptions & { baseSamples?: number }, variable: string, year: number, onProgress?: (fraction: number) => void): Promise<SobolReport> {
			return call(() => w('screen_analysis_what_sobol', { variable, year }), true, (api) => api.sobol(options, variable, year, onProgress));
		},
		matchOutlooks(request: Omit<OutlookMatchRequest, 'notebook'>): Promise<OutlookMatchResult> {
			return call(() => w('screen_analysis_what_outlook_match'), true, (api) => api.matchOutlooks(request));
		},
		discoveryRuns(request: DiscoveryRequest, start: number, count: number, onProgress?: (fraction: number) => void): Promise<DiscoveryPart> {
			return call(() => w('screen_analysis_what_discovery_runs', { first: start, last: start + count }), true, (api) => api.discoveryRuns(request, start, count, onProgress));
		},
		discoveryAssemble(request: DiscoveryRequest, parts: DiscoveryPart[], elapsedMs: number): Promise<DiscoveryReport> {
			return call(() => w('screen_analysis_what_discovery_assemble'), true, (api) => api.discoveryAssemble(request, parts, elapsedMs));
		},
		discover(request: DiscoveryRequest, onProgress?: (fraction: number) => void): Promise<DiscoveryReport> {
			return call(() => w('screen_analysis_what_discovery', { variable: request.variable, year: request.year }), true, (api) => api.discover(request, onProgress));
		},
		// Untimed: a fixed number of steps that reports progress and has Cancel.
		posterior(request: PosteriorSpec, onProgress?: (fraction: number) => void): Promise<PosteriorOutcome> {
			return call(() => w('screen_analysis_what_posterior'), false, (api) => api.posterior(request, onProgress));
		},
		cancel() {
			restart(null);
		},
		dispose() {
			worker.terminate();
		}
	};
}
