// Every released version of the published notebook, each with the data it reads. A link or a
// saved scenario names its version and opens with that version's notebook and data, so it gives
// the figures it gave when it was made; the current version is what a new visitor gets. Moving
// a document to the current version is the reader's choice (scenario/upgrade.ts).
//
// Old versions' notebooks are frozen modules loaded on demand: a first visit, which only ever
// needs the current version, downloads none of them (the page's JavaScript budget is 100 kB
// gzip). Their data are small and always at hand, so the engine worker, which is sent the
// notebook, reads the right data without loading anything (and needs no chunk of its own, which
// the offline cache would not know of).
import { observedSeries } from '../data/index';
import type { DataTable, Notebook } from '../sim/types';
import { chinaMarketNotebook } from './chinaMarket';
import v1ObservedSeries from './frozen/v1-observed-series.json';

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

const FROZEN: Readonly<Record<number, () => Promise<Notebook>>> = {
	1: () => import('./frozen/chinaMarketV1').then((m) => m.chinaMarketNotebookV1)
};

/** The data each old version read, frozen. */
const FROZEN_DATA: Readonly<Record<number, DataTable>> = {
	1: Object.freeze(v1ObservedSeries as unknown as DataTable)
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
	const published = { notebook: await load(), data: FROZEN_DATA[version] };
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

/** The data a notebook's formulas read: its version's (frozen for an old version), else the current data. */
export function dataFor(notebook: Pick<Notebook, 'version'>): DataTable {
	return notebook.version !== currentPublished.version && Object.hasOwn(FROZEN_DATA, notebook.version) ? FROZEN_DATA[notebook.version] : observedSeries;
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
