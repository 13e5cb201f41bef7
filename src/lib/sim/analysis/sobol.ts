// Variance-based sensitivity: first-order and total Sobol indices with bootstrap intervals.
//
// Saltelli's scheme: two independent sample matrices A and B (N rows, one column per factor),
// and for each factor i the matrix A_B(i), A with column i taken from B: N × (k + 2) runs.
// Estimators (Saltelli et al. 2010, "Variance based sensitivity analysis of model output",
// table 2, as in SALib): first order S_i = mean(f(B) · (f(A_B(i)) − f(A))) / V, and Jansen's
// total ST_i = mean((f(A) − f(A_B(i)))²) / (2V), with V the variance of f over A and B together.
// f(B) is centred on the mean of f first: the estimate's expectation is unchanged (the mean of
// f(A_B(i)) − f(A) is zero) and its variance falls sharply where the output's level is far from
// zero relative to its spread, as a share of 76% ± 5% is (about ten times narrower intervals).
// Intervals: percentile bootstrap over the N rows (the same resampled rows for every estimate).
//
// A factor is an input with an uncertainty range, sampled as the bands sample it; with a
// posterior sample set the calibrated parameters are ONE factor (their joint draw), since the
// indices assume independent factors and the posterior ties those parameters together.

import type { CompiledModel } from '../model';
import { prunedModel } from './monteCarlo';
import { seededRandom } from './random';
import { createProgram, inputValues, simulate } from '../run';
import { inputStream, sampleInput, streamSeed, usableUncertainty } from './sampling';
import type { MonteCarloOptions } from '../types';
import { w } from '../../i18n/screenWords';

export interface Interval {
	estimate: number;
	/** 2.5th and 97.5th percentiles of the bootstrap. */
	low: number;
	high: number;
}

export interface SobolIndices {
	first: Interval[];
	total: Interval[];
	variance: number;
}

export interface SobolFactor {
	name: string;
	label: string;
	first: Interval;
	total: Interval;
}

export interface SobolReport {
	variable: string;
	year: number;
	baseSamples: number;
	runs: number;
	variance: number;
	/** Largest total index first. */
	factors: SobolFactor[];
	elapsedMs: number;
}

export const SOBOL_DEFAULT_SAMPLES = 4096;
const BOOTSTRAP = 200;

/** Indices from the outputs f(A), f(B) and f(A_B(i)) (one array per factor), all of length N. */
export function sobolFromOutputs(fA: Float64Array, fB: Float64Array, fAB: Float64Array[], seed = 1, resamples = BOOTSTRAP): SobolIndices {
	const n = fA.length;
	const estimate = (rows: ArrayLike<number>) => {
		let sum = 0;
		let sq = 0;
		for (let r = 0; r < n; r++) {
			const j = rows[r];
			sum += fA[j] + fB[j];
			sq += fA[j] * fA[j] + fB[j] * fB[j];
		}
		const mean = sum / (2 * n);
		const variance = sq / (2 * n) - mean * mean;
		const first = fAB.map((f) => {
			let s = 0;
			for (let r = 0; r < n; r++) {
				const j = rows[r];
				s += (fB[j] - mean) * (f[j] - fA[j]);
			}
			return variance > 0 ? s / n / variance : 0;
		});
		const total = fAB.map((f) => {
			let s = 0;
			for (let r = 0; r < n; r++) {
				const j = rows[r];
				s += (fA[j] - f[j]) ** 2;
			}
			return variance > 0 ? s / (2 * n) / variance : 0;
		});
		return { first, total, variance };
	};
	const all = Uint32Array.from({ length: n }, (_, i) => i);
	const point = estimate(all);
	const random = seededRandom(streamSeed(seed, '\u0000sobol bootstrap'));
	const firsts = fAB.map(() => new Float64Array(resamples));
	const totals = fAB.map(() => new Float64Array(resamples));
	const rows = new Uint32Array(n);
	for (let b = 0; b < resamples; b++) {
		for (let r = 0; r < n; r++) rows[r] = Math.floor(random() * n);
		const e = estimate(rows);
		e.first.forEach((v, i) => (firsts[i][b] = v));
		e.total.forEach((v, i) => (totals[i][b] = v));
	}
	const interval = (estimateValue: number, boot: Float64Array): Interval => {
		const sorted = boot.slice().sort();
		return { estimate: estimateValue, low: sorted[Math.floor(0.025 * (resamples - 1))], high: sorted[Math.ceil(0.975 * (resamples - 1))] };
	};
	return {
		first: point.first.map((v, i) => interval(v, firsts[i])),
		total: point.total.map((v, i) => interval(v, totals[i])),
		variance: point.variance
	};
}

/** The factors of a Sobol analysis and, for the runs asked for, their outputs (see sobolRuns). */
export interface SobolRuns {
	factors: { name: string; label: string }[];
	/** Run index -> f over its matrix: 0 is A, 1 is B, 2 + i is A_B(i). */
	outputs: Map<number, Float64Array>;
	baseSamples: number;
}

/**
 * The model runs of a Sobol analysis whose index r has r % parts === part (all with the default
 * 0 of 1): a pool's worker computes its share, and since every matrix comes from seeded streams,
 * any split gives the same outputs. `onStep` hears the fraction of this share done.
 */
export function sobolRuns(
	model: CompiledModel,
	options: MonteCarloOptions & { baseSamples?: number },
	variable: string,
	year: number,
	part = 0,
	parts = 1,
	onStep?: (fraction: number) => void
): SobolRuns {
	if (!model.variables.includes(variable)) throw new Error(w('screen_engine_analysis_no_variable', { variable }));
	if (!(Number.isInteger(year) && year >= model.startYear)) throw new RangeError(w('screen_engine_analysis_year_from_not', { start: model.startYear, year }));
	const n = Math.max(64, Math.min(65_536, Math.round(options.baseSamples ?? SOBOL_DEFAULT_SAMPLES)));
	const posterior = model.posterior;
	const centrals = inputValues(model, options.inputs);
	type Factor = { name: string; label: string; draw: (stream: string) => Float64Array };
	const factors: Factor[] = [];
	model.inputs.forEach((cell, i) => {
		if (posterior?.parameters.includes(cell.name) || !usableUncertainty(cell)) return;
		factors.push({ name: cell.name, label: cell.label, draw: (which) => sampleInput(cell, centrals[i], n, inputStream(options.seed, `\u0000sobol ${which} ${cell.name}`)) });
	});
	if (posterior) {
		factors.push({
			name: 'calibrated',
			label: w('screen_engine_analysis_sobol_calibrated', { count: posterior.parameters.length }),
			draw: (which) => {
				const random = inputStream(options.seed, `\u0000sobol ${which} posterior`);
				return Float64Array.from({ length: n }, () => Math.floor(random() * posterior.draws.length));
			}
		});
	}
	const A = factors.map((f) => f.draw('A'));
	const B = factors.map((f) => f.draw('B'));
	const matrix = (r: number) => (r === 0 ? A : r === 1 ? B : A.map((column, j) => (j === r - 2 ? B[r - 2] : column)));

	const pruned = prunedModel(model, [variable]);
	const program = createProgram(pruned, n);
	const slot = pruned.variables.indexOf(variable);
	const last = year - pruned.startYear;
	const evaluate = (columns: Float64Array[]): Float64Array => {
		pruned.inputs.forEach((cell, i) => {
			const buffer = program.inputBuffers[i];
			const central = centrals[model.inputs.findIndex((c) => c.name === cell.name)];
			const factor = factors.findIndex((f) => f.name === cell.name);
			const p = posterior ? posterior.parameters.indexOf(cell.name) : -1;
			if (factor >= 0) buffer.set(columns[factor]);
			else if (p >= 0) {
				const index = columns[factors.length - 1];
				const shift = central - cell.default;
				for (let k = 0; k < n; k++) buffer[k] = Math.min(cell.max, Math.max(cell.min, posterior!.draws[index[k]][p] + shift));
			} else buffer.fill(central);
		});
		const out = new Float64Array(n);
		simulate(program, year, (y) => {
			if (y === last) out.set(program.ctx.cur[slot]);
		});
		return out;
	};
	const mine = Array.from({ length: factors.length + 2 }, (_, r) => r).filter((r) => r % parts === part);
	const outputs = new Map<number, Float64Array>();
	mine.forEach((r, k) => {
		outputs.set(r, evaluate(matrix(r)));
		onStep?.((k + 1) / mine.length);
	});
	return { factors: factors.map(({ name, label }) => ({ name, label })), outputs, baseSamples: n };
}

/** The report from every run's output (sobolRuns of all parts, merged). */
export function sobolReport(runs: SobolRuns, variable: string, year: number, seed: number, elapsedMs: number): SobolReport {
	const k = runs.factors.length;
	const get = (r: number) => {
		const out = runs.outputs.get(r);
		if (!out) throw new Error(`Sobol run ${r} of ${k + 2} is missing.`);
		return out;
	};
	const indices = sobolFromOutputs(get(0), get(1), runs.factors.map((_, i) => get(2 + i)), seed);
	const factors = runs.factors.map((f, i) => ({ ...f, first: indices.first[i], total: indices.total[i] }));
	factors.sort((a, b) => b.total.estimate - a.total.estimate);
	return { variable, year, baseSamples: runs.baseSamples, runs: runs.baseSamples * (k + 2), variance: indices.variance, factors, elapsedMs };
}

/**
 * Sobol indices of `variable` in `year` over every factor of the model (see the top of this
 * file), N = `baseSamples` (N × (k + 2) runs), in this thread. `onStep` hears the fraction done.
 */
export function modelSobol(
	model: CompiledModel,
	options: MonteCarloOptions & { baseSamples?: number },
	variable: string,
	year: number,
	onStep?: (fraction: number) => void
): SobolReport {
	const started = performance.now();
	const runs = sobolRuns(model, options, variable, year, 0, 1, onStep);
	return sobolReport(runs, variable, year, options.seed, performance.now() - started);
}
