// The last check of any document that came from outside (a link, a migration, a file): values
// finite and within range (clamped, with a notice), names known, values equal to the default
// dropped, horizon a whole year in range. Keys only ever go into Maps, never into plain objects,
// so `__proto__` and friends are just unknown names.

import type { InputCell, Notebook } from '../sim/types';
import type { WorkingDocument } from '../state/autosave';
import { MAX_HORIZON, MIN_HORIZON } from '../worker/protocol';
import { quote } from './linkText';
import { checkNotebook } from './notebookSchema';
import { RESERVED_KEYS } from './reservedKeys';

export { RESERVED_KEYS } from './reservedKeys';

/** What an input name may look like in a link. */
export const INPUT_NAME = /^[A-Za-z][A-Za-z0-9_]{0,47}$/;

/** The sentence that ends a notice when a notebook could not be used. */
export const PUBLISHED_OPENED = 'the published notebook was opened instead.';

/** A fresh copy of a published notebook, so callers can never mutate the original through a document. */
export function copyOf(published: Notebook): Notebook {
	const check = checkNotebook(published);
	return check.ok ? check.notebook : (JSON.parse(JSON.stringify(published)) as Notebook);
}

/** The first input cell of each name, by name. */
export function inputCellsByName(notebook: Notebook): Map<string, InputCell> {
	const byName = new Map<string, InputCell>();
	for (const cell of notebook.cells) if (cell.kind === 'input' && !byName.has(cell.name)) byName.set(cell.name, cell);
	return byName;
}

/** `value` within the cell's range; a notice when it had to be moved. */
export function clampToRange(name: string, value: number, cell: InputCell, notices: string[]): number {
	if (value >= cell.min && value <= cell.max) return value;
	const top = value > cell.max;
	const clamped = top ? cell.max : cell.min;
	notices.push(`${quote(name)} was ${value}; set to ${clamped}, the ${top ? 'top' : 'bottom'} of its range (${cell.min} to ${cell.max}).`);
	return clamped;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Checks a document against its own notebook (see the top of this file). `fallback` is the
 * published notebook opened when the document's own notebook is not valid.
 */
export function settle(doc: WorkingDocument, fallback: Notebook, notices: string[]): WorkingDocument {
	let notebook: Notebook;
	const check = checkNotebook(doc?.notebook);
	if (check.ok) notebook = check.notebook;
	else {
		notices.push(`The updated notebook has problems: ${check.problems.join('; ')}; ${PUBLISHED_OPENED}`);
		notebook = copyOf(fallback);
	}
	const cells = inputCellsByName(notebook);
	const inputs = new Map<string, number>();
	const given = isRecord(doc?.inputs) ? doc.inputs : {};
	for (const name of Object.keys(given)) {
		const cell = INPUT_NAME.test(name) && !RESERVED_KEYS.has(name) ? cells.get(name) : undefined;
		if (!cell) {
			notices.push(`Ignored ${quote(name)}: no input of that name.`);
			continue;
		}
		const raw = given[name];
		if (typeof raw !== 'number' || !Number.isFinite(raw)) {
			notices.push(`Ignored ${quote(name)}: ${String(raw)} is not a finite number.`);
			continue;
		}
		const value = clampToRange(name, raw + 0, cell, notices);
		if (value !== cell.default) inputs.set(name, value);
	}
	let horizon = fallback.horizon;
	const h = doc?.horizon;
	if (typeof h === 'number' && Number.isFinite(h)) {
		horizon = Math.min(MAX_HORIZON, Math.max(MIN_HORIZON, Math.round(h)));
		if (horizon !== h) notices.push(`The horizon ${h} was set to ${horizon}.`);
	} else if (h !== undefined) {
		notices.push(`The horizon ${String(h)} is not a year; ${horizon} was used.`);
	}
	return { notebook, inputs: Object.fromEntries(inputs), horizon };
}
