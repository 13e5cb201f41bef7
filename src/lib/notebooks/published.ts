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
import { observedSeries } from '../data/index';
import type { DataTable, Notebook } from '../sim/types';
import { chinaMarketNotebook } from './chinaMarket';
import { provideFrozenData } from './publishedData';

// The data half lives in publishedData.ts (the workers bundle it without the notebooks).
export { broughtFor, dataFor, isSeededId, provideFrozenData, seriesBasisFor } from './publishedData';

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
	provideFrozenData(version, published.data);
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

/** True when `notebook` is of an older released version than the current one. */
export function isOlderVersion(notebook: Pick<Notebook, 'version'>): boolean {
	return notebook.version < currentPublished.version && releasedVersions.includes(notebook.version);
}

/** The released versions of this build, for the codec and the upgrade. */
export const publishedVersions: PublishedVersions = {
	released: releasedVersions,
	load: async (version) => (await loadPublishedVersion(version))?.notebook
};

