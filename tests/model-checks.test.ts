// SDEverywhere-style model checks on the published notebook: bounds and identities under
// extreme inputs, the past that no lever can rewrite, the direction each lever pushes (from
// 2026 on), and the fit to 2019-2025.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MockInstance } from 'vitest';
import { annualSeries, observedSeries } from '../src/lib/data';
import { CALIBRATED, CALIBRATION_PAIRS, LAST_DATA_YEAR, LEVERS, LOCALISATION_LEVERS, chinaMarketNotebook } from '../src/lib/notebooks/chinaMarket';
import { FIT_TARGETS } from '../src/lib/notebooks/chinaMarketCells/targets';
import { seriesBasisFor } from '../src/lib/notebooks/published';
import { compileNotebook, createProgram, runDeterministic } from '../src/lib/sim';
import type { InputCell, RunResult } from '../src/lib/sim';
import { fitParameters } from '../src/lib/sim/analysis/fitting';
import { fitStatistics } from '../src/lib/sim/analysis/fitStatistics';

const model = compileNotebook(chinaMarketNotebook, annualSeries);
const program = createProgram(model);
const inputs = chinaMarketNotebook.cells.filter((c): c is InputCell => c.kind === 'input');
const run = (given: Record<string, number>, horizon = 2035): RunResult => runDeterministic(program, { inputs: given, horizon });
const at = (result: RunResult, name: string, year: number) => {
	const i = result.years.indexOf(year);
	expect(i, `${year} is in the run`).toBeGreaterThanOrEqual(0);
	return result.series[name][i];
};

const ORIGINS = ['germanShare', 'japaneseShare', 'usShare', 'otherShare'];
const CAAM_ORIGINS = ['germanShareCaam', 'japaneseShareCaam', 'usShareCaam', 'otherShareCaam'];
const SHARES = ['nevShare', 'domesticShare', 'foreignShare', 'domesticShareNev', 'domesticShareIce', 'domesticShareCaam', 'exportDomesticShareNow', ...ORIGINS, ...CAAM_ORIGINS];
const OUTPUTS = [...SHARES, 'homeSales', 'passengerExports', 'passengerWholesale', 'nevSales', 'domesticSales', 'foreignSales'];

const everyAt = (pick: (input: InputCell) => number) => Object.fromEntries(inputs.map((i) => [i.name, pick(i)]));
const cases: [string, Record<string, number>][] = [
	['every input at its default', {}],
	['every input at its min', everyAt((i) => i.min)],
	['every input at its max', everyAt((i) => i.max)],
	...inputs.flatMap((i): [string, Record<string, number>][] => [
		[`${i.name} alone at its min (${i.min})`, { [i.name]: i.min }],
		[`${i.name} alone at its max (${i.max})`, { [i.name]: i.max }]
	])
];

let consoleSpies: MockInstance[] = [];
beforeAll(() => {
	consoleSpies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m));
});
afterAll(() => {
	// The model and its checks print nothing.
	for (const spy of consoleSpies) {
		expect(spy).not.toHaveBeenCalled();
		spy.mockRestore();
	}
});

describe('the default notebook compiles', () => {
	it('without errors, with every output defined', () => {
		expect(model.errors).toEqual([]);
		for (const name of OUTPUTS) expect(model.variables).toContain(name);
		expect(inputs.length).toBeGreaterThanOrEqual(10);
	});
});

describe.each([2050, 2035])('to %i', (horizon) => {
	it.each(cases)('%s: finite, shares within [0, 1], identities hold', (_, given) => {
		const result = run(given, horizon);
		expect(result.errors).toEqual([]);
		expect(result.years[0]).toBe(chinaMarketNotebook.startYear);
		expect(result.years.at(-1)).toBe(horizon);
		for (const name of OUTPUTS) {
			const values = result.series[name];
			expect(values).toHaveLength(result.years.length);
			for (const v of values) expect(Number.isFinite(v), `${name} is ${v}`).toBe(true);
		}
		for (const name of SHARES) {
			result.series[name].forEach((v, i) => {
				expect(v, `${name} in ${result.years[i]}`).toBeGreaterThanOrEqual(0);
				expect(v, `${name} in ${result.years[i]}`).toBeLessThanOrEqual(1);
			});
		}
		const { domesticShare, foreignShare, domesticSales, foreignSales, homeSales, domesticShareCaam, passengerWholesale, passengerExports } = result.series;
		const sum = (names: string[], i: number) => names.reduce((s, n) => s + result.series[n][i], 0);
		result.years.forEach((year, i) => {
			expect(Math.abs(domesticShare[i] + foreignShare[i] - 1), `shares in ${year}`).toBeLessThanOrEqual(1e-12);
			// The five origins make up the home market, and again on CAAM's basis.
			expect(Math.abs(sum(ORIGINS, i) - foreignShare[i]), `origins at home in ${year}`).toBeLessThanOrEqual(1e-12);
			expect(Math.abs(sum(CAAM_ORIGINS, i) + domesticShareCaam[i] - 1), `origins on CAAM's basis in ${year}`).toBeLessThanOrEqual(1e-12);
			expect(Math.abs(domesticSales[i] + foreignSales[i] - homeSales[i]), `sales in ${year}`).toBeLessThanOrEqual(1e-9);
			expect(Math.abs(homeSales[i] + passengerExports[i] - passengerWholesale[i]), `wholesale in ${year}`).toBeLessThanOrEqual(1e-9);
			expect(homeSales[i]).toBeGreaterThan(0);
		});
	});
});

describe('the past is data: no lever rewrites 2019-2025', () => {
	const base = run({}, 2050);
	const formulas = model.formulas.map((f) => f.name);

	it('the levers are the fifteen scenario inputs, and every other input is calibrated or stated', () => {
		expect(LAST_DATA_YEAR).toBe(2025);
		expect(LEVERS).toHaveLength(15);
		for (const lever of LEVERS) expect(inputs.map((i) => i.name)).toContain(lever);
		expect(inputs.filter((i) => !(LEVERS as readonly string[]).includes(i.name)).map((i) => i.name)).toEqual(Object.keys(CALIBRATED));
	});

	for (const lever of LEVERS) {
		const cell = inputs.find((i) => i.name === lever)!;
		it.each([cell.min, cell.max])(`${lever} alone at %d leaves every formula unchanged through ${LAST_DATA_YEAR} (to 1e-9)`, (value) => {
			const result = run({ [lever]: value }, 2050);
			for (const name of formulas) {
				for (let i = 0; result.years[i] <= LAST_DATA_YEAR; i++) {
					expect(Math.abs(result.series[name][i] - base.series[name][i]), `${name} in ${result.years[i]}`).toBeLessThanOrEqual(1e-9);
				}
			}
		});
	}

	it('all levers at once, at their min and at their max, leave 2019-2025 unchanged too', () => {
		for (const pick of [(i: InputCell) => i.min, (i: InputCell) => i.max]) {
			const given = Object.fromEntries(LEVERS.map((name) => [name, pick(inputs.find((i) => i.name === name)!)]));
			const result = run(given, 2050);
			for (const name of formulas) {
				for (let i = 0; result.years[i] <= LAST_DATA_YEAR; i++) expect(Math.abs(result.series[name][i] - base.series[name][i])).toBeLessThanOrEqual(1e-9);
			}
		}
	});

	it('a lever at either end does move 2026 or later (it is not a dead slider)', () => {
		for (const lever of LEVERS) {
			const cell = inputs.find((i) => i.name === lever)!;
			const moved = [cell.min, cell.max].some((value) => {
				const result = run({ [lever]: value }, 2050);
				return formulas.some((name) => result.series[name].some((v, i) => result.years[i] > LAST_DATA_YEAR && Math.abs(v - base.series[name][i]) > 1e-9));
			});
			expect(moved, lever).toBe(true);
		}
	});
});

describe('each lever pushes the way the story says (2030, against the default)', () => {
	const base = run({});
	const cmp = (given: Record<string, number>, name: string) => ({ scenario: at(run(given), name, 2030), baseline: at(base, name, 2030) });
	const lower = (given: Record<string, number>, name: string) => {
		const { scenario, baseline } = cmp(given, name);
		expect(scenario, `${name} with ${JSON.stringify(given)}`).toBeLessThan(baseline);
	};
	const higher = (given: Record<string, number>, name: string) => {
		const { scenario, baseline } = cmp(given, name);
		expect(scenario, `${name} with ${JSON.stringify(given)}`).toBeGreaterThan(baseline);
	};
	/** From 2026 to 2050 the scenario never crosses to the other side of the baseline. */
	const staysOnOneSide = (side: 'below' | 'above') => (given: Record<string, number>, name: string) => {
		const scenario = run(given, 2050);
		const baseline = run({}, 2050);
		scenario.years.forEach((year, i) => {
			if (year <= 2025) return;
			const gap = (scenario.series[name][i] - baseline.series[name][i]) * (side === 'below' ? 1 : -1);
			expect(gap, `${name} in ${year} with ${JSON.stringify(given)}`).toBeLessThanOrEqual(1e-12);
		});
	};
	const neverAbove = staysOnOneSide('below');
	const neverBelow = staysOnOneSide('above');

	const allLocalise = (v: number) => Object.fromEntries(LOCALISATION_LEVERS.map((l) => [l, v]));
	const ORIGIN_OF: Record<string, string> = { localisationGerman: 'germanShare', localisationJapanese: 'japaneseShare', localisationUS: 'usShare', localisationOther: 'otherShare' };

	it('each direction holds in every year from 2026 on, not only in 2030', () => {
		neverAbove(allLocalise(1), 'domesticShare');
		neverBelow(allLocalise(0), 'domesticShare');
		for (const lever of LOCALISATION_LEVERS) {
			neverBelow({ [lever]: 1 }, ORIGIN_OF[lever]);
			neverAbove({ [lever]: 1 }, 'domesticShare');
			neverAbove({ [lever]: 0 }, ORIGIN_OF[lever]);
		}
		neverBelow({ exportDomesticShare: 1 }, 'domesticShareCaam');
		neverAbove({ exportDomesticShare: 0.6 }, 'domesticShareCaam');
		neverAbove({ safetyValue: 1.5 }, 'domesticShare');
		neverBelow({ safetyValue: 0 }, 'domesticShare');
		neverAbove({ safetyRuleBoost: 3 }, 'domesticShare');
		neverBelow({ electrificationPace: 2 }, 'nevShare');
		neverAbove({ electrificationPace: 0.5 }, 'nevShare');
		neverAbove({ shakeout: 0.4 }, 'domesticShare');
		neverBelow({ shakeout: 0 }, 'domesticShare');
		neverBelow({ techLeadMax: 3 }, 'domesticShare');
		neverAbove({ techLeadMax: 0 }, 'domesticShare');
		neverAbove({ nevCeiling: 0.6 }, 'nevShare');
		neverBelow({ nevCeiling: 1 }, 'nevShare');
	});

	it('a longer technology lead: higher domestic share; a lower NEV ceiling: lower NEV share', () => {
		higher({ techLeadMax: 2 }, 'domesticShare');
		lower({ techLeadMax: 0.5 }, 'domesticShare');
		lower({ nevCeiling: 0.7 }, 'nevShare');
		higher({ nevCeiling: 1 }, 'nevShare');
	});

	it('a faster closing of the safety gap: higher domestic share', () => {
		higher({ safetyHalfLife: 3 }, 'domesticShare');
		lower({ safetyHalfLife: 30 }, 'domesticShare');
	});

	it('more localisation: lower Chinese share; an origin that localises gains, and takes from the others too', () => {
		lower(allLocalise(0.6), 'domesticShare');
		lower(allLocalise(1), 'domesticShare');
		higher(allLocalise(0), 'domesticShare');
		for (const lever of LOCALISATION_LEVERS) {
			higher({ [lever]: 1 }, ORIGIN_OF[lever]);
			for (const other of LOCALISATION_LEVERS.filter((l) => l !== lever)) lower({ [lever]: 1 }, ORIGIN_OF[other]);
		}
	});

	it("Japan localises and Germany does not: Japanese brands gain on the baseline, German brands lose", () => {
		higher({ localisationJapanese: 0.9, localisationGerman: 0 }, 'japaneseShare');
		lower({ localisationJapanese: 0.9, localisationGerman: 0 }, 'germanShare');
	});

	it('a higher worth of safety, and a bigger boost from the 2026 rules: lower domestic share', () => {
		lower({ safetyValue: 0.8 }, 'domesticShare');
		lower({ safetyValue: 1.5 }, 'domesticShare');
		lower({ safetyRuleBoost: 2 }, 'domesticShare');
		lower({ safetyRuleBoost: 3 }, 'domesticShare');
		higher({ safetyValue: 0 }, 'domesticShare');
	});

	it('faster electrification: higher NEV share and higher domestic share', () => {
		for (const pace of [1.5, 2]) {
			higher({ electrificationPace: pace }, 'nevShare');
			higher({ electrificationPace: pace }, 'domesticShare');
		}
		lower({ electrificationPace: 0.5 }, 'nevShare');
		lower({ electrificationPace: 0.5 }, 'domesticShare');
	});

	it('a bigger shake-out: lower domestic share', () => {
		lower({ shakeout: 0.2 }, 'domesticShare');
		lower({ shakeout: 0.4 }, 'domesticShare');
		higher({ shakeout: 0 }, 'domesticShare');
	});

	const HOME_SHARES = ['nevShare', 'domesticShare', 'foreignShare', 'domesticShareNev', 'domesticShareIce', ...ORIGINS];

	it('faster growth at home: a bigger home market, shares at home unchanged', () => {
		for (const growth of [0.03, 0.05]) {
			const result = run({ marketGrowth: growth });
			higher({ marketGrowth: growth }, 'homeSales');
			for (const name of HOME_SHARES) expect(result.series[name]).toEqual(base.series[name]);
		}
		lower({ marketGrowth: -0.03 }, 'homeSales');
		// Up to 2025 the market is data, so growth changes nothing there.
		expect(at(run({ marketGrowth: 0.05 }), 'passengerWholesale', 2025)).toBe(30.1);
		expect(at(run({ marketGrowth: 0.05 }), 'homeSales', 2025)).toBe(at(base, 'homeSales', 2025));
	});

	it('faster export growth: more exports, a higher Chinese share on CAAM basis, shares at home unchanged', () => {
		const result = run({ exportGrowth: 0.15 });
		higher({ exportGrowth: 0.15 }, 'passengerExports');
		higher({ exportGrowth: 0.15 }, 'domesticShareCaam');
		for (const name of HOME_SHARES) expect(result.series[name]).toEqual(base.series[name]);
		lower({ exportGrowth: -0.1 }, 'domesticShareCaam');
	});
});

describe('calibration', () => {
	const stats = () => fitStatistics(run({}), observedSeries, CALIBRATION_PAIRS, 2019, 2025);

	it('the baseline reproduces every calibration series within its target RMSE (a point for the Chinese-brand and NEV shares, 1.5 for each origin)', () => {
		const measured = stats();
		for (const target of FIT_TARGETS) {
			const s = measured.filter((m) => m.variable === target.variable);
			expect(s.length, target.variable).toBeGreaterThan(0);
			for (const one of s) expect(one.rmse, `${one.variable} vs ${one.series}`).toBeLessThanOrEqual(target.rmse);
		}
		// The headline series over every year they have.
		expect(measured.find((m) => m.series === 'domestic_share_caam')!.years).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025]);
		expect(measured.find((m) => m.series === 'nev_share_passenger_retail_cpca')!.years).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
		expect(measured.find((m) => m.series === 'domestic_share_retail_cpca')!.years).toEqual([2020, 2021, 2023, 2024, 2025]);
	});

	it("any lever at either end keeps that fit: history RMSE is the same as the baseline's", () => {
		const baseline = stats();
		for (const lever of LEVERS) {
			const cell = inputs.find((i) => i.name === lever)!;
			for (const value of [cell.min, cell.max]) {
				const moved = fitStatistics(run({ [lever]: value }), observedSeries, CALIBRATION_PAIRS, 2019, 2025);
				moved.forEach((s, k) => expect(s.rmse, `${lever}=${value}, ${s.series}`).toBeCloseTo(baseline[k].rmse, 12));
			}
		}
	});

	it('the fit cell of the notebook fits the calibrated parameters on the calibration pairs, each series on its own basis', () => {
		const fit = chinaMarketNotebook.cells.find((c) => c.kind === 'fit');
		expect(fit && fit.kind === 'fit' ? fit.pairs : []).toEqual(CALIBRATION_PAIRS);
		expect(fit && fit.kind === 'fit' ? fit.parameters : []).toEqual(Object.keys(CALIBRATED));
		const basisOf = seriesBasisFor(chinaMarketNotebook);
		const bases = new Map(chinaMarketNotebook.cells.flatMap((c) => (c.kind === 'formula' && c.basis ? [[c.formula.split('=')[0].trim(), c.basis]] : [])));
		for (const pair of CALIBRATION_PAIRS) {
			expect(bases.get(pair.variable), `${pair.variable} states its basis`).toBeDefined();
			expect(basisOf(pair.series), pair.series).toBe(bases.get(pair.variable));
		}
	});

	it("the fit cell's Fit reproduces the published calibration (the app and npm run calibrate agree)", () => {
		const fit = fitParameters(
			{ notebook: chinaMarketNotebook, inputs: {}, parameters: Object.keys(CALIBRATED), pairs: CALIBRATION_PAIRS, fromYear: 2019, toYear: 2025, seriesBasis: seriesBasisFor(chinaMarketNotebook) },
			observedSeries
		);
		expect(fit.problems).toEqual([]);
		for (const [name, value] of Object.entries(CALIBRATED)) {
			const cell = chinaMarketNotebook.cells.find((c) => c.kind === 'input' && c.name === name) as { min: number; max: number };
			// Within half a percent of the slider's range of the published value.
			expect(Math.abs(fit.fitted[name] - value), name).toBeLessThanOrEqual(0.005 * (cell.max - cell.min));
		}
	});

	it('the baseline 2025 figures are within a point of the full year on each basis (CAAM 69.5% with exports, CPCA about 65% and 54% NEV at home)', () => {
		expect(Math.abs(at(run({}), 'domesticShareCaam', 2025) - 0.695)).toBeLessThanOrEqual(0.015);
		expect(Math.abs(at(run({}), 'domesticShare', 2025) - 0.65)).toBeLessThanOrEqual(0.01);
		expect(Math.abs(at(run({}), 'nevShare', 2025) - 0.54)).toBeLessThanOrEqual(0.01);
	});
});
