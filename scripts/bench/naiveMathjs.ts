// A straightforward reference implementation of a notebook run with full mathjs: every formula
// cell's text is handed to math.evaluate(expr, scope) once per year, in the engine's dependency
// order. No caching, no pre-compilation: this is the "obvious" way to build the app, and the
// benchmark compares the engine against it. It must produce the engine's numbers (checked by
// scripts/bench/engine.ts before anything is timed).
//
// The special forms are implemented as mathjs functions:
//   prev(x, init)      raw-argument function: reads x's previous-year value by name
//   data / hasData     read the observed series at the current (or a given) year
//   step / ramp        read the current year
//   logistic, logit, clamp, share   imported as plain number functions

import { all, create } from 'mathjs';
import type { MathNode } from 'mathjs';
import type { CompiledModel } from '../../src/lib/sim/index';
import type { DataTable, FormulaCell, Notebook } from '../../src/lib/sim/types';

export interface NaiveRunner {
	/** Runs from the notebook's start year to `horizon`; returns variable -> one value per year. */
	run(inputs: Record<string, number>, horizon: number): { years: number[]; series: Record<string, number[]> };
}

const logistic = (x: number) => 1 / (1 + Math.exp(-x));

export function createNaiveRunner(notebook: Notebook, data: DataTable, model: CompiledModel): NaiveRunner {
	const math = create(all, {});

	// Per-run state the special forms read. Reset at the start of every run.
	let year = notebook.startYear;
	let yearIndex = 0;
	let last: Record<string, number> = {};

	function prev(args: MathNode[], _math: unknown, scope: Map<string, unknown>): number {
		const name = (args[0] as unknown as { name: string }).name;
		if (yearIndex === 0) return args[1] ? (args[1].evaluate(scope) as number) : 0;
		return last[name];
	}
	(prev as unknown as { rawArgs: boolean }).rawArgs = true;

	const lookUp = (series: string, y?: number) => data[series]?.[Math.round(y ?? year)];
	math.import(
		{
			prev,
			data: (series: string, y?: number) => lookUp(series, y) ?? NaN,
			hasData: (series: string, y?: number) => (lookUp(series, y) === undefined ? 0 : 1),
			step: (y0: number) => (year >= y0 ? 1 : 0),
			ramp: (y0: number, y1: number) => {
				const span = y1 - y0;
				const x = span > 0 ? (year - y0) / span : year >= y0 ? 1 : 0;
				return x < 0 ? 0 : x > 1 ? 1 : x;
			},
			logistic,
			logit: (p: number) => Math.log(p / (1 - p)),
			clamp: (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x)),
			share: (a: number, b: number) => logistic(a - b)
		},
		{ override: true }
	);

	// Formula text by variable name, in the engine's evaluation order ("name = rhs" -> rhs).
	const cellText = new Map(
		notebook.cells.filter((c): c is FormulaCell => c.kind === 'formula').map((c) => [c.id, c.formula])
	);
	const formulas = model.formulas.map((f) => {
		const text = cellText.get(f.cellId)!;
		return { name: f.name, rhs: text.slice(text.indexOf('=') + 1).trim() };
	});
	const inputCells = model.inputs;

	return {
		run(given, horizon) {
			const inputs: Record<string, number> = {};
			for (const c of inputCells) {
				const v = Object.hasOwn(given, c.name) ? given[c.name] : c.default;
				inputs[c.name] = Number.isFinite(v) ? Math.min(c.max, Math.max(c.min, v)) : c.default;
			}
			const years: number[] = [];
			const series: Record<string, number[]> = {};
			for (const c of inputCells) series[c.name] = [];
			for (const f of formulas) series[f.name] = [];
			last = {};
			for (year = notebook.startYear, yearIndex = 0; year <= horizon; year++, yearIndex++) {
				const scope: Record<string, number> = { ...inputs, year, t: year - notebook.startYear };
				for (const f of formulas) {
					const value = math.evaluate(f.rhs, scope) as number;
					scope[f.name] = value;
				}
				for (const c of inputCells) series[c.name].push(inputs[c.name]);
				for (const f of formulas) series[f.name].push(scope[f.name]);
				years.push(year);
				last = scope;
			}
			return { years, series };
		}
	};
}
