// Attribution on the real model (the published notebook, version 3): the bars add up to the
// difference and point the right way.
import { describe, expect, it } from 'vitest';
import { annualSeries } from '../src/lib/data/index';
import { chinaMarketNotebook } from '../src/lib/notebooks/chinaMarket';
import { attribute, NOTEBOOK_EDITS, programCache } from '../src/lib/sim/analysis/attribution';
import { compileNotebook, createProgram, runDeterministic } from '../src/lib/sim/index';
import type { Notebook } from '../src/lib/sim/types';

const programFor = programCache(annualSeries);
const baseline = { notebook: chinaMarketNotebook, inputs: {} };
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

function valueAt(notebook: Notebook, inputs: Record<string, number>, variable: string, year: number) {
	const r = runDeterministic(createProgram(compileNotebook(notebook, annualSeries)), { inputs, horizon: year });
	return r.series[variable][r.years.indexOf(year)];
}

describe('attribution between scenarios', () => {
	it('splits a three-input difference exactly, each input with the sign the model claims', () => {
		const b = { notebook: chinaMarketNotebook, inputs: { localisationJapanese: 0.8, shakeout: 0.2, electrificationPace: 1.5 } };
		const r = attribute(baseline, b, 'domesticShare', 2030, programFor);
		expect(r.method).toBe('exact');
		expect(r.start).toBeCloseTo(valueAt(chinaMarketNotebook, {}, 'domesticShare', 2030), 12);
		expect(r.end).toBeCloseTo(valueAt(chinaMarketNotebook, b.inputs, 'domesticShare', 2030), 12);
		expect(sum(r.parts.map((p) => p.contribution))).toBeCloseTo(r.end - r.start, 12);
		const part = (key: string) => r.parts.find((p) => p.key === key)!.contribution;
		expect(part('localisationJapanese')).toBeLessThan(0);
		expect(part('shakeout')).toBeLessThan(0);
		expect(part('electrificationPace')).toBeGreaterThan(0);
		expect(r.parts.map((p) => p.label)).toContain('NEV gap Japanese brands close by 2030');
		expect(r.runs).toBe(8);
	});

	it('gives each foreign origin its own localisation bar, each lowering the domestic share', () => {
		const origins = ['localisationJapanese', 'localisationGerman', 'localisationUS', 'localisationOther'];
		const inputs: Record<string, number> = { shakeout: 0.2, electrificationPace: 1.5 };
		for (const lever of origins) inputs[lever] = 0.8;
		const r = attribute(baseline, { notebook: chinaMarketNotebook, inputs }, 'domesticShare', 2030, programFor);
		expect(r.method).toBe('exact');
		expect(r.end).toBeCloseTo(valueAt(chinaMarketNotebook, inputs, 'domesticShare', 2030), 12);
		expect(sum(r.parts.map((p) => p.contribution))).toBeCloseTo(r.end - r.start, 12);
		for (const lever of origins) expect(r.parts.find((p) => p.key === lever)!.contribution, lever).toBeLessThan(0);
		expect(r.parts.map((p) => p.label)).toEqual(
			expect.arrayContaining(['NEV gap Japanese brands close by 2030', 'NEV gap German brands close by 2030', 'NEV gap US brands close by 2030', 'NEV gap Korean and other brands close by 2030'])
		);
		expect(r.runs).toBe(64);
	});

	it('counts formula edits as one more player', () => {
		const edited: Notebook = {
			...chinaMarketNotebook,
			cells: chinaMarketNotebook.cells.map((c) =>
				c.kind === 'formula' && c.formula.startsWith('nevReadiness =') ? { ...c, formula: 'nevReadiness = 0.7 * logistic(nevSteepness * (year - nevMidYear))' } : c
			)
		};
		const r = attribute(baseline, { notebook: edited, inputs: { localisationJapanese: 0.6 } }, 'nevShare', 2035, programFor);
		expect(r.parts.map((p) => p.key)).toEqual(['localisationJapanese', NOTEBOOK_EDITS]);
		expect(sum(r.parts.map((p) => p.contribution))).toBeCloseTo(r.end - r.start, 12);
		expect(r.parts[1].contribution).toBeLessThan(0); // a lower ceiling lowers NEV share
		expect(Math.abs(r.parts[0].contribution)).toBeLessThan(1e-12); // localisation does not move NEV share
	});

	it('samples above ten changed inputs and still adds up exactly', () => {
		const inputs: Record<string, number> = {};
		for (const c of chinaMarketNotebook.cells) if (c.kind === 'input') inputs[c.name] = c.min + 0.7 * (c.max - c.min);
		const r = attribute(baseline, { notebook: chinaMarketNotebook, inputs }, 'domesticShare', 2035, programFor);
		expect(r.parts.length).toBeGreaterThan(10);
		expect(r.method).toBe('sampled');
		expect(sum(r.parts.map((p) => p.contribution))).toBeCloseTo(r.end - r.start, 10);
	});

	it('gives an empty split when nothing differs', () => {
		const r = attribute(baseline, baseline, 'domesticShare', 2030, programFor);
		expect(r.parts).toEqual([]);
		expect(r.end - r.start).toBe(0);
	});
});
