// What charts, fit cells and pickers know of the observed series a notebook can read: the seeded
// ones of its version and the ones its data cells bring. Each point carries its period and the
// tooltip lines that trace it to its source, so a chart never looks a record up itself. Titles
// and tooltip lines are in the page's words (i18n/dataWords.ts): a Chinese page shows the data's
// texts through its published table, the fixed words from its first-screen messages.
import { observationOf, recordFor, seriesMeta } from '../data/index';
import { monthNumber, monthsWords, sameWords, wordsInUse } from '../i18n/dataWords';
import { shown } from '../i18n/publishedTexts';
import { w } from '../i18n/screenWords';
import { forecastNotes } from '../data/outlooks';
import type { BroughtSeries } from '../data/brought';
import { periodLabel, periodX } from '../data/periods';
import { broughtFor, dataFor } from '../notebooks/published';
import type { DataTable, Notebook } from '../sim/types';

/** Full-year actuals, a month or part of a year, or a forecast (never fitted). */
export type ObservationKind = 'full-year' | 'part-year' | 'forecast';

export interface ObservedPoint {
	/** On the year axis: a full year at the year, a month or span inside its year. */
	x: number;
	y: number;
	/** "2025", "Jan 2025", "Jan-Apr 2025". */
	period: string;
	partial: boolean;
	/** Tooltip lines: the period (when not a full year), source, basis, who brought it. */
	notes: string[];
}

export interface Observations {
	/** Every series' id: the seeded ones, then the brought ones. */
	ids: readonly string[];
	pointsOf(series: string): ObservedPoint[];
	/** How the series is drawn, with the body that made a forecast. */
	kindOf(series: string): { kind: ObservationKind; by?: string };
	labelOf(series: string): string;
	/** The data cell's series, when it is brought. */
	brought(series: string): BroughtSeries | undefined;
}

const cache = new WeakMap<object, Observations>();

/** The seeded series in `table` (one published version's data), with their records' sources. */
export function seededObservations(table: DataTable): Observations {
	const known = cache.get(table);
	if (known) return known;
	// A table never changes: each series' points (with their source lines) are made once per
	// page language, not on every redraw while a slider moves.
	const points = wordedCache<ObservedPoint[]>();
	const made: Observations = {
		ids: Object.keys(table).sort(),
		pointsOf: (series) => points(series, () => seededPoints(table, series)),
		kindOf: (series) => observationOf(series),
		labelOf: (series) => shown(seriesMeta(series)?.label ?? series),
		brought: () => undefined
	};
	cache.set(table, made);
	return made;
}

/** The series `notebook` reads: its version's seeded data and its data cells'. */
export function observationsFor(notebook: Notebook): Observations {
	const known = cache.get(notebook);
	if (known) return known;
	const seeded = seededObservations(dataFor({ version: notebook.version }));
	const { series } = broughtFor(notebook);
	if (!series.size) return seeded;
	const points = wordedCache<ObservedPoint[]>();
	const made: Observations = {
		ids: [...seeded.ids, ...[...series.keys()].sort()],
		pointsOf: (id) => {
			const s = series.get(id);
			return s ? points(id, () => broughtPoints(s)) : seeded.pointsOf(id);
		},
		kindOf: (id) => {
			const s = series.get(id);
			return s ? { kind: s.partOnly ? 'part-year' : 'full-year' } : seeded.kindOf(id);
		},
		labelOf: (id) => (series.has(id) ? w('screen_data_brought_label', { id }) : seeded.labelOf(id)),
		brought: (id) => series.get(id)
	};
	cache.set(notebook, made);
	return made;
}

/** Made once per key and page language: the language switch (a client-side navigation) makes them again. */
function wordedCache<T>(): (key: string, make: () => T) => T {
	const made = new Map<string, T>();
	let words = wordsInUse();
	return (key, make) => {
		const now = wordsInUse();
		if (!sameWords(now, words)) {
			made.clear();
			words = now;
		}
		return made.get(key) ?? made.set(key, make()).get(key)!;
	};
}

function seededPoints(table: DataTable, series: string): ObservedPoint[] {
	const partial = observationOf(series).kind === 'part-year';
	return Object.entries(table[series] ?? {})
		.map(([year, y]) => {
			const x = Number(year);
			const record = recordFor(series, x);
			const notes: string[] = [];
			// A month or part year sits inside its year, where a brought one of the same period would.
			const [from, to = from] = record?.period.partial ? record.period.months.split('-').map(monthNumber) : [];
			if (record?.period.partial) notes.push(w('screen_data_period', { period: monthsWords(x, from, to) }));
			// A forecast or target names its publisher, the month issued, what it says and its basis.
			if (record?.kind === 'forecast') notes.push(...forecastNotes(record));
			else if (record) {
				const { body, measure, scope } = record.basis;
				notes.push(w('screen_data_source', { source: record.source }), w('screen_data_basis', { basis: shown(`${body}, ${measure}, ${scope}`) }));
			}
			if (!record?.period.partial) return { x, y, period: year, partial, notes };
			return { x: periodX({ year: x, from, to, partial: true }), y, period: `${record.period.months} ${x}`, partial: true, notes };
		})
		.sort((a, b) => a.x - b.x);
}

function broughtPoints(s: BroughtSeries): ObservedPoint[] {
	return s.points.map((p) => {
		const period = periodLabel(p.period);
		const notes: string[] = [];
		if (p.period.partial) notes.push(w('screen_data_period', { period: monthsWords(p.period.year, p.period.from, p.period.to) }));
		notes.push(w('screen_data_source', { source: p.source ?? w('screen_data_not_given') }));
		if (p.basis) notes.push(w('screen_data_basis', { basis: p.basis }));
		if (p.note) notes.push(w('screen_data_note', { note: p.note }));
		notes.push(w('screen_data_brought_by_you', { title: s.cellTitle }));
		return { x: periodX(p.period), y: p.value, period, partial: p.period.partial, notes };
	});
}
