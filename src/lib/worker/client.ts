// Browser side of the engine. Call startEngine only in the browser: workers do not exist during
// prerendering (importing this module there is harmless).
//
// Two workers: the main one answers slider moves (a run takes tens of microseconds, capped at
// 1 s); the analysis one does the heavier work (Monte Carlo bands, sensitivity, fitting) on the
// second core, so a slider never waits behind a band computation. On a machine with more cores,
// band runs split their samples over a pool of analysis workers (analysisPoolSize): one core is
// kept for the page and one for the slider path. The split is by sample index, so the bands are
// the same to the bit whatever the pool's size (sim/analysis/monteCarlo.ts poolMonteCarlo).

import { screenWordsInUse, w, wordsStartingWith, type ScreenWords } from '../i18n/screenWords';
import { proxy, wrap } from 'comlink';
import { analysisGate } from './analysisGate';
import type { AnalysisGate } from './analysisGate';
import { engineWorker } from './prestart';
import { latestOnly } from './latestOnly';
import { guardEngine } from './watchdog';
import { poolSlices } from '../sim/analysis/poolSlices';
import type { EngineCrashed, EngineTimeout, WorkerHandle } from './watchdog';
import type {
	Attribution,
	BacktestResult,
	BacktestSpec,
	DiscoveryReport,
	DiscoveryRequest,
	EngineApi,
	OutlookMatchRequest,
	OutlookMatchResult,
	EngineWorkerApi,
	FitResult,
	FitSpec,
	LoadReport,
	PosteriorOutcome,
	PosteriorSpec,
	SobolReport,
	SobolRuns,
	GoalSeekRequest,
	GoalSeekResult,
	RunRequest,
	RunResponse,
	ScenarioBandOptions,
	ScenarioRun,
	ScenarioSpec,
	SensitivityReport
} from './protocol';
import type { MonteCarloOptions, MonteCarloResult, Notebook, RunResult } from '../sim/types';

/** About a second: far above any honest run (tens of microseconds), short enough to notice. */
export const DEFAULT_TIME_LIMIT_MS = 1000;
/** 100,000 samples or a fit of many parameters may take seconds; a runaway still ends. */
export const ANALYSIS_TIME_LIMIT_MS = 20_000;
/** Tests lower the limit through this storage key to exercise the watchdog. */
const TIME_LIMIT_OVERRIDE_KEY = 'shiftcast:engineTimeLimitMs';

export interface EngineClient {
	setBaseline(notebook: Notebook): Promise<RunResult>;
	load(notebook: Notebook, guardCellId?: string): Promise<LoadReport>;
	/** Latest wins: resolves null when a newer run replaced this one before it started. */
	run(request: RunRequest): Promise<RunResponse | null>;
	runScenarios(specs: ScenarioRun[]): Promise<RunResult[]>;
	attribute(a: ScenarioSpec, b: ScenarioSpec, variable: string, year: number): Promise<Attribution>;
	/** Latest wins, like run. */
	monteCarlo(options: MonteCarloOptions, onProgress: (fraction: number) => void): Promise<MonteCarloResult | null>;
	/** Bands of whole scenarios (the comparison page). Latest wins, like run. */
	monteCarloScenarios(specs: ScenarioRun[], options: ScenarioBandOptions): Promise<MonteCarloResult[] | null>;
	cancelAnalysis(): void;
	/**
	 * Holds band runs between years while a slider's lines are computed and drawn; call the
	 * returned function once they are (worker/yieldGate.ts).
	 */
	holdAnalysis(): () => void;
	sensitivity(options: MonteCarloOptions, variable: string, year: number): Promise<SensitivityReport>;
	fit(request: FitSpec): Promise<FitResult>;
	backtest(request: BacktestSpec): Promise<BacktestResult>;
	posterior(request: PosteriorSpec, onProgress: (fraction: number) => void): Promise<PosteriorOutcome>;
	sobol(options: MonteCarloOptions & { baseSamples?: number }, variable: string, year: number, onProgress: (fraction: number) => void): Promise<SobolReport>;
	goalSeek(request: GoalSeekRequest): Promise<GoalSeekResult>;
	discover(request: DiscoveryRequest, onProgress: (fraction: number) => void): Promise<DiscoveryReport>;
	matchOutlooks(request: Omit<OutlookMatchRequest, 'notebook'>): Promise<OutlookMatchResult>;
	leversReaching(request: Omit<GoalSeekRequest, 'lever'>, levers: string[]): Promise<GoalSeekResult[]>;
	dispose(): void;
}

function timeLimit(): number {
	try {
		const override = Number(localStorage.getItem(TIME_LIMIT_OVERRIDE_KEY));
		return override > 0 ? override : DEFAULT_TIME_LIMIT_MS;
	} catch {
		return DEFAULT_TIME_LIMIT_MS;
	}
}

/** The page's words for the engine's own messages (none before a page hands its words over). */
function engineWords(): Partial<ScreenWords> {
	return wordsStartingWith(screenWordsInUse() ?? {}, ['screen_engine_']);
}

function startWorker(onCrash: (detail: string) => void, gate?: AnalysisGate): WorkerHandle {
	const worker = engineWorker();
	worker.addEventListener('error', (event) => {
		event.preventDefault();
		onCrash(event.message || w('screen_analysis_crash_error'));
	});
	worker.addEventListener('messageerror', () => onCrash(w('screen_analysis_crash_message')));
	const api = wrap<EngineWorkerApi>(worker);
	// Before anything else it is asked: its formula errors in the page's language.
	void api.useWords(engineWords());
	gate?.connect(api);
	return { api, terminate: () => worker.terminate() };
}

/** Tests set the pool's size through this storage key (this machine has two cores: a pool of one). */
const POOL_OVERRIDE_KEY = 'shiftcast:analysisPool';
/** Most analysis workers a band run uses. */
const MAX_POOL = 4;

/** Analysis workers for band runs: the cores less one for the page and one for slider runs, 1 to 4. */
export function analysisPoolSize(): number {
	try {
		const override = Number(localStorage.getItem(POOL_OVERRIDE_KEY));
		if (override > 0) return Math.min(MAX_POOL, Math.round(override));
	} catch {
		// no storage: the machine decides
	}
	const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
	return Math.max(1, Math.min(MAX_POOL, cores - 2));
}

export function startEngine(onRestart: (why: EngineTimeout | EngineCrashed) => void): EngineClient {
	const main = guardEngine(startWorker, timeLimit(), onRestart);
	const gate = analysisGate();
	const analysis = guardEngine((onCrash) => startWorker(onCrash, gate), ANALYSIS_TIME_LIMIT_MS, onRestart);
	// The pool's other workers: they only run slices of band runs (no gate: a slice runs whole).
	const helpers = Array.from({ length: analysisPoolSize() - 1 }, () => guardEngine(startWorker, ANALYSIS_TIME_LIMIT_MS, onRestart));
	const runs = latestOnly((request: RunRequest) => main.run(request));
	const bands = latestOnly((request: { options: MonteCarloOptions; onProgress: (f: number) => void }) => {
		if (!helpers.length) return analysis.monteCarlo(request.options, proxy(request.onProgress));
		return pooledBands(request.options, request.onProgress);
	});

	/** Sobol indices with the runs shared over the pool (each matrix is seeded: any split gives the same). */
	async function pooledSobol(options: MonteCarloOptions & { baseSamples?: number }, variable: string, year: number, onProgress: (fraction: number) => void): Promise<SobolReport> {
		const started = performance.now();
		const workers = [analysis, ...helpers];
		const done = workers.map(() => 0);
		const shares = await Promise.all(
			workers.map((worker, k) =>
				worker.sobolRuns(options, variable, year, k, workers.length, proxy((f: number) => {
					done[k] = f;
					onProgress(done.reduce((a, b) => a + b, 0) / workers.length);
				}))
			)
		);
		const outputs = new Map<number, Float64Array>();
		for (const share of shares) for (const [r, out] of share.outputs) outputs.set(r, out);
		return analysis.sobolAssemble({ ...shares[0], outputs }, variable, year, options.seed, performance.now() - started);
	}

	/** Scenario discovery with the runs shared over the pool (the Latin hypercube is seeded per slice: any split gives the same). */
	async function pooledDiscovery(request: DiscoveryRequest, onProgress: (fraction: number) => void): Promise<DiscoveryReport> {
		const started = performance.now();
		const workers = [analysis, ...helpers];
		const slices = poolSlices(request.runs, workers.length);
		const done = workers.map(() => 0);
		const parts = await Promise.all(
			slices.map((s, k) =>
				workers[k].discoveryRuns(request, s.start, s.count, proxy((f: number) => {
					done[k] = f;
					onProgress(done.reduce((a, b) => a + b, 0) / workers.length);
				}))
			)
		);
		return analysis.discoveryAssemble(request, parts, performance.now() - started);
	}

	/** A band run split over the pool: each worker a slice, the analysis worker the summary. */
	async function pooledBands(options: MonteCarloOptions, onProgress: (fraction: number) => void): Promise<MonteCarloResult> {
		const started = performance.now();
		const workers = [analysis, ...helpers];
		const slices = poolSlices(options.samples, workers.length);
		let done = 0;
		const outputs = await Promise.all(
			slices.map(async (s, k) => {
				const out = await workers[k].monteCarloSlice(options, s.start, s.count);
				onProgress(++done / (slices.length + 1));
				return out;
			})
		);
		return analysis.bandsFromSlices(options, outputs, performance.now() - started);
	}
	const scenarioBands = latestOnly((request: { specs: ScenarioRun[]; options: ScenarioBandOptions }) => analysis.monteCarloScenarios(request.specs, request.options));
	return {
		setBaseline: (notebook) => main.setBaseline(notebook),
		async load(notebook, guardCellId) {
			const report = await main.load(notebook, guardCellId);
			// The analysis workers follow whatever the main one accepted.
			if (report.accepted) for (const worker of [analysis, ...helpers]) worker.load(notebook).catch(() => undefined);
			return report;
		},
		run: (request) => runs.submit(request),
		runScenarios: (specs) => main.runScenarios(specs),
		attribute: (a, b, variable, year) => main.attribute(a, b, variable, year),
		monteCarlo: (options, onProgress) => bands.submit({ options, onProgress }),
		monteCarloScenarios: (specs, options) => scenarioBands.submit({ specs, options }),
		cancelAnalysis: () => {
			analysis.cancel();
			for (const helper of helpers) helper.cancel();
		},
		holdAnalysis: () => gate.hold(),
		sensitivity: (options, variable, year) => analysis.sensitivity(options, variable, year),
		fit: (request) => analysis.fit(request),
		backtest: (request) => analysis.backtest(request),
		posterior: (request, onProgress) => analysis.posterior(request, proxy(onProgress)),
		goalSeek: (request) => analysis.goalSeek(request),
		discover: (request, onProgress) => (helpers.length ? pooledDiscovery(request, onProgress) : analysis.discover(request, proxy(onProgress))),
		matchOutlooks: (request) => analysis.matchOutlooks(request),
		leversReaching: (request, levers) => analysis.leversReaching(request, levers),
		sobol: (options, variable, year, onProgress) => (helpers.length ? pooledSobol(options, variable, year, onProgress) : analysis.sobol(options, variable, year, proxy(onProgress))),
		dispose: () => {
			main.dispose();
			analysis.dispose();
			for (const helper of helpers) helper.dispose();
		}
	};
}
