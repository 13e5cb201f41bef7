// Every released version of the published notebook, each with the data it reads. A link or a
// saved scenario names its version and opens with that version's notebook and data, so it gives
// the figures it gave when it was made; the current version is what a new visitor gets. Moving
// a document to the current version is the reader's choice (scenario/migrations.ts).
import { observedSeries } from '../data/index';
import type { DataTable, Notebook } from '../sim/types';
import { chinaMarketNotebook } from './chinaMarket';
import { chinaMarketNotebookV1 } from './frozen/chinaMarketV1';
import v1ObservedSeries from './frozen/v1-observed-series.json';

export interface PublishedVersion {
	notebook: Notebook;
	/** The series its formulas, charts and fits read: frozen for an old version, live for the current one. */
	data: DataTable;
}

const FROZEN_V1_DATA: DataTable = Object.freeze(v1ObservedSeries as unknown as DataTable);

const VERSIONS: ReadonlyMap<number, PublishedVersion> = new Map([
	[1, { notebook: chinaMarketNotebookV1, data: FROZEN_V1_DATA }],
	[chinaMarketNotebook.version, { notebook: chinaMarketNotebook, data: observedSeries }]
]);

/** What a new visitor opens. */
export const currentPublished: Notebook = chinaMarketNotebook;

/** Released version numbers, oldest first. */
export const publishedVersionNumbers: readonly number[] = Object.freeze([...VERSIONS.keys()].sort((a, b) => a - b));

/** The published notebook of `version`, or undefined for a version never released. */
export function publishedNotebook(version: number): Notebook | undefined {
	return VERSIONS.get(version)?.notebook;
}

/**
 * The published notebook a document derives from (its version's), the current one for a
 * notebook of no released version.
 */
export function publishedFor(notebook: Pick<Notebook, 'version'>): Notebook {
	return publishedNotebook(notebook.version) ?? currentPublished;
}

/** The data a notebook's formulas read: its version's (frozen for old versions), else the current data. */
export function dataFor(notebook: Pick<Notebook, 'version'>): DataTable {
	return VERSIONS.get(notebook.version)?.data ?? observedSeries;
}

/** True when `notebook` is of an older released version than the current one. */
export function isOlderVersion(notebook: Pick<Notebook, 'version'>): boolean {
	return notebook.version < currentPublished.version && VERSIONS.has(notebook.version);
}
