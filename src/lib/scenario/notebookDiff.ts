// An edited notebook as the difference from the published notebook it was edited from: what
// travels in a link's `nb` parameter, and what is carried over when a document moves to a newer
// version of the published notebook.

import type { Cell, Notebook } from '../sim/types';

/** The `nb` payload: the edited notebook as a diff against the published one. */
export interface NotebookDiff {
	/** Every cell id of the edited notebook, in order. */
	order: string[];
	/** Cells that are new, or differ from the published cell with the same id. */
	cells: Record<string, Cell>;
	title?: string;
}

/** JSON with object keys sorted, so equal cells compare equal whatever order their keys were set in. */
function canonicalJson(value: unknown): string {
	return JSON.stringify(value, (_key, v: unknown) =>
		v !== null && typeof v === 'object' && !Array.isArray(v)
			? Object.fromEntries(
					Object.keys(v)
						.sort()
						.map((k) => [k, (v as Record<string, unknown>)[k]])
				)
			: v
	);
}

/** The diff of `edited` against `published`, or null when they have the same cells and title. */
export function notebookDiff(edited: Notebook, published: Notebook): NotebookDiff | null {
	const publishedJson = new Map(published.cells.map((cell) => [cell.id, canonicalJson(cell)]));
	const order = edited.cells.map((cell) => cell.id);
	const changed = edited.cells.filter((cell) => publishedJson.get(cell.id) !== canonicalJson(cell));
	const sameOrder = order.length === published.cells.length && order.every((id, i) => id === published.cells[i].id);
	const sameTitle = edited.title === published.title;
	if (sameOrder && sameTitle && changed.length === 0) return null;
	// fromEntries defines own properties, so even a cell id of `__proto__` stays a plain key.
	const diff: NotebookDiff = { order, cells: Object.fromEntries(changed.map((cell) => [cell.id, cell])) };
	if (!sameTitle) diff.title = edited.title;
	return diff;
}
