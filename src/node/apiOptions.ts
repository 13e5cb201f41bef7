// The Node API's shared pieces: what a scenario argument may be, the browser's defaults, and the
// checks of options (each a ShiftcastInputError in plain words). Used by apiRuns.ts and apiAnalyses.ts.
import { openScenario, type OpenedScenario } from './open';
import { ShiftcastInputError } from './errors';
import { engineFor, MAX_THREADS } from './pool';
import type { Notebook } from '../lib/sim/types';
import { MAX_HORIZON, MIN_HORIZON } from '../lib/worker/protocol';

/** A scenario: a link, a scenario file's path, or one already opened. */
export type ScenarioSource = string | OpenedScenario;

/** The browser's defaults: band samples and seed (the notebook's uncertainty controls). */
export const DEFAULT_BAND_SAMPLES = 10_000;
export const DEFAULT_SEED = 1;
/** The Sobol indices' base samples N in the browser (sim/analysis/sobol.ts). */
export const DEFAULT_SOBOL_SAMPLES = 4096;
/** Runs of a discovery in the browser. */
export const DEFAULT_DISCOVERY_RUNS = 10_000;

// ------------------------------------------------------------------------------------------
// Checks of options, each a ShiftcastInputError in plain words.

export function wholeNumber(value: number, what: string, min: number, max: number): number {
	if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
		throw new ShiftcastInputError(`${what} must be a whole number from ${min.toLocaleString('en')} to ${max.toLocaleString('en')}, not ${String(value)}.`);
	}
	return value;
}

export function horizonOf(doc: { horizon: number }, horizon: number | undefined): number {
	if (horizon === undefined) return doc.horizon;
	return wholeNumber(horizon, 'The horizon', MIN_HORIZON, MAX_HORIZON);
}

export function threadsOf(threads: number | undefined): number {
	return threads === undefined ? 1 : wholeNumber(threads, 'The number of threads', 1, MAX_THREADS);
}

export function seedOf(seed: number | undefined): number {
	if (seed === undefined) return DEFAULT_SEED;
	if (!Number.isSafeInteger(seed)) throw new ShiftcastInputError(`The seed must be a whole number, not ${String(seed)}.`);
	return seed;
}

export function finite(value: number, what: string): number {
	if (typeof value !== 'number' || !Number.isFinite(value)) throw new ShiftcastInputError(`${what} must be a number, not ${String(value)}.`);
	return value;
}

/** `wanted` checked against `known`; all of `known` when none are asked for. */
export function variablesOf(wanted: string[] | undefined, known: string[], fallback: string[] = known): string[] {
	if (!wanted || !wanted.length) return fallback;
	if (wanted.length === 1 && wanted[0] === 'all') return known;
	const unknown = wanted.filter((v) => !known.includes(v));
	if (unknown.length) {
		throw new ShiftcastInputError(`${unknown.length === 1 ? 'No variable' : 'No variables'} named ${unknown.map((u) => `“${u}”`).join(', ')} in this notebook. Its variables: ${known.join(', ')}.`);
	}
	return [...new Set(wanted)];
}

export function variableOf(variable: string | undefined, notebookVariables: string[], fallback: string | undefined): string {
	const v = variable ?? fallback;
	if (!v) throw new ShiftcastInputError('Name the variable (--variable).');
	return variablesOf([v], notebookVariables)[0];
}

export function yearOf(year: number | undefined, fallback: number | undefined, startYear: number): number {
	const y = year ?? fallback;
	if (y === undefined) throw new ShiftcastInputError('Name the year (--year).');
	return wholeNumber(y, 'The year', startYear, MAX_HORIZON);
}

/** Every variable a notebook defines, inputs first (the order of the browser's CSV). */
export async function variablesOfNotebook(notebook: Notebook): Promise<string[]> {
	return (await engineFor(notebook)).variables;
}

export async function opened(source: ScenarioSource): Promise<OpenedScenario> {
	return typeof source === 'string' ? openScenario(source) : source;
}

