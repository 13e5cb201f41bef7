// Which assumptions matter most for one output in one year.
//
// tornado: one-at-a-time swings. Each input with an uncertainty range is set to the low and then
// the high end of its range (moved with its slider and clamped to the slider's range, as in the
// Monte Carlo runs) while every other input stays at its central value; the bars are sorted by
// the size of the swing in the output.
//
// varianceShares: a ranking of the sampled inputs by how much of the Monte Carlo spread of the
// output they account for, by the method "squared Spearman rank correlation, normalised": for
// each input, rho = Spearman's rank correlation between its samples and the output's samples
// (average ranks for ties), and share = rho² / Σ rho² over the inputs. It is a first-order
// approximation that assumes monotone relationships and independent inputs: it sees neither
// interactions between inputs nor effects that rise and then fall, and the shares are relative
// (they sum to 1) rather than fractions of the total variance. When the output does not vary
// at all, every share is 0.

import type { CompiledModel } from '../model';
import { sampleMatrix } from './monteCarlo';
import { createProgram, inputValues, simulate } from '../run';
import type { Program } from '../run';
import { shiftedRange } from './sampling';
import type { MonteCarloOptions, TornadoBar, VarianceShare } from '../types';
import { w } from '../../i18n/screenWords';

const singlePrograms = new WeakMap<CompiledModel, Program>();

function singleProgram(model: CompiledModel): Program {
	let program = singlePrograms.get(model);
	if (!program) {
		program = createProgram(model, 1);
		singlePrograms.set(model, program);
	}
	return program;
}

function checkTarget(model: CompiledModel, variable: string, year: number): number {
	const slot = model.variables.indexOf(variable);
	if (slot < 0) throw new Error(w('screen_engine_analysis_no_variable', { variable }));
	if (!(Number.isInteger(year) && year >= model.startYear)) throw new RangeError(w('screen_engine_analysis_year_from_not', { start: model.startYear, year }));
	return slot;
}

/** `variable` in `year` with the inputs at `values` (one per model input, in order). */
function outputAt(program: Program, values: number[], slot: number, year: number): number {
	values.forEach((v, i) => (program.inputBuffers[i][0] = v));
	const last = year - program.model.startYear;
	let out = NaN;
	simulate(program, year, (y) => {
		if (y === last) out = program.ctx.cur[slot][0];
	});
	return out;
}

/** One bar per input with an uncertainty range, largest swing |outputAtHigh - outputAtLow| first. */
export function tornado(model: CompiledModel, inputs: Record<string, number>, variable: string, year: number): TornadoBar[] {
	const slot = checkTarget(model, variable, year);
	const program = singleProgram(model);
	const central = inputValues(model, inputs);
	const bars: TornadoBar[] = [];
	model.inputs.forEach((cell, i) => {
		const range = shiftedRange(cell, central[i]);
		if (!range) return;
		const values = central.slice();
		values[i] = range.low;
		const outputAtLow = outputAt(program, values, slot, year);
		values[i] = range.high;
		const outputAtHigh = outputAt(program, values, slot, year);
		bars.push({ input: cell.name, label: cell.label, low: range.low, high: range.high, outputAtLow, outputAtHigh });
	});
	const swing = (b: TornadoBar) => {
		const s = Math.abs(b.outputAtHigh - b.outputAtLow);
		return Number.isNaN(s) ? -1 : s;
	};
	// A stable sort: equal swings keep the notebook's order.
	return bars.sort((a, b) => swing(b) - swing(a));
}

/**
 * Average ranks (1-based; ties share the mean of their positions) of `values`, found by sorting
 * a copy and locating each value's run of equal values by binary search.
 */
export function averageRanks(values: Float64Array): Float64Array {
	const n = values.length;
	const sorted = values.slice().sort();
	const ranks = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		const v = values[i];
		// First index with sorted[k] >= v, and first with sorted[k] > v.
		let lo = 0;
		let hi = n;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (sorted[mid] < v) lo = mid + 1;
			else hi = mid;
		}
		const first = lo;
		hi = n;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (sorted[mid] <= v) lo = mid + 1;
			else hi = mid;
		}
		ranks[i] = (first + lo + 1) / 2; // mean of positions first+1 .. lo
	}
	return ranks;
}

/** Pearson correlation; 0 when either side does not vary. */
function correlation(x: Float64Array, y: Float64Array): number {
	const n = x.length;
	let mx = 0;
	let my = 0;
	for (let i = 0; i < n; i++) {
		mx += x[i];
		my += y[i];
	}
	mx /= n;
	my /= n;
	let sxy = 0;
	let sxx = 0;
	let syy = 0;
	for (let i = 0; i < n; i++) {
		const dx = x[i] - mx;
		const dy = y[i] - my;
		sxy += dx * dy;
		sxx += dx * dx;
		syy += dy * dy;
	}
	if (!(sxx > 0 && syy > 0)) return 0;
	return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/** Spearman's rank correlation of two equally long samples (average ranks for ties). */
export function spearman(x: Float64Array, y: Float64Array): number {
	return correlation(averageRanks(x), averageRanks(y));
}

/**
 * Shares of the Monte Carlo spread of `variable` in `year` by sampled input: squared Spearman
 * rank correlation, normalised to sum to 1 (see the note at the top of this file). Samples whose
 * output is NaN are left out. Largest share first.
 */
export function varianceShares(model: CompiledModel, options: MonteCarloOptions, variable: string, year: number): VarianceShare[] {
	checkTarget(model, variable, year);
	const matrix = sampleMatrix(model, options, variable, year);
	const keep: number[] = [];
	matrix.output.forEach((v, i) => {
		if (!Number.isNaN(v)) keep.push(i);
	});
	const subset = (a: Float64Array) => (keep.length === a.length ? a : Float64Array.from(keep, (i) => a[i]));
	const outputRanks = averageRanks(subset(matrix.output));
	const rows = matrix.inputs.map((input) => ({
		input: input.name,
		label: input.label,
		rankCorrelation: keep.length > 1 ? correlation(averageRanks(subset(input.values)), outputRanks) : 0,
		share: 0
	}));
	const total = rows.reduce((s, r) => s + r.rankCorrelation ** 2, 0);
	if (total > 0) for (const r of rows) r.share = r.rankCorrelation ** 2 / total;
	return rows.sort((a, b) => b.share - a.share);
}
