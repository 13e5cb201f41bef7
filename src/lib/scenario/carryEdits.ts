// Carries a person's edits of one published notebook over to another version of it: cells they
// changed replace the new version's cell of the same id, cells they added are placed after the
// cell they followed, cells they deleted are left out. Whatever no longer compiles against the
// new version goes back to the new version's cell (or, for an added cell, is left out), each
// named with the reason, so nothing breaks silently.

import { compileNotebook } from '../sim/model';
import type { Cell, DataTable, Notebook } from '../sim/types';
import { notebookDiff } from './notebookDiff';
import { quote } from './linkText';

/** The edited notebook moved to the other version, with a note on each edit that did not carry over. */
export interface CarriedEdits {
	notebook: Notebook;
	/** One sentence per edit that did not carry over, and why. */
	notes: string[];
}

/** Errors that mean a cell does not compile (not-finite values are a run's, not a compile's). */
const COMPILE_ERROR = (kind: string) => kind !== 'not-finite';

/**
 * `edited` (an edit of `from`) as the same edit of `to`, with the data `to` reads: a table, or
 * the table a notebook reads (its version's data and the series its data cells bring, so a
 * formula reading a carried data cell's series compiles).
 */
export function carryEdits(edited: Notebook, from: Notebook, to: Notebook, data: DataTable | ((notebook: Notebook) => DataTable)): CarriedEdits {
	const dataOf = typeof data === 'function' ? data : () => data;
	const base: Notebook = { ...to, cells: [...to.cells] };
	const diff = notebookDiff(edited, from);
	if (!diff) return { notebook: base, notes: [] };
	const notes: string[] = [];
	const fromIds = new Set(from.cells.map((c) => c.id));
	const targetById = new Map(to.cells.map((c) => [c.id, c]));
	const kept = new Set(diff.order);
	const deleted = from.cells.filter((c) => !kept.has(c.id) && targetById.has(c.id)).map((c) => c.id);

	// Cells, in the new version's order, with the deletions and replacements applied.
	let cells: Cell[] = to.cells.filter((c) => !deleted.includes(c.id)).map((c) => diff.cells[c.id] ?? c);
	// Added cells go after the cell they followed in the edited notebook (or first).
	diff.order.forEach((id, i) => {
		if (fromIds.has(id) || targetById.has(id) || !Object.hasOwn(diff.cells, id)) return;
		const before = diff.order.slice(0, i).reverse().find((prior) => cells.some((c) => c.id === prior));
		const at = before === undefined ? 0 : cells.findIndex((c) => c.id === before) + 1;
		cells = [...cells.slice(0, at), diff.cells[id], ...cells.slice(at)];
	});
	const carried = new Set(Object.keys(diff.cells));
	// An edit of a cell the new version no longer has cannot be carried: say so, never drop it silently.
	for (const id of Object.keys(diff.cells)) {
		if (!fromIds.has(id) || targetById.has(id)) continue;
		carried.delete(id);
		notes.push(`Your edit of cell ${quote(id)} was not carried over: version ${to.version} has no such cell; it was left out.`);
	}

	// Revert what does not compile, one cell at a time (a revert can mend another cell).
	for (let round = 0; round <= carried.size; round++) {
		const candidate = { ...base, cells };
		const errors = compileNotebook(candidate, dataOf(candidate)).errors.filter((e) => COMPILE_ERROR(e.kind));
		const broken = errors.find((e) => carried.has(e.cellId));
		if (!broken) {
			// A v2 cell broken by a deletion: bring the deleted cells back.
			if (errors.length && deleted.length) {
				cells = to.cells.map((c) => cells.find((mine) => mine.id === c.id) ?? c).concat(cells.filter((c) => !targetById.has(c.id)));
				notes.push(`The cells you deleted (${deleted.map((id) => quote(id)).join(', ')}) were kept: version ${to.version} needs them.`);
				deleted.length = 0;
				continue;
			}
			break;
		}
		carried.delete(broken.cellId);
		const original = targetById.get(broken.cellId);
		cells = original ? cells.map((c) => (c.id === broken.cellId ? original : c)) : cells.filter((c) => c.id !== broken.cellId);
		notes.push(
			`Your edit of cell ${quote(broken.cellId)} was not carried over (${broken.message.replace(/\.$/, '')}); ${original ? `version ${to.version}'s cell is used instead` : 'it was left out'}.`
		);
	}
	const notebook: Notebook = { ...base, cells, title: diff.title ?? to.title };
	const movedOnly = diff.order.filter((id) => fromIds.has(id) && !Object.hasOwn(diff.cells, id));
	const fromOrder = from.cells.map((c) => c.id).filter((id) => movedOnly.includes(id));
	if (movedOnly.some((id, i) => id !== fromOrder[i])) notes.push(`Cells you moved were put back in the published notebook's order.`);
	return { notebook, notes };
}
