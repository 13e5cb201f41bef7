// A batch's scenarios run many at a time: one vectorised program (the engine's Monte Carlo
// machinery, createProgram(model, n)) whose samples are the scenarios, so the formulas are
// interpreted once per year for thousands of scenarios. Every formula computes each sample with
// the same arithmetic as a single run, so each scenario's figures are those of runDeterministic
// to the last digit (tests/cli-api.test.ts holds them to it).
import { compileNotebook, createProgram, inputValues, simulate } from '../lib/sim/index';
import { prunedModel } from '../lib/sim/analysis/monteCarlo';
import { dataFor } from '../lib/notebooks/published';
import type { Notebook } from '../lib/sim/types';

/** Scenarios per pass of the vectorised program. */
const CHUNK = 2048;

/** One scenario's figures: its years and, per variable, a value per year. */
export interface ScenarioFigures {
	years: number[];
	series: Record<string, number[]>;
}

/**
 * Runs `scenarios` (lever values and horizon each) of `notebook`, keeping `variables`.
 * Variables the notebook lacks are left out of the series.
 */
export function runMany(notebook: Notebook, scenarios: { inputs: Record<string, number>; horizon: number }[], variables: string[]): ScenarioFigures[] {
	const model = compileNotebook(notebook, dataFor(notebook));
	const kept = variables.filter((v) => model.variables.includes(v));
	const pruned = prunedModel(model, kept);
	const slots = kept.map((v) => pruned.variables.indexOf(v));
	const out: ScenarioFigures[] = new Array(scenarios.length);
	if (!scenarios.length) return out;
	const size = Math.min(CHUNK, scenarios.length);
	const program = createProgram(pruned, size);
	const defaults = inputValues(pruned, {});
	for (let from = 0; from < scenarios.length; from += size) {
		const count = Math.min(size, scenarios.length - from);
		let last = model.startYear;
		for (let k = 0; k < size; k++) {
			const values = k < count ? inputValues(pruned, scenarios[from + k].inputs) : defaults;
			for (let i = 0; i < values.length; i++) program.inputBuffers[i][k] = values[i];
			if (k < count) last = Math.max(last, scenarios[from + k].horizon);
		}
		const columns: number[][][] = [];
		for (let k = 0; k < count; k++) {
			const years = Math.max(0, scenarios[from + k].horizon - model.startYear + 1);
			columns.push(slots.map(() => new Array<number>(years)));
		}
		simulate(program, last, (y) => {
			const cur = program.ctx.cur;
			for (let j = 0; j < slots.length; j++) {
				const values = cur[slots[j]];
				for (let k = 0; k < count; k++) {
					const column = columns[k][j];
					if (y < column.length) column[y] = values[k];
				}
			}
		});
		for (let k = 0; k < count; k++) {
			const years: number[] = [];
			for (let y = model.startYear; y <= scenarios[from + k].horizon; y++) years.push(y);
			const series: Record<string, number[]> = {};
			kept.forEach((v, j) => (series[v] = columns[k][j]));
			out[from + k] = { years, series };
		}
	}
	return out;
}
