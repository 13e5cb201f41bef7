// Monte Carlo bands: determinism, known answers on tiny notebooks, ordering on the published
// notebook (version 3), agreement with the deterministic run and with the hand-written reference
// model of version 3.
import { describe, expect, it } from 'vitest';
import { annualSeries } from '../src/lib/data';
import { CALIBRATED, LEVERS, LOCALISATION_LEVERS, chinaMarketNotebook } from '../src/lib/notebooks/chinaMarket';
import { compileNotebook, createProgram, runDeterministic } from '../src/lib/sim';
import type { ChartCell, InputCell, MonteCarloOptions, Notebook, UncertaintyRange } from '../src/lib/sim';
import { handwrittenMonteCarlo, HANDWRITTEN_VARIABLES, simulateHandwritten } from '../src/lib/sim/handwrittenModel';
import { monteCarloRunner, prunedModel, runMonteCarlo, sampleCount, sampleMatrix } from '../src/lib/sim/analysis/monteCarlo';
import { makeNotebook } from './support/engine';

const published = compileNotebook(chinaMarketNotebook, annualSeries);
const inputCells = chinaMarketNotebook.cells.filter((c): c is InputCell => c.kind === 'input');
const chartVariables = [...new Set(chinaMarketNotebook.cells.filter((c): c is ChartCell => c.kind === 'chart').flatMap((c) => c.variables))];
const options = (over: Partial<MonteCarloOptions> = {}): MonteCarloOptions => ({
	inputs: {},
	horizon: 2035,
	samples: 2000,
	seed: 1,
	variables: chartVariables,
	...over
});

/** A tiny notebook `x = <formula>` over inputs with uncertainty ranges. */
function tiny(formulas: string[], inputs: { name: string; default: number; min?: number; max?: number; uncertainty?: UncertaintyRange }[]): Notebook {
	const nb = makeNotebook(formulas, { inputs: inputs.map((i) => ({ name: i.name, default: i.default, min: i.min ?? 0, max: i.max ?? 1 })) });
	for (const cell of nb.cells) {
		const spec = inputs.find((i) => cell.kind === 'input' && i.name === cell.name);
		if (spec?.uncertainty && cell.kind === 'input') cell.uncertainty = spec.uncertainty;
	}
	return nb;
}
const stripUncertainty = (nb: Notebook): Notebook => ({
	...nb,
	cells: nb.cells.map((c) => (c.kind === 'input' ? { ...c, uncertainty: undefined } : c))
});

describe('the published notebook', () => {
	it('gives every input an uncertainty range within its slider', () => {
		expect(inputCells.map((c) => c.name)).toEqual(expect.arrayContaining([...LEVERS, ...Object.keys(CALIBRATED)]));
		for (const c of inputCells) {
			expect(c.uncertainty, c.name).toBeDefined();
			const u = c.uncertainty!;
			expect(u.low, c.name).toBeGreaterThanOrEqual(c.min);
			expect(u.high, c.name).toBeLessThanOrEqual(c.max);
			expect(u.high, c.name).toBeGreaterThan(u.low);
			expect(c.description, c.name).toMatch(/Uncertainty: [^.]+/);
		}
	});

	it('gives every input an uncertainty range around its default', () => {
		// Every offender at once, with its default and range.
		const outside = inputCells
			.filter((c) => !(c.uncertainty!.low <= c.default && c.default <= c.uncertainty!.high))
			.map((c) => `${c.name}: default ${c.default} outside ${c.uncertainty!.low}..${c.uncertainty!.high} (slider ${c.min}..${c.max})`);
		expect(outside).toEqual([]);
	});

	it('has ordered bands p5 <= p25 <= p50 <= p75 <= p95 for every chart variable and year', () => {
		const r = runMonteCarlo(published, options());
		expect(r.years[0]).toBe(2019);
		expect(r.years.at(-1)).toBe(2035);
		expect(Object.keys(r.bands).sort()).toEqual([...chartVariables].sort());
		expect(r.uncertainInputs.sort()).toEqual(inputCells.map((c) => c.name).sort());
		for (const v of chartVariables) {
			const b = r.bands[v];
			r.years.forEach((year, y) => {
				const row = [b.p5[y], b.p25[y], b.p50[y], b.p75[y], b.p95[y]];
				for (const x of row) expect(Number.isFinite(x), `${v} ${year}`).toBe(true);
				for (let k = 1; k < row.length; k++) expect(row[k - 1], `${v} ${year}`).toBeLessThanOrEqual(row[k]);
			});
		}
		// The bands are real: 2035's domestic share spreads over several points.
		const i = r.years.indexOf(2035);
		expect(r.bands.domesticShare.p95[i] - r.bands.domesticShare.p5[i]).toBeGreaterThan(0.05);
		// Shares stay shares.
		for (const v of ['domesticShare', 'nevShare', 'domesticShareNev', 'domesticShareIce']) {
			expect(Math.min(...r.bands[v].p5)).toBeGreaterThanOrEqual(0);
			expect(Math.max(...r.bands[v].p95)).toBeLessThanOrEqual(1);
		}
	});

	it('is deterministic: same seed, identical bands; another seed, different bands', () => {
		const a = runMonteCarlo(published, options({ seed: 11 }));
		const b = monteCarloRunner(published).run(options({ seed: 11 }));
		expect(b.bands).toEqual(a.bands);
		const c = runMonteCarlo(published, options({ seed: 12 }));
		expect(c.bands.domesticShare.p50).not.toEqual(a.bands.domesticShare.p50);
		// ... but not very different: 2,000 samples already pin the median to about a point.
		expect(Math.abs(c.bands.domesticShare.p50.at(-1)! - a.bands.domesticShare.p50.at(-1)!)).toBeLessThan(0.02);
	});

	it('keeps every sample of every input within its slider range, also with sliders at the edges', () => {
		const given = { localisationJapanese: 1, localisationUS: 0, nevCeiling: 0.6, shakeout: 0.4, techLeadMax: 0, electrificationPace: 2, exportDomesticShare: 1, usNevPull: -6, techLeadSpeed: 5 };
		const m = sampleMatrix(published, options({ inputs: given, samples: 3000 }), 'domesticShare', 2035);
		expect(m.inputs.map((i) => i.name).sort()).toEqual(inputCells.map((c) => c.name).sort());
		for (const input of m.inputs) {
			const cell = inputCells.find((c) => c.name === input.name)!;
			expect(Math.min(...input.values), cell.name).toBeGreaterThanOrEqual(cell.min);
			expect(Math.max(...input.values), cell.name).toBeLessThanOrEqual(cell.max);
		}
		// Japanese localisation at 1: its range 0.15..0.65 moves to 0.75..1.25 and is clamped at 1.
		const loc = m.inputs.find((i) => i.name === 'localisationJapanese')!.values;
		expect(Math.max(...loc)).toBe(1);
		expect(Math.min(...loc)).toBeGreaterThanOrEqual(0.75);
		// US localisation at 0: its range 0..0.45 moves to -0.2..0.25 and is clamped at 0.
		const us = m.inputs.find((i) => i.name === 'localisationUS')!.values;
		expect(Math.min(...us)).toBe(0);
		expect(Math.max(...us)).toBeLessThanOrEqual(0.25);
		expect(m.output.length).toBe(3000);
	});

	it('equals the deterministic run when no input is uncertain', () => {
		const model = compileNotebook(stripUncertainty(chinaMarketNotebook), annualSeries);
		const given = { localisationJapanese: 0.6, localisationGerman: 0.6, shakeout: 0.2, exportGrowth: 0.1 };
		const det = runDeterministic(createProgram(model), { inputs: given, horizon: 2035 });
		const r = runMonteCarlo(model, options({ inputs: given, samples: 50, variables: model.variables }));
		expect(r.uncertainInputs).toEqual([]);
		for (const v of model.variables) {
			const b = r.bands[v];
			expect(b.p5, v).toEqual(det.series[v]);
			expect(b.p50, v).toEqual(det.series[v]);
			expect(b.p95, v).toEqual(det.series[v]);
			expect(b.mean, v).toEqual(det.series[v]);
		}
	});

	it('reports progress after each year, ending at 1', () => {
		const seen: number[] = [];
		const r = runMonteCarlo(published, options({ samples: 1000 }), (f) => seen.push(f));
		expect(seen.length).toBe(r.years.length);
		expect(seen.at(-1)).toBe(1);
		for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThan(seen[i - 1]);
		expect(r.elapsedMs).toBeGreaterThan(0);
	});

	it('gives the same result from a cached runner after slider moves as from a fresh one', () => {
		const runner = monteCarloRunner(published);
		runner.run(options({ inputs: { localisationGerman: 0.2 } }));
		runner.sampleMatrix(options({ inputs: { localisationGerman: 0.2 } }), 'nevShare', 2030);
		runner.run(options({ inputs: { localisationGerman: 0.2 }, seed: 5 }));
		const cached = runner.run(options({ inputs: { localisationGerman: 0.7, localisationJapanese: 0.7, safetyValue: 0.9 } }));
		const fresh = monteCarloRunner(published).run(options({ inputs: { localisationGerman: 0.7, localisationJapanese: 0.7, safetyValue: 0.9 } }));
		expect(cached.bands).toEqual(fresh.bands);
	});

	it('matches the hand-written reference model (deterministic to 1e-9, and its bands)', () => {
		const everyOrigin = (value: number) => Object.fromEntries(LOCALISATION_LEVERS.map((lever) => [lever, value]));
		const cases: Record<string, number>[] = [
			{},
			{ ...everyOrigin(0.9), electrificationPace: 1.7, shakeout: 0.3, marketGrowth: -0.02 },
			{ localisationJapanese: 0.8, localisationUS: 0, localisationLag: 1.5, safetyValue: 1.2, safetyRuleBoost: 2.5, safetyHalfLife: 4, nevCeiling: 0.7, techLeadMax: 2.2, exportGrowth: 0.15, exportDomesticShare: 0.65 }
		];
		// Every variable the hand-written model computes is one of the notebook's, and every chart's.
		expect(published.variables).toEqual(expect.arrayContaining([...HANDWRITTEN_VARIABLES]));
		expect(HANDWRITTEN_VARIABLES).toEqual(expect.arrayContaining(chartVariables));
		for (const given of cases) {
			const det = runDeterministic(createProgram(published), { inputs: given, horizon: 2035 });
			const one: Record<string, Float64Array> = {};
			inputCells.forEach((c) => (one[c.name] = Float64Array.of(Object.hasOwn(given, c.name) ? given[c.name] : c.default)));
			let years = 0;
			simulateHandwritten(one, 1, 2019, 2035, annualSeries, (y, values) => {
				years++;
				for (const v of HANDWRITTEN_VARIABLES) expect(Math.abs(values[v][0] - det.series[v][y]), `${v} ${2019 + y}`).toBeLessThanOrEqual(1e-9);
			});
			expect(years).toBe(det.years.length);
		}
		const o = options({ inputs: { ...everyOrigin(0.45), exportGrowth: 0.08 }, samples: 1500 });
		const ours = runMonteCarlo(published, o);
		const theirs = handwrittenMonteCarlo(inputCells, 2019, annualSeries, o);
		for (const v of chartVariables) {
			for (const k of ['p5', 'p25', 'p50', 'p75', 'p95', 'mean'] as const) {
				ours.bands[v][k].forEach((x, y) => expect(Math.abs(x - theirs.bands[v][k][y]), `${v} ${k}`).toBeLessThanOrEqual(1e-9));
			}
		}
	});
});

describe('known answers on tiny notebooks (100,000 samples)', () => {
	const N = 100_000;
	it('an output equal to a uniform input has its mean, variance and percentiles', () => {
		const model = compileNotebook(tiny(['x = a'], [{ name: 'a', default: 0.5, uncertainty: { low: 0.2, high: 0.8, distribution: 'uniform' } }]), {});
		const r = runMonteCarlo(model, options({ samples: N, variables: ['x'], horizon: 2021 }));
		const b = r.bands.x;
		expect(b.mean[0]).toBeCloseTo(0.5, 2);
		for (const [k, p] of [['p5', 0.05], ['p25', 0.25], ['p50', 0.5], ['p75', 0.75], ['p95', 0.95]] as const) {
			expect(Math.abs(b[k][1] - (0.2 + 0.6 * p)), k).toBeLessThan(0.005);
		}
		const m = sampleMatrix(model, options({ samples: N }), 'x', 2020);
		const mean = m.output.reduce((s, v) => s + v, 0) / N;
		const variance = m.output.reduce((s, v) => s + (v - mean) ** 2, 0) / (N - 1);
		expect(variance / (0.36 / 12)).toBeCloseTo(1, 1);
	});

	it('triangular and normal inputs through a formula: x = 2 * t + n', () => {
		const model = compileNotebook(
			tiny(['x = 2 * t0 + n0', 'y = n0'], [
				{ name: 't0', default: 1, min: -5, max: 5, uncertainty: { low: 0, high: 3, distribution: 'triangular' } },
				{ name: 'n0', default: 10, min: -100, max: 100, uncertainty: { low: 8, high: 12, distribution: 'normal' } }
			]),
			{}
		);
		const r = runMonteCarlo(model, options({ samples: N, variables: ['x', 'y'], horizon: 2020 }));
		// E[x] = 2 (0 + 3 + 1) / 3 + 10.
		expect(r.bands.x.mean[0]).toBeCloseTo(2 * (4 / 3) + 10, 1);
		expect(Math.abs(r.bands.y.p5[0] - 8)).toBeLessThan(0.05);
		expect(Math.abs(r.bands.y.p95[0] - 12)).toBeLessThan(0.05);
		expect(Math.abs(r.bands.y.p50[0] - 10)).toBeLessThan(0.03);
		const m = sampleMatrix(model, options({ samples: N }), 'x', 2020);
		const mean = m.output.reduce((s, v) => s + v, 0) / N;
		const variance = m.output.reduce((s, v) => s + (v - mean) ** 2, 0) / (N - 1);
		// Var(2t + n) = 4 Var(t) + Var(n) = 4 (0 + 9 + 1 - 0 - 0 - 3) / 18 + (4 / 3.29)².
		expect(variance / ((4 * 7) / 18 + (4 / (2 * 1.6448536269514722)) ** 2)).toBeCloseTo(1, 1);
	});

	it('moving a slider shifts the band by the same amount', () => {
		const model = compileNotebook(tiny(['x = a'], [{ name: 'a', default: 0.3, min: -1, max: 2, uncertainty: { low: 0.1, high: 0.5, distribution: 'uniform' } }]), {});
		const at = runMonteCarlo(model, options({ samples: 5000, variables: ['x'], horizon: 2020 }));
		const moved = runMonteCarlo(model, options({ inputs: { a: 0.8 }, samples: 5000, variables: ['x'], horizon: 2020 }));
		for (const k of ['p5', 'p50', 'p95', 'mean'] as const) expect(moved.bands.x[k][0] - at.bands.x[k][0]).toBeCloseTo(0.5, 12);
	});

	it("adding an input does not change another input's samples", () => {
		const a = { name: 'a', default: 0.5, uncertainty: { low: 0, high: 1, distribution: 'normal' as const } };
		const b = { name: 'b', default: 0.5, uncertainty: { low: 0.4, high: 0.6, distribution: 'uniform' as const } };
		const one = runMonteCarlo(compileNotebook(tiny(['x = a'], [a]), {}), options({ variables: ['x'] }));
		const two = runMonteCarlo(compileNotebook(tiny(['x = a', 'y = a + b'], [b, a]), {}), options({ variables: ['x'] }));
		expect(two.bands.x).toEqual(one.bands.x);
	});
});

describe('options and edge cases', () => {
	it('clamps the sample count and ignores unknown variables', () => {
		expect(sampleCount(0)).toBe(1);
		expect(sampleCount(10.4)).toBe(10);
		expect(sampleCount(1e9)).toBe(100_000);
		expect(() => sampleCount(NaN)).toThrow(RangeError);
		const r = runMonteCarlo(published, options({ samples: 3, variables: ['nevShare', 'noSuchThing'] }));
		expect(Object.keys(r.bands)).toEqual(['nevShare']);
		expect(r.samples).toBe(3);
	});

	it('runs only the formulas the wanted variables depend on', () => {
		const pruned = prunedModel(published, ['nevShare']);
		expect(pruned.formulas.map((f) => f.name).sort()).toEqual(['adoptionDelay', 'nevCeilingNow', 'nevCeilingSoFar', 'nevReadiness', 'nevShare']);
		expect(prunedModel(published, published.variables)).toBe(published);
		// homeSales reads itself through prev(): it is kept, with what it reads.
		expect(prunedModel(published, ['foreignSales']).formulas.length).toBeGreaterThan(10);
	});

	it('accepts a horizon before the start (no years) and NaN outputs', () => {
		expect(runMonteCarlo(published, options({ horizon: 2000, samples: 10 })).years).toEqual([]);
		const model = compileNotebook(tiny(['x = a < 0.5 ? 0 / 0 : a'], [{ name: 'a', default: 0.5, uncertainty: { low: 0, high: 1, distribution: 'uniform' } }]), {});
		const r = runMonteCarlo(model, options({ samples: 4000, variables: ['x'], horizon: 2020 }));
		// Half the samples are NaN and ignored: the rest are uniform on 0.5..1.
		expect(Math.abs(r.bands.x.p50[0] - 0.75)).toBeLessThan(0.03);
		expect(r.bands.x.mean[0]).toBeCloseTo(0.75, 1);
	});
});
