// What renaming a variable offers (the other cells that use the old name) and does when
// accepted. Loaded with the edit operations, on demand (state/cellEditing.svelte.ts).

import type { Notebook } from '../sim/types';
import * as edits from '../notebooks/edits';

/** After a variable is renamed in one cell: the other cells that still use the old name. */
export interface RenameOffer {
	cellId: string;
	from: string;
	to: string;
	users: string[];
}

/** The offer to rename `from` to `to` in the cells that use it, or null when none does. */
export function renameOfferFor(notebook: Notebook, cellId: string, from: string, to: string): RenameOffer | null {
	const users = edits.cellsUsing(notebook, from, cellId);
	return users.length ? { cellId, from, to, users } : null;
}

/** The notebook and inputs with an accepted rename applied everywhere (an input's value moves too). */
export function applyRename(notebook: Notebook, inputs: Record<string, number>, offer: RenameOffer): { notebook: Notebook; inputs: Record<string, number> } {
	const renamed = { ...inputs };
	if (offer.from in renamed) {
		renamed[offer.to] = renamed[offer.from];
		delete renamed[offer.from];
	}
	return { notebook: edits.renameVariable(notebook, offer.from, offer.to, offer.cellId), inputs: renamed };
}
