// Back-tests (src/lib/sim/backtest.ts): calibrate with the early years, project the years held
// back and compare with what happened.
import { describe, expect, it } from 'vitest';
import { annualSeries } from '../src/lib/data/index';
import { CALIBRATED, chinaMarketNotebook } from '../src/lib/notebooks/chinaMarket';
import { compileNotebook, createProgram, runDeterministic } from '../src/lib/sim';
import type { DataTable, HistoryLink } from '../src/lib/sim';
import { backtest } from '../src/lib/sim/backtest';
import type { BacktestRequest } from '../src/lib/sim/backtest';
import { makeNotebook } from './support/engine';

const PAIRS: HistoryLink[] = [
	{ variable: 'domesticShare', series: 'domestic_share_caam' },
	{ variable: 'nevShare', series: 'nev_share_all_vehicles_caam' }
];

describe('back-test of the published notebook, calibrated through 2022 and checked on 2023-2024', () => {
	const request: BacktestRequest = {
		notebook: chinaMarketNotebook,
		inputs: {},
		parameters: Object.keys(CALIBRATED),
		pairs: PAIRS,
		fromYear: 2019,
		throughYear: 2022,
		checkThroughYear: 2024
	};
	const started = performance.now();
	const result = backtest(request, annualSeries);
	const ms = performance.now() - started;

	it('fits on 2019-2022 only', () => {
		expect(result.fit.problems).toEqual([]);
		for (const s of [...result.fit.before, ...result.fit.after]) expect(s.years).toEqual([2019, 2020, 2021, 2022]);
		result.fit.after.forEach((s, i) => expect(s.rmse).toBeLessThanOrEqual(result.fit.before[i].rmse));
	});

	it('reports, per pair and held-back year, projected - actual', () => {
		expect(result.heldBack.map((h) => [h.variable, h.series])).toEqual(PAIRS.map((p) => [p.variable, p.series]));
		// The projection is the notebook run at the fitted values.
		const run = runDeterministic(createProgram(compileNotebook(chinaMarketNotebook, annualSeries)), { inputs: result.fit.fitted, horizon: 2024 });
		for (const h of result.heldBack) {
			expect(h.years).toEqual([2023, 2024]);
			expect(h.actual).toEqual(h.years.map((y) => annualSeries[h.series][y]));
			expect(h.projected).toEqual(h.years.map((y) => run.series[h.variable][run.years.indexOf(y)]));
			h.errors.forEach((e, i) => expect(e).toBe(h.projected[i] - h.actual[i]));
			expect(h.rmse).toBeCloseTo(Math.sqrt((h.errors[0] ** 2 + h.errors[1] ** 2) / 2), 15);
			// Out of sample, but the model should still be within a few points.
			for (const e of h.errors) expect(Math.abs(e)).toBeLessThan(0.1);
		}
		console.info(
			`back-test through 2022 (${result.fit.runs} runs, ${ms.toFixed(0)} ms): ` +
				result.heldBack.map((h) => `${h.variable} ${h.years.map((y, i) => `${y} ${(h.errors[i] * 100).toFixed(2)} pp`).join(', ')} (RMSE ${(h.rmse * 100).toFixed(2)} pp)`).join('; ')
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
