// The last check of any document that came from outside (a link, a migration, a file): values
// finite and within range (clamped, with a notice), names known, values equal to the default
// dropped, horizon a whole year in range. Keys only ever go into Maps, never into plain objects,
// so `__proto__` and friends are just unknown names.

import type { InputCell, Notebook } from '../sim/types';
import type { WorkingDocument } from '../state/autosave';
import { MAX_HORIZON, MIN_HORIZON } from '../worker/protocol';
import { quote } from './linkText';
import { w } from '../i18n/screenWords';
import { checkNotebook } from './notebookSchema';
import { RESERVED_KEYS } from './reservedKeys';

export { RESERVED_KEYS } from './reservedKeys';

/** What an input name may look like in a link. */
export const INPUT_NAME = /^[A-Za-z][A-Za-z0-9_]{0,47}$/;

/** The sentence that ends a notice when a notebook could not be used, in the page's language. */
export function publishedOpened(): string {
	return w('screen_link_published_opened');
}

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
	notices.push(w(top ? 'screen_link_clamped_top' : 'screen_link_clamped_bottom', { key: quote(name), value, clamped, min: cell.min, max: cell.max }));
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
		notices.push(w('screen_link_updated_problems', { problems: check.problems.join('; '), then: publishedOpened() }));
		notebook = copyOf(fallback);
	}
	const cells = inputCellsByName(notebook);
	const inputs = new Map<string, number>();
	const given = isRecord(doc?.inputs) ? doc.inputs : {};
	for (const name of Object.keys(given)) {
		const cell = INPUT_NAME.test(name) && !RESERVED_KEYS.has(name) ? cells.get(name) : undefined;
		if (!cell) {
			notices.push(w('screen_link_key_unknown', { key: quote(name) }));
			continue;
		}
		const raw = given[name];
		if (typeof raw !== 'number' || !Number.isFinite(raw)) {
			notices.push(w('screen_link_key_reason', { key: quote(name), reason: w('screen_link_number_not_finite', { value: String(raw) }) }));
			continue;
		}
		const value = clampToRange(name, raw + 0, cell, notices);
		if (value !== cell.default) inputs.set(name, value);
	}
	let horizon = fallback.horizon;
	const h = doc?.horizon;
	if (typeof h === 'number' && Number.isFinite(h)) {
		horizon = Math.min(MAX_HORIZON, Math.max(MIN_HORIZON, Math.round(h)));
		if (horizon !== h) notices.push(w('screen_link_horizon_set', { value: h, horizon }));
	} else if (h !== undefined) {
		notices.push(w('screen_link_horizon_not_year', { value: String(h), horizon }));
	}
	return { notebook, inputs: Object.fromEntries(inputs), horizon };
}
