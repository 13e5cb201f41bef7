// The Node API: scenarios opened from links or files, run, and analysed with the browser's own
// engine code (lib/worker/engineService.ts, the web worker's service) and options, returning
// plain arrays and objects. The command line (cli.ts) is a thin layer over it.
import { readTextFile } from './read';
import { openScenario, type OpenedScenario } from './open';
import { ShiftcastInputError } from './errors';
import { MAX_BATCH_CHARS, readBatchTable, type BatchScenario, type BatchTable } from './batchTable';
import { runMany } from './batchRun';
import { engineFor, MAX_THREADS, spread } from './pool';
import { bandVariables } from '../lib/state/documentRules';
import { currentPublished, loadPublishedVersion } from '../lib/notebooks/published';
import { poolSlices, MAX_SAMPLES } from '../lib/sim/analysis/poolSlices';
import type { Bands, Notebook, RunResult, DiscoveryConditionKind } from '../lib/sim/types';
import type { DiscoveryPart, SobolRuns, GoalSeekResult, SobolReport } from '../lib/worker/protocol';
import { MAX_HORIZON, MIN_HORIZON } from '../lib/worker/protocol';
import type { PrimReason, PrimStep } from '../lib/sim/analysis/primTypes';
import type { Task } from './tasks';

export type { OpenedScenario } from './open';
export type { BatchScenario, BatchTable } from './batchTable';
export type { Bands, GoalSeekResult, PrimStep, PrimReason, DiscoveryConditionKind };

/** A scenario: a link, a scenario file's path, or one already opened. */
export type ScenarioSource = string | OpenedScenario;

/** The browser's defaults: band samples and seed (the notebook's uncertainty controls). */
export const DEFAULT_BAND_SAMPLES = 10_000;
export const DEFAULT_SEED = 1;
/** The Sobol indices' base samples N in the browser (sim/analysis/sobol.ts). */
export const DEFAULT_SOBOL_SAMPLES = 4096;
/** Runs of a discovery in the browser. */
export const DEFAULT_DISCOVERY_RUNS = 10_000;

// ------------------------------------------------------------------------------------------
// Checks of options, each a ShiftcastInputError in plain words.

function wholeNumber(value: number, what: string, min: number, max: number): number {
	if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
		throw new ShiftcastInputError(`${what} must be a whole number from ${min.toLocaleString('en')} to ${max.toLocaleString('en')}, not ${String(value)}.`);
	}
	return value;
}

function horizonOf(doc: { horizon: number }, horizon: number | undefined): number {
	if (horizon === undefined) return doc.horizon;
	return wholeNumber(horizon, 'The horizon', MIN_HORIZON, MAX_HORIZON);
}

function threadsOf(threads: number | undefined): number {
	return threads === undefined ? 1 : wholeNumber(threads, 'The number of threads', 1, MAX_THREADS);
}

function seedOf(seed: number | undefined): number {
	if (seed === undefined) return DEFAULT_SEED;
	if (!Number.isSafeInteger(seed)) throw new ShiftcastInputError(`The seed must be a whole number, not ${String(seed)}.`);
	return seed;
}

function finite(value: number, what: string): number {
	if (typeof value !== 'number' || !Number.isFinite(value)) throw new ShiftcastInputError(`${what} must be a number, not ${String(value)}.`);
	return value;
}

/** `wanted` checked against `known`; all of `known` when none are asked for. */
function variablesOf(wanted: string[] | undefined, known: string[], fallback: string[] = known): string[] {
	if (!wanted || !wanted.length) return fallback;
	if (wanted.length === 1 && wanted[0] === 'all') return known;
	const unknown = wanted.filter((v) => !known.includes(v));
	if (unknown.length) {
		throw new ShiftcastInputError(`${unknown.length === 1 ? 'No variable' : 'No variables'} named ${unknown.map((u) => `“${u}”`).join(', ')} in this notebook. Its variables: ${known.join(', ')}.`);
	}
	return [...new Set(wanted)];
}

function variableOf(variable: string | undefined, notebookVariables: string[], fallback: string | undefined): string {
	const v = variable ?? fallback;
	if (!v) throw new ShiftcastInputError('Name the variable (--variable).');
	return variablesOf([v], notebookVariables)[0];
}

function yearOf(year: number | undefined, fallback: number | undefined, startYear: number): number {
	const y = year ?? fallback;
	if (y === undefined) throw new ShiftcastInputError('Name the year (--year).');
	return wholeNumber(y, 'The year', startYear, MAX_HORIZON);
}

/** Every variable a notebook defines, inputs first (the order of the browser's CSV). */
async function variablesOfNotebook(notebook: Notebook): Promise<string[]> {
	return (await engineFor(notebook)).variables;
}

async function opened(source: ScenarioSource): Promise<OpenedScenario> {
	return typeof source === 'string' ? openScenario(source) : source;
}

// ------------------------------------------------------------------------------------------
// Runs

/** What one run gives: the year-by-year figures, and what the reader said of its input. */
export interface ScenarioResult {
	name: string;
	/** The link or file it came from (empty for a batch row). */
	source: string;
	/** The notebook version it ran with. */
	version: number;
	horizon: number;
	/** Lever values that differ from the defaults. */
	inputs: Record<string, number>;
	/** The reader's notices (values clamped, keys ignored). */
	notices: string[];
	years: number[];
	/** Variable -> one value per year. */
	series: Record<string, number[]>;
}

export interface RunOptions {
	/** Last year (2030 to 2050); default: the scenario's own. */
	horizon?: number;
	/** Variables to keep (default: every variable, as the browser's "Download results"); ["all"] for all. */
	variables?: string[];
}

/**
 * Opens a scenario (a link, read by the browser's decoder, or a scenario file) and runs it to
 * its horizon: the figures the browser shows for it, to the digit.
 *
 * @example
 * const result = await run('https://example.org/?v=3&horizon=2040&localisationGerman=0.6', { variables: ['domesticShare'] });
 * result.series.domesticShare[result.years.indexOf(2030)];
 */
export async function run(scenario: ScenarioSource, options: RunOptions = {}): Promise<ScenarioResult> {
	const s = await opened(scenario);
	const horizon = horizonOf(s.document, options.horizon);
	const { engine } = await engineFor(s.document.notebook);
	const [result] = await engine.runScenarios([{ notebook: s.document.notebook, inputs: s.document.inputs, horizon }]);
	const variables = variablesOf(options.variables, Object.keys(result.series));
	return {
		name: s.name,
		source: s.source,
		version: s.document.notebook.version,
		horizon,
		inputs: { ...s.document.inputs },
		notices: s.notices,
		years: result.years,
		series: Object.fromEntries(variables.map((v) => [v, result.series[v]]))
	};
}

/** Largest batch table file read. */
export const MAX_BATCH_FILE_BYTES = MAX_BATCH_CHARS;

/**
 * Reads a batch table (CSV, TSV or semicolons, as a spreadsheet saves it): one scenario per row,
 * columns named after levers, optional `name`, `version` and `horizon`. Rows that cannot be used
 * are listed in `problems` ("row 5: …", numbered as a spreadsheet numbers them).
 */
export async function readBatch(pathOrText: string, options: { text?: boolean } = {}): Promise<BatchTable> {
	const text = options.text ? pathOrText : readTextFile(pathOrText, 'batch table', MAX_BATCH_FILE_BYTES);
	return readBatchTable(text);
}

export interface BatchOptions {
	/** Last year of every scenario (default: each row's `horizon`, else its notebook's). */
	horizon?: number;
	/** Variables to keep (default: the notebook's key figures); ["all"] for all. */
	variables?: string[];
}

/** The variables of a notebook's key-figure cells (those the browser's library and compare page show); the banded ones if it has none. */
export function keyFigureVariables(notebook: Notebook): string[] {
	const names = new Set<string>();
	for (const c of notebook.cells) if (c.kind === 'headline') for (const v of c.variables) names.add(v);
	return names.size ? [...names] : bandVariables(notebook);
}

/** One batch scenario's figures. */
export interface BatchResult {
	name: string;
	version: number;
	horizon: number;
	inputs: Record<string, number>;
	years: number[];
	series: Record<string, number[]>;
}

/**
 * Runs many scenarios at once (thousands a second: they share one vectorised program per
 * notebook version), each giving the figures a single run gives, to the digit.
 */
export async function runBatch(scenarios: BatchScenario[], options: BatchOptions = {}): Promise<BatchResult[]> {
	const byVersion = new Map<number, number[]>();
	scenarios.forEach((s, i) => {
		const list = byVersion.get(s.version) ?? [];
		list.push(i);
		byVersion.set(s.version, list);
	});
	const out: BatchResult[] = new Array(scenarios.length);
	for (const [version, indices] of byVersion) {
		const notebook = (await loadPublishedVersion(version))?.notebook;
		if (!notebook) throw new ShiftcastInputError(`Version ${version} is not a released version of the notebook.`);
		const known = await variablesOfNotebook(notebook);
		const variables = variablesOf(options.variables, known, keyFigureVariables(notebook));
		const runs = indices.map((i) => ({ inputs: scenarios[i].inputs, horizon: horizonOf({ horizon: scenarios[i].horizon ?? notebook.horizon }, options.horizon) }));
		const figures = runMany(notebook, runs, variables);
		indices.forEach((i, k) => {
			const s = scenarios[i];
			out[i] = { name: s.name, version, horizon: runs[k].horizon, inputs: s.inputs, years: figures[k].years, series: figures[k].series };
		});
	}
	return out;
}

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

/** The notebook a new visitor opens (the current published version). */
export const publishedNotebook: Notebook = currentPublished;
