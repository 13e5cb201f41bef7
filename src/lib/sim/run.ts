// Runs a compiled model one year at a time. `createProgram` builds the closures once for a
// given sample count; `runDeterministic` reuses them for every slider move.

import { compileExpr } from './compile';
import type { EvalContext, VecFn } from './compile';
import type { CompiledModel } from './model';
import type { CellError, RunOptions, RunResult } from './types';
import { w } from '../i18n/screenWords';

/** A compiled model's closures and buffers for a fixed sample count, reused run after run. */
export interface Program {
	model: CompiledModel;
	ctx: EvalContext;
	/** Input slot -> its values buffer (filled before a run). */
	inputBuffers: Float64Array[];
	steps: { slot: number; fn: VecFn }[];
}

/** Builds the closures for `model` over `samples` samples (1 for deterministic runs). */
export function createProgram(model: CompiledModel, samples = 1): Program {
	const slots = new Map(model.variables.map((name, i) => [name, i]));
	const cur = model.variables.map(() => new Float64Array(samples));
	const prev = model.variables.map((_, i) => (i < model.inputs.length ? cur[i] : new Float64Array(samples)));
	const ctx: EvalContext = { n: samples, yearIndex: 0, year: model.startYear, startYear: model.startYear, cur, prev };
	const env = {
		ctx,
		slotOf: (name: string) => slots.get(name)!,
		data: (series: string) => model.data.get(series)!
	};
	const steps = model.formulas.map((f) => ({ slot: slots.get(f.name)!, fn: compileExpr(f.expr, env) }));
	return { model, ctx, inputBuffers: cur.slice(0, model.inputs.length), steps };
}

/** Inputs clamped to their ranges; unknown names ignored (the scenario layer reports them). */
export function inputValues(model: CompiledModel, given: Record<string, number>): number[] {
	return model.inputs.map((input) => {
		const v = Object.hasOwn(given, input.name) ? given[input.name] : input.default;
		return Number.isFinite(v) ? Math.min(input.max, Math.max(input.min, v)) : input.default;
	});
}

/** Computes year `y` of `program` into ctx.cur. */
function computeYear(program: Program, y: number): void {
	const { ctx, steps } = program;
	ctx.yearIndex = y;
	ctx.year = program.model.startYear + y;
	// One sample (a deterministic run, every slider move): a plain store, not TypedArray.set,
	// whose call cost a tenth of a run of version 3's 54 formulas.
	if (ctx.n === 1) for (const step of steps) ctx.cur[step.slot][0] = step.fn()[0];
	else for (const step of steps) ctx.cur[step.slot].set(step.fn());
}

/** This year's values become last year's: swap buffers rather than copy. */
function advanceYear(program: Program): void {
	const { cur, prev } = program.ctx;
	for (const step of program.steps) {
		const s = step.slot;
		const t = cur[s];
		cur[s] = prev[s];
		prev[s] = t;
	}
}

/**
 * Steps every year from the start to the horizon. `record(yearIndex)` is called after each
 * year with ctx.cur holding that year's values, before they move to ctx.prev.
 */
export function simulate(program: Program, horizon: number, record: (yearIndex: number) => void): void {
	const years = horizon - program.model.startYear + 1;
	for (let y = 0; y < years; y++) {
		computeYear(program, y);
		record(y);
		advanceYear(program);
	}
}

/**
 * simulate() one year per step: yields each year's index with ctx.cur holding that year, so a
 * long Monte Carlo run can pause between years (the analysis worker lets slider runs go first).
 */
export function* simulateByYear(program: Program, horizon: number): Generator<number, void, void> {
	const years = horizon - program.model.startYear + 1;
	for (let y = 0; y < years; y++) {
		computeYear(program, y);
		yield y;
		advanceYear(program);
	}
}

/** Runs a single-sample program up to `options.horizon`: every variable's series, with compile errors and non-finite warnings. */
export function runDeterministic(program: Program, options: RunOptions): RunResult {
	const { model } = program;
	if (program.ctx.n !== 1) throw new Error('runDeterministic needs a single-sample program');
	const values = inputValues(model, options.inputs);
	for (let i = 0; i < values.length; i++) program.inputBuffers[i][0] = values[i];
	const years: number[] = [];
	for (let y = model.startYear; y <= options.horizon; y++) years.push(y);
	const count = model.variables.length;
	const columns = new Array<number[]>(count);
	for (let s = 0; s < count; s++) columns[s] = new Array<number>(years.length);
	const cur = program.ctx.cur;
	simulate(program, options.horizon, (y) => {
		for (let s = 0; s < count; s++) columns[s][y] = cur[s][0];
	});
	const series: Record<string, number[]> = {};
	model.variables.forEach((name, s) => (series[name] = columns[s]));
	return { years, series, errors: [...model.errors, ...nonFiniteWarnings(program, series, years)] };
}

function nonFiniteWarnings(program: Program, series: Record<string, number[]>, years: number[]): CellError[] {
	const out: CellError[] = [];
	for (const f of program.model.formulas) {
		const values = series[f.name];
		let i = 0;
		while (i < values.length && Number.isFinite(values[i])) i++;
		if (i < values.length) {
			out.push({
				cellId: f.cellId,
				kind: 'not-finite',
				message: w('screen_engine_not_finite', { name: f.name, value: series[f.name][i], year: years[i] })
			});
		}
	}
	return out;
}
