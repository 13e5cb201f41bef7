// The seeded data, validated once at module load. Pure TypeScript: safe in the worker, in Node
// and in components. A new file in data/ must be imported here (tests/data.test.ts checks it).
import domesticBrandShare from '../../../data/domestic-brand-share.json';
import nevShare from '../../../data/nev-share.json';
import volumes from '../../../data/volumes.json';
import foreignBrandsByOrigin from '../../../data/foreign-brands-by-origin.json';
import exports from '../../../data/exports.json';
import articleFigures from '../../../data/article-figures.json';
import eventsJson from '../../../data/events.json';
import type { Basis, DataEvent, DataFile, DataRecord, Kind, Unit } from './schema';
import { validateAcrossFiles, validateAnyFile } from './validate';

export type { Basis, DataEvent, DataFile, DataRecord, EventsFile, Kind, Unit } from './schema';

/** Order matters: when a series appears in two files, the first file is its primary home. */
const RAW_FILES: Readonly<Record<string, unknown>> = {
	'data/domestic-brand-share.json': domesticBrandShare,
	'data/nev-share.json': nevShare,
	'data/volumes.json': volumes,
	'data/foreign-brands-by-origin.json': foreignBrandsByOrigin,
	'data/exports.json': exports,
	'data/article-figures.json': articleFigures,
	'data/events.json': eventsJson
};

/** The data files this module loads, as paths relative to the project root. */
export const dataFileNames: readonly string[] = Object.freeze(Object.keys(RAW_FILES));

/** A record together with the file and family it came from. */
export type LoadedRecord = DataRecord & { file: string; family: string };

export interface SeriesMeta {
	id: string;
	label: string;
	unit: Unit;
	kind: Kind;
	basis: Basis;
	/** Source of the series' primary records (the first file that holds it). */
	source: string;
	/** Every distinct source cited for the series, primary first. */
	sources: string[];
	family: string;
	file: string;
	/** Years with a full-year point, ascending. */
	years: number[];
}

/**
 * The files are validated against the zod schema in development and in every test run
 * (tests/data.test.ts fails naming the file, record and field). The production build trusts the
 * committed, tested files: validating them again on every page load would cost start-up time
 * and put zod into the engine worker.
 */
function load(): { series: { fileName: string; file: DataFile }[]; events: DataEvent[] } {
	const series: { fileName: string; file: DataFile }[] = [];
	const events: DataEvent[] = [];
	if (import.meta.env?.DEV) {
		const errors: string[] = [];
		for (const [fileName, json] of Object.entries(RAW_FILES)) {
			const r = validateAnyFile(fileName, json);
			if (!r.ok) errors.push(...r.errors);
		}
		if (errors.length) throw new Error(`Invalid data in data/:\n${errors.join('\n')}`);
	}
	for (const [fileName, json] of Object.entries(RAW_FILES)) {
		if (Object.hasOwn(json as object, 'events')) events.push(...(json as { events: DataEvent[] }).events);
		else series.push({ fileName, file: json as DataFile });
	}
	if (import.meta.env?.DEV) {
		const errors = validateAcrossFiles(series);
		if (errors.length) throw new Error(`Invalid data in data/:\n${errors.join('\n')}`);
	}
	return { series, events };
}

const loaded = load();

export const allRecords: readonly LoadedRecord[] = Object.freeze(
	loaded.series.flatMap(({ fileName, file }) =>
		file.records.map((r) => Object.freeze({ ...r, file: fileName, family: file.family }))
	)
);

/** Events in time order (an event without a month sorts before the months of its year). */
export const events: readonly DataEvent[] = Object.freeze(
	[...loaded.events].sort((a, b) => a.year - b.year || (a.month ?? 0) - (b.month ?? 0))
);

/**
 * Full-year points only, series id -> year -> value, for the engine's data look-ups. Partial-year
 * and one-off points (Jan-Apr 2025, the Jul 2023 VW-XPeng deal, ...) are left out; forecasts
 * (e.g. nev_sales_forecast_ev100) are in, under their own series ids.
 */
export const annualSeries: Record<string, Record<number, number>> = buildAnnualSeries();

/**
 * What formulas and fits may look up: the annual series plus each partial-year series (Jan-Apr
 * 2025, ...) under its own id, keyed by its year. The id says the period (`..._jan_apr`), so a
 * partial-year point is never mistaken for a full year.
 */
export const observedSeries: Record<string, Record<number, number>> = buildObservedSeries();

const labels = new Map<string, string>();
for (const { file } of loaded.series)
	for (const [id, label] of Object.entries(file.labels)) if (!labels.has(id)) labels.set(id, label);

/** Sorted ids of every series in the data. */
export const seriesIds: readonly string[] = Object.freeze([...new Set(allRecords.map((r) => r.series))].sort());

/**
 * The record behind a data point, for tooltips that name the source. Without `months`, a
 * full-year point is preferred; a series that only has partial-year points returns its first
 * one for that year. A point given in two files comes from the series' primary file.
 */
export function recordFor(series: string, year: number, months?: string): LoadedRecord | undefined {
	const matches = allRecords.filter((r) => r.series === series && r.period.year === year);
	if (months !== undefined) return matches.find((r) => r.period.months === months);
	return matches.find((r) => !r.period.partial) ?? matches[0];
}

/** Unit, basis, label and source of a series; undefined for an unknown id. */
export function seriesMeta(series: string): SeriesMeta | undefined {
	const records = allRecords.filter((r) => r.series === series);
	const first = records[0];
	if (!first) return undefined;
	return {
		id: series,
		label: labels.get(series) ?? series,
		unit: first.unit,
		kind: first.kind,
		basis: { ...first.basis },
		source: first.source,
		sources: [...new Set(records.map((r) => r.source))],
		family: first.family,
		file: first.file,
		years: Object.keys(annualSeries[series] ?? {})
			.map(Number)
			.sort((a, b) => a - b)
	};
}

function buildAnnualSeries(): Record<string, Record<number, number>> {
	const out: Record<string, Record<number, number>> = {};
	for (const r of allRecords) {
		if (r.period.partial) continue;
		const byYear = (out[r.series] ??= {});
		if (!(r.period.year in byYear)) byYear[r.period.year] = r.value;
	}
	for (const byYear of Object.values(out)) Object.freeze(byYear);
	return Object.freeze(out);
}

function buildObservedSeries(): Record<string, Record<number, number>> {
	const out: Record<string, Record<number, number>> = { ...annualSeries };
	const partialOnly = new Set(allRecords.filter((r) => r.period.partial).map((r) => r.series));
	for (const r of allRecords) if (r.period.partial && !Object.hasOwn(annualSeries, r.series) && partialOnly.has(r.series)) {
		const byYear = (out[r.series] = { ...(out[r.series] ?? {}) });
		if (!(r.period.year in byYear)) byYear[r.period.year] = r.value;
	}
	for (const id of Object.keys(out)) if (!Object.hasOwn(annualSeries, id)) Object.freeze(out[id]);
	return Object.freeze(out);
}

/**
 * How a series' points are drawn beside the model: full-year actuals, a month or part of a year
 * (every point partial), or forecasts (never fitted), with the body that made them. A chart's
 * legend shows `by`, so it also says what sets a forecast apart from the line it is drawn beside:
 * a target rather than a forecast, all vehicle types rather than passenger cars, a basis the
 * publisher did not state.
 */
export function observationOf(series: string): { kind: 'full-year' | 'part-year' | 'forecast'; by?: string } {
	const records = allRecords.filter((r) => r.series === series);
	const forecast = records.find((r) => r.kind === 'forecast');
	if (forecast) {
		const { body, measure, scope } = forecast.basis;
		const caveats = [measure === 'target' ? 'a target' : '', scope === 'all vehicles' ? 'all vehicles' : scope === 'not stated' ? 'basis not stated' : ''].filter(Boolean);
		return { kind: 'forecast', by: caveats.length ? `${body}; ${caveats.join(', ')}` : body };
	}
	return { kind: records.length && records.every((r) => r.period.partial) ? 'part-year' : 'full-year' };
}
