// Sobol indices: the estimators against the Ishigami function, whose indices are known in closed
// form (Ishigami and Homma 1990; values as in SALib's tests), and the indices of the published
// notebook (version 3, with its shipped posterior).
import { describe, expect, it } from 'vitest';
import { modelSobol, sobolFromOutputs, sobolReport, sobolRuns } from '../src/lib/sim/analysis/sobol';
import { seededRandom } from '../src/lib/sim/analysis/random';
import { compileNotebook } from '../src/lib/sim/model';
import { attachPosterior } from '../src/lib/sim/analysis/posteriorCheck';
import { shippedPosterior } from '../src/lib/notebooks/shippedPosterior';
import { CALIBRATED, LEVERS, chinaMarketNotebook } from '../src/lib/notebooks/chinaMarket';
import { observedSeries } from '../src/lib/data/index';

const a = 7;
const b = 0.1;
const ishigami = (x: number[]) => Math.sin(x[0]) + a * Math.sin(x[1]) ** 2 + b * x[2] ** 4 * Math.sin(x[0]);
// Closed form: V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2.
const V = a ** 2 / 8 + (b * Math.PI ** 4) / 5 + (b ** 2 * Math.PI ** 8) / 18 + 0.5;
const V1 = 0.5 * (1 + (b * Math.PI ** 4) / 5) ** 2;
const V2 = a ** 2 / 8;
const VT3 = (8 * b ** 2 * Math.PI ** 8) / 225;
const FIRST = [V1 / V, V2 / V, 0];
const TOTAL = [(V1 + VT3) / V, V2 / V, VT3 / V];

describe('Sobol estimators (Saltelli 2010 first order, Jansen total)', () => {
	const n = 1 << 14;
	const random = seededRandom(42);
	const draw = () => Array.from({ length: 3 }, () => Float64Array.from({ length: n }, () => -Math.PI + 2 * Math.PI * random()));
	const A = draw();
	const B = draw();
	const f = (columns: Float64Array[]) => Float64Array.from({ length: n }, (_, k) => ishigami(columns.map((c) => c[k])));
	const fAB = [0, 1, 2].map((i) => f(A.map((c, j) => (j === i ? B[i] : c))));
	const indices = sobolFromOutputs(f(A), f(B), fAB, 1);

	it('recovers the Ishigami indices: S = 0.314, 0.442, 0; ST = 0.558, 0.442, 0.244', () => {
		expect(FIRST[0]).toBeCloseTo(0.3139, 3);
		expect(TOTAL[2]).toBeCloseTo(0.2437, 3);
		indices.first.forEach((s, i) => expect(Math.abs(s.estimate - FIRST[i]), `S${i + 1}`).toBeLessThan(0.03));
		indices.total.forEach((s, i) => expect(Math.abs(s.estimate - TOTAL[i]), `ST${i + 1}`).toBeLessThan(0.03));
		expect(indices.variance).toBeCloseTo(V, 0);
	});

	it('its bootstrap intervals hold the true values and are narrow', () => {
		[...indices.first.map((s, i) => [s, FIRST[i]] as const), ...indices.total.map((s, i) => [s, TOTAL[i]] as const)].forEach(([s, truth]) => {
			expect(s.low).toBeLessThanOrEqual(truth + 0.01);
			expect(s.high).toBeGreaterThanOrEqual(truth - 0.01);
			expect(s.high - s.low).toBeLessThan(0.12);
		});
	});
});

describe('Sobol indices of the published notebook', () => {
	const model = attachPosterior(compileNotebook(chinaMarketNotebook, observedSeries), chinaMarketNotebook, shippedPosterior);
	const report = modelSobol(model, { inputs: {}, horizon: 2035, samples: 0, seed: 1, variables: [], baseSamples: 1024 }, 'domesticShare', 2030);

	it('lists every lever with a range and the calibrated parameters as one factor, N(k + 2) runs', () => {
		expect(model.posterior).toBeDefined();
		expect(report.factors.some((f) => f.name === 'calibrated')).toBe(true);
		// Every lever of version 3 has a range: each is a factor (the four origins' localisation
		// levers each on its own), and no calibrated parameter is one apart from the rest.
		expect(report.factors.map((f) => f.name).sort()).toEqual([...LEVERS, 'calibrated'].sort());
		for (const name of Object.keys(CALIBRATED)) expect(report.factors.some((f) => f.name === name), name).toBe(false);
		expect(report.runs).toBe(1024 * (report.factors.length + 2));
		// Totals are at least the first-order effects (up to sampling error), and all are in [0, 1.2].
		for (const f of report.factors) {
			expect(f.total.estimate).toBeGreaterThan(f.first.estimate - 0.1);
			expect(f.total.estimate).toBeLessThan(1.2);
		}
		expect(report.factors[0].total.estimate).toBeGreaterThan(0.05);
	});

	it('runs shared over a pool (1, 2 or 3 parts, merged) give the same indices', () => {
		const options = { inputs: {}, horizon: 2035, samples: 0, seed: 1, variables: [], baseSamples: 1024 };
		for (const parts of [2, 3]) {
			const shares = Array.from({ length: parts }, (_, part) => sobolRuns(model, options, 'domesticShare', 2030, part, parts));
			const outputs = new Map(shares.flatMap((share) => [...share.outputs]));
			expect(sobolReport({ ...shares[0], outputs }, 'domesticShare', 2030, 1, 0).factors, `${parts} parts`).toEqual(report.factors);
		}
	});

	it('is deterministic for a seed', () => {
		const again = modelSobol(model, { inputs: {}, horizon: 2035, samples: 0, seed: 1, variables: [], baseSamples: 1024 }, 'domesticShare', 2030);
		expect(again.factors).toEqual(report.factors);
	});
});
