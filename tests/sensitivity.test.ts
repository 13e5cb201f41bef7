// Tornado bars and variance shares: known answers on tiny notebooks, directions and rankings on
// the published notebook (version 3), Spearman's rank correlation with ties.
import { describe, expect, it } from 'vitest';
import { annualSeries } from '../src/lib/data';
import { CALIBRATED, LOCALISATION_LEVERS, chinaMarketNotebook } from '../src/lib/notebooks/chinaMarket';
import { compileNotebook, createProgram, runDeterministic } from '../src/lib/sim';
import type { InputCell, MonteCarloOptions, Notebook, UncertaintyRange } from '../src/lib/sim';
import { averageRanks, spearman, tornado, varianceShares } from '../src/lib/sim/analysis/sensitivity';
import { makeNotebook } from './support/engine';

const published = compileNotebook(chinaMarketNotebook, annualSeries);
const inputCells = chinaMarketNotebook.cells.filter((c): c is InputCell => c.kind === 'input');
const options = (over: Partial<MonteCarloOptions> = {}): MonteCarloOptions => ({ inputs: {}, horizon: 2035, samples: 4000, seed: 1, variables: [], ...over });

function tiny(formulas: string[], inputs: { name: string; default: number; uncertainty?: UncertaintyRange }[]): Notebook {
	const nb = makeNotebook(formulas, { inputs: inputs.map((i) => ({ name: i.name, default: i.default, min: -10, max: 10 })) });
	for (const cell of nb.cells) {
		const spec = inputs.find((i) => cell.kind === 'input' && i.name === cell.name);
		if (spec?.uncertainty && cell.kind === 'input') cell.uncertainty = spec.uncertainty;
	}
	return nb;
}
const ab = compileNotebook(
	tiny(['x = 2 * a + b', 'y = a * a'], [
		{ name: 'a', default: 0.5, uncertainty: { low: 0, high: 1, distribution: 'uniform' } },
		{ name: 'b', default: 0.05, uncertainty: { low: 0, high: 0.1, distribution: 'uniform' } },
		{ name: 'c', default: 3 }
	]),
	{}
);

describe('Spearman rank correlation', () => {
	it('averages the ranks of ties', () => {
		expect([...averageRanks(Float64Array.of(10, 20, 20, 30))]).toEqual([1, 2.5, 2.5, 4]);
		expect([...averageRanks(Float64Array.of(5, 5, 5))]).toEqual([2, 2, 2]);
		expect([...averageRanks(Float64Array.of(3, -1, 2, -1, 3))]).toEqual([4.5, 1.5, 3, 1.5, 4.5]);
	});

	it('is 1 for any increasing relationship, -1 for a decreasing one, 0 for a constant', () => {
		const x = Float64Array.from({ length: 200 }, (_, i) => Math.sin(i * 7.1));
		expect(spearman(x, x.map((v) => Math.exp(3 * v)))).toBeCloseTo(1, 12);
		expect(spearman(x, x.map((v) => -(v ** 3)))).toBeCloseTo(-1, 12);
		expect(spearman(x, new Float64Array(200).fill(1))).toBe(0);
		// Known value: x = 1..5, y = 2, 1, 4, 3, 5 -> 1 - 6 Σd² / (n (n² - 1)) = 1 - 6·4/120 = 0.8.
		expect(spearman(Float64Array.of(1, 2, 3, 4, 5), Float64Array.of(2, 1, 4, 3, 5))).toBeCloseTo(0.8, 12);
	});
});

describe('tornado', () => {
	it('swings each uncertain input over its range, others at their central values', () => {
		const bars = tornado(ab, {}, 'x', 2021);
		expect(bars.map((b) => b.input)).toEqual(['a', 'b']); // c has no range; a swings most
		expect(bars[0]).toMatchObject({ input: 'a', label: 'a', low: 0, high: 1 });
		expect(bars[0].outputAtLow).toBeCloseTo(0.05, 12);
		expect(bars[0].outputAtHigh).toBeCloseTo(2.05, 12);
		expect(bars[1].outputAtLow).toBeCloseTo(1, 12);
		expect(bars[1].outputAtHigh).toBeCloseTo(1.1, 12);
	});

	it('moves the ranges with the sliders and clamps them', () => {
		const bars = tornado(ab, { a: 9.8, b: 1 }, 'x', 2021);
		const a = bars.find((b) => b.input === 'a')!;
		expect(a.low).toBeCloseTo(9.3, 12);
		expect(a.high).toBe(10); // 10.3 clamped to the max
		expect(a.outputAtHigh).toBeCloseTo(21, 12);
		const b = bars.find((b) => b.input === 'b')!;
		expect(b.low).toBeCloseTo(0.95, 12);
		expect(b.high).toBeCloseTo(1.05, 12);
	});

	it('refuses unknown variables and years before the start', () => {
		expect(() => tornado(ab, {}, 'nope', 2021)).toThrow(/nope/);
		expect(() => tornado(ab, {}, 'x', 1990)).toThrow(RangeError);
	});

	it('on the published notebook: higher localisation lowers the domestic share; sorted by swing', () => {
		const bars = tornado(published, {}, 'domesticShare', 2035);
		expect(bars.length).toBe(inputCells.length);
		const loc = bars.find((b) => b.input === 'localisationJapanese')!;
		expect(loc.low).toBeCloseTo(0.15, 12);
		expect(loc.high).toBeCloseTo(0.65, 12);
		expect(loc.outputAtHigh).toBeLessThan(loc.outputAtLow);
		// So does every other origin's localisation, each over its own range.
		for (const lever of LOCALISATION_LEVERS) {
			const bar = bars.find((b) => b.input === lever)!;
			const cell = inputCells.find((c) => c.name === lever)!;
			expect(bar.low, lever).toBeCloseTo(cell.uncertainty!.low, 12);
			expect(bar.high, lever).toBeCloseTo(cell.uncertainty!.high, 12);
			expect(bar.outputAtHigh, lever).toBeLessThan(bar.outputAtLow);
		}
		// A bigger domestic technology lead raises it; a larger shake-out lowers it.
		const lead = bars.find((b) => b.input === 'techLeadMax')!;
		expect(lead.outputAtHigh).toBeGreaterThan(lead.outputAtLow);
		const shake = bars.find((b) => b.input === 'shakeout')!;
		expect(shake.outputAtHigh).toBeLessThan(shake.outputAtLow);
		// Market growth sets volumes only (and the export levers exports only): not the share at home.
		const growth = bars.find((b) => b.input === 'marketGrowth')!;
		expect(growth.outputAtHigh).toBe(growth.outputAtLow);
		for (const lever of ['exportGrowth', 'exportDomesticShare']) {
			const bar = bars.find((b) => b.input === lever)!;
			expect(bar.outputAtHigh, lever).toBe(bar.outputAtLow);
		}
		const swings = bars.map((b) => Math.abs(b.outputAtHigh - b.outputAtLow));
		for (let i = 1; i < swings.length; i++) expect(swings[i]).toBeLessThanOrEqual(swings[i - 1]);
		// The centre of every bar is the run with every input at its central value.
		const central = runDeterministic(createProgram(published), { inputs: {}, horizon: 2035 }).series.domesticShare.at(-1)!;
		for (const lever of LOCALISATION_LEVERS) {
			const bar = bars.find((b) => b.input === lever)!;
			expect(Math.min(bar.outputAtLow, bar.outputAtHigh), lever).toBeLessThan(central);
			expect(Math.max(bar.outputAtLow, bar.outputAtHigh), lever).toBeGreaterThan(central);
		}
	});
});

describe('variance shares (squared Spearman rank correlation, normalised)', () => {
	it('ranks the input that drives the output first; shares sum to 1', () => {
		const shares = varianceShares(ab, options(), 'x', 2021);
		expect(shares.map((s) => s.input)).toEqual(['a', 'b']);
		expect(shares[0].rankCorrelation).toBeGreaterThan(0.99);
		// Var(2a) = 4/12 against Var(b) = 0.01/12: a holds nearly all of it.
		expect(shares[0].share).toBeGreaterThan(0.98);
		expect(shares[0].share + shares[1].share).toBeCloseTo(1, 12);
	});

	it('catches monotone but curved relationships fully (y = a², a from 0 to 1)', () => {
		const shares = varianceShares(ab, options(), 'y', 2021);
		expect(shares[0]).toMatchObject({ input: 'a', rankCorrelation: 1, share: expect.closeTo(1, 3) });
	});

	it('gives every share 0 when the output does not vary, and nothing without uncertain inputs', () => {
		const constant = compileNotebook(tiny(['x = 2'], [{ name: 'a', default: 0.5, uncertainty: { low: 0, high: 1, distribution: 'uniform' } }]), {});
		expect(varianceShares(constant, options({ samples: 500 }), 'x', 2020)).toEqual([{ input: 'a', label: 'a', rankCorrelation: 0, share: 0 }]);
		const certain = compileNotebook(tiny(['x = a'], [{ name: 'a', default: 0.5 }]), {});
		expect(varianceShares(certain, options({ samples: 100 }), 'x', 2020)).toEqual([]);
	});

	it('on the published notebook: sum to 1, sorted, a brand input first for the domestic share', () => {
		const shares = varianceShares(published, options(), 'domesticShare', 2035);
		expect(shares.length).toBe(inputCells.length);
		expect(shares.reduce((s, r) => s + r.share, 0)).toBeCloseTo(1, 12);
		for (let i = 1; i < shares.length; i++) expect(shares[i].share).toBeLessThanOrEqual(shares[i - 1].share);
		// The brand split is driven by the brand-choice parameters (each origin's calibrated pulls, the
		// technology lead, localisation), not by volumes or NEV timing.
		const pulls = ['germanPull', 'japanesePull', 'usPull', 'otherPull', 'germanNevPull', 'japaneseNevPull', 'usNevPull'];
		for (const name of pulls) expect(Object.keys(CALIBRATED), name).toContain(name);
		expect([...pulls, 'techLeadMax', ...LOCALISATION_LEVERS]).toContain(shares[0].input);
		for (const name of ['marketGrowth', 'exportGrowth', 'exportDomesticShare']) expect(shares.find((s) => s.input === name)!.share, name).toBeLessThan(0.01);
		expect(shares.find((s) => s.input === 'localisationGerman')!.rankCorrelation).toBeLessThan(0);
		// And the NEV share by the electrification inputs.
		const nev = varianceShares(published, options(), 'nevShare', 2035);
		expect(['nevCeiling', 'electrificationPace', 'nevAdoptionDelay']).toContain(nev[0].input);
		for (const lever of LOCALISATION_LEVERS) expect(nev.find((s) => s.input === lever)!.share, lever).toBeLessThan(0.01);
	});
});
