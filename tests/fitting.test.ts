// Calibration (src/lib/sim/analysis/fitting.ts): parameters recovered from data the engine itself
// generated, bounds held, bad requests answered in words, pairs weighed by their noise, data of
// another basis refused, and the published notebook (version 3, and the frozen version 2) re-fitted.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CALIBRATED, CALIBRATION_PAIRS, chinaMarketNotebook } from '../src/lib/notebooks/chinaMarket';
import { CALIBRATED_V2, CALIBRATION_PAIRS_V2, chinaMarketNotebookV2 } from '../src/lib/notebooks/frozen/chinaMarketV2';
import { v2Data } from '../src/lib/notebooks/frozen/v2Data';
import { dataFor, seriesBasisFor } from '../src/lib/notebooks/published';
import { compileNotebook, createProgram, runDeterministic } from '../src/lib/sim';
import type { DataTable, HistoryLink, Notebook } from '../src/lib/sim';
import { basisWords, type SeriesBasis } from '../src/lib/sim/basis';
import { DEFAULT_MAX_RUNS, defaultMaxRuns, fitParameters } from '../src/lib/sim/analysis/fitting';
import type { FitRequest, FitResult } from '../src/lib/sim/analysis/fitting';
import type { FitCell, MeasureBasis } from '../src/lib/sim/types';
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

describe('weighing each pair by its noise', () => {
	// y is one input held constant over the years; two series of it disagree (LOW and HIGH). The
	// weighted least-squares answer is the mean of the two, weighed by 1/noise². (The values are
	// not round: see the note on round values in the basis tests below.)
	const notebook = makeNotebook(['y = a'], { inputs: [{ name: 'a', min: 0, max: 1, default: 0.9 }], startYear: 2010, horizon: 2020 });
	const years = [2010, 2011, 2012, 2013, 2014, 2015];
	const LOW = 0.3137;
	const HIGH = 0.5261;
	const data: DataTable = { low: Object.fromEntries(years.map((y) => [y, LOW])), high: Object.fromEntries(years.map((y) => [y, HIGH])) };
	const fit = (pairs: HistoryLink[], over: Partial<FitRequest> = {}) =>
		fitParameters({ notebook, inputs: {}, parameters: ['a'], pairs, fromYear: 2010, toYear: 2015, ...over }, data);
	const weighted = (lowNoise?: number, highNoise?: number) => {
		const w = (noise?: number) => (noise === undefined ? 1 : 1 / noise ** 2);
		return (w(lowNoise) * LOW + w(highNoise) * HIGH) / (w(lowNoise) + w(highNoise));
	};
	const pair = (series: string, noise?: number): HistoryLink => (noise === undefined ? { variable: 'y', series } : { variable: 'y', series, noise });

	it('lands nearer the series with the lower noise, at the weighted mean', () => {
		const towardsLow = fit([pair('low', 0.01), pair('high', 0.1)]);
		expect(towardsLow.problems).toEqual([]);
		expect(towardsLow.converged).toBe(true);
		expect(towardsLow.fitted.a).toBeCloseTo(weighted(0.01, 0.1), 6);
		expect(Math.abs(towardsLow.fitted.a - LOW)).toBeLessThan(Math.abs(towardsLow.fitted.a - HIGH));
		expect(towardsLow.fitted.a).toBeLessThan(LOW + 0.01);

		const towardsHigh = fit([pair('low', 0.1), pair('high', 0.01)]);
		expect(towardsHigh.fitted.a).toBeCloseTo(weighted(0.1, 0.01), 6);
		expect(Math.abs(towardsHigh.fitted.a - HIGH)).toBeLessThan(Math.abs(towardsHigh.fitted.a - LOW));
		expect(towardsHigh.fitted.a).toBeGreaterThan(HIGH - 0.01);

		// Equal noise, or none: halfway.
		expect(fit([pair('low', 0.05), pair('high', 0.05)]).fitted.a).toBeCloseTo((LOW + HIGH) / 2, 6);
		expect(fit([pair('low'), pair('high')]).fitted.a).toBeCloseTo((LOW + HIGH) / 2, 6);
		// One pair without noise weighs 1: against noise 0.5 (weight 4) it is outweighed four to one.
		expect(fit([pair('low'), pair('high', 0.5)]).fitted.a).toBeCloseTo(weighted(undefined, 0.5), 6);
	});

	it('reports the fit statistics unweighted, in the variable’s units', () => {
		const result = fit([pair('low', 0.01), pair('high', 0.1)]);
		const [low, high] = result.after;
		expect(low.years).toEqual(years);
		expect(low.rmse).toBeCloseTo(Math.abs(result.fitted.a - LOW), 12);
		expect(high.rmse).toBeCloseTo(Math.abs(result.fitted.a - HIGH), 12);
		low.residuals.forEach((r) => expect(r).toBeCloseTo(result.fitted.a - LOW, 12));
	});

	it('gives the same optimum when every noise is scaled alike', () => {
		const plain = fit([pair('low', 0.02), pair('high', 0.04)]);
		const scaled = fit([pair('low', 2), pair('high', 4)]);
		expect(scaled.fitted.a).toBeCloseTo(plain.fitted.a, 6);
		expect(plain.fitted.a).toBeCloseTo(weighted(0.02, 0.04), 6);
	});

	/** The result of a fit with everything but the run count and the time compared. */
	const same = (a: FitResult, b: FitResult) => {
		expect(a.fitted).toEqual(b.fitted);
		expect(a.before).toEqual(b.before);
		expect(a.after).toEqual(b.after);
		expect(a.runs).toBe(b.runs);
		expect(a.converged).toBe(b.converged);
		expect(a.problems).toEqual(b.problems);
	};

	it('treats a pair without noise exactly as one of noise 1 (weight 1)', () => {
		same(fit([pair('low'), pair('high')]), fit([pair('low', 1), pair('high', 1)]));
		same(fit([pair('low'), pair('high', 0.1)]), fit([pair('low', 1), pair('high', 0.1)]));
		// On the five-parameter model too, from off the truth, with the budget cut short and in full.
		const off = syntheticData({ ...TRUTH, K: 0.9, tau: 2.5 });
		const mixed: DataTable = { synthetic_y: DATA.synthetic_y, synthetic_z: off.synthetic_z };
		for (const maxRuns of [150, undefined]) {
			const without = fitParameters(request({ maxRuns }), mixed);
			const withOne = fitParameters(request({ maxRuns, pairs: PAIRS.map((p) => ({ ...p, noise: 1 })) }), mixed);
			same(without, withOne);
			expect(without.after.every((s) => s.rmse > 1e-4)).toBe(true);
		}
	});

	it('fits a noisy pair more loosely on the five-parameter model', () => {
		// z is observed off the truth; weighing y much more than z keeps y's fit closer.
		const off = syntheticData({ ...TRUTH, K: 0.9, tau: 2.5 });
		const mixed: DataTable = { synthetic_y: DATA.synthetic_y, synthetic_z: off.synthetic_z };
		const trustY = fitParameters(request({ pairs: [{ ...PAIRS[0], noise: 0.001 }, { ...PAIRS[1], noise: 0.1 }] }), mixed);
		const trustZ = fitParameters(request({ pairs: [{ ...PAIRS[0], noise: 0.1 }, { ...PAIRS[1], noise: 0.001 }] }), mixed);
		for (const r of [trustY, trustZ]) expect(r.problems).toEqual([]);
		expect(trustY.after[0].rmse).toBeLessThan(trustZ.after[0].rmse);
		expect(trustZ.after[1].rmse).toBeLessThan(trustY.after[1].rmse);
	});
});

describe('refusing data of another basis', () => {
	// y states it counts retail figures; x states no basis. Each series' basis comes from seriesBasis.
	// The values are not round on purpose: a one-parameter fit to a round value (0.175, say) can
	// stop with its two simplex vertices straddling the optimum at equal loss (0.17 and 0.18) and
	// report convergence there, which is a matter of the optimiser, not of the basis check.
	const formula = (id: string, text: string, basis?: MeasureBasis) =>
		basis ? { id, kind: 'formula' as const, formula: text, basis } : { id, kind: 'formula' as const, formula: text };
	const base = makeNotebook([], { inputs: [{ name: 'a', min: 0, max: 1, default: 0.9 }], startYear: 2010, horizon: 2020 });
	const notebook: Notebook = { ...base, cells: [...base.cells, formula('f-y', 'y = a', 'retail'), formula('f-x', 'x = 2 * a')] };
	const years = [2010, 2011, 2012];
	const flat = (v: number) => Object.fromEntries(years.map((y) => [y, v]));
	const data: DataTable = { retail_obs: flat(0.3137), wholesale_obs: flat(0.3519), foo_obs: flat(0.4021), none_obs: flat(0.4021), exports_obs: flat(0.2113) };
	const BASES: Record<string, SeriesBasis> = {
		retail_obs: 'retail',
		wholesale_obs: 'wholesale',
		exports_obs: 'exports',
		foo_obs: { unknown: 'Bloomberg estimates' },
		none_obs: { unknown: undefined }
	};
	const seriesBasis = (id: string) => BASES[id];
	const fit = (pairs: HistoryLink[], over: Partial<FitRequest> = {}) =>
		fitParameters({ notebook, inputs: {}, parameters: ['a'], pairs, fromYear: 2010, toYear: 2012, seriesBasis, ...over }, data);

	/** The fit did not run: the starting value, no search, the statistics at the start. */
	const didNotRun = (result: FitResult) => {
		expect(result.fitted).toEqual({ a: 0.9 });
		expect(result.converged).toBe(false);
		expect(result.runs).toBeLessThanOrEqual(1);
		expect(result.after).toEqual(result.before);
	};

	it('refuses a series of another basis, naming both bases, and does not fit', () => {
		const result = fit([{ variable: 'y', series: 'wholesale_obs' }]);
		expect(result.problems).toEqual([
			`The series "wholesale_obs" counts ${basisWords('wholesale')} and "y" counts ${basisWords('retail')}: the two are not compared. Fit it to a variable of its own basis.`
		]);
		expect(result.problems[0]).toContain('wholesale');
		expect(result.problems[0]).toContain('retail');
		didNotRun(result);
		didNotRun(fit([{ variable: 'y', series: 'exports_obs', noise: 0.01 }]));
		expect(fit([{ variable: 'y', series: 'exports_obs' }]).problems[0]).toContain(basisWords('exports'));
	});

	it('refuses the whole fit when one pair of several is of another basis', () => {
		const result = fit([
			{ variable: 'y', series: 'retail_obs' },
			{ variable: 'y', series: 'wholesale_obs' }
		]);
		expect(result.problems).toHaveLength(1);
		expect(result.problems[0]).toMatch(/^The series "wholesale_obs" counts/);
		didNotRun(result);
		expect(result.before).toHaveLength(2);
	});

	it('refuses a series of an unknown basis, quoting its words, and one of no basis', () => {
		const unknown = fit([{ variable: 'y', series: 'foo_obs' }]);
		expect(unknown.problems).toHaveLength(1);
		expect(unknown.problems[0]).toContain('"foo_obs"');
		expect(unknown.problems[0]).toContain('a basis the model does not know ("Bloomberg estimates")');
		expect(unknown.problems[0]).toContain(basisWords('retail'));
		didNotRun(unknown);
		for (const series of ['none_obs', 'retail_obs_not_listed']) {
			const none = fit([{ variable: 'y', series }], { seriesBasis: (id) => (id === series ? BASES.none_obs : undefined) });
			expect(none.problems[0], series).toContain(`The series "${series}" gives no basis`);
			didNotRun(none);
		}
	});

	it('fits a series of the variable’s own basis exactly as without the check', () => {
		const checked = fit([{ variable: 'y', series: 'retail_obs' }]);
		expect(checked.problems).toEqual([]);
		expect(checked.fitted.a).toBeCloseTo(0.3137, 6);
		const unchecked = fit([{ variable: 'y', series: 'retail_obs' }], { seriesBasis: undefined });
		expect(checked).toEqual(unchecked);
	});

	it('checks nothing without seriesBasis, and nothing for a variable that states no basis', () => {
		const unchecked = fit([{ variable: 'y', series: 'wholesale_obs' }], { seriesBasis: undefined });
		expect(unchecked.problems).toEqual([]);
		expect(unchecked.fitted.a).toBeCloseTo(0.3519, 6);
		const { seriesBasis: _, ...withoutKey } = { notebook, inputs: {}, parameters: ['a'], pairs: [{ variable: 'y', series: 'foo_obs' }], fromYear: 2010, toYear: 2012, seriesBasis };
		expect(fitParameters(withoutKey, data).fitted.a).toBeCloseTo(0.4021, 6);
		// x states no basis: every series may be fitted to it, whatever its basis.
		for (const series of Object.keys(BASES)) {
			const result = fit([{ variable: 'x', series }]);
			expect(result.problems, series).toEqual([]);
			expect(result.fitted.a, series).toBeCloseTo(data[series][2010] / 2, 6);
		}
	});

	it('refuses by basis before looking for the series, so a refused pair needs no data', () => {
		const result = fit([{ variable: 'y', series: 'wholesale_nowhere' }], { seriesBasis: () => 'wholesale' });
		expect(result.problems).toEqual([
			`The series "wholesale_nowhere" counts ${basisWords('wholesale')} and "y" counts ${basisWords('retail')}: the two are not compared. Fit it to a variable of its own basis.`
		]);
	});
});

describe('re-fitting the published notebook', () => {
	it('version 3: fits the fit cell’s pairs, each on its basis, and lowers the weighted loss within the default run budget', () => {
		const cell = chinaMarketNotebook.cells.find((c): c is FitCell => c.kind === 'fit' && c.id === 'fit')!;
		expect(cell.pairs).toEqual(CALIBRATION_PAIRS);
		const started = performance.now();
		const result = fitParameters(
			{
				notebook: chinaMarketNotebook,
				inputs: {},
				parameters: Object.keys(CALIBRATED),
				pairs: cell.pairs,
				fromYear: cell.fromYear,
				toYear: cell.toYear,
				observed: dataFor(chinaMarketNotebook, 'annual'),
				seriesBasis: seriesBasisFor(chinaMarketNotebook)
			},
			dataFor(chinaMarketNotebook)
		);
		const ms = performance.now() - started;
		// No pair is refused for its basis.
		expect(result.problems).toEqual([]);
		// Fourteen parameters get a budget of their own size, and the fit converges within it.
		expect(result.runs).toBeLessThanOrEqual(defaultMaxRuns(Object.keys(CALIBRATED).length));
		expect(result.converged).toBe(true);
		// What the fit minimises, the noise-weighted sum of squares, is no worse than at the published values.
		const loss = (stats: FitResult['after']) => stats.reduce((s, x, i) => s + x.residuals.reduce((t, r) => t + (r / cell.pairs[i].noise!) ** 2, 0), 0);
		expect(loss(result.after)).toBeLessThanOrEqual(loss(result.before));
		// Every variable with a target stays within it after the fit.
		for (const [i, s] of result.after.entries()) {
			expect(s.years, s.series).toEqual(result.before[i].years);
			expect(s.years.every((y) => y >= 2019 && y <= 2025)).toBe(true);
			const target = cell.targets?.find((t) => t.variable === s.variable)?.rmse;
			if (target !== undefined) expect(s.rmse, `${s.variable} vs ${s.series}`).toBeLessThanOrEqual(target);
		}
		for (const input of chinaMarketNotebook.cells) {
			if (input.kind !== 'input' || !(input.name in CALIBRATED)) continue;
			expect(result.fitted[input.name]).toBeGreaterThanOrEqual(input.min);
			expect(result.fitted[input.name]).toBeLessThanOrEqual(input.max);
		}
		console.info(
			`v3 notebook re-fit: ${result.runs} runs, ${ms.toFixed(0)} ms; weighted loss ${loss(result.before).toFixed(3)} -> ${loss(result.after).toFixed(3)}`
		);
	});

	it('version 3: refuses a pair of the other body’s basis, as the fit cell would', () => {
		const result = fitParameters(
			{
				notebook: chinaMarketNotebook,
				inputs: {},
				parameters: Object.keys(CALIBRATED),
				pairs: [{ variable: 'domesticShare', series: 'domestic_share_caam' }, ...CALIBRATION_PAIRS],
				fromYear: 2019,
				toYear: 2025,
				seriesBasis: seriesBasisFor(chinaMarketNotebook)
			},
			dataFor(chinaMarketNotebook)
		);
		expect(result.problems).toEqual([
			`The series "domestic_share_caam" counts ${basisWords('wholesale')} and "domesticShare" counts ${basisWords('retail')}: the two are not compared. Fit it to a variable of its own basis.`
		]);
		expect(result.runs).toBeLessThanOrEqual(1);
		expect(result.fitted).toEqual(CALIBRATED);
	});

	it('version 2 (frozen): reaches at most the published RMSE (+0.1 pp) for each pair, within the default run budget', () => {
		const started = performance.now();
		const result = fitParameters(
			{ notebook: chinaMarketNotebookV2, inputs: {}, parameters: Object.keys(CALIBRATED_V2), pairs: CALIBRATION_PAIRS_V2, fromYear: 2019, toYear: 2024 },
			v2Data
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
		for (const cell of chinaMarketNotebookV2.cells) {
			if (cell.kind !== 'input' || !(cell.name in CALIBRATED_V2)) continue;
			expect(result.fitted[cell.name]).toBeGreaterThanOrEqual(cell.min);
			expect(result.fitted[cell.name]).toBeLessThanOrEqual(cell.max);
		}
		console.info(
			`v2 notebook re-fit: ${result.runs} runs, ${ms.toFixed(0)} ms; RMSE ${result.before.map((b, i) => `${b.variable} ${(b.rmse * 100).toFixed(3)} -> ${(result.after[i].rmse * 100).toFixed(3)} pp`).join(', ')}`
		);
	});
});
