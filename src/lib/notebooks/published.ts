// Every released version of the published notebook, each with the data it reads. A link or a
// saved scenario names its version and opens with that version's notebook and data, so it gives
// the figures it gave when it was made; the current version is what a new visitor gets. Moving
// a document to the current version is the reader's choice (scenario/upgrade.ts).
//
// Old versions are frozen modules loaded on demand: a first visit, which only ever needs the
// current version, downloads none of them (the page's JavaScript budget is 100 kB gzip). The
// engine worker, which is sent the notebook itself, needs only their data, and bundles them
// (provideFrozenData, in worker/engineService.ts): a worker chunk loaded on demand would not be
// in the offline cache, which lists only the page's files.
import { observedSeries, seriesMeta } from '../data/index';
import { basisFromText, isMeasureBasis, type SeriesBasis } from '../sim/basis';
import { broughtData, type BroughtData } from '../data/brought';
import type { DataTable, Notebook } from '../sim/types';
import { chinaMarketNotebook } from './chinaMarket';

export interface PublishedVersion {
	notebook: Notebook;
	/** The series its formulas, charts and fits read: frozen for an old version, live for the current one. */
	data: DataTable;
}

/** Released versions and how to read them; the codec and the upgrade take it as a parameter so tests can fake it. */
export interface PublishedVersions {
	/** Released version numbers, oldest first (known without loading any). */
	released: readonly number[];
	/** The published notebook of `version`; undefined for one never released. */
	load(version: number): Promise<Notebook | undefined>;
}

/** What a new visitor opens. */
export const currentPublished: Notebook = chinaMarketNotebook;

const FROZEN: Readonly<Record<number, () => Promise<PublishedVersion>>> = {
	1: async () => {
		const [{ chinaMarketNotebookV1 }, { v1Data }] = await Promise.all([import('./frozen/chinaMarketV1'), import('./frozen/v1Data')]);
		return { notebook: chinaMarketNotebookV1, data: v1Data };
	},
	2: async () => {
		const [{ chinaMarketNotebookV2 }, { v2Data }] = await Promise.all([import('./frozen/chinaMarketV2'), import('./frozen/v2Data')]);
		return { notebook: chinaMarketNotebookV2, data: v2Data };
	}
};

/** The data of old versions, by version, once loaded or provided. */
const frozenData = new Map<number, DataTable>();

/** Makes an old version's data readable without loading its notebook (the engine worker does). */
export function provideFrozenData(version: number, data: DataTable): void {
	frozenData.set(version, data);
}

const loaded = new Map<number, PublishedVersion>([[currentPublished.version, { notebook: currentPublished, data: observedSeries }]]);

/** Released version numbers, oldest first. */
export const releasedVersions: readonly number[] = Object.freeze([...Object.keys(FROZEN).map(Number), currentPublished.version].sort((a, b) => a - b));

/** Loads (once) a released version; undefined for a version never released. */
export async function loadPublishedVersion(version: number): Promise<PublishedVersion | undefined> {
	const known = loaded.get(version);
	if (known) return known;
	const load = Object.hasOwn(FROZEN, version) ? FROZEN[version] : undefined;
	if (!load) return undefined;
	const published = await load();
	frozenData.set(version, published.data);
	loaded.set(version, published);
	return published;
}

/** The published notebook of `version` if it is loaded (the current one always is). */
export function publishedNotebook(version: number): Notebook | undefined {
	return loaded.get(version)?.notebook;
}

/**
 * The published notebook a document derives from: its version's once loaded, else the current
 * one (a notebook of no released version, or one whose version is still loading).
 */
export function publishedFor(notebook: Pick<Notebook, 'version'>): Notebook {
	return publishedNotebook(notebook.version) ?? currentPublished;
}

/** The seeded data a notebook's version reads: frozen for an old version (once loaded or provided), else the current data. */
function seededDataFor(notebook: Pick<Notebook, 'version'>): DataTable {
	return (notebook.version !== currentPublished.version && frozenData.get(notebook.version)) || observedSeries;
}

/** True for an id of the seeded data, in this version or the current one: no data cell may bring it. */
const isSeeded = (seeded: DataTable) => (id: string) => Object.hasOwn(seeded, id) || Object.hasOwn(observedSeries, id);

/** True when `id` names a seeded series `notebook` can read (so no data cell of it may bring it). */
export function isSeededId(notebook: Pick<Notebook, 'version'>, id: string): boolean {
	return isSeeded(seededDataFor(notebook))(id);
}

/** The series `notebook`'s data cells bring (with what each cell had refused). */
export function broughtFor(notebook: Notebook): BroughtData {
	return broughtData(notebook, isSeeded(seededDataFor(notebook)));
}

const merged = new WeakMap<object, DataTable>();

/**
 * The data a notebook's formulas and charts read: its version's seeded data, and the series its
 * data cells bring (never in place of a seeded one). `periods: 'annual'` leaves out a brought
 * series' months and part years: what fit cells compare unless they say otherwise.
 */
export function dataFor(notebook: Pick<Notebook, 'version'> & Partial<Notebook>, periods: 'all' | 'annual' = 'all'): DataTable {
	const seeded = seededDataFor(notebook);
	if (!notebook.cells?.some((c) => c.kind === 'data')) return seeded;
	const brought = broughtFor(notebook as Notebook);
	const table = periods === 'annual' ? brought.annualTable : brought.table;
	let out = merged.get(table);
	if (!out) merged.set(table, (out = { ...table, ...seeded }));
	return out;
}

/** True when `notebook` is of an older released version than the current one. */
export function isOlderVersion(notebook: Pick<Notebook, 'version'>): boolean {
	return notebook.version < currentPublished.version && releasedVersions.includes(notebook.version);
}

/** The released versions of this build, for the codec and the upgrade. */
export const publishedVersions: PublishedVersions = {
	released: releasedVersions,
	load: async (version) => (await loadPublishedVersion(version))?.notebook
};

/**
 * The basis each series a notebook can read is counted on: a seeded series' measure (retail,
 * wholesale, exports), a brought one's from the words of its rows' basis column ("CPCA retail").
 * A series whose basis is none of these gives its words back, so a fit can say what it got.
 */
export function seriesBasisFor(notebook: Notebook): (id: string) => SeriesBasis | undefined {
	const brought = notebook.cells.some((c) => c.kind === 'data') ? broughtFor(notebook).series : undefined;
	return (id) => {
		const own = brought?.get(id);
		if (own) {
			const words = [...new Set(own.points.map((p) => p.basis?.trim()).filter((b): b is string => !!b))];
			const found = [...new Set(words.map(basisFromText))];
			if (words.length && found.length === 1 && found[0]) return found[0];
			return { unknown: words.join('; ') || undefined };
		}
		const meta = seriesMeta(id);
		if (!meta) return undefined;
		return isMeasureBasis(meta.basis.measure) ? meta.basis.measure : { unknown: `${meta.basis.body} ${meta.basis.measure}` };
	};
}
