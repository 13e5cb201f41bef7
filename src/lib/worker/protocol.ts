// The one typed boundary between the page and the engine worker. Everything crossing it is
// plain data (structured clone): notebooks in, results out.

import type { ScreenWords } from '../i18n/screenWords';
import type { DrawsSummary } from '../sim/analysis/posteriorSummary';
import type { CellError, MonteCarloOptions, MonteCarloResult, Notebook, RunResult, TornadoBar, VarianceShare, DiscoveryConditionKind } from '../sim/types';
import type { Attribution, ScenarioSpec } from '../sim/analysis/attribution';
import type { FitRequest, FitResult } from '../sim/analysis/fitting';
import type { BacktestRequest, BacktestResult } from '../sim/analysis/backtest';
import type { PosteriorOutcome, PosteriorRequest } from '../sim/analysis/posterior';
import type { SobolReport, SobolRuns } from '../sim/analysis/sobol';
import type { PrimReason, PrimStep } from '../sim/analysis/prim';
import type { OutlookMatchRequest, OutlookMatchResult } from '../sim/analysis/outlookMatch';
import type { DiscoveryPart } from '../sim/analysis/discovery';
export type { DiscoveryPart } from '../sim/analysis/discovery';
export type { OutlookMatchRequest, OutlookMatchResult, OutlookTarget } from '../sim/analysis/outlookMatch';
import type { GoalSeekRequest, GoalSeekResult } from '../sim/analysis/goalSeek';
import type { PosteriorDiagnostics } from '../sim/types';

export type { PosteriorOutcome, SobolReport, SobolRuns, GoalSeekRequest, GoalSeekResult };

export type { Attribution, ScenarioSpec, FitResult, BacktestResult };

/** A fit of the loaded notebook (the worker supplies the notebook). */
export type FitSpec = Omit<FitRequest, 'notebook'>;
export type BacktestSpec = Omit<BacktestRequest, 'notebook'>;

export interface SensitivityReport {
	tornado: TornadoBar[];
	shares: VarianceShare[];
	samples: number;
}

export const MIN_HORIZON = 2030;
export const MAX_HORIZON = 2050;

export interface LoadReport {
	/** False when the guarded cell's own formula had an error: the previous notebook stays loaded. */
	accepted: boolean;
	/** Compile errors of the notebook that was offered, per cell. */
	errors: CellError[];
	/** Variables the offered notebook defines (inputs, then formulas in evaluation order). */
	variables: string[];
	/** The posterior sample set the bands draw the calibrated parameters from, if any. */
	posterior?: PosteriorSummary | null;
}

/** What the page is told of the posterior in use (the draws stay in the workers). */
export interface PosteriorSummary {
	/** 'shipped': the published version's; 'own': the notebook's fit cell holds it. */
	source: 'shipped' | 'own';
	cellId: string;
	draws: number;
	parameters: string[];
	noise: string[];
	fromYear: number;
	toYear: number;
	diagnostics: PosteriorDiagnostics;
	/** Each parameter's median and 5-95% interval across the draws, and their correlations. */
	summary: DrawsSummary;
}

/** A posterior of the loaded notebook's parameters (the worker supplies the notebook). */
export type PosteriorSpec = Omit<PosteriorRequest, 'notebook' | 'onStep'>;

export interface RunRequest {
	inputs: Record<string, number>;
	horizon: number;
}

export interface RunResponse {
	result: RunResult;
	/** Time the engine spent in the worker, microseconds. */
	engineMicros: number;
}

export interface EngineApi {
	/**
	 * Compiles the published notebook and runs it at its defaults to MAX_HORIZON: the baseline,
	 * the faint line on every chart. Runs are causal (a year never depends on later ones), so
	 * shorter horizons are prefixes of it.
	 */
	setBaseline(notebook: Notebook): Promise<RunResult>;
	/**
	 * Compiles a notebook for later runs. With `guardCellId`, a notebook in which that cell's own
	 * formula has an error is not taken: the last good notebook keeps running.
	 */
	load(notebook: Notebook, guardCellId?: string): Promise<LoadReport>;
	run(request: RunRequest): Promise<RunResponse>;
	/** Runs whole scenarios (each with its own notebook) at once: for comparisons and the library. */
	runScenarios(specs: ScenarioRun[]): Promise<RunResult[]>;
	/** Splits the difference B - A in `variable` at `year` into each change's contribution. */
	attribute(a: ScenarioSpec, b: ScenarioSpec, variable: string, year: number): Promise<Attribution>;
	/** Monte Carlo bands of the loaded notebook; `onProgress` hears the fraction of years done. */
	monteCarlo(options: MonteCarloOptions, onProgress?: (fraction: number) => void): Promise<MonteCarloResult>;
	/**
	 * Monte Carlo bands of whole scenarios (each with its own notebook, inputs and horizon), for
	 * the comparison page. Samples, seed and variables come from `options`; its inputs and
	 * horizon are ignored (each scenario brings its own).
	 */
	monteCarloScenarios(specs: ScenarioRun[], options: ScenarioBandOptions): Promise<MonteCarloResult[]>;
	/** Tornado chart and variance ranking of one output in one year, for the loaded notebook. */
	sensitivity(options: MonteCarloOptions, variable: string, year: number): Promise<SensitivityReport>;
	fit(request: FitSpec): Promise<FitResult>;
	backtest(request: BacktestSpec): Promise<BacktestResult>;
	/** Samples start..start+count of a band run, simulated (one worker's part of a pool's run). */
	monteCarloSlice(options: MonteCarloOptions, start: number, count: number): Promise<Float64Array>;
	/** The bands from every slice's output (sim/analysis/monteCarlo.ts poolSlices order), summarised here. */
	bandsFromSlices(options: MonteCarloOptions, outputs: Float64Array[], elapsedMs: number): Promise<MonteCarloResult>;
	/** A pool worker's share of a Sobol analysis's runs (sim/analysis/sobol.ts sobolRuns). */
	sobolRuns(options: MonteCarloOptions & { baseSamples?: number }, variable: string, year: number, part: number, parts: number, onProgress?: (fraction: number) => void): Promise<SobolRuns>;
	/** The report from every share's runs, merged. */
	sobolAssemble(runs: SobolRuns, variable: string, year: number, seed: number, elapsedMs: number): Promise<SobolReport>;
	/** Sobol indices of `variable` in `year` (N = options.baseSamples); reports progress, cancelled by a restart. */
	sobol(options: MonteCarloOptions & { baseSamples?: number }, variable: string, year: number, onProgress?: (fraction: number) => void): Promise<SobolReport>;
	/** The lever's value that brings `variable` in `year` to `target` (sim/analysis/goalSeek.ts), with the loaded notebook. */
	goalSeek(request: GoalSeekRequest): Promise<GoalSeekResult>;
	/** goalSeek for each of `levers` alone. */
	leversReaching(request: Omit<GoalSeekRequest, 'lever'>, levers: string[]): Promise<GoalSeekResult[]>;
	/** The lever values that come closest to several targets at once (sim/analysis/outlookMatch.ts), with the loaded notebook. */
	matchOutlooks(request: Omit<OutlookMatchRequest, 'notebook'>): Promise<OutlookMatchResult>;
	/** Runs start..start+count of a discovery (one worker's part of a pool's sweep). */
	discoveryRuns(request: DiscoveryRequest, start: number, count: number, onProgress?: (fraction: number) => void): Promise<DiscoveryPart>;
	/** The report from every part's runs, merged by run index (any split gives the same), then PRIM. */
	discoveryAssemble(request: DiscoveryRequest, parts: DiscoveryPart[], elapsedMs: number): Promise<DiscoveryReport>;
	/** Scenario discovery (sim/analysis/discovery.ts) on the loaded notebook; cancelled by a restart. */
	discover(request: DiscoveryRequest, onProgress?: (fraction: number) => void): Promise<DiscoveryReport>;
	/** Samples the posterior; untimed (a fixed number of steps), cancelled by restarting the worker. */
	posterior(request: PosteriorSpec, onProgress?: (fraction: number) => void): Promise<PosteriorOutcome>;
}

/** A discovery question asked of the loaded notebook, from the scenario's lever values. */
export interface DiscoveryRequest {
	variable: string;
	year: number;
	condition: DiscoveryConditionKind;
	value: number;
	upper?: number;
	runs: number;
	seed: number;
	inputs: Record<string, number>;
	horizon: number;
}

/** The runs of a discovery sweep and PRIM's trajectory over them. */
export interface DiscoveryReport {
	/** The levers swept, in column order, with their full (slider) ranges. */
	levers: { name: string; min: number; max: number }[];
	/** Each lever's sampled values, one column per lever. */
	columns: Float64Array[];
	/** The output in the asked year, per run. */
	outcome: Float64Array;
	/** 1 where the run meets the condition. */
	cases: Uint8Array;
	caseCount: number;
	runs: number;
	baseRate: number;
	trajectory: PrimStep[];
	/** The step PRIM returns (the densest box): shown unless the cell chose another. */
	chosen: number;
	reason: PrimReason | null;
	elapsedMs: number;
}

/** What the worker script exposes: the engine, plus the port of its yield gate (worker/yieldGate.ts). */
export interface EngineWorkerApi extends EngineApi {
	attachGate(port: MessagePort): void;
	/** The engine's messages (formula errors) in the page's language: `screen_engine_` words (i18n/screenWords.ts). */
	useWords(words: Partial<ScreenWords>): void;
}

export interface ScenarioRun extends ScenarioSpec {
	horizon: number;
}

export type ScenarioBandOptions = Omit<MonteCarloOptions, 'inputs' | 'horizon'>;

/** Error kinds that belong to a cell's own formula (not to cells it reads). */
export const OWN_ERROR_KINDS = new Set(['syntax', 'unknown-name', 'unknown-series', 'cycle', 'not-allowed', 'duplicate-name', 'bad-name', 'too-long']);
