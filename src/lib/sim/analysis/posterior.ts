// Bayesian calibration of a fit cell's parameters: the joint posterior, sampled with the
// ensemble sampler (ensembleSampler.ts), so the bands can draw the parameters together, as the
// data tie them, instead of each from its own range.
//
// Likelihood: every observation (fit pair, year with data) is the model's value plus normal
// noise, one noise scale per series. The scale is either given as the fit's own RMSE per series
// at the central values ('rmse', the default: with 7 years per series and 8 shared parameters,
// a fitted scale is so loosely pinned that its tail alone doubles the fan), never below half the
// noise the pair states (a series of one or two points can be fitted almost exactly, and a scale
// near zero would pin the parameters to it), or fitted with the parameters ('fit', as its
// logarithm, uniform between 0.01 and 20 points). Priors: uniform
// over each parameter's slider range. Each half of the walkers is one batch of samples of one
// vectorised program.

import { basisProblem } from '../basis';
import { w } from '../../i18n/screenWords';
import { variableBases } from '../variableBases';
import { autocorrelationTimes, sampleEnsemble, splitRhat } from './ensembleSampler';
import { compileNotebook } from '../model';
import { prunedModel } from './monteCarlo';
import { createProgram, inputValues, runDeterministic, simulate } from '../run';
import type { FitRequest } from './fitting';
import type { DataTable, InputCell, PosteriorSample } from '../types';

/** A fit's notebook, central inputs (the walkers start around them), parameters, pairs and years. */
export interface PosteriorRequest extends Pick<FitRequest, 'notebook' | 'inputs' | 'parameters' | 'pairs' | 'fromYear' | 'toYear' | 'periods' | 'observed' | 'seriesBasis'> {
	walkers?: number;
	steps?: number;
	/** Draws kept in the sample set (taken evenly from the chain after burn-in). */
	draws?: number;
	/** The noise scale per series: the fit's RMSE at the central values (default), or fitted. */
	noise?: 'rmse' | 'fit';
	seed?: number;
	/** Fraction done after each step; false stops (Cancel). */
	onStep?: (fraction: number) => boolean | void;
}

export interface PosteriorOutcome {
	posterior: PosteriorSample | null;
	problems: string[];
	/** Cancelled before the end (no sample set then). */
	stopped: boolean;
	elapsedMs: number;
}

/**
 * The sampler's size for `dimensions` parameters, the same for the shipped posterior and the fit
 * cell's recomputation. Eight parameters (version 2): 32 walkers x 16,000 steps, past 50
 * autocorrelation times (~130 steps). The stretch move's autocorrelation time grows with the
 * dimension, so more need more: at least four walkers a parameter, and 60,000 steps.
 */
export function posteriorSize(dimensions: number): { walkers: number; steps: number } {
	return dimensions <= 8 ? { walkers: 32, steps: 16_000 } : { walkers: Math.max(32, 2 * Math.ceil(2 * dimensions)), steps: 60_000 };
}
export const POSTERIOR_DEFAULTS = { draws: 300, seed: 1 };
/** Most draws a sample set may hold (in a notebook, a link, a saved scenario). */
export const MAX_POSTERIOR_DRAWS = 1000;
const LOG_NOISE_MIN = Math.log(1e-4);
const LOG_NOISE_MAX = Math.log(0.2);

const round = (x: number) => Number(x.toPrecision(6));
/**
 * A draw's value to a ten-thousandth of its slider's range: finer than any band can show, and a
 * third smaller shipped (the workers bundle the published sample set). Noise to 3 digits.
 */
const toRange = (cell: InputCell) => {
	const decimals = Math.max(0, Math.ceil(-Math.log10((cell.max - cell.min) / 1e4)));
	return (x: number) => Number(x.toFixed(decimals));
};
const noiseDigits = (x: number) => Number(x.toPrecision(3));

export function computePosterior(request: PosteriorRequest, data: DataTable): PosteriorOutcome {
	const started = performance.now();
	const fail = (problems: string[]): PosteriorOutcome => ({ posterior: null, problems, stopped: false, elapsedMs: performance.now() - started });
	const { walkers, steps, draws, seed } = { ...posteriorSize(request.parameters.length), ...POSTERIOR_DEFAULTS, ...definedOnly(request) };
	const full = compileNotebook(request.notebook, data);
	const parameterCells = request.parameters.map((name) => full.inputs.find((c) => c.name === name));
	const problems: string[] = [];
	request.parameters.forEach((name, i) => {
		if (!parameterCells[i]) problems.push(w('screen_engine_analysis_posterior_not_input', { name }));
	});
	const variables = [...new Set(request.pairs.map((p) => p.variable))];
	for (const v of variables) if (!full.variables.includes(v)) problems.push(w('screen_engine_analysis_posterior_no_variable', { variable: v }));
	const compared = request.observed ?? data;
	for (const p of request.pairs) if (!compared[p.series]) problems.push(w('screen_engine_analysis_posterior_no_series', { series: p.series }));
	if (request.seriesBasis) {
		const bases = variableBases(request.notebook);
		for (const p of request.pairs) {
			const problem = basisProblem(bases, p, request.seriesBasis);
			if (problem) problems.push(problem);
		}
	}
	if (!request.parameters.length) problems.push(w('screen_engine_analysis_posterior_no_parameters'));
	if (problems.length) return fail(problems);
	const cells = parameterCells as InputCell[];

	// Observations per pair: year index and value, where the series has a finite value.
	const observed = request.pairs.map((pair) => {
		const series = compared[pair.series];
		const points: { yearIndex: number; value: number }[] = [];
		for (let year = request.fromYear; year <= request.toYear; year++) {
			const value = series[year];
			if (Number.isFinite(value) && year >= full.startYear) points.push({ yearIndex: year - full.startYear, value });
		}
		return { variable: pair.variable, points, floor: pair.noise && pair.noise > 0 ? pair.noise / 2 : 1e-4 };
	});
	if (observed.every((o) => o.points.length === 0)) return fail([w('screen_engine_analysis_posterior_no_observations', { from: request.fromYear, to: request.toYear })]);

	const model = prunedModel(full, variables);
	const half = walkers / 2;
	const program = createProgram(model, half);
	const centrals = inputValues(model, request.inputs);
	centrals.forEach((v, i) => program.inputBuffers[i].fill(v));
	const parameterSlots = cells.map((cell) => model.inputs.findIndex((c) => c.name === cell.name));
	const outputSlots = observed.map((o) => model.variables.indexOf(o.variable));
	const P = cells.length;
	const S = observed.length;
	const fitNoise = request.noise === 'fit';
	const dim = P + (fitNoise ? S : 0);
	const squares = observed.map(() => new Float64Array(half));

	// The fit's RMSE per series at the central values: the given noise, or where a fitted one starts.
	const run = runDeterministic(createProgram(model, 1), { inputs: request.inputs, horizon: request.toYear });
	const startNoise = observed.map((o) => {
		const rms = Math.sqrt(o.points.reduce((sum, p) => sum + (run.series[o.variable][p.yearIndex] - p.value) ** 2, 0) / Math.max(1, o.points.length));
		return Math.log(Math.min(Math.max(0.1, 20 * o.floor), Math.max(o.floor, rms)));
	});
	/** Log-posterior of up to `half` points at once, run as one batch. */
	const batch = (points: Float64Array[], out: Float64Array, offset: number, count: number) => {
		const inside = new Uint8Array(count);
		for (let k = 0; k < count; k++) {
			const x = points[offset + k];
			let ok = 1;
			for (let p = 0; p < P; p++) {
				const v = x[p];
				if (!(v >= cells[p].min && v <= cells[p].max)) ok = 0;
				program.inputBuffers[parameterSlots[p]][k] = ok ? v : centrals[parameterSlots[p]];
			}
			if (fitNoise) for (let s = 0; s < S; s++) if (!(x[P + s] >= LOG_NOISE_MIN && x[P + s] <= LOG_NOISE_MAX)) ok = 0;
			inside[k] = ok;
		}
		for (const sq of squares) sq.fill(0);
		simulate(program, request.toYear, (yearIndex) => {
			for (let s = 0; s < S; s++) {
				const values = program.ctx.cur[outputSlots[s]];
				for (const point of observed[s].points) {
					if (point.yearIndex !== yearIndex) continue;
					for (let k = 0; k < count; k++) {
						const r = values[k] - point.value;
						squares[s][k] += r * r;
					}
				}
			}
		});
		for (let k = 0; k < count; k++) {
			if (!inside[k]) {
				out[offset + k] = -Infinity;
				continue;
			}
			let lp = 0;
			for (let s = 0; s < S; s++) {
				const logSigma = fitNoise ? points[offset + k][P + s] : startNoise[s];
				lp -= observed[s].points.length * logSigma + squares[s][k] / (2 * Math.exp(2 * logSigma));
			}
			out[offset + k] = Number.isFinite(lp) ? lp : -Infinity;
		}
	};
	const logProb = (points: Float64Array[], out: Float64Array) => {
		for (let offset = 0; offset < points.length; offset += half) batch(points, out, offset, Math.min(half, points.length - offset));
	};

	let state = (seed >>> 0) || 1;
	const jitter = () => {
		// xorshift: the start ball only; the sampler has its own stream.
		state ^= state << 13;
		state ^= state >>> 17;
		state ^= state << 5;
		return ((state >>> 0) / 4294967296) * 2 - 1;
	};
	const start = Array.from({ length: walkers }, () => {
		const x = new Float64Array(dim);
		cells.forEach((cell, p) => {
			const centre = centrals[parameterSlots[p]];
			x[p] = Math.min(cell.max, Math.max(cell.min, centre + jitter() * 1e-3 * (cell.max - cell.min)));
		});
		if (fitNoise) startNoise.forEach((n, s) => (x[P + s] = n + 0.01 * jitter()));
		return x;
	});

	let chain;
	try {
		chain = sampleEnsemble(logProb, start, { steps, seed, onStep: request.onStep });
	} catch (err) {
		return fail([(err as Error).message]);
	}
	if (chain.stopped) return { posterior: null, problems: [], stopped: true, elapsedMs: performance.now() - started };

	const burnIn = Math.floor(chain.steps / 2);
	const { tau, reliable } = autocorrelationTimes(chain, burnIn);
	const rhat = splitRhat(chain, burnIn);
	const acceptance = chain.acceptance.reduce((s, a) => s + a, 0) / walkers;
	const kept = (chain.steps - burnIn) * walkers;
	const ess = kept / Math.max(...tau);
	const count = Math.min(draws, MAX_POSTERIOR_DRAWS, kept);
	const sample: number[][] = [];
	const rounders = cells.map(toRange);
	for (let i = 0; i < count; i++) {
		const at = burnIn * walkers + Math.floor((i * kept) / count);
		const x = chain.chain.subarray(at * dim, (at + 1) * dim);
		const noise = fitNoise ? Array.from(x.subarray(P), (l) => noiseDigits(Math.exp(l))) : startNoise.map((l) => noiseDigits(Math.exp(l)));
		sample.push([...Array.from(x.subarray(0, P), (v, p) => rounders[p](v)), ...noise]);
	}
	return {
		posterior: {
			parameters: [...request.parameters],
			noise: observed.map((o) => o.variable),
			draws: sample,
			fromYear: request.fromYear,
			toYear: request.toYear,
			diagnostics: {
				walkers,
				steps: chain.steps,
				burnIn,
				acceptance: round(acceptance),
				tau: tau.map((t) => round(t)),
				ess: Math.round(ess),
				rhat: rhat.map((r) => round(r)),
				converged: reliable && acceptance >= 0.15 && acceptance <= 0.7 && rhat.every((r) => r < 1.1),
				seed
			}
		},
		problems: [],
		stopped: false,
		elapsedMs: performance.now() - started
	};
}

function definedOnly(request: PosteriorRequest) {
	const out: Partial<{ walkers: number; steps: number; draws: number; seed: number }> = {};
	for (const key of ['walkers', 'steps', 'draws', 'seed'] as const) if (request[key] !== undefined) out[key] = request[key];
	return out;
}
