// Calibration (src/lib/sim/fitting.ts): parameters recovered from data the engine itself
// generated, bounds held, bad requests answered in words, and the published notebook re-fitted.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { annualSeries } from '../src/lib/data/index';
import { CALIBRATED, chinaMarketNotebook } from '../src/lib/notebooks/chinaMarket';
import { compileNotebook, createProgram, runDeterministic } from '../src/lib/sim';
import type { DataTable, HistoryLink, Notebook } from '../src/lib/sim';
import { DEFAULT_MAX_RUNS, fitParameters } from '../src/lib/sim/fitting';
import type { FitRequest } from '../src/lib/sim/fitting';
import { makeNotebook } from './support/engine';

// An S-curve and a first-order delay of it: five parameters, two observed series.
const TRUTH = { K: 0.8, k: 0.45, m: 2021.5, tau: 3.2, z0: 0.05 };
const RANGES = {
	K: { min: 0.2, max: 1.5, default: 0.5 },
	k: { min: 0.05, max: 2, default: 0.2 },
	m: { min: 2005, max: 2035, default: 2015 },
	tau: { min: 1, max: 10, default: 6 },
	z0: { min: 0, max: 0.3, default: 0.2 }
};
type Param = keyof typeof TRUTH;
const PARAMS = Object.keys(TRUTH) as Param[];
const FROM = 2010;
const TO = 2032;

function syntheticNotebook(ranges: Partial<Record<Param, { min: number; max: number; default: number }>> = {}): Notebook {
	return makeNotebook(['y = K * logistic(k * (year - m))', 'z = prev(z, z0) + (y - prev(z, z0)) / tau', 'broken = 1 +', 'usesBroken = broken * 2'], {
		inputs: PARAMS.map((name) => ({ name, ...RANGES[name], ...ranges[name] })),
		startYear: FROM,
		horizon: 2040
	});
}

/** "Observed" series made by running the engine at the given values, under made-up series ids. */
function syntheticData(values: Record<string, number>): DataTable {
	const result = runDeterministic(createProgram(compileNotebook(syntheticNotebook(), {})), { inputs: values, horizon: TO });
	const table = (name: string) => Object.fromEntries(result.years.map((year, i) => [year, result.series[name][i]]));
	return { synthetic_y: table('y'), synthetic_z: table('z'), sparse: { 2000: 1, 2038: 2 } };
}

const PAIRS: HistoryLink[] = [
	{ variable: 'y', series: 'synthetic_y' },
	{ variable: 'z', series: 'synthetic_z' }
];
const DATA = syntheticData(TRUTH);
const request = (over: Partial<FitRequest> = {}): FitRequest => ({
	notebook: syntheticNotebook(),
	inputs: {},
	parameters: PARAMS,
	pairs: PAIRS,
	fromYear: FROM,
	toYear: TO,
	...over
});

describe('fitParameters on synthetic data', () => {
	it('recovers the parameters that generated the data, from other values within the ranges', () => {
		const result = fitParameters(request(), DATA);
		expect(result.problems).toEqual([]);
		expect(result.converged).toBe(true);
		for (const name of PARAMS) expect(Math.abs(result.fitted[name] / TRUTH[name] - 1), name).toBeLessThan(1e-6);
		for (const s of result.before) expect(s.rmse).toBeGreaterThan(0.01);
		for (const s of result.after) {
			expect(s.years).toHaveLength(TO - FROM + 1);
			expect(s.rmse).toBeLessThan(1e-6);
		}
		expect(result.runs).toBeLessThanOrEqual(DEFAULT_MAX_RUNS);
	});

	it('starts from the scenario values when given, and fits only the named parameters', () => {
		// tau and z0 are held at their true values by the scenario; K, k, m start far off.
		const result = fitParameters(request({ inputs: { tau: TRUTH.tau, z0: TRUTH.z0, K: 1.4, k: 1.5, m: 2030 }, parameters: ['K', 'k', 'm'] }), DATA);
		expect(Object.keys(result.fitted)).toEqual(['K', 'k', 'm']);
		for (const name of ['K', 'k', 'm'] as const) expect(Math.abs(result.fitted[name] / TRUTH[name] - 1), name).toBeLessThan(1e-6);
		for (const s of result.after) expect(s.rmse).toBeLessThan(1e-6);
	});

	it('keeps a parameter on its bound when the true value lies outside the range', () => {
		// The data need K = 0.8 but the slider stops at 0.7; and k = 0.45 with a floor at 0.6.
		const upper = fitParameters(request({ notebook: syntheticNotebook({ K: { min: 0.2, max: 0.7, default: 0.5 } }) }), DATA);
		expect(upper.problems).toEqual([]);
		expect(upper.fitted.K).toBe(0.7);
		const lower = fitParameters(request({ notebook: syntheticNotebook({ k: { min: 0.6, max: 2, default: 1 } }) }), DATA);
		expect(lower.fitted.k).toBe(0.6);
		for (const r of [upper, lower]) {
			// A worse fit than the truth, but better than where it started.
			r.after.forEach((s, i) => {
				expect(s.rmse).toBeGreaterThan(1e-4);
				expect(s.rmse).toBeLessThan(r.before[i].rmse);
			});
		}
	});

	it('never leaves the ranges, whatever the ranges and starting values (property)', () => {
		const inRange = (lo: number, hi: number) => fc.tuple(fc.double({ min: lo, max: hi, noNaN: true }), fc.double({ min: lo, max: hi, noNaN: true }));
		fc.assert(
			fc.property(inRange(0.2, 1.5), inRange(0.05, 2), fc.double({ min: 0, max: 1, noNaN: true }), ([a, b], [c, d], start) => {
				const K = { min: Math.min(a, b), max: Math.max(a, b) + 1e-3, default: 0.5 };
				const k = { min: Math.min(c, d), max: Math.max(c, d) + 1e-3, default: 0.2 };
				const notebook = syntheticNotebook({ K, k });
				const inputs = { K: K.min + start * (K.max - K.min), k: k.max - start * (k.max - k.min) };
				const result = fitParameters(request({ notebook, inputs, parameters: ['K', 'k'], maxRuns: 300 }), DATA);
				expect(result.problems).toEqual([]);
				expect(result.runs).toBeLessThanOrEqual(300);
				expect(result.fitted.K).toBeGreaterThanOrEqual(K.min);
				expect(result.fitted.K).toBeLessThanOrEqual(K.max);
				expect(result.fitted.k).toBeGreaterThanOrEqual(k.min);
				expect(result.fitted.k).toBeLessThanOrEqual(k.max);
				// Never worse than the start.
				const sse = (stats: typeof result.after) => stats.reduce((s, x) => s + x.residuals.reduce((t, r) => t + r * r, 0), 0);
				expect(sse(result.after)).toBeLessThanOrEqual(sse(result.before));
			}),
			{ numRuns: 15, seed: 7 }
		);
	});

	it('stops at maxRuns, reports progress and says it did not converge', () => {
		const fractions: number[] = [];
		const result = fitParameters(request({ maxRuns: 120 }), DATA, (f) => fractions.push(f));
		expect(result.runs).toBeLessThanOrEqual(120);
		expect(result.converged).toBe(false);
		expect(result.problems).toEqual([]);
		expect(fractions.at(-1)).toBe(1);
		expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
		// Still no worse than the start.
		result.after.forEach((s, i) => expect(s.rmse).toBeLessThanOrEqual(result.before[i].rmse));
	});

	it('does not change the request', () => {
		const r = request({ inputs: { K: 1 } });
		const copy = structuredClone(r);
		fitParameters(r, DATA);
		expect(r).toEqual(copy);
	});
});

describe('fitParameters on bad requests', () => {
	/** Runs a request expected to fail: the result is unchanged and the problem is named. */
	function expectProblem(over: Partial<FitRequest>, pattern: RegExp) {
		const r = request({ inputs: { K: 1.1 }, ...over });
		let result!: ReturnType<typeof fitParameters>;
		expect(() => (result = fitParameters(r, DATA))).not.toThrow();
		expect(result.problems.some((p) => pattern.test(p)), result.problems.join(' | ')).toBe(true);
		expect(result.converged).toBe(false);
		expect(result.runs).toBeLessThanOrEqual(1);
		expect(result.after).toEqual(result.before);
		expect(result.before).toHaveLength(r.pairs.length);
		// Fitted = the starting values of the parameters that are inputs.
		for (const [name, value] of Object.entries(result.fitted)) expect(value).toBe(name === 'K' ? 1.1 : RANGES[name as Param].default);
		return result;
	}

	it('names an unknown parameter', () => {
		const result = expectProblem({ parameters: ['K', 'speed'] }, /No input named "speed"/);
		expect(result.fitted).toEqual({ K: 1.1 });
	});

	it('refuses a parameter that is a formula, not an input', () => {
		expectProblem({ parameters: ['K', 'y'] }, /"y" is computed by a formula, not an input/);
		expectProblem({ parameters: ['year'] }, /"year" is computed by a formula/);
	});

	it('names a series with no data in the years, and an unknown series', () => {
		expectProblem({ pairs: [PAIRS[0], { variable: 'z', series: 'sparse' }] }, /"sparse" has no data in 2010-2032/);
		expectProblem({ pairs: [{ variable: 'y', series: 'nowhere' }] }, /No data series named "nowhere"/);
		expectProblem({ fromYear: 2033, toYear: 2040 }, /"synthetic_y" has no data in 2033-2040/);
	});

	it('names a pair whose variable has a compile error, or depends on one', () => {
		expectProblem({ pairs: [PAIRS[0], { variable: 'broken', series: 'synthetic_y' }] }, /"broken" cannot be computed/);
		expectProblem({ pairs: [{ variable: 'usesBroken', series: 'synthetic_y' }] }, /"usesBroken" cannot be computed.*whose cell has an error/);
		expectProblem({ pairs: [{ variable: 'nothing', series: 'synthetic_y' }] }, /No variable named "nothing"/);
	});

	it('fits despite compile errors in cells the pairs do not depend on', () => {
		const result = fitParameters(request({ parameters: ['K'], inputs: { ...TRUTH, K: 0.3 } }), DATA);
		expect(result.problems).toEqual([]);
		expect(result.fitted.K).toBeCloseTo(TRUTH.K, 6);
	});

	it('refuses an on/off switch', () => {
		const base = syntheticNotebook();
		const notebook = { ...base, cells: base.cells.map((c) => (c.kind === 'input' && c.name === 'z0' ? { ...c, control: 'switch' as const, min: 0, max: 1 } : c)) };
		expectProblem({ notebook, parameters: ['K', 'z0'] }, /"z0" is a switch/);
	});

	it('names empty requests and years out of order', () => {
		expectProblem({ parameters: [] }, /No parameters to fit/);
		expectProblem({ pairs: [] }, /No variable and data series/);
		expectProblem({ fromYear: 2030, toYear: 2020 }, /comes after the last/);
		expectProblem({ fromYear: 1990, toYear: 2000 }, /end before the notebook starts/);
		expectProblem({ toYear: 2020.5 }, /whole years/);
		expectProblem({ toYear: 1e9 }, /too far/);
	});
});

describe('re-fitting the published notebook', () => {
	const PUBLISHED_PAIRS: HistoryLink[] = [
		{ variable: 'domesticShare', series: 'domestic_share_caam' },
		{ variable: 'nevShare', series: 'nev_share_all_vehicles_caam' }
	];

	it('reaches at most the published RMSE (+0.1 pp) for each pair, within the default run budget', () => {
		const started = performance.now();
		const result = fitParameters(
			{ notebook: chinaMarketNotebook, inputs: {}, parameters: Object.keys(CALIBRATED), pairs: PUBLISHED_PAIRS, fromYear: 2019, toYear: 2024 },
			annualSeries
		);
		const ms = performance.now() - started;
		expect(result.problems).toEqual([]);
		// "before" is the published calibration: the notebook at its defaults.
		result.before.forEach((published, i) => {
			expect(published.years).toEqual([2019, 2020, 2021, 2022, 2023, 2024]);
			expect(result.after[i].rmse, published.variable).toBeLessThanOrEqual(published.rmse + 0.001);
		});
		expect(result.runs).toBeLessThanOrEqual(DEFAULT_MAX_RUNS);
		expect(result.converged).toBe(true);
		for (const cell of chinaMarketNotebook.cells) {
			if (cell.kind !== 'input' || !(cell.name in CALIBRATED)) continue;
			expect(result.fitted[cell.name]).toBeGreaterThanOrEqual(cell.min);
			expect(result.fitted[cell.name]).toBeLessThanOrEqual(cell.max);
		}
		console.info(
			`default notebook re-fit: ${result.runs} runs, ${ms.toFixed(0)} ms; RMSE ${result.before.map((b, i) => `${b.variable} ${(b.rmse * 100).toFixed(3)} -> ${(result.after[i].rmse * 100).toFixed(3)} pp`).join(', ')}`
		);
	});
});
