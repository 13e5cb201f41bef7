// The Node API's analyses, with the browser's options and seeds: Monte Carlo bands, Sobol
// indices, goal seek and scenario discovery (split over worker_threads by sample index).
import { ShiftcastInputError } from './errors';
import { engineFor, spread } from './pool';
import { bandVariables } from '../lib/state/documentRules';
import { poolSlices, MAX_SAMPLES } from '../lib/sim/analysis/poolSlices';
import type { Bands, RunResult, DiscoveryConditionKind } from '../lib/sim/types';
import type { DiscoveryPart, SobolRuns, GoalSeekResult, SobolReport } from '../lib/worker/protocol';
import type { PrimReason, PrimStep } from '../lib/sim/analysis/primTypes';
import type { Task } from './tasks';
import { DEFAULT_BAND_SAMPLES, DEFAULT_DISCOVERY_RUNS, DEFAULT_SOBOL_SAMPLES, finite, horizonOf, opened, seedOf, threadsOf, variableOf, variablesOf, wholeNumber, yearOf, type ScenarioSource } from './apiOptions';

// ------------------------------------------------------------------------------------------
// Analyses

export interface BandsOptions {
	/** Samples, 1 to 100,000 (the browser's default 10,000). */
	samples?: number;
	/** Seed of the random streams (the browser's default 1). */
	seed?: number;
	/** Variables given bands (default: those the notebook charts as lines and shows as key figures). */
	variables?: string[];
	horizon?: number;
	/** Threads sharing the samples (1 to 16); the bands are the same to the bit for any number. */
	threads?: number;
}

/** Monte Carlo bands with the central run they surround. */
export interface BandsResult {
	name: string;
	version: number;
	horizon: number;
	inputs: Record<string, number>;
	notices: string[];
	samples: number;
	seed: number;
	years: number[];
	/** The deterministic run (the central line), for the banded variables. */
	series: Record<string, number[]>;
	/** Variable -> 5th, 25th, 50th, 75th, 95th percentiles and mean, one value per year. */
	bands: Record<string, Bands>;
	/** Inputs that were sampled (those with an uncertainty range). */
	uncertainInputs: string[];
	/** Set when the calibrated parameters were drawn from the posterior: those years are posterior predictive. */
	predictive?: { fromYear: number; toYear: number; draws: number };
}

/**
 * Monte Carlo bands of a scenario, as the browser computes them (same samples, seed and split:
 * the browser's pool splits by sample index, and so does `threads`).
 */
export async function bands(scenario: ScenarioSource, options: BandsOptions = {}): Promise<BandsResult> {
	const s = await opened(scenario);
	const notebook = s.document.notebook;
	const horizon = horizonOf(s.document, options.horizon);
	const samples = options.samples === undefined ? DEFAULT_BAND_SAMPLES : wholeNumber(options.samples, 'The number of samples', 1, MAX_SAMPLES);
	const seed = seedOf(options.seed);
	const threads = threadsOf(options.threads);
	const { engine, variables: known } = await engineFor(notebook);
	const variables = variablesOf(options.variables, known, bandVariables(notebook));
	const mc = { inputs: s.document.inputs, horizon, samples, seed, variables };
	let result;
	if (threads === 1) result = await engine.monteCarlo(mc);
	else {
		const tasks: Task[] = poolSlices(samples, threads).map(({ start, count }) => ({ kind: 'bands', options: mc, start, count }));
		const outputs = await spread<Float64Array>(notebook, tasks, threads);
		result = await engine.bandsFromSlices(mc, outputs, 0);
	}
	const [central] = await engine.runScenarios([{ notebook, inputs: s.document.inputs, horizon }]);
	return {
		name: s.name,
		version: notebook.version,
		horizon,
		inputs: { ...s.document.inputs },
		notices: s.notices,
		samples: result.samples,
		seed: result.seed,
		years: result.years,
		series: Object.fromEntries(variables.map((v) => [v, central.series[v]])),
		bands: result.bands,
		uncertainInputs: result.uncertainInputs,
		...(result.predictive ? { predictive: result.predictive } : {})
	};
}

/** The central run as the browser's CSV wants it (resultsToCsv). */
export function asRunResult(result: { years: number[]; series: Record<string, number[]> }): RunResult {
	return { years: result.years, series: result.series, errors: [] };
}

export interface SobolOptions {
	/** The output (default: the notebook's sensitivity cell's). */
	variable?: string;
	/** Its year (default: the sensitivity cell's). */
	year?: number;
	/** Base samples N, 64 to 65,536 (the browser's 4,096): N × (factors + 2) runs. */
	samples?: number;
	seed?: number;
	threads?: number;
}

/** Sobol indices, one row per factor, largest total index first. */
export type SobolResult = Omit<SobolReport, 'elapsedMs'> & { name: string; notices: string[]; seed: number };

/** First-order and total Sobol indices of one output in one year, with bootstrap intervals (the browser's "Which assumptions matter most"). */
export async function sobol(scenario: ScenarioSource, options: SobolOptions = {}): Promise<SobolResult> {
	const s = await opened(scenario);
	const notebook = s.document.notebook;
	const { engine, variables: known } = await engineFor(notebook);
	const cell = notebook.cells.find((c) => c.kind === 'sensitivity');
	const variable = variableOf(options.variable, known, cell?.kind === 'sensitivity' ? cell.variable : undefined);
	const year = yearOf(options.year, cell?.kind === 'sensitivity' ? cell.year : undefined, notebook.startYear);
	const baseSamples = options.samples === undefined ? DEFAULT_SOBOL_SAMPLES : wholeNumber(options.samples, 'The number of base samples', 64, 65_536);
	const seed = seedOf(options.seed);
	const threads = threadsOf(options.threads);
	const mc = { inputs: s.document.inputs, horizon: Math.max(year, s.document.horizon), samples: 0, seed, variables: [variable], baseSamples };
	let report: SobolReport;
	if (threads === 1) report = await engine.sobol(mc, variable, year);
	else {
		const tasks: Task[] = Array.from({ length: threads }, (_, part) => ({ kind: 'sobol', options: mc, variable, year, part, parts: threads }));
		const shares = await spread<SobolRuns>(notebook, tasks, threads);
		const outputs = new Map<number, Float64Array>();
		for (const share of shares) for (const [r, out] of share.outputs) outputs.set(r, out);
		report = await engine.sobolAssemble({ ...shares[0], outputs }, variable, year, seed, 0);
	}
	const { elapsedMs: _elapsed, ...rest } = report;
	return { ...rest, name: s.name, notices: s.notices, seed };
}

export interface GoalSeekOptions {
	/** The lever to move (within its slider range). */
	lever: string;
	/** The output to bring to the target. */
	variable: string;
	/** Its year (default: the scenario's horizon). */
	year?: number;
	/** The value wanted, in the variable's units (a share as a fraction: 0.7 for 70%). */
	target: number;
}

/** The lever's value that brings `variable` in `year` to `target`, every other lever where the scenario has it. */
export async function goalSeek(scenario: ScenarioSource, options: GoalSeekOptions): Promise<GoalSeekResult & { name: string; notices: string[]; variable: string; year: number; target: number }> {
	const s = await opened(scenario);
	const notebook = s.document.notebook;
	const { engine, variables: known } = await engineFor(notebook);
	const levers = notebook.cells.flatMap((c) => (c.kind === 'input' ? [c.name] : []));
	if (!options.lever) throw new ShiftcastInputError('Name the lever to move (--lever).');
	if (!levers.includes(options.lever)) throw new ShiftcastInputError(`No lever named “${options.lever}” in this notebook. Its levers: ${levers.join(', ')}.`);
	const variable = variableOf(options.variable, known, undefined);
	const year = yearOf(options.year, s.document.horizon, notebook.startYear);
	const target = finite(options.target, 'The target');
	const result = await engine.goalSeek({ inputs: s.document.inputs, lever: options.lever, variable, year, target });
	return { ...result, name: s.name, notices: s.notices, variable, year, target };
}

export interface DiscoverOptions {
	/** The outcome (default: the notebook's discovery cell's). */
	variable?: string;
	year?: number;
	/** What counts as a case (default: the discovery cell's). */
	condition?: DiscoveryConditionKind;
	/** The bound (the lower one for "between"), in the variable's units. */
	value?: number;
	/** The upper bound, for "between". */
	upper?: number;
	/** Runs of the Latin hypercube, 100 to 100,000 (the browser's 10,000). */
	runs?: number;
	seed?: number;
	threads?: number;
}

/** A discovery: every run's lever values and outcome, and PRIM's boxes. */
export interface DiscoverResult {
	name: string;
	notices: string[];
	variable: string;
	year: number;
	condition: DiscoveryConditionKind;
	value: number;
	upper?: number;
	seed: number;
	/** The levers swept, with their slider ranges. */
	levers: { name: string; min: number; max: number }[];
	/** Each lever's value in every run (one array per lever). */
	columns: number[][];
	/** The outcome in every run. */
	outcome: number[];
	/** 1 where the run meets the condition. */
	cases: number[];
	caseCount: number;
	runs: number;
	baseRate: number;
	/** PRIM's peeling and pasting trajectory. */
	trajectory: PrimStep[];
	/** The step PRIM returns (the densest box). */
	chosen: number;
	reason: PrimReason | null;
}

/** Scenario discovery: every scenario lever swept (Latin hypercube), the runs meeting the condition, and PRIM's boxes. */
export async function discover(scenario: ScenarioSource, options: DiscoverOptions = {}): Promise<DiscoverResult> {
	const s = await opened(scenario);
	const notebook = s.document.notebook;
	const { engine, variables: known } = await engineFor(notebook);
	const cell = notebook.cells.find((c) => c.kind === 'discovery');
	const fromCell = cell?.kind === 'discovery' ? cell : undefined;
	const variable = variableOf(options.variable, known, fromCell?.variable);
	const year = yearOf(options.year, fromCell?.year, notebook.startYear);
	const condition = options.condition ?? fromCell?.condition;
	if (!condition || !['atLeast', 'atMost', 'between'].includes(condition)) throw new ShiftcastInputError('Give the condition: --at-least V, --at-most V or --between LOW,HIGH.');
	const usesCell = options.condition === undefined;
	const value = finite((usesCell ? fromCell?.value : options.value) as number, 'The bound');
	const upper = condition === 'between' ? finite((usesCell ? fromCell?.upper : options.upper) as number, 'The upper bound') : undefined;
	if (upper !== undefined && upper < value) throw new ShiftcastInputError(`The upper bound (${upper}) is below the lower one (${value}).`);
	const runs = options.runs === undefined ? (fromCell?.runs ?? DEFAULT_DISCOVERY_RUNS) : wholeNumber(options.runs, 'The number of runs', 100, MAX_SAMPLES);
	const seed = seedOf(options.seed);
	const threads = threadsOf(options.threads);
	const request = { variable, year, condition, value, upper, runs, seed, inputs: s.document.inputs, horizon: Math.max(year, s.document.horizon) };
	let report;
	if (threads === 1) report = await engine.discover(request);
	else {
		const tasks: Task[] = poolSlices(runs, threads).map(({ start, count }) => ({ kind: 'discovery', request, start, count }));
		const parts = await spread<DiscoveryPart>(notebook, tasks, threads);
		report = await engine.discoveryAssemble(request, parts, 0);
	}
	return {
		name: s.name,
		notices: s.notices,
		variable,
		year,
		condition,
		value,
		...(upper !== undefined ? { upper } : {}),
		seed,
		levers: report.levers,
		columns: report.columns.map((c) => Array.from(c)),
		outcome: Array.from(report.outcome),
		cases: Array.from(report.cases),
		caseCount: report.caseCount,
		runs: report.runs,
		baseRate: report.baseRate,
		trajectory: report.trajectory,
		chosen: report.chosen,
		reason: report.reason
	};
}

