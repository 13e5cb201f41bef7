// The series a notebook's data cells bring, gathered into what formulas, charts and fits read.
// Pure and zod-free: the engine worker runs it (through notebooks/published.ts dataFor) on the
// notebook it is sent, so a brought series is read exactly as the page shows it.
//
// Rules, each reported on the cell that broke it (the rest of the notebook is untouched):
// - a seeded series id may not be brought (it would silently replace published data);
// - a series belongs to one data cell: a second cell bringing it is refused for that series;
// - a notebook brings at most LIMITS.dataSeries series;
// - two rows for one series and period: the later wins.
// What was refused is said in the page's language (`screen_import_*` messages); in the engine
// worker, which has only the engine's words, those sentences come out as keys, unread.
import type { DataCell, DataRow, DataTable, DataUnit, Notebook } from '../sim/types';
import { parsePeriod, type Period } from './periods';
import { screenWordsInUse, w } from '../i18n/screenWords';
import { monthsWords } from '../i18n/dataWords';

/** Most brought series in one notebook (also LIMITS.dataSeries in scenario/notebookSchema.ts). */
export const MAX_BROUGHT_SERIES = 50;

export interface BroughtPoint {
	period: Period;
	value: number;
	basis?: string;
	source?: string;
	note?: string;
}

export interface BroughtSeries {
	id: string;
	/** The data cell that brings it, and that cell's title. */
	cellId: string;
	cellTitle: string;
	unit: DataUnit;
	/** One point per period, in time order. */
	points: BroughtPoint[];
	/** True when every point is a month or part of a year. */
	partOnly: boolean;
}

export interface BroughtData {
	series: ReadonlyMap<string, BroughtSeries>;
	/**
	 * What formulas read: full-year values by year; for a series with no full-year point, the
	 * value of each year's latest-ending period (a year-to-date figure, or the last month).
	 */
	table: DataTable;
	/** Full-year points only: what fit and back-test cells compare by default. */
	annualTable: DataTable;
	/** Per data cell, what was refused or replaced, in words. */
	problems: ReadonlyMap<string, string[]>;
}

const EMPTY: BroughtData = Object.freeze({ series: new Map(), table: {}, annualTable: {}, problems: new Map() });
/** Each notebook's gathering, with the words its problems were said in: stale once the page's language changed. */
const cache = new WeakMap<Notebook, { words: unknown; data: BroughtData }>();

/** The data cells of `notebook`, gathered. `seeded` holds the ids no data cell may bring. */
export function broughtData(notebook: Notebook, seeded: (id: string) => boolean): BroughtData {
	const words = screenWordsInUse();
	const known = cache.get(notebook);
	if (known && known.words === words) return known.data;
	const cells = notebook.cells.filter((c): c is DataCell => c.kind === 'data');
	const data = cells.length ? gather(cells, seeded) : EMPTY;
	cache.set(notebook, { words, data });
	return data;
}

/** A period as the page writes it: "2025", "Jan 2025", "Jan-Apr 2025" / "2025 年", "2025 年 1–4 月". */
const periodWords = (p: Period): string => (p.partial ? monthsWords(p.year, p.from, p.to) : w('screen_import_full_year', { year: p.year }));

function gather(cells: DataCell[], seeded: (id: string) => boolean): BroughtData {
	const series = new Map<string, BroughtSeries>();
	const problems = new Map<string, string[]>();
	const report = (cellId: string, message: string) => {
		const list = problems.get(cellId) ?? [];
		if (!list.includes(message)) list.push(message);
		problems.set(cellId, list);
	};
	for (const cell of cells) {
		const own = new Map<string, { unit: DataUnit; byPeriod: Map<string, BroughtPoint> }>();
		cell.rows.forEach((row, index) => {
			const id = row.series;
			const at = index + 2; // the row as the editor's table numbers it: its header is row 1
			if (seeded(id)) return report(cell.id, w('screen_import_seeded', { id }));
			const other = series.get(id);
			if (other) return report(cell.id, w('screen_import_brought_elsewhere_unused', { id, title: other.cellTitle }));
			const period = parsePeriod(row.period);
			if (!period || !Number.isFinite(row.value)) return report(cell.id, w('screen_import_row_unreadable', { row: at, id, period: row.period }));
			let entry = own.get(id);
			if (!entry) {
				if (series.size + own.size >= MAX_BROUGHT_SERIES) return report(cell.id, w('screen_import_series_past_limit', { max: MAX_BROUGHT_SERIES, id }));
				entry = { unit: row.unit, byPeriod: new Map() };
				own.set(id, entry);
			}
			if (row.unit !== entry.unit) return report(cell.id, w('screen_import_row_unit_differs', { id, unit: entry.unit, row: at, period: row.period, other: row.unit }));
			const key = `${period.year}:${period.from}:${period.to}`;
			if (entry.byPeriod.has(key)) report(cell.id, w('screen_import_two_rows', { id, period: periodWords(period) }));
			entry.byPeriod.set(key, pointOf(row, period));
		});
		for (const [id, { unit, byPeriod }] of own) {
			const points = [...byPeriod.values()].sort((a, b) => a.period.year - b.period.year || a.period.to - b.period.to || a.period.from - b.period.from);
			series.set(id, { id, cellId: cell.id, cellTitle: cell.title || 'Data', unit, points, partOnly: points.every((p) => p.period.partial) });
		}
	}
	const table: DataTable = {};
	const annualTable: DataTable = {};
	for (const s of series.values()) {
		const annual: Record<number, number> = {};
		for (const p of s.points) if (!p.period.partial) annual[p.period.year] = p.value;
		annualTable[s.id] = annual;
		if (!s.partOnly) table[s.id] = annual;
		else {
			// Points are sorted by their last month within each year, so the last written wins.
			const latest: Record<number, number> = {};
			for (const p of s.points) latest[p.period.year] = p.value;
			table[s.id] = latest;
		}
	}
	return { series, table, annualTable, problems };
}

function pointOf(row: DataRow, period: Period): BroughtPoint {
	const point: BroughtPoint = { period, value: row.value };
	if (row.basis) point.basis = row.basis;
	if (row.source) point.source = row.source;
	if (row.note) point.note = row.note;
	return point;
}
