// What charts, fit cells and pickers know of the observed series a notebook can read: the seeded
// ones of its version and the ones its data cells bring. Each point carries its period and the
// tooltip lines that trace it to its source, so a chart never looks a record up itself.
import { observationOf, recordFor, seriesMeta } from '../data/index';
import { MONTH_NAMES } from '../data/monthNames';
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
	// A table never changes: each series' points (with their source lines) are made once, not
	// on every redraw while a slider moves.
	const points = new Map<string, ObservedPoint[]>();
	const made: Observations = {
		ids: Object.keys(table).sort(),
		pointsOf: (series) => points.get(series) ?? points.set(series, seededPoints(table, series)).get(series)!,
		kindOf: (series) => observationOf(series),
		labelOf: (series) => seriesMeta(series)?.label ?? series,
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
	const points = new Map<string, ObservedPoint[]>();
	const made: Observations = {
		ids: [...seeded.ids, ...[...series.keys()].sort()],
		pointsOf: (id) => {
			const s = series.get(id);
			if (!s) return seeded.pointsOf(id);
			return points.get(id) ?? points.set(id, broughtPoints(s)).get(id)!;
		},
		kindOf: (id) => {
			const s = series.get(id);
			return s ? { kind: s.partOnly ? 'part-year' : 'full-year' } : seeded.kindOf(id);
		},
		labelOf: (id) => (series.has(id) ? `${id} (brought by you)` : seeded.labelOf(id)),
		brought: (id) => series.get(id)
	};
	cache.set(notebook, made);
	return made;
}

function seededPoints(table: DataTable, series: string): ObservedPoint[] {
	const partial = observationOf(series).kind === 'part-year';
	return Object.entries(table[series] ?? {})
		.map(([year, y]) => {
			const x = Number(year);
			const record = recordFor(series, x);
			const notes: string[] = [];
			if (record?.period.partial) notes.push(`Period: ${record.period.months} ${record.period.year} only, not the full year`);
			// A forecast or target names its publisher, the month issued, what it says and its basis.
			if (record?.kind === 'forecast') notes.push(...forecastNotes(record));
			else if (record) notes.push(`Source: ${record.source}`, `Basis: ${record.basis.body}, ${record.basis.measure}, ${record.basis.scope}`);
			if (!record?.period.partial) return { x, y, period: year, partial, notes };
			// A month or part year sits inside its year, where a brought one of the same period would.
			const [from, to = from] = record.period.months.split('-').map((m) => MONTH_NAMES.indexOf(m as (typeof MONTH_NAMES)[number]) + 1);
			return { x: periodX({ year: x, from, to, partial: true }), y, period: `${record.period.months} ${x}`, partial: true, notes };
		})
		.sort((a, b) => a.x - b.x);
}

function broughtPoints(s: BroughtSeries): ObservedPoint[] {
	return s.points.map((p) => {
		const period = periodLabel(p.period);
		const notes: string[] = [];
		if (p.period.partial) notes.push(`Period: ${period} only, not the full year`);
		notes.push(`Source: ${p.source ?? 'not given'}`);
		if (p.basis) notes.push(`Basis: ${p.basis}`);
		if (p.note) notes.push(`Note: ${p.note}`);
		notes.push(`Brought by you (data cell “${s.cellTitle}”)`);
		return { x: periodX(p.period), y: p.value, period, partial: p.period.partial, notes };
	});
}
