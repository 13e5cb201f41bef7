// "Why do these two scenarios differ?" Splits the difference in one output, in one year, into
// the contribution of each input that differs (and of the notebook's formula edits, if the two
// notebooks differ), by Shapley values over those changes.

import { cacheByNotebook } from '../notebookCache';
import { compileNotebook } from '../model';
import { createProgram, runDeterministic } from '../run';
import type { Program } from '../run';
import { shapley } from './shapley';
import type { DataTable, InputCell, Notebook } from '../types';

/** One side of a comparison: a notebook and its input values. */
export interface ScenarioSpec {
	notebook: Notebook;
	/** Inputs that differ from the notebook's defaults. */
	inputs: Record<string, number>;
}

/** The difference in one output in one year between two scenarios, split into one contribution per change. */
export interface Attribution {
	variable: string;
	year: number;
	/** Value in scenario A and in scenario B. */
	start: number;
	end: number;
	/** One bar each; they add up to end - start. */
	parts: { key: string; label: string; contribution: number }[];
	method: 'exact' | 'sampled';
	runs: number;
}

/** The key of the contribution that stands for the two notebooks' formula and cell edits. */
export const NOTEBOOK_EDITS = '(formula and cell edits)';

const inputsOf = (nb: Notebook) => nb.cells.filter((c): c is InputCell => c.kind === 'input');

/**
 * Caches compiled programs by notebook content: attribution runs the same one or two many times.
 * `data` is one table for every notebook, or the table a given notebook reads.
 */
export function programCache(data: DataTable | ((notebook: Notebook) => DataTable), size = 6): (notebook: Notebook) => Program {
	const dataOf = typeof data === 'function' ? data : () => data;
	return cacheByNotebook((notebook) => createProgram(compileNotebook(notebook, dataOf(notebook)), 1), size);
}

/** Splits the difference in `variable` at `year` between scenarios a and b into Shapley contributions of what differs. */
export function attribute(
	a: ScenarioSpec,
	b: ScenarioSpec,
	variable: string,
	year: number,
	programFor: (nb: Notebook) => Program
): Attribution {
	const value = (spec: ScenarioSpec, cell: InputCell) => (Object.hasOwn(spec.inputs, cell.name) ? spec.inputs[cell.name] : cell.default);
	const inA = new Map(inputsOf(a.notebook).map((c) => [c.name, c]));
	const inB = new Map(inputsOf(b.notebook).map((c) => [c.name, c]));
	const names = [...new Set([...inA.keys(), ...inB.keys()])];
	const valueA = new Map<string, number>();
	const valueB = new Map<string, number>();
	for (const name of names) {
		const ca = inA.get(name);
		const cb = inB.get(name);
		valueA.set(name, ca ? value(a, ca) : cb!.default);
		valueB.set(name, cb ? value(b, cb) : ca!.default);
	}
	const changed = names.filter((n) => valueA.get(n) !== valueB.get(n));
	const notebooksDiffer = JSON.stringify(a.notebook) !== JSON.stringify(b.notebook);
	const players = notebooksDiffer ? [...changed, NOTEBOOK_EDITS] : changed;

	let runs = 0;
	const evaluate = (members: boolean[]) => {
		const useB = notebooksDiffer && members[players.length - 1];
		const inputs: Record<string, number> = {};
		for (const name of names) inputs[name] = valueA.get(name)!;
		changed.forEach((name, i) => {
			if (members[i]) inputs[name] = valueB.get(name)!;
		});
		runs++;
		const result = runDeterministic(programFor(useB ? b.notebook : a.notebook), { inputs, horizon: year });
		const series = result.series[variable];
		return series ? series[series.length - 1] : NaN;
	};
	const r = shapley(players.length, evaluate);
	const labelOf = (name: string) => inB.get(name)?.label ?? inA.get(name)?.label ?? name;
	return {
		variable,
		year,
		start: r.start,
		end: r.end,
		parts: players.map((key, i) => ({ key, label: key === NOTEBOOK_EDITS ? 'Formula and cell edits' : labelOf(key), contribution: r.contributions[i] })),
		method: r.method,
		runs
	};
}
