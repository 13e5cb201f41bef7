// Data cells: reading pasted tables (every bad input the issue lists), the rows' schema, and how
// a notebook's data cells join the seeded series (formulas, fits, charts, refusals).
import { describe, expect, it } from 'vitest';
import { importTable, readNumber, MAX_DATA_ROWS } from '../src/lib/data/importTable';
import { parsePeriod, periodLabel, periodX } from '../src/lib/data/periods';
import { DataRowSchema } from '../src/lib/data/broughtRow';
import { broughtFor, dataFor } from '../src/lib/notebooks/published';
import { chinaMarketNotebook } from '../src/lib/notebooks/chinaMarket';
import { checkNotebook } from '../src/lib/scenario/notebookSchema';
import { dataRowsToCsv } from '../src/lib/export/csv';
import { allDataCsv } from '../src/lib/export/dataCsv';
import { allRecords } from '../src/lib/data/index';
import { currentPublished, loadPublishedVersion } from '../src/lib/notebooks/published';
import { MIGRATIONS, migrateDocument } from '../src/lib/scenario/migrations';
import { observationsFor } from '../src/lib/view/observations';
import { buildChartModel } from '../src/lib/charts/chartModel';
import { compileNotebook } from '../src/lib/sim/model';
import { createProgram, runDeterministic } from '../src/lib/sim/run';
import { fitParameters } from '../src/lib/sim/analysis/fitting';
import type { ChartCell, DataCell, DataRow, Notebook } from '../src/lib/sim/types';
import { decodeScenario, encodeScenario, ScenarioTooLargeError } from '../src/lib/scenario/codec';
import { deflateToBase64url } from '../src/lib/scenario/compression';

const context = { isSeeded: (id: string) => id === 'nev_share_caam', broughtElsewhere: () => undefined, seriesElsewhere: 0 };
const read = (text: string) => importTable(text, context);
const HEADER = 'series,period,value,unit,basis,source,note\n';

function withData(rows: DataRow[], extra: Notebook['cells'] = []): Notebook {
	const cell: DataCell = { id: 'data-1', kind: 'data', title: 'My data', rows };
	return { ...chinaMarketNotebook, cells: [...chinaMarketNotebook.cells, cell, ...extra] };
}

describe('reading a pasted table', () => {
	it('keeps the good rows and names each bad one with its row number', () => {
		const r = read(`${HEADER}my_nev,2024,0.45,share,,CPCA\nmy_nev,2025,abc,share\nmy_nev,2025,0.5,share\n`);
		expect(r.rows).toEqual([
			{ series: 'my_nev', period: '2024', value: 0.45, unit: 'share', source: 'CPCA' },
			{ series: 'my_nev', period: '2025', value: 0.5, unit: 'share' }
		]);
		expect(r.problems).toEqual(['row 3: “abc” is not a number']);
	});

	it('strips a byte-order mark (the header is still found)', () => {
		const r = read(`\uFEFF${HEADER}my_nev,2025,0.5,share\n`);
		expect(r.problems).toEqual([]);
		expect(r.rows).toHaveLength(1);
	});

	it('sniffs semicolons and tabs, and reads a decimal comma in a semicolon table', () => {
		const semi = read('series;period;value;unit\nmy_nev;2025;0,54;share\n');
		expect(semi.rows[0].value).toBe(0.54);
		expect(semi.notes).toContain('Read as semicolon-separated.');
		const tabs = read('series\tperiod\tvalue\tunit\nmy_vol\t2025\t23.78\tmillion vehicles\n');
		expect(tabs.rows[0]).toMatchObject({ series: 'my_vol', value: 23.78, unit: 'million vehicles' });
		expect(tabs.notes).toContain('Read as tab-separated.');
	});

	it('reads thousands separators and converts thousands of vehicles and percentages', () => {
		expect(readNumber('1,234.5')).toBe(1234.5);
		expect(readNumber('1 234,5')).toBe(1234.5);
		expect(readNumber('1.234,5')).toBe(1234.5);
		expect(readNumber('12,345')).toBe(12345);
		expect(readNumber('0,54', ',')).toBe(0.54);
		expect(readNumber('1,250', ',')).toBe(1.25);
		expect(readNumber('1.234', ',')).toBe(1234);
		expect(readNumber('1,250', null)).toBe('ambiguous');
		expect(readNumber('1.234', null)).toBe('ambiguous');
		expect(readNumber('=1+2')).toBeNull();
		const r = read(`${HEADER}my_vol,2025,"23,780",thousand vehicles\nmy_nev,2025,54%,share\nmy_nev2,2025,47.9,percent\n`);
		expect(r.problems).toEqual([]);
		expect(r.rows.map((x) => x.value)).toEqual([23.78, 0.54, 0.479]);
	});

	it('decides the decimal separator once per table, so no value is read by another rule', () => {
		const tsv = (values: string[]) => read(`series\tperiod\tvalue\tunit\n${values.map((v, i) => `my_x\t${2020 + i}\t${v}\tnumber`).join('\n')}\n`);
		expect(tsv(['1,25', '1,250']).rows.map((r) => r.value)).toEqual([1.25, 1.25]);
		expect(tsv(['1.5', '1,250']).rows.map((r) => r.value)).toEqual([1.5, 1250]);
		const unsure = tsv(['1,250', '7']);
		expect(unsure.rows.map((r) => r.value)).toEqual([7]);
		expect(unsure.problems[0]).toMatch(/^row 2: “1,250” could be read two ways/);
		expect(read('series;period;value;unit\nmy_x;2024;1.234,5;number\nmy_x;2025;1.234;number\n').rows.map((r) => r.value)).toEqual([1234.5, 1234]);
	});

	it('skips empty lines without counting them as bad rows (row numbers stay those of the text)', () => {
		const r = read(`${HEADER}\nmy_nev,2024,0.4,share\n\n   \nmy_nev,2025,x,share\n`);
		expect(r.rows).toHaveLength(1);
		expect(r.problems).toEqual(['row 6: “x” is not a number']);
	});

	it('says so for a header only, an empty paste, or a header missing a column', () => {
		expect(read(HEADER).problems).toEqual(['The table has a header row but no data rows.']);
		expect(read('  \n').problems[0]).toMatch(/^The table is empty/);
		expect(read('series,period,value\nmy_nev,2025,0.5\n').problems).toEqual(['The header row has no “unit” column (a table needs series, period, value and unit).']);
	});

	it('reads a table without a header in the usual column order, and says so', () => {
		const r = read('my_nev,2025,0.5,share,CPCA retail,CPCA,note\nmy_nev,2024,0.4,share\n');
		expect(r.rows[0]).toEqual({ series: 'my_nev', period: '2025', value: 0.5, unit: 'share', basis: 'CPCA retail', source: 'CPCA', note: 'note' });
		expect(r.rows).toHaveLength(2);
		expect(r.notes[0]).toMatch(/^No header row/);
	});

	it('refuses 1 MB in one field with a message, and keeps the other rows', () => {
		const huge = 'x'.repeat(1 << 20);
		const r = read(`${HEADER}my_nev,2024,0.4,share,,,${huge}\nmy_nev,2025,0.5,share\n`);
		expect(r.rows).toHaveLength(1);
		expect(r.problems).toEqual(['row 2: the note is 1,048,576 characters long; at most 500']);
	});

	it('keeps formula-like text as text, and defuses it in the CSV download', () => {
		const r = read(`${HEADER}my_nev,2025,0.5,share,,"=cmd|' /C calc'!A0",@SUM(1)\n`);
		expect(r.rows[0].source).toBe("=cmd|' /C calc'!A0");
		const csv = dataRowsToCsv(r.rows);
		expect(csv).toContain(`'=cmd|' /C calc'!A0`);
		expect(csv).toContain(`'@SUM(1)`);
		expect(dataRowsToCsv(r.rows, { defuse: false })).toContain(`=cmd|' /C calc'!A0`);
		// The download reads back as the text itself, not with the defusing quote.
		expect(read(csv).rows).toEqual(r.rows);
		expect(read(`${HEADER}my_nev,2025,0.5,share,,,-5% vs 2023\n`).rows[0].note).toBe('-5% vs 2023');
	});

	it('lets a later duplicate (series, period) win and reports it', () => {
		const r = read(`${HEADER}my_nev,2025,0.5,share\nmy_nev,2024,0.4,share\nmy_nev,2025,0.55,share\n`);
		expect(r.rows).toEqual([
			{ series: 'my_nev', period: '2024', value: 0.4, unit: 'share' },
			{ series: 'my_nev', period: '2025', value: 0.55, unit: 'share' }
		]);
		expect(r.problems).toEqual(['row 4: replaces row 2 (the same series and period; the later row is kept).']);
	});

	it('a refused duplicate removes nothing, and a replacement past the row cap still replaces', () => {
		const r = read(`${HEADER}my_a,2024,0.4,share\nmy_a,2025,0.5,share\nmy_a,2024,40,number\n`);
		expect(r.rows.map((x) => x.period)).toEqual(['2024', '2025']);
		expect(r.problems).toEqual(['row 4: “my_a” is in share in row 2, not number; a series keeps one unit.']);
		const full = Array.from({ length: MAX_DATA_ROWS }, (_, i) => `s_${i % 10},${2000 + Math.floor(i / 120)}-${String((Math.floor(i / 10) % 12) + 1).padStart(2, '0')},1,number`);
		const late = read(`${HEADER}${full.join('\n')}\ns_0,2000-01,2,number\ns_0,2099,3,number\n`);
		expect(late.rows).toHaveLength(MAX_DATA_ROWS);
		expect(late.rows.find((x) => x.series === 's_0' && x.period === '2000-01')?.value).toBe(2);
		expect(late.problems.at(-1)).toBe('Only the first 5,000 rows are kept (a data cell holds at most that many); 1 more are not used.');
	});

	it('reads 40,000 rows (about 1 MB), keeping the first 5,000', () => {
		const mm = (n: number) => String(n).padStart(2, '0');
		const rows = Array.from({ length: 40_000 }, (_, i) => `s_${i % 50},${2000 + Math.floor(i / 600)}-${mm((Math.floor(i / 50) % 12) + 1)},${i},number`);
		const r = read(`${HEADER}${rows.join('\n')}\n`);
		expect(r.rows).toHaveLength(MAX_DATA_ROWS);
		expect(r.problems).toEqual(['Only the first 5,000 rows are kept (a data cell holds at most that many); 35,000 more are not used.']);
	});

	it('refuses values out of range for their unit, and unknown units', () => {
		const r = read(`${HEADER}a_share,2025,1.4,share\nb_pct,2025,120,percent\nc_rank,2025,1.5,rank\nd_vol,2025,-3,million vehicles\ne_x,2025,1,kg\nf_x,2025,1,\n`);
		expect(r.rows).toEqual([]);
		expect(r.problems).toEqual([
			'row 2: 1.4 is out of range for a share (0 to 1; write 54% as 0.54, or give the unit “percent”)',
			'row 3: 120% is out of range for a percentage (0 to 100)',
			'row 4: 1.5 is not a rank (a whole number from 1)',
			'row 5: -3 is negative, and million vehicles cannot be',
			'row 6: unknown unit “kg” (use share, percent, million vehicles, thousand vehicles, vehicles, rank, USD million or number)',
			'row 7: no unit (use share, percent, million vehicles, thousand vehicles, vehicles, rank, USD million or number)'
		]);
	});

	it('refuses a seeded id, a bad id, a bad period, and a second unit for one series', () => {
		const r = read(`${HEADER}nev_share_caam,2025,0.5,share\nNEV Share,2025,0.5,share\nmy_nev,2025-13,0.5,share\nmy_nev,2025-04..2025-01,0.5,share\nmy_nev,2025,0.5,share\nmy_nev,2024,3,number\n`);
		expect(r.rows).toHaveLength(1);
		expect(r.problems[0]).toMatch(/^row 2: “nev_share_caam” is a seeded series/);
		expect(r.problems[1]).toMatch(/^row 3: a series id is snake_case/);
		expect(r.problems[2]).toMatch(/^row 4: “2025-13” is not a period/);
		expect(r.problems[3]).toMatch(/^row 5: “2025-04..2025-01” is not a period/);
		expect(r.problems[4]).toBe('row 7: “my_nev” is in share in row 6, not number; a series keeps one unit.');
	});

	it('keeps at most 5,000 rows and 50 series, saying what was left out', () => {
		const many = Array.from({ length: MAX_DATA_ROWS + 3 }, (_, i) => `s_${i % 40},${2000 + Math.floor(i / 480)}-${String((Math.floor(i / 40) % 12) + 1).padStart(2, '0')},1,number`).join('\n');
		const r = read(`${HEADER}${many}\n`);
		expect(r.rows).toHaveLength(MAX_DATA_ROWS);
		expect(r.problems.at(-1)).toBe('Only the first 5,000 rows are kept (a data cell holds at most that many); 3 more are not used.');
		const wide = importTable(`${HEADER}${Array.from({ length: 12 }, (_, i) => `w_${i},2025,1,number`).join('\n')}\n`, { ...context, seriesElsewhere: 45 });
		expect(wide.rows).toHaveLength(5);
		expect(wide.problems[0]).toBe('row 7: a notebook brings at most 50 series; “w_5” would be one more.');
	});

	it('refuses a text over 5 million characters as a whole, without reading it', () => {
		const r = read(`${HEADER}${'x'.repeat(5_000_001)}`);
		expect(r.rows).toEqual([]);
		expect(r.problems).toEqual([`The table is ${(HEADER.length + 5_000_001).toLocaleString('en')} characters long; at most 5,000,000 are read. Split it over several data cells.`]);
	});

	it('reads periods: years, months and spans of one year', () => {
		expect(parsePeriod('2025')).toEqual({ year: 2025, from: 1, to: 12, partial: false });
		expect(parsePeriod('2025-01..2025-12')).toEqual({ year: 2025, from: 1, to: 12, partial: false });
		expect(periodLabel(parsePeriod('2025-01..2025-04')!)).toBe('Jan-Apr 2025');
		expect(periodLabel(parsePeriod('2025-07')!)).toBe('Jul 2025');
		expect(parsePeriod('2025-11..2026-02')).toBeNull();
		expect(parsePeriod('1999')).toBeNull();
		expect(periodX(parsePeriod('2025-01')!)).toBeCloseTo(2025 + 1 / 24);
		expect(read(`${HEADER}my_nev,2025-1,0.4,share\n`).rows[0].period).toBe('2025-01');
	});

	it('imports back what it downloads', () => {
		const rows = read(`${HEADER}my_nev,2025-01..2025-04,0.41,share,"CPCA, retail",CPCA monthly,"says ""about"""\n`).rows;
		expect(read(dataRowsToCsv(rows)).rows).toEqual(rows);
	});
});

describe('the stored rows', () => {
	it('are checked by the notebook schema, as links and saved work are', () => {
		expect(checkNotebook(withData([{ series: 'my_nev', period: '2025', value: 0.5, unit: 'share' }])).ok).toBe(true);
		const bad = checkNotebook(withData([{ series: 'my_nev', period: '2025', value: 7, unit: 'share' }]));
		expect(bad.ok).toBe(false);
		if (!bad.ok) expect(bad.problems[0]).toMatch(/rows\.0\.value: 7 is out of range for a share/);
		expect(DataRowSchema.safeParse({ series: 'x', period: '2025', value: 1, unit: 'kg' }).success).toBe(false);
		const tooMany = Array.from({ length: 5001 }, () => ({ series: 'x', period: '2025', value: 1, unit: 'number' }));
		expect(checkNotebook(withData(tooMany as DataRow[])).ok).toBe(false);
	});
});

describe('data cells in links', () => {
	const rows: DataRow[] = [
		{ series: 'my_nev', period: '2024', value: 0.45, unit: 'share', source: 'Survey' },
		{ series: 'my_nev', period: '2025-01', value: 0.41, unit: 'share' }
	];

	it('travel in a link and come back exactly', async () => {
		const doc = { notebook: withData(rows), inputs: {}, horizon: chinaMarketNotebook.horizon };
		const query = await encodeScenario(doc, chinaMarketNotebook);
		const back = await decodeScenario(query, chinaMarketNotebook);
		expect(back.notices).toEqual([]);
		expect(back.document.notebook.cells.find((c) => c.kind === 'data')).toEqual(doc.notebook.cells.at(-1));
	});

	it('a link with an unreadable row opens with the other rows and says which was left out', async () => {
		const bad = { id: 'data-1', kind: 'data', title: 'Mine', rows: [rows[0], { ...rows[1], value: 4 }, { series: 'x', period: 'soon', value: 1, unit: 'number' }] };
		const nb = await deflateToBase64url(JSON.stringify({ order: [...chinaMarketNotebook.cells.map((c) => c.id), 'data-1'], cells: { 'data-1': bad } }));
		const back = await decodeScenario(`v=${chinaMarketNotebook.version}&nb=${nb}`, chinaMarketNotebook);
		const cell = back.document.notebook.cells.find((c) => c.kind === 'data') as DataCell;
		expect(cell.rows).toEqual([rows[0]]);
		expect(back.notices[0]).toMatch(/^The data cell “Mine” in the link had 2 rows that cannot be used, left out \(row 3: 4 is out of range for a share/);
	});

	it('a notebook too large to unpack is never written as a link (saved scenarios and files keep it)', async () => {
		const many = Array.from({ length: 5000 }, (_, i) => ({ series: `s_${i % 50}`, period: `${2000 + (i % 100)}`, value: i, unit: 'number' as const, source: `Source with a long name number ${i}`, note: `A note that does not repeat ${i * 7919}` }));
		const doc = { notebook: withData(many), inputs: {}, horizon: chinaMarketNotebook.horizon };
		await expect(encodeScenario(doc, chinaMarketNotebook)).rejects.toThrow(ScenarioTooLargeError);
	});
});

describe('a version-1 document with a data cell', () => {
	it('moves to the current model with its data cell and the formulas that read it', async () => {
		// Every step reads the published notebooks it moves between: load them all, as the upgrade does.
		for (let v = 1; v <= currentPublished.version; v++) await loadPublishedVersion(v);
		const v1 = (await loadPublishedVersion(1))!.notebook;
		const data: DataCell = { id: 'data-1', kind: 'data', title: 'Mine', rows: [{ series: 'my_sales', period: '2024', value: 20, unit: 'million vehicles' }] };
		const notebook: Notebook = { ...v1, cells: [...v1.cells, data, { id: 'f-mine', kind: 'formula', formula: 'mySales = data("my_sales")' }] };
		const { doc, notices } = migrateDocument({ notebook, inputs: {}, horizon: v1.horizon }, 1, currentPublished.version, MIGRATIONS);
		expect(notices[0]).toBe(`This link was made by version 1 of the notebook; it was updated to version ${currentPublished.version}.`);
		expect(notices.filter((n) => n.includes('f-mine') || /failed|no update/.test(n))).toEqual([]);
		expect(doc.notebook.version).toBe(currentPublished.version);
		expect(doc.notebook.cells.find((c) => c.id === 'f-mine')).toEqual({ id: 'f-mine', kind: 'formula', formula: 'mySales = data("my_sales")' });
		expect(doc.notebook.cells.find((c) => c.id === 'data-1')).toEqual(data);
		// And it still computes on the current model: the formula reads the brought series.
		const run = runDeterministic(createProgram(compileNotebook(doc.notebook, dataFor(doc.notebook)), 1), { inputs: {}, horizon: 2025 });
		expect(run.series.mySales[run.years.indexOf(2024)]).toBe(20);
	});
});

describe('brought series in the notebook', () => {
	const rows: DataRow[] = [
		{ series: 'my_nev', period: '2024', value: 0.45, unit: 'share', source: 'Survey A' },
		{ series: 'my_nev', period: '2025', value: 0.52, unit: 'share' },
		{ series: 'my_nev', period: '2025-01', value: 0.41, unit: 'share' },
		{ series: 'my_monthly', period: '2025-01', value: 0.4, unit: 'share' },
		{ series: 'my_monthly', period: '2025-02', value: 0.42, unit: 'share' }
	];

	it('feed data() and hasData() in formulas', () => {
		const nb = withData(rows, [{ id: 'f-mine', kind: 'formula', formula: 'mine = hasData("my_nev") ? data("my_nev") : -1' }]);
		const run = runDeterministic(createProgram(compileNotebook(nb, dataFor(nb)), 1), { inputs: {}, horizon: 2030 });
		const at = (y: number) => run.series.mine[run.years.indexOf(y)];
		expect([at(2023), at(2024), at(2025), at(2026)]).toEqual([-1, 0.45, 0.52, -1]);
		expect(dataFor(nb).my_monthly).toEqual({ 2025: 0.42 });
		expect(dataFor(nb, 'annual').my_monthly).toEqual({});
	});

	it('never shadow a seeded series, and each refusal is reported on its cell', () => {
		const nb = withData([{ series: 'nev_share_all_vehicles_caam', period: '2025', value: 0.01, unit: 'share' }]);
		expect(dataFor(nb).nev_share_all_vehicles_caam).toEqual(dataFor(chinaMarketNotebook).nev_share_all_vehicles_caam);
		expect(broughtFor(nb).problems.get('data-1')?.[0]).toMatch(/is a seeded series/);
		const two = withData(rows, [{ id: 'data-2', kind: 'data', title: 'Second', rows: [{ series: 'my_nev', period: '2030', value: 0.9, unit: 'share' }] }]);
		expect(dataFor(two).my_nev[2030]).toBeUndefined();
		expect(broughtFor(two).problems.get('data-2')).toEqual(['“my_nev” is already brought by the data cell “My data”; its rows here are not used.']);
	});

	it('are drawn with their periods: full years filled, months a second hollow set, sources in the tooltip', () => {
		const nb = withData(rows);
		const chart: ChartCell = { id: 'c', kind: 'chart', title: 'T', variables: ['nevShare'], history: [{ variable: 'nevShare', series: 'my_nev' }], style: 'line', showHistory: true };
		const model = buildChartModel(chart, null, null, observationsFor(nb), new Map(), 2030);
		const history = model.series.filter((s) => s.role === 'history');
		expect(history.map((s) => [s.key, s.observation, s.periods])).toEqual([
			['h:my_nev', 'full-year', ['2024', '2025']],
			['hp:my_nev', 'part-year', ['Jan 2025']]
		]);
		expect(history[0].notes?.[0]).toEqual(['Source: Survey A', 'Brought by you (data cell “My data”)']);
		expect(history[1].notes?.[0][0]).toBe('Period: Jan 2025 only, not the full year');
		expect(observationsFor(nb).ids).toContain('my_monthly');
		// A seeded month sits inside its year too, named by its period.
		const month = observationsFor(nb).pointsOf('domestic_share_caam_monthly').find((p) => p.period === 'Jan 2026');
		expect(month).toMatchObject({ x: 2026 + 1 / 24, y: 0.669, partial: true });
		expect(observationsFor(nb).kindOf('my_monthly').kind).toBe('part-year');
	});

	it('are fitted on full years unless the fit cell asks for months and part years', () => {
		const nb = withData(rows);
		const request = { notebook: nb, inputs: {}, parameters: ['nevSteepness'], pairs: [{ variable: 'nevShare', series: 'my_monthly' }], fromYear: 2019, toYear: 2025, maxRuns: 50 };
		expect(fitParameters({ ...request, observed: dataFor(nb, 'annual') }, dataFor(nb)).problems).toEqual(['The series "my_monthly" has no data in 2019-2025.']);
		expect(fitParameters({ ...request, observed: dataFor(nb, 'all') }, dataFor(nb)).problems).toEqual([]);
	});
});

describe('every data point as CSV (the Method page)', () => {
	it('writes the seeded records and the brought series in the data cell format, and reads back', () => {
		const nb = withData([{ series: 'my_nev', period: '2025-01..2025-04', value: 0.41, unit: 'share', source: '=HYPERLINK("x")' }]);
		const csv = allDataCsv([...broughtFor(nb).series.values()]);
		const back = importTable(csv, { isSeeded: () => false, broughtElsewhere: () => undefined, seriesElsewhere: -1000 });
		expect(back.problems).toEqual([]);
		expect(back.rows).toHaveLength(new Set(allRecords.map((r) => `${r.series}:${r.period.year}:${r.period.months}`)).size + 1);
		expect(back.rows.at(-1)).toEqual({ series: 'my_nev', period: '2025-01..2025-04', value: 0.41, unit: 'share', source: '=HYPERLINK("x")' });
		expect(back.rows).toContainEqual(expect.objectContaining({ series: 'domestic_share_caam', period: '2025', value: 0.695, basis: 'CAAM, wholesale, passenger cars' }));
		expect(back.rows).toContainEqual(expect.objectContaining({ series: 'domestic_share_caam_monthly', period: '2026-01', value: 0.669 }));
	});
});
