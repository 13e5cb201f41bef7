// What the worker exposes, kept free of worker globals so tests and benchmarks can call it
// directly in Node.

import { dataFor, provideFrozenData, seriesBasisFor } from '../notebooks/publishedData';
import { v1Data } from '../notebooks/frozen/v1Data';
import { v2Data } from '../notebooks/frozen/v2Data';

// Old versions' data, bundled: the page sends an old version's notebook itself, never its data.
provideFrozenData(1, v1Data);
provideFrozenData(2, v2Data);
import { compileNotebook, createProgram, runDeterministic } from '../sim/index';
import type { Program } from '../sim/index';
import type { FitCell, Notebook, RunResult } from '../sim/types';
import { computePosterior } from '../sim/analysis/posterior';
import { summariseDraws } from '../sim/analysis/posteriorSummary';
import { modelSobol, sobolReport, sobolRuns, type SobolRuns } from '../sim/analysis/sobol';
import { goalSeek, leversReaching, type GoalSeekRequest } from '../sim/analysis/goalSeek';
import type { DiscoveryOptions, DiscoveryPart, DiscoveryResult } from '../sim/analysis/discovery';
import type { OutlookMatchRequest } from '../sim/analysis/outlookMatch';
import { attribute, programCache } from '../sim/analysis/attribution';
import { cacheByNotebook } from '../sim/notebookCache';
import { bandsFromSlices, monteCarloSlice, runMonteCarlo, runMonteCarloPausable } from '../sim/analysis/monteCarlo';
import { tornado, varianceShares } from '../sim/analysis/sensitivity';
import { fitParameters } from '../sim/analysis/fitting';
import { backtest } from '../sim/analysis/backtest';
import { attachPosterior } from '../sim/analysis/posteriorCheck';
import { shippedPosterior } from '../notebooks/shippedPosterior';
import type { CompiledModel } from '../sim/model';
import type { MonteCarloOptions } from '../sim/types';
import { MAX_HORIZON, OWN_ERROR_KINDS } from './protocol';
import { w } from '../i18n/screenWords';
import type { BacktestSpec, DiscoveryReport, DiscoveryRequest, EngineApi, FitSpec, PosteriorSpec, PosteriorSummary, LoadReport, RunRequest, RunResponse, ScenarioBandOptions, ScenarioRun, ScenarioSpec } from './protocol';

export interface EngineServiceOptions {
	/**
	 * Awaited between the simulated years of the notebook's band run (the analysis worker's
	 * yield gate). Without it the run is one synchronous call, as in Node tests and benchmarks.
	 */
	betweenYears?: () => Promise<void>;
}

/**
 * A run's first PROGRESS_QUIET_MS report no progress. The page shows a progress bar only after
 * 200 ms, and each report is a message to the main thread and its answer back: seventeen pairs
 * per band run, arriving while a slider is being dragged.
 */
export const PROGRESS_QUIET_MS = 100;

export function progressAfter(quietMs: number, onProgress: (fraction: number) => void, now = () => performance.now()): (fraction: number) => void {
	const started = now();
	return (fraction) => {
		if (now() - started >= quietMs) onProgress(fraction);
	};
}

/**
 * A notebook's baseline: default inputs, to the last year any horizon reaches. The engine answers
 * setBaseline with it, and the build runs it for the published notebook (server/publishedRun.ts),
 * so the two are the same computation.
 */
export function baselineRun(notebook: Notebook): RunResult {
	return runDeterministic(createProgram(compileNotebook(notebook, dataFor(notebook)), 1), { inputs: {}, horizon: MAX_HORIZON });
}

/** The page's view of the posterior the model carries: where it came from and its diagnostics. */
function summaryOf(model: CompiledModel, notebook: Notebook): PosteriorSummary | null {
	const posterior = model.posterior;
	if (!posterior) return null;
	const cell = notebook.cells.find((c): c is FitCell => c.kind === 'fit' && !!c.parameters?.length);
	if (!cell) return null;
	const { parameters, noise, fromYear, toYear, diagnostics } = posterior;
	return { source: cell.posterior ? 'own' : 'shipped', cellId: cell.id, draws: posterior.draws.length, parameters, noise, fromYear, toYear, diagnostics, summary: summariseDraws(posterior) };
}

/** The notebook compiled, with the posterior its fit cell uses (its own, or its version's shipped one). */
function withPosterior(notebook: Notebook): CompiledModel {
	return attachPosterior(compileNotebook(notebook, dataFor(notebook)), notebook, shippedPosterior);
}

/** Loaded on first use: the sweep and PRIM stay out of the worker's first download (80 kB budget). */
const discoveryCode = () => import('../sim/analysis/discovery');

/** What the page needs of a discovery: the runs, the cases and PRIM's trajectory. */
function discoveryReport(result: DiscoveryResult): DiscoveryReport {
	const { prim } = result;
	return {
		levers: result.levers.map((name, i) => ({ name, min: result.ranges[i][0], max: result.ranges[i][1] })),
		columns: result.columns,
		outcome: result.outcome,
		cases: result.cases,
		caseCount: prim.cases,
		runs: prim.runs,
		baseRate: prim.baseRate,
		trajectory: prim.steps,
		chosen: prim.chosen,
		reason: prim.reason,
		elapsedMs: result.elapsedMs
	};
}

export function createEngineService(options: EngineServiceOptions = {}): EngineApi {
	const { betweenYears } = options;
	let program: Program | null = null;
	let loaded: { notebook: Notebook; model: CompiledModel } | null = null;
	// Each notebook reads the data of its own published version (version 1 its frozen data).
	const programFor = programCache(dataFor);
	// Compiled notebooks of compared scenarios, by content (a comparison holds at most four).
	const modelFor = cacheByNotebook((notebook) => withPosterior(notebook));
	const current = () => {
		if (!loaded) throw new Error(w('screen_engine_analysis_no_notebook'));
		return loaded;
	};
	/** The discovery's options for the loaded notebook: every scenario lever (never a calibrated parameter, posterior or not). */
	async function discoveryOptions(request: DiscoveryRequest): Promise<DiscoveryOptions> {
		const { scenarioLevers } = await discoveryCode();
		const { variable, year, condition, value, upper, runs, seed, inputs, horizon } = request;
		return { variable, year, condition: { kind: condition, value, upper }, runs, seed, inputs, horizon, levers: scenarioLevers(current().notebook) };
	}
	return {
		async setBaseline(notebook: Notebook): Promise<RunResult> {
			return baselineRun(notebook);
		},
		async load(notebook: Notebook, guardCellId?: string): Promise<LoadReport> {
			const model = withPosterior(notebook);
			const rejected = guardCellId !== undefined && model.errors.some((e) => e.cellId === guardCellId && OWN_ERROR_KINDS.has(e.kind));
			if (!rejected || !program) {
				program = createProgram(model, 1);
				loaded = { notebook, model };
			}
			return { accepted: !rejected, errors: model.errors, variables: model.variables, posterior: summaryOf(model, notebook) };
		},
		async run(request: RunRequest): Promise<RunResponse> {
			if (!program) throw new Error(w('screen_engine_analysis_no_notebook'));
			const started = performance.now();
			const result = runDeterministic(program, request);
			return { result, engineMicros: (performance.now() - started) * 1000 };
		},
		async runScenarios(specs: ScenarioRun[]): Promise<RunResult[]> {
			return specs.map((s) => runDeterministic(programFor(s.notebook), { inputs: s.inputs, horizon: s.horizon }));
		},
		async attribute(a: ScenarioSpec, b: ScenarioSpec, variable: string, year: number) {
			return attribute(a, b, variable, year, programFor);
		},
		async monteCarlo(options: MonteCarloOptions, onProgress?: (fraction: number) => void) {
			const report = onProgress && progressAfter(PROGRESS_QUIET_MS, onProgress);
			if (betweenYears) return runMonteCarloPausable(current().model, options, betweenYears, report);
			return runMonteCarlo(current().model, options, report);
		},
		async monteCarloScenarios(specs: ScenarioRun[], options: ScenarioBandOptions) {
			return specs.map((s) => runMonteCarlo(modelFor(s.notebook), { ...options, inputs: s.inputs, horizon: s.horizon }));
		},
		async sensitivity(options: MonteCarloOptions, variable: string, year: number) {
			const { model } = current();
			return {
				tornado: tornado(model, options.inputs, variable, year),
				shares: varianceShares(model, options, variable, year),
				samples: options.samples
			};
		},
		async fit(request: FitSpec) {
			const { notebook } = current();
			return fitParameters({ ...request, notebook, observed: dataFor(notebook, request.periods ?? 'annual'), seriesBasis: seriesBasisFor(notebook) }, dataFor(notebook));
		},
		async backtest(request: BacktestSpec) {
			const { notebook } = current();
			return backtest({ ...request, notebook, observed: dataFor(notebook, 'annual'), seriesBasis: seriesBasisFor(notebook) }, dataFor(notebook));
		},
		async monteCarloSlice(options: MonteCarloOptions, start: number, count: number) {
			return monteCarloSlice(current().model, options, start, count);
		},
		async bandsFromSlices(options: MonteCarloOptions, outputs: Float64Array[], elapsedMs: number) {
			return bandsFromSlices(current().model, options, outputs, elapsedMs);
		},
		async discover(request: DiscoveryRequest, onProgress?: (fraction: number) => void): Promise<DiscoveryReport> {
			const { discover, discoverPausable } = await discoveryCode();
			const options = await discoveryOptions(request);
			const report = onProgress && progressAfter(PROGRESS_QUIET_MS, onProgress);
			const model = current().model;
			const result = betweenYears ? await discoverPausable(model, options, betweenYears, report) : discover(model, options, report);
			return discoveryReport(result);
		},
		async discoveryRuns(request: DiscoveryRequest, start: number, count: number, onProgress?: (fraction: number) => void) {
			const { discoveryRuns } = await discoveryCode();
			return discoveryRuns(current().model, await discoveryOptions(request), start, count, onProgress);
		},
		async discoveryAssemble(request: DiscoveryRequest, parts: DiscoveryPart[], elapsedMs: number) {
			const { discoveryAssemble } = await discoveryCode();
			return discoveryReport(discoveryAssemble(current().model, await discoveryOptions(request), parts, elapsedMs));
		},
		async matchOutlooks(request: Omit<OutlookMatchRequest, 'notebook'>) {
			// Loaded on first use, like discovery: out of the worker's first download.
			const { matchOutlooks } = await import('../sim/analysis/outlookMatch');
			const { model, notebook } = current();
			return matchOutlooks(model, { ...request, notebook });
		},
		async goalSeek(request: GoalSeekRequest) {
			return goalSeek(current().model, request);
		},
		async leversReaching(request: Omit<GoalSeekRequest, 'lever'>, levers: string[]) {
			return leversReaching(current().model, request, levers);
		},
		async sobolRuns(options: MonteCarloOptions & { baseSamples?: number }, variable: string, year: number, part: number, parts: number, onProgress?: (fraction: number) => void) {
			return sobolRuns(current().model, options, variable, year, part, parts, onProgress);
		},
		async sobolAssemble(runs: SobolRuns, variable: string, year: number, seed: number, elapsedMs: number) {
			return sobolReport(runs, variable, year, seed, elapsedMs);
		},
		async sobol(options: MonteCarloOptions & { baseSamples?: number }, variable: string, year: number, onProgress?: (fraction: number) => void) {
			return modelSobol(current().model, options, variable, year, onProgress);
		},
		async posterior(request: PosteriorSpec, onProgress?: (fraction: number) => void) {
			const { notebook } = current();
			let reported = 0;
			// A report per 1% of the steps: each is a message to the page and back.
			const onStep = (fraction: number) => {
				if (onProgress && fraction - reported >= 0.01) {
					reported = fraction;
					onProgress(fraction);
				}
			};
			return computePosterior(
				{ ...request, notebook, onStep, observed: dataFor(notebook, request.periods ?? 'annual'), seriesBasis: seriesBasisFor(notebook) },
				dataFor(notebook)
			);
		}
	};
}

/**
 * The service with its calls run one at a time, in order of arrival. A band run that pauses
 * between years must not have another call (a sensitivity ranking, a second band run) reuse
 * its sample buffers meanwhile; before runs could pause, one call ending before the next began
 * came for free.
 */
export function oneCallAtATime(service: EngineApi): EngineApi {
	let last: Promise<unknown> = Promise.resolve();
	const queued = {} as Record<string, unknown>;
	for (const [name, method] of Object.entries(service) as [string, (...args: unknown[]) => Promise<unknown>][]) {
		queued[name] = (...args: unknown[]) => {
			const mine = last.then(() => method(...args));
			last = mine.catch(() => undefined);
			return mine;
		};
	}
	return queued as unknown as EngineApi;
}
