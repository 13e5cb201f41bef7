// Scenario discovery (Bryant and Lempert 2010): which combinations of the scenario's levers lead
// to an outcome of interest ("NEV share in 2030 at least 80%")? The levers are sampled over their
// whole slider ranges by a Latin hypercube, the model is run for every sample, the runs meeting
// the condition are the cases, and PRIM (./prim.ts) finds a box of lever ranges rich in them.
//
// Everything that is not a lever stays at the scenario's value (calibrated parameters too: the
// question is what the levers do, not what the fit leaves open). A run whose outcome is not a
// number is not a case.
//
// The runs go through the vectorised program as the Monte Carlo does, CHUNK_RUNS at a time, so
// a caller can report progress and stop between chunks. Each run's inputs come from the Latin
// hypercube by run index and every formula works sample by sample, so runs split over a pool
// (discoveryRuns per slice, discoveryAssemble over the slices) give the same result to the bit.

import type { CompiledModel } from '../model';
import { createProgram, inputValues, simulate } from '../run';
import type { Program } from '../run';
import type { InputCell, Notebook } from '../types';
import { latinHypercube } from './latinHypercube';
import { MAX_SAMPLES, prunedModel } from './monteCarlo';
import { prim } from './prim';
import type { PrimOptions, PrimResult } from './prim';
import { w } from '../../i18n/screenWords';

/** What counts as a case: the outcome at least `value`, at most `value`, or within [value, upper]. */
export interface DiscoveryCondition {
	kind: 'atLeast' | 'atMost' | 'between';
	value: number;
	/** The upper end, for 'between'. */
	upper?: number;
}

export interface DiscoveryOptions {
	/** The outcome: a variable of the notebook, in `year`. */
	variable: string;
	year: number;
	condition: DiscoveryCondition;
	/** Runs (default 10,000; 100 to 100,000). */
	runs?: number;
	seed: number;
	/** The scenario's input values (the sliders); levers are varied, every other input keeps its value. */
	inputs: Record<string, number>;
	/** The scenario's last year; `year` must not pass it. */
	horizon: number;
	/** The levers to vary, each over its slider's range (default: every input the posterior does not hold). */
	levers?: string[];
	prim?: PrimOptions;
}

/** One slice of the runs: the levers' values and the outcome, runs start..start+count. */
export interface DiscoveryPart {
	start: number;
	count: number;
	/** One column per lever, in the order of DiscoveryResult.levers. */
	columns: Float64Array[];
	outcome: Float64Array;
}

export interface DiscoveryResult {
	variable: string;
	year: number;
	condition: DiscoveryCondition;
	runs: number;
	seed: number;
	levers: string[];
	labels: string[];
	/** Each lever's slider range, as sampled. */
	ranges: [number, number][];
	/** Each lever's value in every run. */
	columns: Float64Array[];
	/** The outcome in every run. */
	outcome: Float64Array;
	/** 1 where the run meets the condition. */
	cases: Uint8Array;
	prim: PrimResult;
	elapsedMs: number;
}

export const DISCOVERY_DEFAULT_RUNS = 10_000;
export const DISCOVERY_MIN_RUNS = 100;
/** Runs per pass of the vectorised program: progress and a stop come between passes. */
export const CHUNK_RUNS = 2000;

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * The notebook's scenario levers: its inputs that no fit or back-test cell calibrates (the rule
 * the explore view groups inputs by). Pass them as `levers` when the model carries no posterior.
 */
export function scenarioLevers(notebook: Notebook): string[] {
	const fitted = new Set(notebook.cells.flatMap((c) => (c.kind === 'fit' || c.kind === 'backtest' ? (c.parameters ?? []) : [])));
	return notebook.cells.flatMap((c) => (c.kind === 'input' && !fitted.has(c.name) && c.max > c.min ? [c.name] : []));
}

/** Whether `value` meets `condition` (a value that is not a number never does). */
export function meetsCondition(condition: DiscoveryCondition, value: number): boolean {
	if (Number.isNaN(value)) return false;
	if (condition.kind === 'atLeast') return value >= condition.value;
	if (condition.kind === 'atMost') return value <= condition.value;
	return value >= condition.value && value <= condition.upper!;
}

/** The options checked (a plain message for the person otherwise), with the run count and the levers' cells. */
export function checkDiscovery(model: CompiledModel, options: DiscoveryOptions): { runs: number; levers: InputCell[] } {
	const { variable, year, horizon, condition, seed } = options;
	if (!model.variables.includes(variable)) throw new Error(w('screen_engine_analysis_no_variable', { variable }));
	if (!(Number.isInteger(horizon) && horizon >= model.startYear)) throw new Error(w('screen_engine_analysis_horizon_from_not', { start: model.startYear, horizon }));
	if (!(Number.isInteger(year) && year >= model.startYear && year <= horizon)) {
		throw new Error(w('screen_engine_analysis_discovery_year', { start: model.startYear, horizon, year }));
	}
	if (!condition || !['atLeast', 'atMost', 'between'].includes(condition.kind)) {
		throw new Error(w('screen_engine_analysis_discovery_condition', { kind: String(condition?.kind) }));
	}
	if (!Number.isFinite(condition.value)) throw new Error(w('screen_engine_analysis_discovery_value', { value: String(condition.value) }));
	if (condition.kind === 'between') {
		if (!Number.isFinite(condition.upper)) throw new Error(w('screen_engine_analysis_discovery_upper', { upper: String(condition.upper) }));
		if (condition.upper! < condition.value) throw new Error(w('screen_engine_analysis_discovery_upper_below', { upper: String(condition.upper), lower: condition.value }));
	}
	if (!Number.isFinite(seed)) throw new Error(w('screen_engine_analysis_discovery_seed', { seed: String(seed) }));
	const requested = options.runs ?? DISCOVERY_DEFAULT_RUNS;
	if (!Number.isFinite(requested)) throw new Error(w('screen_engine_analysis_discovery_runs', { runs: String(requested) }));
	const runs = Math.min(MAX_SAMPLES, Math.max(DISCOVERY_MIN_RUNS, Math.round(requested)));
	const byName = new Map(model.inputs.map((cell) => [cell.name, cell]));
	const calibrated = new Set(model.posterior?.parameters ?? []);
	const names = options.levers ? [...new Set(options.levers)] : model.inputs.filter((c) => !calibrated.has(c.name) && c.max > c.min).map((c) => c.name);
	const levers = names.map((name) => {
		const cell = byName.get(name);
		if (!cell) throw new Error(w('screen_engine_analysis_no_input', { name }));
		if (!(cell.max > cell.min)) throw new Error(w('screen_engine_analysis_discovery_no_range', { name, min: cell.min, max: cell.max }));
		return cell;
	});
	if (!levers.length) throw new Error(w('screen_engine_analysis_discovery_no_levers'));
	return { runs, levers };
}

/** A lever's value from a Latin hypercube value u in [0, 1): across its slider; a switch is off below one half, on above. */
function leverValue(cell: InputCell, u: number): number {
	if (cell.control === 'switch') return u < 0.5 ? cell.min : cell.max;
	return cell.min + (cell.max - cell.min) * u;
}

/** The program of the last discovery per model (a pool worker runs slice after slice on it). */
const programs = new WeakMap<CompiledModel, { key: string; program: Program }>();
function programFor(model: CompiledModel, variable: string): Program {
	const cached = programs.get(model);
	if (cached?.key === variable) return cached.program;
	const program = createProgram(prunedModel(model, [variable]), CHUNK_RUNS);
	programs.set(model, { key: variable, program });
	return program;
}

/**
 * Runs start..start+count of the discovery `options` describe, CHUNK_RUNS at a time, yielding
 * the fraction of this slice done after each chunk: a caller that stops iterating has stopped
 * the runs.
 */
export function* discoveryRunsStepwise(model: CompiledModel, options: DiscoveryOptions, start: number, count: number): Generator<number, DiscoveryPart, void> {
	const { runs, levers } = checkDiscovery(model, options);
	if (!(Number.isInteger(start) && Number.isInteger(count) && start >= 0 && count >= 0 && start + count <= runs)) {
		throw new Error(`Runs ${start} to ${start + count} are not within the ${runs} runs.`);
	}
	const unit = latinHypercube(
		levers.map((c) => c.name),
		runs,
		options.seed,
		start,
		count
	);
	const columns = unit.map((u, k) => u.map((v) => leverValue(levers[k], v)));
	const outcome = new Float64Array(count);
	const program = programFor(model, options.variable);
	const central = inputValues(model, options.inputs);
	const fixed = program.model.inputs.map((cell) => central[model.inputs.findIndex((c) => c.name === cell.name)]);
	const slotOfLever = levers.map((cell) => program.model.inputs.findIndex((c) => c.name === cell.name));
	const slot = program.model.variables.indexOf(options.variable);
	const last = options.year - model.startYear;
	for (let from = 0; from < count; from += CHUNK_RUNS) {
		const size = Math.min(CHUNK_RUNS, count - from);
		// Every input is set again for each chunk: another discovery may have used the shared
		// program while this one was paused. A short last chunk leaves older values after
		// `size`; every formula works run by run, so they change nothing before it.
		fixed.forEach((value, i) => program.inputBuffers[i].fill(value));
		slotOfLever.forEach((i, k) => program.inputBuffers[i].set(columns[k].subarray(from, from + size)));
		simulate(program, options.year, (y) => {
			if (y === last) outcome.set(program.ctx.cur[slot].subarray(0, size), from);
		});
		yield count ? Math.min(1, (from + size) / count) : 1;
	}
	return { start, count, columns, outcome };
}

/** Runs start..start+count of the discovery `options` describe (what one worker of a pool computes). */
export function discoveryRuns(model: CompiledModel, options: DiscoveryOptions, start: number, count: number, onProgress?: (fraction: number) => void): DiscoveryPart {
	const steps = discoveryRunsStepwise(model, options, start, count);
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
		onProgress?.(step.value);
	}
}

/** The result from slices computed apart (any split, any order): merged by run index, then PRIM. */
export function discoveryAssemble(model: CompiledModel, options: DiscoveryOptions, parts: DiscoveryPart[], elapsedMs = 0): DiscoveryResult {
	const { runs, levers } = checkDiscovery(model, options);
	const columns = levers.map(() => new Float64Array(runs));
	const outcome = new Float64Array(runs);
	const covered = new Uint8Array(runs);
	for (const part of parts) {
		if (part.columns.length !== levers.length || part.outcome.length !== part.count || part.start + part.count > runs) {
			throw new Error(`A slice of runs ${part.start} to ${part.start + part.count} does not belong to this discovery.`);
		}
		part.columns.forEach((c, k) => columns[k].set(c, part.start));
		outcome.set(part.outcome, part.start);
		covered.fill(1, part.start, part.start + part.count);
	}
	const missing = covered.indexOf(0);
	if (missing >= 0) throw new Error(`Run ${missing} of ${runs} is in no slice.`);
	const cases = Uint8Array.from(outcome, (v) => (meetsCondition(options.condition, v) ? 1 : 0));
	const ranges = levers.map((c): [number, number] => [c.min, c.max]);
	const names = levers.map((c) => c.name);
	const box = prim({ columns, cases, ranges, names }, options.prim);
	return {
		variable: options.variable,
		year: options.year,
		condition: { ...options.condition },
		runs,
		seed: options.seed,
		levers: names,
		labels: levers.map((c) => c.label),
		ranges,
		columns,
		outcome,
		cases,
		prim: box,
		elapsedMs
	};
}

/** Scenario discovery in this thread: every run, then PRIM. `onProgress` hears the fraction of runs done. */
export function discover(model: CompiledModel, options: DiscoveryOptions, onProgress?: (fraction: number) => void): DiscoveryResult {
	const started = now();
	const { runs } = checkDiscovery(model, options);
	const part = discoveryRuns(model, options, 0, runs, onProgress);
	const result = discoveryAssemble(model, options, [part]);
	result.elapsedMs = now() - started;
	return result;
}

/** discover, awaiting `betweenChunks()` after each chunk of runs: the worker pauses there, or stops the run by rejecting. */
export async function discoverPausable(
	model: CompiledModel,
	options: DiscoveryOptions,
	betweenChunks: () => Promise<void>,
	onProgress?: (fraction: number) => void
): Promise<DiscoveryResult> {
	let computeMs = 0;
	let resumed = now();
	const { runs } = checkDiscovery(model, options);
	const steps = discoveryRunsStepwise(model, options, 0, runs);
	for (;;) {
		const step = steps.next();
		if (step.done) {
			const result = discoveryAssemble(model, options, [step.value]);
			result.elapsedMs = computeMs + (now() - resumed);
			return result;
		}
		onProgress?.(step.value);
		computeMs += now() - resumed;
		await betweenChunks();
		resumed = now();
	}
}
