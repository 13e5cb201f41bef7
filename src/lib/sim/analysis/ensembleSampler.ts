// An affine-invariant ensemble sampler: the stretch move of Goodman and Weare (2010), as in emcee
// (Foreman-Mackey et al. 2013). Walkers are split in two halves; each walker of one half moves
// along the line through a random walker of the other half, so a whole half is proposed at once
// and its log-probabilities are evaluated as ONE batch (the vectorised engine runs a batch of
// samples in one program, so 16 walkers cost about what one does).
//
// Deterministic for a given seed. Pure TypeScript: runs in the analysis worker and in Node.

import { seededRandom } from './random';
import { w } from '../../i18n/screenWords';

/** Log-probabilities of a batch of points: `points[k]` is one point; write each into `out[k]` (-Infinity: impossible). */
export type BatchLogProb = (points: Float64Array[], out: Float64Array) => void;

export interface EnsembleOptions {
	steps: number;
	seed: number;
	/** Stretch scale a (emcee's default 2). */
	scale?: number;
	/** Called after each step with the fraction done; returning false stops the run early. */
	onStep?: (fraction: number) => boolean | void;
}

export interface EnsembleChain {
	walkers: number;
	dim: number;
	/** Steps actually taken (fewer than asked if stopped). */
	steps: number;
	/** chain[(step * walkers + walker) * dim + d]. */
	chain: Float64Array;
	/** logProb[step * walkers + walker]. */
	logProb: Float64Array;
	/** Accepted proposals / steps, per walker. */
	acceptance: Float64Array;
	/** True when onStep asked to stop. */
	stopped: boolean;
}

/**
 * Samples from exp(logProb) with `start.length` walkers (at least 2 × dim and even) starting at
 * `start`, where every start point must have a finite log-probability.
 */
export function sampleEnsemble(logProb: BatchLogProb, start: Float64Array[], options: EnsembleOptions): EnsembleChain {
	const walkers = start.length;
	const dim = start[0]?.length ?? 0;
	if (walkers < 2 * dim || walkers % 2 !== 0) throw new RangeError(`The ensemble needs an even number of walkers, at least twice the ${dim} dimensions; got ${walkers}.`);
	const a = options.scale ?? 2;
	const random = seededRandom(options.seed);
	const half = walkers / 2;
	const positions = start.map((p) => Float64Array.from(p));
	const current = new Float64Array(walkers);
	logProb(positions, current);
	current.forEach((lp, k) => {
		if (!Number.isFinite(lp)) throw new RangeError(w('screen_engine_analysis_walker_zero', { walker: k }));
	});
	const proposals = Array.from({ length: half }, () => new Float64Array(dim));
	const stretch = new Float64Array(half);
	const proposed = new Float64Array(half);
	const accepted = new Float64Array(walkers);
	const chain = new Float64Array(options.steps * walkers * dim);
	const logProbs = new Float64Array(options.steps * walkers);
	let steps = 0;
	let stopped = false;
	for (let step = 0; step < options.steps; step++) {
		for (let h = 0; h < 2; h++) {
			const first = h * half;
			const other = (1 - h) * half;
			for (let k = 0; k < half; k++) {
				// z from g(z) ∝ 1/sqrt(z) on [1/a, a], by inverting its CDF.
				const z = ((a - 1) * random() + 1) ** 2 / a;
				const j = other + Math.floor(random() * half);
				const x = positions[first + k];
				const y = positions[j];
				const out = proposals[k];
				for (let d = 0; d < dim; d++) out[d] = y[d] + z * (x[d] - y[d]);
				stretch[k] = z;
			}
			logProb(proposals, proposed);
			for (let k = 0; k < half; k++) {
				const w = first + k;
				const logAccept = (dim - 1) * Math.log(stretch[k]) + proposed[k] - current[w];
				if (Number.isFinite(proposed[k]) && Math.log(random()) < logAccept) {
					positions[w].set(proposals[k]);
					current[w] = proposed[k];
					accepted[w]++;
				}
			}
		}
		for (let w = 0; w < walkers; w++) {
			chain.set(positions[w], (step * walkers + w) * dim);
			logProbs[step * walkers + w] = current[w];
		}
		steps = step + 1;
		if (options.onStep?.(steps / options.steps) === false) {
			stopped = true;
			break;
		}
	}
	const acceptance = accepted.map((n) => n / Math.max(1, steps));
	return { walkers, dim, steps, chain: chain.subarray(0, steps * walkers * dim), logProb: logProbs.subarray(0, steps * walkers), acceptance, stopped };
}

/**
 * Integrated autocorrelation time of each dimension over steps from..steps, as emcee's
 * `integrated_time`: the walkers' normalised autocorrelation functions averaged, summed with
 * Sokal's automatic window (the first lag m with m >= c × tau(m), c = 5). `reliable` is false
 * when the chain is shorter than 50 × tau, emcee's rule for a trustworthy estimate.
 */
export function autocorrelationTimes(run: EnsembleChain, from = 0, c = 5): { tau: number[]; reliable: boolean } {
	const n = run.steps - from;
	const tau: number[] = [];
	for (let d = 0; d < run.dim; d++) {
		// Lags are computed only as far as the window needs: it usually closes within a few hundred.
		let maxLag = Math.min(n - 1, 256);
		for (;;) {
			const acf = meanAutocorrelation(run, from, d, maxLag);
			let t = 1;
			let closed = false;
			for (let m = 1; m <= maxLag; m++) {
				t += 2 * acf[m];
				if (m >= c * t) {
					closed = true;
					break;
				}
			}
			if (closed || maxLag >= n - 1) {
				tau.push(Math.max(1, t));
				break;
			}
			maxLag = Math.min(n - 1, maxLag * 4);
		}
	}
	return { tau, reliable: tau.every((t) => n >= 50 * t) };
}

/** The walkers' normalised autocorrelation functions of dimension `d`, averaged, at lags 0..maxLag. */
function meanAutocorrelation(run: EnsembleChain, from: number, d: number, maxLag: number): Float64Array {
	const n = run.steps - from;
	const acf = new Float64Array(maxLag + 1);
	const series = new Float64Array(n);
	for (let w = 0; w < run.walkers; w++) {
		let mean = 0;
		for (let t = 0; t < n; t++) mean += series[t] = run.chain[((from + t) * run.walkers + w) * run.dim + d];
		mean /= n;
		let c0 = 0;
		for (let t = 0; t < n; t++) {
			series[t] -= mean;
			c0 += series[t] * series[t];
		}
		if (c0 === 0) {
			acf[0] += 1;
			continue;
		}
		for (let m = 0; m <= maxLag; m++) {
			let cm = 0;
			for (let t = 0; t + m < n; t++) cm += series[t] * series[t + m];
			acf[m] += cm / c0;
		}
	}
	for (let m = 0; m <= maxLag; m++) acf[m] /= run.walkers;
	return acf;
}

/**
 * Split R-hat (Gelman et al.) of each dimension over steps from..steps, every walker's chain cut
 * in two halves. Values near 1 (below 1.1 by the usual rule) say the walkers agree.
 */
export function splitRhat(run: EnsembleChain, from = 0): number[] {
	const n = Math.floor((run.steps - from) / 2);
	const chains = run.walkers * 2;
	const out: number[] = [];
	if (n < 2) return Array.from({ length: run.dim }, () => NaN);
	for (let d = 0; d < run.dim; d++) {
		const means = new Float64Array(chains);
		const variances = new Float64Array(chains);
		for (let w = 0; w < run.walkers; w++) {
			for (let part = 0; part < 2; part++) {
				let sum = 0;
				let sq = 0;
				for (let t = 0; t < n; t++) {
					const x = run.chain[((from + part * n + t) * run.walkers + w) * run.dim + d];
					sum += x;
					sq += x * x;
				}
				const mean = sum / n;
				means[w * 2 + part] = mean;
				variances[w * 2 + part] = (sq - n * mean * mean) / (n - 1);
			}
		}
		const grand = means.reduce((s, x) => s + x, 0) / chains;
		const between = (n / (chains - 1)) * means.reduce((s, x) => s + (x - grand) ** 2, 0);
		const within = variances.reduce((s, x) => s + x, 0) / chains;
		out.push(within > 0 ? Math.sqrt(((n - 1) / n) * within + between / n) / Math.sqrt(within) : 1);
	}
	return out;
}
