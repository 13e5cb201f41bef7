// Published outlooks: forecasts and a target in data/, drawn on the charts beside the model's
// lines, listed on the Method page, and never fitted.
import { describe, expect, it } from 'vitest';
import { allRecords, observationOf, observedSeries, recordFor, seriesMeta } from '../src/lib/data';
import { OUTLOOKS_WITHOUT_A_FIGURE, forecastNotes, issuedLabel, publishedOutlooks, statedValue, wrapLine } from '../src/lib/data/outlooks';
import { validateDataFile } from '../src/lib/data/validate';
import type { DataFile } from '../src/lib/data/schema';
import { buildChartModel } from '../src/lib/charts/chartModel';
import { lineDatasets } from '../src/lib/charts/chartConfig';
import type { LineChartSpec } from '../src/lib/charts/chartSpec';
import { CALIBRATION_PAIRS, LAST_DATA_YEAR, chinaMarketNotebook } from '../src/lib/notebooks/chinaMarket';
import shippedPosterior from '../src/lib/notebooks/posterior-v3.json';
import { dataFor, seriesBasisFor } from '../src/lib/notebooks/published';
import { fitParameters } from '../src/lib/sim/analysis/fitting';
import { backtest } from '../src/lib/sim/analysis/backtest';
import { computePosterior } from '../src/lib/sim/analysis/posterior';
import type { BacktestCell, ChartCell, DataTable, FitCell } from '../src/lib/sim/types';
import { observationsFor } from '../src/lib/view/observations';
import { labelsByVariable } from '../src/lib/view/notebookView';

const nb = chinaMarketNotebook;
const charts = nb.cells.filter((c): c is ChartCell => c.kind === 'chart');
const chart = (id: string) => charts.find((c) => c.id === id)!;

/** The outlooks table of the brief: series, year, value, publisher, issued, scope, qualifier, the chart and variable that draw it. */
const OUTLOOKS = [
	['nev_share_all_vehicles_forecast_caam', 2026, 0.547, 'CAAM', '2026-01', 'all vehicles', undefined, 'chart-shares', 'nevShare'],
	['vehicle_exports_forecast_caam', 2026, 7.4, 'CAAM', '2026-01', 'all vehicles', undefined, 'chart-exports', 'passengerExports'],
	['passenger_cars_forecast_caam', 2026, 30.25, 'CAAM', '2026-01', 'passenger cars', undefined, undefined, undefined],
	['nev_sales_forecast_caam', 2026, 19.0, 'CAAM', '2026-01', 'all vehicles', undefined, undefined, undefined],
	['vehicles_total_forecast_caam', 2026, 34.75, 'CAAM', '2026-01', 'all vehicles', undefined, undefined, undefined],
	['nev_share_outlook_iea', 2030, 0.8, 'IEA', '2025-05', 'passenger cars', 'about', 'chart-shares', 'nevShare'],
	['nev_share_outlook_bnef', 2030, 0.8, 'BloombergNEF', '2025-06', 'passenger cars', undefined, 'chart-shares', 'nevShare'],
	['nev_share_outlook_alixpartners', 2030, 0.77, 'AlixPartners', '2024-07', 'not stated', undefined, 'chart-shares', 'nevShare'],
	['domestic_share_outlook_alixpartners', 2030, 0.7, 'AlixPartners', '2024-07', 'not stated', 'more than', 'chart-shares', 'domesticShare'],
	['nev_share_outlook_ev100', 2030, 0.7, 'China EV100', '2024-03', 'not stated', 'nearly', 'chart-shares', 'nevShare'],
	['nev_share_outlook_ouyang', 2026, 0.5, 'Ouyang Minggao (CAS)', '2024-02', 'not stated', 'more than', 'chart-shares', 'nevShare'],
	['nev_share_outlook_ouyang', 2030, 0.7, 'Ouyang Minggao (CAS)', '2024-02', 'not stated', 'more than', 'chart-shares', 'nevShare'],
	['nev_share_target_state_council', 2027, 0.45, 'State Council', '2024-01', 'all vehicles', undefined, 'chart-shares', 'nevShare']
] as const;
const outlookIds = [...new Set(OUTLOOKS.map(([series]) => series))];
const forecastIds = [...new Set(allRecords.filter((r) => r.kind === 'forecast').map((r) => r.series))];

describe('the published outlooks in data/', () => {
	it.each(OUTLOOKS)('%s %i: %f, by %s, issued %s, %s', (series, year, value, body, issued, scope, qualifier) => {
		const r = recordFor(series, year);
		expect(r, series).toBeDefined();
		expect(r!.value).toBe(value);
		expect(r!.kind).toBe('forecast');
		expect(r!.period).toEqual({ year, months: 'Jan-Dec', partial: false });
		expect(r!.basis.body, 'publisher').toBe(body);
		expect(r!.issued, 'issued').toBe(issued);
		expect(r!.basis.scope).toBe(scope);
		expect(r!.basis.covers?.trim().length, 'basis in words').toBeGreaterThan(10);
		expect(r!.source.trim().length, 'source').toBeGreaterThan(10);
		expect(r!.qualifier).toBe(qualifier);
		expect(seriesMeta(series)?.kind).toBe('forecast');
		expect(observationOf(series).kind).toBe('forecast');
	});

	it('each new outlook is a series of its own per publisher and quantity, with a note saying what the outlook says', () => {
		for (const id of outlookIds.filter((id) => /_outlook_|_target_/.test(id))) {
			const records = allRecords.filter((r) => r.series === id);
			expect(new Set(records.map((r) => r.basis.body)).size, id).toBe(1);
			for (const r of records) expect(r.note?.trim().length, id).toBeGreaterThan(10);
		}
		// The words of each outlook, kept as it put them.
		expect(recordFor('nev_share_outlook_iea', 2030)?.note).toMatch(/around 80%/);
		expect(recordFor('nev_share_outlook_ev100', 2030)?.note).toMatch(/nearly 70%/);
		expect(recordFor('nev_share_outlook_ouyang', 2026)?.note).toMatch(/over 50%/);
		expect(recordFor('nev_share_outlook_ouyang', 2030)?.note).toMatch(/over 70%/);
		expect(recordFor('domestic_share_outlook_alixpartners', 2030)?.note).toMatch(/over 70%/);
		expect(recordFor('nev_share_outlook_alixpartners', 2030)?.note).toMatch(/77%/);
	});

	it('the government figure is a target, not a forecast; all-vehicle outlooks say so', () => {
		const target = recordFor('nev_share_target_state_council', 2027)!;
		expect(target.basis.measure).toBe('target');
		expect(target.note).toMatch(/target, not a forecast/);
		for (const [series, year] of [['nev_share_all_vehicles_forecast_caam', 2026], ['vehicle_exports_forecast_caam', 2026], ['nev_share_target_state_council', 2027]] as const)
			expect(recordFor(series, year)?.basis.covers, series).toMatch(/all types|every (vehicle )?type/);
		expect(observationOf('nev_share_target_state_council').by).toBe('State Council; a target, all vehicles');
		expect(observationOf('nev_share_all_vehicles_forecast_caam').by).toBe('CAAM; all vehicles');
		expect(observationOf('nev_share_outlook_ev100').by).toBe('China EV100; basis not stated');
		expect(observationOf('nev_share_outlook_iea').by).toBe('IEA');
	});

	it('every forecast record has a publisher, basis and source, and was issued no later than the year it speaks of', () => {
		for (const r of allRecords.filter((x) => x.kind === 'forecast')) {
			expect(['forecast', 'target'], r.series).toContain(r.basis.measure);
			expect(r.source.trim(), r.series).not.toBe('');
			if (r.issued) expect(Number(r.issued.slice(0, 4)), r.series).toBeLessThanOrEqual(r.period.year);
		}
		// Only the article's China EV100 figures for 2025 have no month issued (the article does not give it).
		expect(forecastIds.filter((id) => allRecords.some((r) => r.series === id && !r.issued)).sort()).toEqual(['nev_sales_forecast_ev100', 'nev_share_all_vehicles_forecast_ev100']);
	});

	describe('the schema', () => {
		const base = (record: Record<string, unknown>): DataFile =>
			({
				family: 'test',
				title: 'T',
				description: 'D',
				labels: { x_outlook: 'X' },
				records: [
					{
						series: 'x_outlook',
						value: 0.8,
						unit: 'share',
						period: { year: 2030, months: 'Jan-Dec', partial: false },
						kind: 'forecast',
						basis: { body: 'IEA', measure: 'forecast', scope: 'passenger cars', covers: 'electric cars as a share of car sales' },
						source: 'IEA, Global EV Outlook 2025',
						issued: '2025-05',
						...record
					}
				]
			}) as unknown as DataFile;
		const errors = (file: DataFile) => {
			const r = validateDataFile('data/test.json', file);
			return r.ok ? [] : r.errors;
		};

		it('takes an outlook with issued and covers', () => expect(errors(base({}))).toEqual([]));

		it('rejects a badly written month, a month after the period, and a forecast whose measure is not forecast or target', () => {
			expect(errors(base({ issued: 'May 2025' })).join('\n')).toMatch(/field "issued": expected the month it was issued as "YYYY-MM"/);
			expect(errors(base({ issued: '2025-13' })).join('\n')).toMatch(/field "issued"/);
			expect(errors(base({ issued: '2031-01' })).join('\n')).toMatch(/field "issued": 2031-01 is after the period/);
			expect(errors(base({ basis: { body: 'IEA', measure: 'retail', scope: 'passenger cars' } })).join('\n')).toMatch(/field "basis.measure": a forecast's measure/);
			expect(errors(base({ kind: 'actual', basis: { body: 'State Council', measure: 'target', scope: 'all vehicles' } })).join('\n')).toMatch(/field "basis.measure"/);
		});

		it('keeps one covers per series', () => {
			const file = base({});
			file.records.push({ ...file.records[0], period: { year: 2035, months: 'Jan-Dec', partial: false }, basis: { ...file.records[0].basis, covers: 'something else' } });
			expect(errors(file).join('\n')).toMatch(/field "basis.covers": a series keeps one covers/);
		});
	});
});

describe('the charts draw them as forecasts', () => {
	const observations = observationsFor(nb);
	const labels = labelsByVariable(nb);
	const model = (id: string, horizon = 2035) => buildChartModel(chart(id), null, null, observations, labels, horizon);

	it.each(OUTLOOKS.filter(([, , , , , , , chartId]) => chartId))('%s %i is linked to %s on its chart, a triangle', (series, year, value, _body, _issued, _scope, _q, chartId, variable) => {
		expect(chart(chartId!).history).toContainEqual({ variable, series });
		const s = model(chartId!).series.find((x) => x.key === `h:${series}`)!;
		expect(s, series).toBeDefined();
		expect(s.role).toBe('history');
		expect(s.observation).toBe('forecast');
		expect(s.label).toMatch(/, forecast by /);
		expect(s.points).toContainEqual({ x: year, y: value });
	});

	it('the NEV chart holds every NEV-share outlook, drawn as triangles, with tooltips naming publisher, date and basis', () => {
		const m = model('chart-shares');
		const drawn = m.series.filter((s) => s.observation === 'forecast');
		expect(drawn.map((s) => s.series).sort()).toEqual(OUTLOOKS.filter(([, , , , , , , c]) => c === 'chart-shares').map(([s]) => s).filter((s, i, all) => all.indexOf(s) === i).sort());
		const spec = { kind: 'line', theme: { text: '#000', grid: '#ccc' }, style: 'line', format: 'percent', fromYear: m.fromYear, toYear: m.toYear, markers: [], series: m.series } as LineChartSpec;
		const datasets = lineDatasets(spec);
		for (const s of drawn) expect(datasets.find((d) => d.label === s.label)?.pointStyle, s.key).toBe('triangle');
		// Actuals stay dots.
		expect(datasets.find((d) => d.label === m.series.find((s) => s.key === 'h:nev_share_passenger_retail_cpca')!.label)?.pointStyle).toBe('circle');

		const iea = drawn.find((s) => s.series === 'nev_share_outlook_iea')!;
		expect(iea.label).toBe(`${labels.get('nevShare')}, forecast by IEA`);
		// Wrapped lines carry on indented: read them as one text.
		const notes = iea.notes![0].join('\n').replace(/\n {2}/g, ' ');
		expect(notes).toMatch(/^Forecast by IEA, issued May 2025: not an actual \(never fitted\)/);
		expect(notes).toContain('Says: about 80% in 2030');
		expect(notes).toMatch(/Basis: electric cars \(battery-electric and plug-in hybrid\) as a share of car sales in China/);
		expect(notes).toMatch(/Source: IEA, Global EV Outlook 2025, May 2025/);
		for (const line of iea.notes![0]) expect(line.length).toBeLessThanOrEqual(92);

		const target = drawn.find((s) => s.series === 'nev_share_target_state_council')!;
		expect(target.label).toMatch(/forecast by State Council; a target, all vehicles$/);
		expect(target.notes![0][0]).toMatch(/^Target set by State Council, Jan 2024: a policy goal, not a forecast/);

		const ouyang = drawn.find((s) => s.series === 'nev_share_outlook_ouyang')!;
		expect(ouyang.points).toEqual([{ x: 2026, y: 0.5 }, { x: 2030, y: 0.7 }]);
		expect(ouyang.notes!.map((n) => n.find((l) => l.startsWith('Says:')))).toEqual(['Says: over 50% in 2026', 'Says: over 70% in 2030']);

		const caam = drawn.find((s) => s.series === 'nev_share_all_vehicles_forecast_caam')!;
		expect(caam.label).toMatch(/forecast by CAAM; all vehicles$/);
		expect(caam.notes![0].join(' ')).toMatch(/Forecast by CAAM, issued Jan 2026/);
	});

	it('points past the horizon are not drawn', () => {
		const m = model('chart-shares', 2027);
		expect(m.series.find((s) => s.series === 'nev_share_outlook_iea')?.points).toEqual([]);
		expect(m.series.find((s) => s.series === 'nev_share_target_state_council')?.points).toEqual([{ x: 2027, y: 0.45 }]);
	});

	it('tooltip helpers: months, stated values, wrapping', () => {
		expect(issuedLabel('2024-02')).toBe('Feb 2024');
		expect(issuedLabel(undefined)).toBeUndefined();
		expect(statedValue({ value: 0.77, unit: 'share' })).toBe('77%');
		expect(statedValue({ value: 0.547, unit: 'share' })).toBe('54.7%');
		expect(statedValue({ value: 7.4, unit: 'million vehicles' })).toBe('7.4 million vehicles');
		expect(wrapLine('a '.repeat(100).trim(), 20).every((l) => l.length <= 20)).toBe(true);
		expect(forecastNotes(recordFor('vehicle_exports_forecast_caam', 2026)!)).toContain('Says: 7.4 million vehicles in 2026');
	});
});

describe('the model is never fitted to them', () => {
	const fitCell = nb.cells.find((c): c is FitCell => c.kind === 'fit')!;
	const backtestCell = nb.cells.find((c): c is BacktestCell => c.kind === 'backtest')!;
	const seriesBasis = seriesBasisFor(nb);
	const observed = dataFor(nb, 'annual');
	const withoutForecasts: DataTable = Object.fromEntries(Object.entries(observed).filter(([id]) => observationOf(id).kind !== 'forecast'));

	it('the fit, back-test and shipped posterior pair the model only with actuals, over years before any outlook', () => {
		for (const pairs of [CALIBRATION_PAIRS, fitCell.pairs, backtestCell.pairs])
			for (const p of pairs) {
				expect(observationOf(p.series).kind, p.series).not.toBe('forecast');
				expect(allRecords.filter((r) => r.series === p.series).every((r) => r.kind === 'actual'), p.series).toBe(true);
			}
		expect(fitCell.toYear).toBe(LAST_DATA_YEAR);
		expect(backtestCell.checkThroughYear).toBe(LAST_DATA_YEAR);
		expect([...shippedPosterior.noise].sort()).toEqual([...new Set(CALIBRATION_PAIRS.map((p) => p.variable))].sort());
		expect(shippedPosterior.toYear).toBe(LAST_DATA_YEAR);
		// Every outlook looks past the fit's years (the article's EV100 forecast for 2025 is the one exception: never paired).
		for (const id of outlookIds) for (const r of allRecords.filter((x) => x.series === id)) expect(r.period.year, id).toBeGreaterThan(LAST_DATA_YEAR);
	});

	it('a fit gives the same result with or without the forecasts in the data', () => {
		const request = { notebook: nb, inputs: {}, parameters: ['nevMidYear', 'germanPull'], pairs: CALIBRATION_PAIRS, fromYear: 2019, toYear: LAST_DATA_YEAR, maxRuns: 60, seriesBasis };
		const a = fitParameters({ ...request, observed }, observedSeries);
		const b = fitParameters({ ...request, observed: withoutForecasts }, observedSeries);
		expect(a.problems).toEqual([]);
		expect(a.fitted).toEqual(b.fitted);
		expect(a.after).toEqual(b.after);
		expect(Object.keys(observed).length).toBeGreaterThan(Object.keys(withoutForecasts).length);
	});

	it('refuses to fit, back-test or sample a variable against an outlook (its basis is a forecast or a target)', () => {
		const pairs = [
			{ variable: 'nevShare', series: 'nev_share_outlook_iea' },
			{ variable: 'nevShare', series: 'nev_share_target_state_council' },
			{ variable: 'nevShare', series: 'nev_share_all_vehicles_forecast_ev100' },
			{ variable: 'domesticShare', series: 'domestic_share_outlook_alixpartners' },
			{ variable: 'passengerExports', series: 'vehicle_exports_forecast_caam' }
		];
		for (const pair of pairs) {
			const fit = fitParameters({ notebook: nb, inputs: {}, parameters: ['nevMidYear'], pairs: [pair], fromYear: 2019, toYear: 2030, maxRuns: 20, seriesBasis, observed }, observedSeries);
			expect(fit.problems.join('\n'), pair.series).toMatch(new RegExp(`"${pair.series}" gives a basis the model does not know .*it is not fitted to it`));
			expect(fit.runs, pair.series).toBeLessThanOrEqual(2);
			const bt = backtest({ notebook: nb, inputs: {}, parameters: ['nevMidYear'], pairs: [CALIBRATION_PAIRS[2], pair], fromYear: 2019, throughYear: 2022, checkThroughYear: 2030, maxRuns: 20, seriesBasis, observed }, observedSeries);
			expect(bt.fit.problems.join('\n'), pair.series).toMatch(/is not fitted to it/);
			const post = computePosterior({ notebook: nb, inputs: {}, parameters: ['nevMidYear'], pairs: [pair], fromYear: 2019, toYear: 2030, seriesBasis, observed }, observedSeries);
			expect(post.posterior, pair.series).toBeNull();
			expect(post.problems.join('\n'), pair.series).toMatch(/is not fitted to it/);
		}
	});
});

describe('the Method page list (publishedOutlooks)', () => {
	const list = publishedOutlooks(charts);

	it('lists every forecast series once, from the records, with publisher, date, what it says, basis, chart and source', () => {
		expect(list.map((o) => o.series).sort()).toEqual([...forecastIds].sort());
		for (const id of outlookIds) {
			const o = list.find((x) => x.series === id)!;
			expect(o, id).toBeDefined();
			expect(o.publisher).toBe(recordFor(id, o.points[0].year)!.basis.body);
			expect(o.issued, id).toMatch(/^[A-Z][a-z]{2} 20\d\d$/);
			expect(o.basis, id).toBe(recordFor(id, o.points[0].year)!.basis.covers);
			expect(o.source, id).toBe(recordFor(id, o.points[0].year)!.source);
			expect(o.points.every((p) => p.note), id).toBe(true);
		}
		const iea = list.find((o) => o.series === 'nev_share_outlook_iea')!;
		expect(iea).toMatchObject({ publisher: 'IEA', issued: 'May 2025', target: false, points: [{ year: 2030, value: 0.8, stated: 'about 80%' }] });
		expect(iea.charts).toEqual([{ id: 'chart-shares', title: chart('chart-shares').title, variable: 'nevShare' }]);
		expect(list.find((o) => o.series === 'nev_share_target_state_council')).toMatchObject({ target: true, issued: 'Jan 2024', scope: 'all vehicles' });
		expect(list.find((o) => o.series === 'domestic_share_outlook_alixpartners')?.charts).toEqual([{ id: 'chart-shares', title: chart('chart-shares').title, variable: 'domesticShare' }]);
		expect(list.find((o) => o.series === 'vehicle_exports_forecast_caam')?.charts.map((c) => c.id)).toEqual(['chart-exports']);
		expect(list.find((o) => o.series === 'passenger_cars_forecast_caam')?.charts).toEqual([]);
		expect(list.find((o) => o.series === 'nev_share_outlook_ouyang')?.points.map((p) => `${p.stated} in ${p.year}`)).toEqual(['over 50% in 2026', 'over 70% in 2030']);
	});

	it('newest first, undated last', () => {
		const months = list.map((o) => o.issuedMonth ?? '');
		expect(months).toEqual([...months].sort((a, b) => b.localeCompare(a)));
		expect(list[0].issuedMonth).toBe('2026-01');
		expect(list.at(-1)?.issuedMonth).toBeUndefined();
	});

	it("keeps CPCA's outlook, which gives no level or share to draw, as words only", () => {
		expect(OUTLOOKS_WITHOUT_A_FIGURE.map((o) => o.publisher)).toEqual(['CPCA']);
		const cpca = OUTLOOKS_WITHOUT_A_FIGURE[0];
		expect(cpca.says).toMatch(/about flat/);
		expect(cpca.says).toMatch(/more than 10%/);
		expect(cpca.issued).toBe('Jan 2026');
		expect(allRecords.some((r) => r.kind === 'forecast' && r.basis.body === 'CPCA')).toBe(false);
	});
});
