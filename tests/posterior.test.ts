// The ensemble sampler against a distribution whose moments are known, the posterior of the
// published notebook, the bands it gives (the targets), and sample sets that do not fit.
import { describe, expect, it } from 'vitest';
import { autocorrelationTimes, sampleEnsemble, splitRhat } from '../src/lib/sim/ensembleSampler';
import { computePosterior } from '../src/lib/sim/posterior';
import { posteriorProblem } from '../src/lib/sim/posteriorCheck';
import { createEngineService } from '../src/lib/worker/engineService';
import { CALIBRATED, CALIBRATION_PAIRS, chinaMarketNotebook } from '../src/lib/notebooks/chinaMarket';
import { observedSeries } from '../src/lib/data/index';
import { compileNotebook } from '../src/lib/sim/model';
import shipped from '../src/lib/notebooks/posterior-v2.json';
import type { FitCell, MonteCarloResult, Notebook, PosteriorSample } from '../src/lib/sim/types';

describe('ensemble sampler (stretch move)', () => {
	// A correlated 2-D normal: means 1 and -2, sds 1 and 3, correlation 0.9.
	const mean = [1, -2];
	const sd = [1, 3];
	const rho = 0.9;
	const logProb = (points: Float64Array[], out: Float64Array) => {
		points.forEach((x, k) => {
			const a = (x[0] - mean[0]) / sd[0];
			const b = (x[1] - mean[1]) / sd[1];
			out[k] = -(a * a - 2 * rho * a * b + b * b) / (2 * (1 - rho * rho));
		});
	};
	const start = Array.from({ length: 16 }, (_, k) => Float64Array.from([1 + 0.01 * k, -2 - 0.01 * k]));
	const run = sampleEnsemble(logProb, start, { steps: 4000, seed: 7 });

	it('recovers the means, spreads and correlation', () => {
		let n = 0;
		const m = [0, 0];
		const from = 1000;
		for (let s = from; s < run.steps; s++) for (let w = 0; w < run.walkers; w++, n++) for (let d = 0; d < 2; d++) m[d] += run.chain[(s * run.walkers + w) * 2 + d];
		m[0] /= n;
		m[1] /= n;
		let vx = 0;
		let vy = 0;
		let cxy = 0;
		for (let s = from; s < run.steps; s++) {
			for (let w = 0; w < run.walkers; w++) {
				const x = run.chain[(s * run.walkers + w) * 2] - m[0];
				const y = run.chain[(s * run.walkers + w) * 2 + 1] - m[1];
				vx += x * x;
				vy += y * y;
				cxy += x * y;
			}
		}
		expect(m[0]).toBeCloseTo(1, 0);
		expect(Math.abs(m[1] + 2)).toBeLessThan(0.4);
		expect(Math.sqrt(vx / n)).toBeGreaterThan(0.85);
		expect(Math.sqrt(vx / n)).toBeLessThan(1.15);
		expect(Math.sqrt(vy / n)).toBeGreaterThan(2.6);
		expect(Math.sqrt(vy / n)).toBeLessThan(3.4);
		expect(cxy / Math.sqrt(vx * vy)).toBeGreaterThan(0.85);
	});

	it('reports a healthy acceptance, a finite autocorrelation time and agreeing walkers', () => {
		const acceptance = run.acceptance.reduce((s, a) => s + a, 0) / run.walkers;
		expect(acceptance).toBeGreaterThan(0.3);
		expect(acceptance).toBeLessThan(0.9);
		const { tau } = autocorrelationTimes(run, 1000);
		for (const t of tau) expect(t).toBeGreaterThan(1);
		for (const t of tau) expect(t).toBeLessThan(100);
		for (const r of splitRhat(run, 1000)) expect(r).toBeLessThan(1.1);
	});

	it('is deterministic for a seed, and stops when asked', () => {
		const again = sampleEnsemble(logProb, start, { steps: 50, seed: 7 });
		expect(Array.from(again.chain.subarray(0, 200))).toEqual(Array.from(run.chain.subarray(0, 200)));
		const stopped = sampleEnsemble(logProb, start, { steps: 100, seed: 7, onStep: (f) => f < 0.1 });
		expect(stopped.stopped).toBe(true);
		expect(stopped.steps).toBe(10);
	});

	it('refuses too few walkers and a start of zero probability', () => {
		expect(() => sampleEnsemble(logProb, start.slice(0, 3), { steps: 1, seed: 1 })).toThrow(/even number of walkers/);
		expect(() => sampleEnsemble((_, out) => out.fill(-Infinity), start, { steps: 1, seed: 1 })).toThrow(/probability is zero/);
	});
});

const fitRequest = { notebook: chinaMarketNotebook, inputs: {}, parameters: Object.keys(CALIBRATED), pairs: CALIBRATION_PAIRS, fromYear: 2019, toYear: 2025 };

describe('posterior of the published notebook', () => {
	it('a short run samples within the slider ranges and reports its diagnostics', () => {
		const { posterior, problems } = computePosterior({ ...fitRequest, steps: 300, draws: 50 }, observedSeries);
		expect(problems).toEqual([]);
		expect(posterior!.draws).toHaveLength(50);
		expect(posteriorProblem(posterior!, compileNotebook(chinaMarketNotebook, observedSeries))).toBeNull();
		expect(posterior!.diagnostics.tau).toHaveLength(8);
		expect(posterior!.diagnostics.converged).toBe(false); // 300 steps are far too few, and it says so
	});

	it('names what it cannot sample', () => {
		const { posterior, problems } = computePosterior({ ...fitRequest, parameters: ['nope'], steps: 10 }, observedSeries);
		expect(posterior).toBeNull();
		expect(problems).toEqual(['"nope" is not an input of this notebook.']);
	});

	it('the shipped sample set converged and fits the notebook', () => {
		const set = shipped as PosteriorSample;
		expect(set.diagnostics.converged).toBe(true);
		expect(Math.max(...set.diagnostics.rhat)).toBeLessThan(1.1);
		expect(set.draws.length).toBe(300);
		expect(posteriorProblem(set, compileNotebook(chinaMarketNotebook, observedSeries))).toBeNull();
	});
});

async function bands(notebook: Notebook): Promise<MonteCarloResult> {
	const service = createEngineService();
	await service.load(notebook);
	return service.monteCarlo({ inputs: {}, horizon: 2035, samples: 10_000, seed: 1, variables: ['domesticShare', 'nevShare'] });
}

describe('bands that agree with history (the issue targets, published notebook, 10,000 samples)', () => {
	it('at least 80% of the 2019-2025 actuals inside the 5-95% band; mean width 2019-2024 at most 4 pp', async () => {
		const mc = await bands(chinaMarketNotebook);
		expect(mc.predictive).toEqual({ fromYear: 2019, toYear: 2025, draws: 300 });
		let inside = 0;
		let count = 0;
		for (const { variable, series } of CALIBRATION_PAIRS) {
			let width = 0;
			for (let year = 2019; year <= 2025; year++) {
				const i = mc.years.indexOf(year);
				const b = mc.bands[variable];
				const actual = observedSeries[series][year];
				count++;
				if (actual >= b.p5[i] && actual <= b.p95[i]) inside++;
				if (year <= 2024) width += b.p95[i] - b.p5[i];
			}
			expect(width / 6, variable).toBeLessThanOrEqual(0.04);
		}
		expect(inside / count).toBeGreaterThanOrEqual(0.8);
	});

	it('the same seed gives the same bands to the bit', async () => {
		const [a, b] = [await bands(chinaMarketNotebook), await bands(chinaMarketNotebook)];
		expect(b.bands).toEqual(a.bands);
	});

	const withPosterior = (change: (p: PosteriorSample) => PosteriorSample): Notebook => ({
		...chinaMarketNotebook,
		cells: chinaMarketNotebook.cells.map((c) => (c.kind === 'fit' ? ({ ...c, posterior: change(structuredClone(shipped as PosteriorSample)) } as FitCell) : c))
	});
	const bad: [string, (p: PosteriorSample) => PosteriorSample, RegExp][] = [
		['a wrong name', (p) => ({ ...p, parameters: ['nope', ...p.parameters.slice(1)] }), /"nope", not an input/],
		['NaN', (p) => ({ ...p, draws: [[Number.NaN, ...p.draws[0].slice(1)], ...p.draws.slice(1)] }), /value NaN/],
		['a value out of range', (p) => ({ ...p, draws: [[99, ...p.draws[0].slice(1)], ...p.draws.slice(1)] }), /outside its range/],
		['too many draws', (p) => ({ ...p, draws: Array.from({ length: 1001 }, () => p.draws[0]) }), /1,001 draws/],
		['a short draw', (p) => ({ ...p, draws: [p.draws[0].slice(1), ...p.draws.slice(1)] }), /has 9 values, not 10/]
	];
	for (const [what, change, message] of bad) {
		it(`a sample set with ${what} is refused on the fit cell, and the bands sample the ranges instead`, async () => {
			const service = createEngineService();
			const report = await service.load(withPosterior(change));
			const error = report.errors.find((e) => e.kind === 'bad-posterior');
			expect(error?.cellId).toBe('fit');
			expect(error?.message).toMatch(message);
			const mc = await service.monteCarlo({ inputs: {}, horizon: 2030, samples: 2000, seed: 1, variables: ['nevShare'] });
			expect(mc.predictive).toBeUndefined();
		});
	}

	it('an edited fit cell (other years) has no shipped posterior: its bands sample the ranges', async () => {
		const edited = { ...chinaMarketNotebook, cells: chinaMarketNotebook.cells.map((c) => (c.kind === 'fit' ? { ...c, toYear: 2024 } : c)) };
		expect((await bands(edited)).predictive).toBeUndefined();
	});
});

describe('a posterior beside a broken formula', () => {
	it("is kept when a fitted variable's formula is broken (not refused as unknown)", async () => {
		const notebook = structuredClone(chinaMarketNotebook);
		const cell = notebook.cells.find((c) => c.id === 'f-nevShare')!;
		if (cell.kind === 'formula') cell.formula = 'nevShare = evaluate("1")';
		const report = await createEngineService().load(notebook);
		expect(report.errors.some((e) => e.kind === 'bad-posterior')).toBe(false);
		expect(report.errors.some((e) => e.cellId === 'f-nevShare')).toBe(true);
	});
});
