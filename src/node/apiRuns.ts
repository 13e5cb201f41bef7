// The Node API's runs: one scenario year by year, and batches of scenarios from a table.
import { readTextFile } from './read';
import { ShiftcastInputError } from './errors';
import { MAX_BATCH_CHARS, readBatchTable, type BatchScenario, type BatchTable } from './batchTable';
import { runMany } from './batchRun';
import { engineFor } from './pool';
import { bandVariables } from '../lib/state/documentRules';
import { loadPublishedVersion } from '../lib/notebooks/published';
import type { Notebook } from '../lib/sim/types';
import { horizonOf, opened, variablesOf, variablesOfNotebook, type ScenarioSource } from './apiOptions';

// ------------------------------------------------------------------------------------------
// Runs

/** What one run gives: the year-by-year figures, and what the reader said of its input. */
export interface ScenarioResult {
	name: string;
	/** The link or file it came from (empty for a batch row). */
	source: string;
	/** The notebook version it ran with. */
	version: number;
	horizon: number;
	/** Lever values that differ from the defaults. */
	inputs: Record<string, number>;
	/** The reader's notices (values clamped, keys ignored). */
	notices: string[];
	years: number[];
	/** Variable -> one value per year. */
	series: Record<string, number[]>;
}

export interface RunOptions {
	/** Last year (2030 to 2050); default: the scenario's own. */
	horizon?: number;
	/** Variables to keep (default: every variable, as the browser's "Download results"); ["all"] for all. */
	variables?: string[];
}

/**
 * Opens a scenario (a link, read by the browser's decoder, or a scenario file) and runs it to
 * its horizon: the figures the browser shows for it, to the digit.
 *
 * @example
 * const result = await run('https://example.org/?v=3&horizon=2040&localisationGerman=0.6', { variables: ['domesticShare'] });
 * result.series.domesticShare[result.years.indexOf(2030)];
 */
export async function run(scenario: ScenarioSource, options: RunOptions = {}): Promise<ScenarioResult> {
	const s = await opened(scenario);
	const horizon = horizonOf(s.document, options.horizon);
	const { engine } = await engineFor(s.document.notebook);
	const [result] = await engine.runScenarios([{ notebook: s.document.notebook, inputs: s.document.inputs, horizon }]);
	const variables = variablesOf(options.variables, Object.keys(result.series));
	return {
		name: s.name,
		source: s.source,
		version: s.document.notebook.version,
		horizon,
		inputs: { ...s.document.inputs },
		notices: s.notices,
		years: result.years,
		series: Object.fromEntries(variables.map((v) => [v, result.series[v]]))
	};
}

/** Largest batch table file read. */
export const MAX_BATCH_FILE_BYTES = MAX_BATCH_CHARS;

/**
 * Reads a batch table (CSV, TSV or semicolons, as a spreadsheet saves it): one scenario per row,
 * columns named after levers, optional `name`, `version` and `horizon`. Rows that cannot be used
 * are listed in `problems` ("row 5: …", numbered as a spreadsheet numbers them).
 */
export async function readBatch(pathOrText: string, options: { text?: boolean } = {}): Promise<BatchTable> {
	const text = options.text ? pathOrText : readTextFile(pathOrText, 'batch table', MAX_BATCH_FILE_BYTES);
	return readBatchTable(text);
}

export interface BatchOptions {
	/** Last year of every scenario (default: each row's `horizon`, else its notebook's). */
	horizon?: number;
	/** Variables to keep (default: the notebook's key figures); ["all"] for all. */
	variables?: string[];
}

/** The variables of a notebook's key-figure cells (those the browser's library and compare page show); the banded ones if it has none. */
export function keyFigureVariables(notebook: Notebook): string[] {
	const names = new Set<string>();
	for (const c of notebook.cells) if (c.kind === 'headline') for (const v of c.variables) names.add(v);
	return names.size ? [...names] : bandVariables(notebook);
}

/** One batch scenario's figures. */
export interface BatchResult {
	name: string;
	version: number;
	horizon: number;
	inputs: Record<string, number>;
	years: number[];
	series: Record<string, number[]>;
}

/**
 * Runs many scenarios at once (thousands a second: they share one vectorised program per
 * notebook version), each giving the figures a single run gives, to the digit.
 */
export async function runBatch(scenarios: BatchScenario[], options: BatchOptions = {}): Promise<BatchResult[]> {
	const byVersion = new Map<number, number[]>();
	scenarios.forEach((s, i) => {
		const list = byVersion.get(s.version) ?? [];
		list.push(i);
		byVersion.set(s.version, list);
	});
	const out: BatchResult[] = new Array(scenarios.length);
	for (const [version, indices] of byVersion) {
		const notebook = (await loadPublishedVersion(version))?.notebook;
		if (!notebook) throw new ShiftcastInputError(`Version ${version} is not a released version of the notebook.`);
		const known = await variablesOfNotebook(notebook);
		const variables = variablesOf(options.variables, known, keyFigureVariables(notebook));
		const runs = indices.map((i) => ({ inputs: scenarios[i].inputs, horizon: horizonOf({ horizon: scenarios[i].horizon ?? notebook.horizon }, options.horizon) }));
		const figures = runMany(notebook, runs, variables);
		indices.forEach((i, k) => {
			const s = scenarios[i];
			out[i] = { name: s.name, version, horizon: runs[k].horizon, inputs: s.inputs, years: figures[k].years, series: figures[k].series };
		});
	}
	return out;
}

