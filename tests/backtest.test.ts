// Back-tests (src/lib/sim/analysis/backtest.ts): calibrate with the early years, project the years held
// back and compare with what happened.
import { describe, expect, it } from 'vitest';
import { CALIBRATED, CALIBRATION_PAIRS, chinaMarketNotebook } from '../src/lib/notebooks/chinaMarket';
import { CALIBRATED_V2, CALIBRATION_PAIRS_V2, chinaMarketNotebookV2 } from '../src/lib/notebooks/frozen/chinaMarketV2';
import { v2Data } from '../src/lib/notebooks/frozen/v2Data';
import { dataFor, seriesBasisFor } from '../src/lib/notebooks/published';
import { compileNotebook, createProgram, runDeterministic } from '../src/lib/sim';
import type { DataTable, HistoryLink } from '../src/lib/sim';
import { backtest } from '../src/lib/sim/analysis/backtest';
import type { BacktestRequest } from '../src/lib/sim/analysis/backtest';
import { fitParameters } from '../src/lib/sim/analysis/fitting';
import type { BacktestCell } from '../src/lib/sim/types';
import { makeNotebook } from './support/engine';

const PAIRS: HistoryLink[] = [
	{ variable: 'domesticShare', series: 'domestic_share_caam' },
	{ variable: 'nevShare', series: 'nev_share_all_vehicles_caam' }
];

describe('back-test of the published notebook, version 2 (frozen), calibrated through 2022 and checked on 2023-2024', () => {
	const request: BacktestRequest = {
		notebook: chinaMarketNotebookV2,
		inputs: {},
		parameters: Object.keys(CALIBRATED_V2),
		pairs: PAIRS,
		fromYear: 2019,
		throughYear: 2022,
		checkThroughYear: 2024
	};
	const started = performance.now();
	const result = backtest(request, v2Data);
	const ms = performance.now() - started;

	it('back-tests the calibration pairs of version 2', () => {
		// Version 2 counts both shares on CAAM's basis, so its pairs are CAAM's series.
		expect(CALIBRATION_PAIRS_V2).toEqual(PAIRS);
	});

	it('fits on 2019-2022 only', () => {
		expect(result.fit.problems).toEqual([]);
		for (const s of [...result.fit.before, ...result.fit.after]) expect(s.years).toEqual([2019, 2020, 2021, 2022]);
		result.fit.after.forEach((s, i) => expect(s.rmse).toBeLessThanOrEqual(result.fit.before[i].rmse));
	});

	it('reports, per pair and held-back year, projected - actual', () => {
		expect(result.heldBack.map((h) => [h.variable, h.series])).toEqual(PAIRS.map((p) => [p.variable, p.series]));
		// The projection is the notebook run at the fitted values.
		const run = runDeterministic(createProgram(compileNotebook(chinaMarketNotebookV2, v2Data)), { inputs: result.fit.fitted, horizon: 2024 });
		for (const h of result.heldBack) {
			expect(h.years).toEqual([2023, 2024]);
			expect(h.actual).toEqual(h.years.map((y) => v2Data[h.series][y]));
			expect(h.projected).toEqual(h.years.map((y) => run.series[h.variable][run.years.indexOf(y)]));
			h.errors.forEach((e, i) => expect(e).toBe(h.projected[i] - h.actual[i]));
			expect(h.rmse).toBeCloseTo(Math.sqrt((h.errors[0] ** 2 + h.errors[1] ** 2) / 2), 15);
			// Out of sample, but the model should still be within a few points.
			for (const e of h.errors) expect(Math.abs(e)).toBeLessThan(0.1);
		}
		console.info(
			`v2 back-test through 2022 (${result.fit.runs} runs, ${ms.toFixed(0)} ms): ` +
				result.heldBack.map((h) => `${h.variable} ${h.years.map((y, i) => `${y} ${(h.errors[i] * 100).toFixed(2)} pp`).join(', ')} (RMSE ${(h.rmse * 100).toFixed(2)} pp)`).join('; ')
		);
	});
});

describe('back-test of the published notebook, version 3: its back-test cell, each series on its basis', () => {
	const cell = chinaMarketNotebook.cells.find((c): c is BacktestCell => c.kind === 'backtest')!;
	const data = dataFor(chinaMarketNotebook);
	const annual = dataFor(chinaMarketNotebook, 'annual');
	// As the engine runs the cell (worker/engineService.ts).
	const request: BacktestRequest = {
		notebook: chinaMarketNotebook,
		inputs: {},
		parameters: cell.parameters,
		pairs: cell.pairs,
		fromYear: cell.fromYear,
		throughYear: cell.throughYear,
		checkThroughYear: cell.checkThroughYear,
		observed: annual,
		seriesBasis: seriesBasisFor(chinaMarketNotebook)
	};
	const started = performance.now();
	const result = backtest(request, data);
	const ms = performance.now() - started;
	const withDataThrough2022 = cell.pairs.filter((p) => Object.keys(annual[p.series] ?? {}).some((y) => Number(y) >= 2019 && Number(y) <= 2022));
	const heldBackOf = (variable: string, series: string) => result.heldBack.find((h) => h.variable === variable && h.series === series)!;

	it('is the cell the notebook shows: fitted on 2019-2022, checked on 2023-2025, on the calibration pairs', () => {
		expect([cell.fromYear, cell.throughYear, cell.checkThroughYear]).toEqual([2019, 2022, 2025]);
		expect(cell.pairs).toEqual(CALIBRATION_PAIRS);
		expect(cell.parameters).toEqual(Object.keys(CALIBRATED));
	});

	it('fits on 2019-2022 only, leaving out the pairs with no data in those years, and refuses none for its basis', () => {
		expect(result.fit.problems).toEqual([]);
		// Series first published for 2023 or later (MarkLines, the foreign share of exports) are left out of the fit.
		expect(withDataThrough2022.length).toBeLessThan(cell.pairs.length);
		for (const series of ['german_share_marklines', 'japanese_share_marklines', 'us_share_marklines', 'foreign_brand_share_exports_caam']) {
			expect(withDataThrough2022.some((p) => p.series === series), series).toBe(false);
		}
		expect(result.fit.before.map((s) => [s.variable, s.series])).toEqual(withDataThrough2022.map((p) => [p.variable, p.series]));
		expect(result.fit.after.map((s) => [s.variable, s.series])).toEqual(withDataThrough2022.map((p) => [p.variable, p.series]));
		for (const s of [...result.fit.before, ...result.fit.after]) {
			expect(s.years.length, s.series).toBeGreaterThan(0);
			expect(s.years.every((y) => y >= 2019 && y <= 2022), s.series).toBe(true);
		}
		// What the fit minimises, the noise-weighted sum of squares over 2019-2022, is no worse than at the published values.
		const noiseOf = (series: string) => cell.pairs.find((p) => p.series === series)!.noise!;
		const loss = (stats: typeof result.fit.after) => stats.reduce((s, x) => s + x.residuals.reduce((t, r) => t + (r / noiseOf(x.series)) ** 2, 0), 0);
		expect(loss(result.fit.after)).toBeLessThanOrEqual(loss(result.fit.before));
		// The fit is the one of the pairs with data alone.
		const alone = fitParameters({ ...request, pairs: withDataThrough2022, toYear: 2022 }, data);
		expect(result.fit).toEqual(alone);
	});

	it('checks every pair in the held-back years, those left out of the fit included', () => {
		expect(result.heldBack.map((h) => [h.variable, h.series])).toEqual(cell.pairs.map((p) => [p.variable, p.series]));
		const run = runDeterministic(createProgram(compileNotebook(chinaMarketNotebook, data)), { inputs: result.fit.fitted, horizon: 2025 });
		for (const h of result.heldBack) {
			expect(h.years).toEqual(Object.keys(annual[h.series]).map(Number).filter((y) => y >= 2023 && y <= 2025));
			expect(h.actual).toEqual(h.years.map((y) => annual[h.series][y]));
			expect(h.projected).toEqual(h.years.map((y) => run.series[h.variable][run.years.indexOf(y)]));
			h.errors.forEach((e, i) => expect(e).toBe(h.projected[i] - h.actual[i]));
		}
		// Left out of the fit, still checked: MarkLines' 2023 shares and the foreign share of 2023's exports.
		for (const series of ['german_share_marklines', 'japanese_share_marklines', 'us_share_marklines', 'foreign_brand_share_exports_caam']) {
			const h = result.heldBack.find((x) => x.series === series)!;
			expect(h.years, series).toEqual([2023]);
			expect(Number.isFinite(h.rmse), series).toBe(true);
		}
		// Korean and other brands have a 2021 figure only: fitted, nothing held back, and no problem for it.
		const other = heldBackOf('otherShare', 'korean_other_share_retail_cpca');
		expect(other.years).toEqual([]);
		expect(other.rmse).toBeNaN();
	});

	it('reports both Chinese-brand pairs, and projects the NEV share within its target', () => {
		for (const [variable, series] of [
			['domesticShare', 'domestic_share_retail_cpca'],
			['domesticShareCaam', 'domestic_share_caam']
		]) {
			const h = heldBackOf(variable, series);
			expect(h.years, series).toEqual([2023, 2024, 2025]);
			expect(h.errors).toHaveLength(3);
			expect(Number.isFinite(h.rmse)).toBe(true);
		}
		const nev = heldBackOf('nevShare', 'nev_share_passenger_retail_cpca');
		const target = cell.targets?.find((t) => t.variable === 'nevShare')?.rmse;
		expect(target).toBe(0.025);
		expect(nev.years).toEqual([2023, 2024, 2025]);
		expect(nev.rmse).toBeLessThanOrEqual(target!);
		for (const e of nev.errors) expect(Math.abs(e)).toBeLessThanOrEqual(0.025);
		console.info(
			`v3 back-test through 2022 (${result.fit.runs} runs, ${ms.toFixed(0)} ms): ` +
				result.heldBack
					.filter((h) => h.years.length)
					.map((h) => {
						const volume = h.actual.some((v) => v > 1);
						const show = (x: number) => (volume ? `${x.toFixed(3)} M` : `${(x * 100).toFixed(2)} pp`);
						return `${h.variable} vs ${h.series} ${h.years.map((y, i) => `${y} ${show(h.errors[i])}`).join(', ')} (RMSE ${show(h.rmse)})`;
					})
					.join('; ')
		);
	});
});

describe('back-test on synthetic data', () => {
	const notebook = makeNotebook(['y = K * logistic(k * (year - m))'], {
		inputs: [
			{ name: 'K', min: 0.2, max: 1.5, default: 0.5 },
			{ name: 'k', min: 0.05, max: 2, default: 0.2 },
			{ name: 'm', min: 2005, max: 2035, default: 2015 }
		],
		startYear: 2010,
		horizon: 2040
	});
	const truth = { K: 0.8, k: 0.45, m: 2021.5 };
	const generated = runDeterministic(createProgram(compileNotebook(notebook, {})), { inputs: truth, horizon: 2035 });
	const data: DataTable = { synthetic: Object.fromEntries(generated.years.map((y, i) => [y, generated.series.y[i]])) };
	const request: BacktestRequest = {
		notebook,
		inputs: {},
		parameters: ['K', 'k', 'm'],
		pairs: [{ variable: 'y', series: 'synthetic' }],
		fromYear: 2010,
		throughYear: 2025,
		checkThroughYear: 2035
	};

	it('projects the held-back years exactly when the model is right', () => {
		const result = backtest(request, data);
		expect(result.fit.problems).toEqual([]);
		const [h] = result.heldBack;
		expect(h.years).toEqual([2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034, 2035]);
		expect(h.rmse).toBeLessThan(1e-6);
		h.errors.forEach((e, i) => expect(e).toBe(h.projected[i] - h.actual[i]));
	});

	it('reports problems instead of throwing, with no held-back comparison', () => {
		const unknown = backtest({ ...request, parameters: ['K', 'nope'] }, data);
		expect(unknown.heldBack).toEqual([]);
		expect(unknown.fit.problems.join(' ')).toMatch(/No input named "nope"/);
		expect(unknown.fit.fitted).toEqual({ K: 0.5 });

		const backwards = backtest({ ...request, checkThroughYear: 2025 }, data);
		expect(backwards.heldBack).toEqual([]);
		expect(backwards.fit.problems.join(' ')).toMatch(/run past the last year fitted \(2025\)/);

		const nothingHeldBack = backtest({ ...request, checkThroughYear: 2038 }, { synthetic: Object.fromEntries(Object.entries(data.synthetic).filter(([y]) => Number(y) <= 2025)) });
		expect(nothingHeldBack.fit.problems.join(' ')).toMatch(/"synthetic" has no data in 2026-2038/);
		expect(nothingHeldBack.heldBack[0].years).toEqual([]);
		expect(nothingHeldBack.heldBack[0].rmse).toBeNaN();
	});
});

describe('back-test of pairs whose series start late or end early (synthetic)', () => {
	// y and its half w; the series of each cover different years of the same truth.
	const notebook = makeNotebook(['y = K * logistic(k * (year - m))', 'w = y / 2'], {
		inputs: [
			{ name: 'K', min: 0.2, max: 1.5, default: 0.5 },
			{ name: 'k', min: 0.05, max: 2, default: 0.2 },
			{ name: 'm', min: 2005, max: 2035, default: 2015 }
		],
		startYear: 2010,
		horizon: 2040
	});
	const truth = { K: 0.8, k: 0.45, m: 2021.5 };
	const generated = runDeterministic(createProgram(compileNotebook(notebook, {})), { inputs: truth, horizon: 2035 });
	const table = (name: string, keep: (year: number) => boolean) =>
		Object.fromEntries(generated.years.flatMap((y, i) => (keep(y) ? [[y, generated.series[name][i]]] : [])));
	const data: DataTable = {
		full: table('y', () => true),
		// First published for 2028: no data in the years fitted.
		lateW: table('w', (y) => y >= 2028),
		// Data before fromYear and NaN in the years fitted count as none; a value in 2030 is checked.
		oddW: { ...table('w', (y) => y <= 2011), 2016: NaN, 2020: NaN, 2030: generated.series.w[2030 - 2010] },
		// Ends in 2024: nothing to check in 2026-2035.
		earlyW: table('w', (y) => y <= 2024),
		earlyY: table('y', (y) => y <= 2024)
	};
	const request: BacktestRequest = {
		notebook,
		inputs: {},
		parameters: ['K', 'k', 'm'],
		pairs: [{ variable: 'y', series: 'full' }],
		fromYear: 2012,
		throughYear: 2025,
		checkThroughYear: 2035
	};

	it('leaves a pair with no data in fromYear..throughYear out of the fit, and checks it in the years held back', () => {
		const pairs: HistoryLink[] = [
			{ variable: 'w', series: 'lateW' },
			{ variable: 'y', series: 'full' },
			{ variable: 'w', series: 'oddW' }
		];
		const result = backtest({ ...request, pairs }, data);
		expect(result.fit.problems).toEqual([]);
		// The fit is exactly the one of the pair with data alone.
		expect(result.fit.before.map((s) => s.series)).toEqual(['full']);
		expect(result.fit.after.map((s) => s.series)).toEqual(['full']);
		const alone = backtest(request, data);
		expect(result.fit).toEqual(alone.fit);
		for (const name of ['K', 'k', 'm'] as const) expect(Math.abs(result.fit.fitted[name] / truth[name] - 1), name).toBeLessThan(1e-6);
		// Every pair is checked, in the order given.
		expect(result.heldBack.map((h) => [h.variable, h.series])).toEqual(pairs.map((p) => [p.variable, p.series]));
		const [late, full, odd] = result.heldBack;
		expect(late.years).toEqual([2028, 2029, 2030, 2031, 2032, 2033, 2034, 2035]);
		expect(late.actual).toEqual(late.years.map((y) => data.lateW[y]));
		late.errors.forEach((e, i) => expect(e).toBe(late.projected[i] - late.actual[i]));
		expect(late.rmse).toBeLessThan(1e-6);
		expect(full.years).toEqual([2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034, 2035]);
		expect(full.rmse).toBeLessThan(1e-6);
		expect(odd.years).toEqual([2030]);
		expect(odd.rmse).toBeLessThan(1e-6);
	});

	it('does not count a pair with nothing held back as a problem while another pair has years to check', () => {
		const pairs: HistoryLink[] = [
			{ variable: 'w', series: 'earlyW' },
			{ variable: 'y', series: 'full' }
		];
		const result = backtest({ ...request, pairs }, data);
		expect(result.fit.problems).toEqual([]);
		// earlyW has data in the years fitted: it is fitted, with nothing to check.
		expect(result.fit.after.map((s) => s.series)).toEqual(['earlyW', 'full']);
		const [early, full] = result.heldBack;
		expect(early.years).toEqual([]);
		expect(early.projected).toEqual([]);
		expect(early.actual).toEqual([]);
		expect(early.errors).toEqual([]);
		expect(early.rmse).toBeNaN();
		expect(full.years).toHaveLength(10);
		expect(full.rmse).toBeLessThan(1e-6);
	});

	it('names every pair when no pair has anything held back', () => {
		const pairs: HistoryLink[] = [
			{ variable: 'w', series: 'earlyW' },
			{ variable: 'y', series: 'earlyY' }
		];
		const result = backtest({ ...request, pairs }, data);
		expect(result.fit.problems).toEqual([
			'The series "earlyW" has no data in 2026-2035 to check "w" against.',
			'The series "earlyY" has no data in 2026-2035 to check "y" against.'
		]);
		expect(result.heldBack.map((h) => h.years)).toEqual([[], []]);
		// The fit itself ran: its values are kept beside the problems.
		for (const name of ['K', 'k', 'm'] as const) expect(Math.abs(result.fit.fitted[name] / truth[name] - 1), name).toBeLessThan(1e-6);
	});

	it('fits every pair, and names each, when no pair has data in the years fitted', () => {
		const pairs: HistoryLink[] = [
			{ variable: 'w', series: 'lateW' },
			{ variable: 'w', series: 'oddW' }
		];
		const result = backtest({ ...request, pairs }, data);
		expect(result.heldBack).toEqual([]);
		expect(result.fit.problems).toEqual(['The series "lateW" has no data in 2012-2025.', 'The series "oddW" has no data in 2012-2025.']);
		expect(result.fit.fitted).toEqual({ K: 0.5, k: 0.2, m: 2015 });
		expect(result.fit.converged).toBe(false);
	});

	it('does not change the request', () => {
		const r: BacktestRequest = { ...request, pairs: [{ variable: 'w', series: 'lateW', noise: 0.01 }, ...request.pairs] };
		const copy = structuredClone(r);
		backtest(r, data);
		expect(r).toEqual(copy);
	});
});
