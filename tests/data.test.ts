import { describe, expect, it } from 'vitest';
import {
	allRecords,
	annualSeries,
	observedSeries,
	dataFileNames,
	events,
	recordFor,
	seriesMeta
} from '../src/lib/data';
import type { DataFile } from '../src/lib/data/schema';
import { CALIBRATION_PAIRS, chinaMarketNotebook } from '../src/lib/notebooks/chinaMarket';
import { v2Data } from '../src/lib/notebooks/frozen/v2Data';
import type { FitCell, FormulaCell } from '../src/lib/sim/types';
import {
	validateAcrossFiles,
	validateAnyFile,
	validateDataFile,
	validateEventsFile
} from '../src/lib/data/validate';

// Every JSON file in data/, as raw text, found by Vite's glob: a new file is covered without
// touching this test. (Raw text, so a syntax error fails one test instead of the whole module.)
const rawFiles = import.meta.glob<string>('../data/*.json', { eager: true, query: '?raw', import: 'default' });
const texts = new Map(Object.entries(rawFiles).map(([path, text]) => [path.replace(/^\.\.\//, ''), text]));
const onDisk = [...texts.keys()].sort();
const read = (name: string): unknown => JSON.parse(texts.get(name) ?? 'null');
const clone = <T>(x: T): T => structuredClone(x);

describe('every file in data/', () => {
	it('finds the data files', () => {
		expect(onDisk.length).toBeGreaterThanOrEqual(7);
		expect(onDisk).toContain('data/exports.json');
	});

	it.each(onDisk)('%s validates', (name) => {
		const r = validateAnyFile(name, read(name));
		expect(r.ok ? [] : r.errors).toEqual([]);
	});

	it('series files agree with each other where they overlap', () => {
		const files = onDisk
			.map((fileName) => ({ fileName, json: read(fileName) as { family: string } }))
			.filter(({ json }) => json.family !== 'events')
			.map(({ fileName, json }) => ({ fileName, file: json as DataFile }));
		expect(validateAcrossFiles(files)).toEqual([]);
	});

	it('are all loaded by src/lib/data', () => {
		expect([...dataFileNames].sort()).toEqual(onDisk);
	});

	it('loads every record of every series file, the new exports file too', () => {
		for (const name of onDisk) {
			const json = read(name) as { family: string; records?: unknown[] };
			if (json.family === 'events') continue;
			expect(allRecords.filter((r) => r.file === name), name).toHaveLength(json.records!.length);
		}
		expect(seriesMeta('passenger_exports_caam')).toMatchObject({ file: 'data/exports.json', family: 'exports', unit: 'million vehicles', basis: { body: 'CAAM', measure: 'exports' } });
	});
});

describe('data/exports.json', () => {
	const file = read('data/exports.json') as DataFile;

	it('holds exports only: every record has the exports measure', () => {
		expect(file.family).toBe('exports');
		expect(file.records.length).toBeGreaterThan(0);
		for (const [i, r] of file.records.entries()) expect(r.basis.measure, `record ${i} (${r.series})`).toBe('exports');
		for (const r of allRecords.filter((x) => x.file === 'data/exports.json')) expect(seriesMeta(r.series)?.basis.measure, r.series).toBe('exports');
	});

	it('gives the passenger-car exports the model reads, one body per series, a part year kept apart', () => {
		for (const [series, year, value] of [
			['car_exports_customs', 2019, 0.7],
			['passenger_exports_caam', 2020, 0.76],
			['passenger_exports_caam', 2024, 4.955],
			['passenger_exports_cpca', 2025, 5.79],
			['foreign_brand_share_exports_caam', 2023, 0.22],
			['tesla_exports_china', 2023, 0.344078]
		] as const) {
			expect(annualSeries[series][year], `${series} ${year}`).toBe(value);
		}
		expect(seriesMeta('passenger_exports_cpca')?.basis.body).toBe('CPCA');
		expect(seriesMeta('car_exports_customs')?.basis.body).toBe('China customs');
		// Every year 2019-2025 has a full-year figure on some basis (the model's formula takes CAAM's, else CPCA's, else customs').
		for (let year = 2019; year <= 2025; year++) {
			expect(['passenger_exports_caam', 'passenger_exports_cpca', 'car_exports_customs'].some((id) => annualSeries[id]?.[year] !== undefined), `${year}`).toBe(true);
		}
		// CAAM's Jan-Sep 2025 is a part year: out of the annual series, under its own id.
		expect(annualSeries.passenger_exports_caam[2025]).toBeUndefined();
		expect(annualSeries.passenger_exports_caam_jan_sep).toBeUndefined();
		expect(observedSeries.passenger_exports_caam_jan_sep).toEqual({ 2025: 4.17 });
	});
});

describe('the series version 3 is fitted on (CALIBRATION_PAIRS, the fit cell)', () => {
	const fit = chinaMarketNotebook.cells.find((c): c is FitCell => c.kind === 'fit')!;
	const formulaOf = (variable: string) =>
		chinaMarketNotebook.cells.find((c): c is FormulaCell => c.kind === 'formula' && c.formula.startsWith(`${variable} =`));

	it('are the fit cell\'s pairs', () => {
		expect(fit.pairs).toEqual(CALIBRATION_PAIRS);
		expect(CALIBRATION_PAIRS.length).toBeGreaterThan(0);
	});

	it.each(CALIBRATION_PAIRS.map((p) => [p.series, p.variable] as const))('%s exists with full-year points in the fit years (fitted to %s)', (series, variable) => {
		const meta = seriesMeta(series);
		expect(meta, series).toBeDefined();
		const fitYears = meta!.years.filter((y) => y >= fit.fromYear! && y <= fit.toYear!);
		expect(fitYears.length, series).toBeGreaterThan(0);
		for (const year of fitYears) {
			const r = recordFor(series, year);
			expect(r?.period.partial, `${series} ${year}`).toBe(false);
			expect(r?.period.months, `${series} ${year}`).toBe('Jan-Dec');
			expect(r?.kind, `${series} ${year}`).toBe('actual');
			expect(annualSeries[series][year]).toBe(r?.value);
		}
		// Each on the basis of the variable it is fitted to.
		const formula = formulaOf(variable);
		expect(formula, variable).toBeDefined();
		expect(formula!.basis, `${variable} against ${series}`).toBe(meta!.basis.measure);
	});
});

describe('a broken file', () => {
	const name = 'data/nev-share.json';
	const good = read(name) as DataFile;

	function broken(): DataFile {
		const f = clone(good);
		(f.records[0] as { value: number }).value = 1.4;
		delete (f.records[1] as Partial<DataFile['records'][number]>).source;
		(f.records[2] as Record<string, unknown>).colour = 'red';
		(f.records[3].basis as { body: string }).body = 'Bloomberg';
		return f;
	}

	it('fails with one message per problem, naming file, record and field', () => {
		const f = broken();
		const r = validateDataFile(name, f);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		const id = (i: number) => f.records[i].series;
		const expectOne = (re: RegExp) => expect(r.errors.filter((e) => re.test(e))).toHaveLength(1);
		expectOne(new RegExp(`^data/nev-share\\.json: record 0 \\(${id(0)}\\): field "value": .*0\\.\\.1`));
		expectOne(new RegExp(`^data/nev-share\\.json: record 1 \\(${id(1)}\\): field "source": missing \\(required; expected string\\)`));
		expectOne(new RegExp(`^data/nev-share\\.json: record 2 \\(${id(2)}\\): field "colour": unknown key`));
		expectOne(new RegExp(`^data/nev-share\\.json: record 3 \\(${id(3)}\\): field "basis\\.body": Invalid option`));
		expect(r.errors).toHaveLength(4);
	});

	it('rejects a blank source, a bad year and an inconsistent partial flag', () => {
		const f = clone(good);
		f.records[0].source = '  ';
		f.records[1].period.year = 1999;
		f.records[2].period.partial = true;
		const r = validateDataFile(name, f);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.errors.some((e) => /record 0 .*field "source": must not be empty/.test(e))).toBe(true);
		expect(r.errors.some((e) => /record 1 .*field "period\.year"/.test(e))).toBe(true);
		expect(r.errors.some((e) => /record 2 .*field "period\.partial"/.test(e))).toBe(true);
	});

	it('rejects an unknown unit and a rank that is not a whole number', () => {
		const f = read('data/article-figures.json') as DataFile;
		const bad = clone(f);
		const rankIndex = bad.records.findIndex((r) => r.unit === 'rank');
		(bad.records[rankIndex] as { value: number }).value = 6.5;
		(bad.records[0] as { unit: string }).unit = 'percent';
		const r = validateDataFile('data/article-figures.json', bad);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.errors.some((e) => /record 0 \(domestic_share_caam\): field "unit"/.test(e))).toBe(true);
		expect(r.errors.some((e) => new RegExp(`record ${rankIndex} .*field "value"`).test(e))).toBe(true);
	});

	it('rejects a duplicate period and a series that changes unit or basis', () => {
		const f = clone(good);
		f.records.push(clone(f.records[0]));
		const last = f.records.length - 1;
		f.records[1] = { ...f.records[1], unit: 'million vehicles', value: 1.2 };
		f.records[2].basis.measure = 'retail';
		const r = validateDataFile(name, f);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.errors.some((e) => new RegExp(`record ${last} .*field "period": .*already given in record 0`).test(e))).toBe(true);
		expect(r.errors.some((e) => /record 1 .*field "unit": a series keeps one unit/.test(e))).toBe(true);
		expect(r.errors.some((e) => /record 2 .*field "basis\.measure"/.test(e))).toBe(true);
	});

	it('rejects a series without a label and a label without records', () => {
		const f = clone(good);
		const id = f.records[0].series;
		delete f.labels[id];
		f.labels.unused_series = 'Nothing';
		const r = validateDataFile(name, f);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.errors.some((e) => e.includes(`record 0 (${id}): field "series": no entry`))).toBe(true);
		expect(r.errors.some((e) => e.includes('field "labels.unused_series"'))).toBe(true);
	});

	it('catches two files that disagree on the same point', () => {
		const a = read('data/domestic-brand-share.json') as DataFile;
		const b = clone(read('data/article-figures.json') as DataFile);
		const i = b.records.findIndex((r) => r.series === 'domestic_share_caam' && r.period.year === 2020);
		b.records[i].value = 0.4;
		const errors = validateAcrossFiles([
			{ fileName: 'data/domestic-brand-share.json', file: a },
			{ fileName: 'data/article-figures.json', file: b }
		]);
		expect(errors).toEqual([
			`data/article-figures.json: record ${i} (domestic_share_caam): field "value": 0.4 disagrees with 0.384 for 2020 Jan-Dec in data/domestic-brand-share.json`
		]);
	});

	it('events: rejects an unknown key, a month 13 and a repeated id', () => {
		const ev = clone(read('data/events.json') as { events: Record<string, unknown>[] });
		ev.events[0].when = 'soon';
		ev.events[1].month = 13;
		const r1 = validateEventsFile('data/events.json', ev);
		expect(r1.ok).toBe(false);
		if (!r1.ok) {
			expect(r1.errors.some((e) => /^data\/events\.json: event 0 \(\w+\): field "when": unknown key/.test(e))).toBe(true);
			expect(r1.errors.some((e) => /^data\/events\.json: event 1 \(\w+\): field "month"/.test(e))).toBe(true);
		}
		const ev2 = clone(read('data/events.json') as { events: Record<string, unknown>[] });
		ev2.events[1].id = ev2.events[0].id;
		const r2 = validateEventsFile('data/events.json', ev2);
		expect(r2.ok ? [] : r2.errors).toEqual([
			`data/events.json: event 1 (${String(ev2.events[0].id)}): field "id": repeats the id of event 0`
		]);
	});

	it('reports a file that is not an object at all', () => {
		const r = validateAnyFile('data/x.json', []);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.errors[0]).toMatch(/^data\/x\.json: /);
	});
});

describe('figures from the brief', () => {
	it.each([
		['domestic_share_caam', 2019, 0.392],
		['domestic_share_caam', 2020, 0.384],
		['domestic_share_caam', 2024, 0.652],
		['nev_share_all_vehicles_caam', 2019, 0.047],
		['nev_share_all_vehicles_caam', 2024, 0.409],
		['nev_share_passenger_retail_cpca', 2023, 0.357],
		// CPCA's full-year 2024 release (10.899 of 22.894 million); the brief's 'about 47.9%' came before December's figures.
		['nev_share_passenger_retail_cpca', 2024, 0.476],
		['nev_share_cars_iea', 2024, 0.48],
		['japanese_share_retail_cpca', 2020, 0.241],
		['german_share_retail_cpca', 2023, 0.204],
		['us_share_retail_cpca', 2022, 0.085],
		['korean_share_retail_cpca', 2023, 0.015],
		['passenger_cars_caam', 2022, 23.56],
		['vehicles_total_caam', 2024, 31.44],
		['nev_sales_caam', 2023, 9.5],
		['nev_sales_forecast_ev100', 2025, 16.5],
		['global_sales_rank_byd', 2024, 6],
		['global_sales_rank_geely', 2024, 10],
		// 2025 actuals (BRIEF, "2025 actuals"): CAAM's full-year release of 14 Jan 2026, CPCA retail.
		['domestic_share_caam', 2025, 0.695],
		['nev_share_all_vehicles_caam', 2025, 0.479],
		['passenger_cars_caam', 2025, 30.1],
		['vehicles_total_caam', 2025, 34.4],
		['nev_sales_caam', 2025, 16.49],
		['bev_sales_caam', 2025, 10.622],
		['phev_sales_caam', 2025, 5.861],
		['nev_exports_caam', 2025, 2.615],
		['nev_sales_home_caam', 2025, 13.875],
		['domestic_brand_sales_caam', 2025, 20.94],
		['passenger_cars_retail_cpca', 2025, 23.78],
		['nev_retail_cpca', 2025, 12.86],
		['nev_share_passenger_retail_cpca', 2025, 0.54],
		['german_carmakers_shipments_marklines', 2025, 3.703],
		['japanese_carmakers_shipments_marklines', 2025, 2.929]
	] as const)('%s %i = %d', (series, year, value) => {
		expect(annualSeries[series][year]).toBe(value);
	});

	it('keeps partial-year points out of the annual series but findable', () => {
		expect(annualSeries.domestic_share_caam_jan_apr).toBeUndefined();
		// Formulas and fits can still look it up, under its own (partial-year) id.
		expect(observedSeries.domestic_share_caam_jan_apr).toEqual({ 2025: 0.687 });
		expect(observedSeries.domestic_share_caam).toEqual(annualSeries.domestic_share_caam);
		const dom = recordFor('domestic_share_caam_jan_apr', 2025);
		expect(dom?.value).toBe(0.687);
		expect(dom?.period).toEqual({ year: 2025, months: 'Jan-Apr', partial: true });
		expect(dom?.note).toMatch(/early 2024/);
		const nev = recordFor('nev_share_passenger_caam_jan_apr', 2025, 'Jan-Apr');
		expect(nev?.value).toBe(0.489);
		expect(recordFor('vw_xpeng_investment', 2023)?.value).toBe(700);
		expect(recordFor('vw_xpeng_stake', 2023)?.value).toBe(0.0499);
		expect(recordFor('listed_firms_loss_share_nikkei', 2025)?.qualifier).toBe('nearly');
		expect(recordFor('guangzhou_nev_debuts_chinese_share', 2025)?.qualifier).toBe('more than');
	});

	it('marks the EV100 figure as a forecast and approximate figures as such', () => {
		expect(recordFor('nev_sales_forecast_ev100', 2025)?.kind).toBe('forecast');
		expect(recordFor('passenger_cars_caam', 2023)?.qualifier).toBe('about');
		expect(recordFor('passenger_cars_caam', 2024)?.qualifier).toBe('about');
		expect(recordFor('passenger_cars_caam', 2022)?.qualifier).toBeUndefined();
		// CPCA's 2024 NEV share is the full-year release's own figure now, not an approximation. Version 2,
		// frozen with the data it read, keeps the figure it was made with.
		expect(v2Data.nev_share_passenger_retail_cpca[2024]).toBe(0.479);
		const cpca2024 = recordFor('nev_share_passenger_retail_cpca', 2024);
		expect(cpca2024?.qualifier).toBeUndefined();
		expect(cpca2024?.source).toMatch(/CPCA full-year 2024 release/);
		expect(cpca2024?.note).toMatch(/47\.6%/);
		// Approximate figures in the newer series are marked too.
		expect(recordFor('passenger_exports_caam', 2022)?.qualifier).toBe('about');
		expect(recordFor('domestic_share_retail_cpca', 2025)?.qualifier).toBe('about');
	});

	it('marks CAAM\'s 2026 figures as forecasts and January 2026 as one month', () => {
		for (const series of ['nev_share_all_vehicles_forecast_caam', 'nev_sales_forecast_caam', 'passenger_cars_forecast_caam', 'vehicles_total_forecast_caam']) {
			expect(recordFor(series, 2026)?.kind, series).toBe('forecast');
		}
		expect(recordFor('nev_share_all_vehicles_forecast_caam', 2026)?.value).toBe(0.547);
		const jan = recordFor('domestic_share_caam_monthly', 2026);
		expect(jan).toMatchObject({ value: 0.669, period: { year: 2026, months: 'Jan', partial: true } });
		// A month is never a year: not in the annual series the engine's data() reads.
		expect(annualSeries.domestic_share_caam[2026]).toBeUndefined();
		expect(annualSeries.domestic_share_caam_monthly).toBeUndefined();
	});

	it('CAAM BEV, PHEV and fuel-cell sales add up to NEV sales, and share to sales over the total', () => {
		const parts = annualSeries.bev_sales_caam[2025] + annualSeries.phev_sales_caam[2025] + annualSeries.fcev_sales_caam[2025];
		expect(Math.abs(parts - annualSeries.nev_sales_caam[2025])).toBeLessThan(0.005);
		expect(Math.abs(annualSeries.domestic_brand_sales_caam[2025] / annualSeries.passenger_cars_caam[2025] - annualSeries.domestic_share_caam[2025])).toBeLessThan(0.001);
	});

	it('CAAM NEV share matches NEV sales over total sales within rounding', () => {
		for (const year of [2019, 2020, 2021, 2022, 2023, 2024, 2025]) {
			const ratio = annualSeries.nev_sales_caam[year] / annualSeries.vehicles_total_caam[year];
			expect(Math.abs(ratio - annualSeries.nev_share_all_vehicles_caam[year])).toBeLessThan(0.002);
		}
	});
});

describe('src/lib/data API', () => {
	it('recordFor names the source; the primary file wins for a point given twice', () => {
		const r = recordFor('domestic_share_caam', 2020);
		expect(r?.file).toBe('data/domestic-brand-share.json');
		expect(r?.source).toMatch(/CAAM/);
		expect(recordFor('domestic_share_caam', 1990)).toBeUndefined();
		expect(recordFor('no_such_series', 2020)).toBeUndefined();
	});

	it('seriesMeta gives unit, basis, label, sources and years', () => {
		const m = seriesMeta('domestic_share_caam');
		expect(m).toMatchObject({
			unit: 'share',
			kind: 'actual',
			basis: { body: 'CAAM', measure: 'wholesale', scope: 'passenger cars' },
			family: 'domestic-brand-share',
			years: [2019, 2020, 2021, 2022, 2023, 2024, 2025]
		});
		expect(m?.label).toMatch(/Domestic-brand share/);
		expect(m?.sources.length).toBe(3);
		expect(m?.sources[1]).toMatch(/CAAM full-year 2025 release/);
		expect(m?.sources[2]).toMatch(/Caixin/);
		expect(seriesMeta('nev_share_passenger_retail_cpca')?.basis.body).toBe('CPCA');
		expect(seriesMeta('no_such_series')).toBeUndefined();
	});

	it('every record is in 0..1 when it is a share, and every series has a label', () => {
		for (const r of allRecords) if (r.unit === 'share') expect(r.value).toBeGreaterThanOrEqual(0);
		for (const r of allRecords) if (r.unit === 'share') expect(r.value).toBeLessThanOrEqual(1);
		for (const r of allRecords) expect(seriesMeta(r.series)?.label).not.toBe(r.series);
	});

	it('events are in time order and cover the brief', () => {
		const keys = events.map((e) => e.year * 100 + (e.month ?? 0));
		expect(keys).toEqual([...keys].sort((a, b) => a - b));
		const byId = Object.fromEntries(events.map((e) => [e.id, e]));
		expect(byId.vw_xpeng_stake).toMatchObject({ year: 2023, month: 7 });
		expect(byId.xiaomi_first_ev).toMatchObject({ year: 2024, month: 3 });
		expect(byId.nissan_n7_launch).toMatchObject({ year: 2025, month: 4 });
		expect(byId.battery_safety_rules_2026).toMatchObject({ year: 2026 });
		expect(events).toHaveLength(10);
	});

	it('exported data cannot be mutated by a caller', () => {
		expect(Object.isFrozen(annualSeries)).toBe(true);
		expect(Object.isFrozen(annualSeries.domestic_share_caam)).toBe(true);
		expect(Object.isFrozen(allRecords[0])).toBe(true);
	});
});
