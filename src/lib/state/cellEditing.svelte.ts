// Structural and text edits of the notebook's cells, and the rename offer that follows renaming
// a variable. Part of the notebook session (notebookSession.svelte.ts), which owns the document,
// its undo history and the engine; this class only decides what an edit does and asks the
// session to commit it.

import type { Cell, CellKind, Notebook } from '../sim/types';
import type { RenameOffer } from './renameRules';
import { formulaName } from '../notebooks/definedNames';

type Operations = typeof import('./editOperations');
type EditResult = import('../notebooks/edits').EditResult;

/**
 * The edit operations load on demand: a first visit only reads. The notebook page fetches them at
 * the first sign of a person reaching for the page (a pointer over it, a key, a focus) or a few
 * seconds after the engine is ready (preloadEditOperations), so an edit finds them there; an edit
 * made before they arrive is applied as soon as they do.
 */
let operations: Operations | null = null;
let loading: Promise<Operations> | null = null;

export function preloadEditOperations(): Promise<Operations> {
	loading ??= import('./editOperations').then((m) => (operations = m));
	return loading;
}



/** What the session lends its cell edits. */
export interface EditingHost {
	readonly notebook: Notebook;
	readonly inputs: Record<string, number>;
	/** The notebook the engine last accepted (for a formula's previous name). */
	readonly running: Notebook | null;
	/**
	 * Replaces the notebook and inputs as one undo step (consecutive steps with the same
	 * `mergeKey` merge); `guard` is the formula cell being typed; `compileNow` skips the delay.
	 */
	commit(change: { notebook: Notebook; inputs?: Record<string, number> }, mergeKey: string | null, guard?: string, compileNow?: boolean): void;
}

/** A refused edit's message, or the cell to focus after it. */
export type EditOutcome = { message?: string; focusCellId?: string };

export class CellEditing {
	/** After a variable was renamed in one cell: the offer to rename it where it is used too. */
	renameOffer: RenameOffer | null = $state.raw(null);
	#host: EditingHost;

	constructor(host: EditingHost) {
		this.#host = host;
	}

	/** Runs `edit` with the operations; before they arrive, once they do (its outcome then goes unread). */
	#with(edit: (ops: Operations) => EditOutcome): EditOutcome {
		if (operations) return edit(operations);
		void preloadEditOperations().then(edit);
		return {};
	}

	#apply(result: EditResult, mergeKey: string | null = null, guard?: string): EditOutcome {
		if (!result.ok) return { message: result.message };
		this.#host.commit({ notebook: result.notebook }, mergeKey, guard);
		return { focusCellId: result.focusCellId };
	}

	addCell(kind: CellKind, index?: number): EditOutcome {
		return this.#with((ops) => this.#apply(ops.addCell(this.#host.notebook, kind, index)));
	}

	duplicateCell(cellId: string): EditOutcome {
		return this.#with((ops) => this.#apply(ops.duplicateCell(this.#host.notebook, cellId)));
	}

	deleteCell(cellId: string): EditOutcome {
		return this.#with((ops) => this.#apply(ops.deleteCell(this.#host.notebook, cellId)));
	}

	moveCell(cellId: string, by: -1 | 1): EditOutcome {
		return this.#with((ops) => this.#apply(ops.moveCell(this.#host.notebook, cellId, by)));
	}

	updateCell(cellId: string, patch: Partial<Cell>): EditOutcome {
		return this.#with((ops) => {
			const before = this.#host.notebook.cells.find((c) => c.id === cellId);
			const outcome = this.#apply(ops.updateCell(this.#host.notebook, cellId, patch), `cell:${cellId}`);
			if (!outcome.message && before?.kind === 'input' && 'name' in patch && patch.name !== before.name) {
				this.renameOffer = ops.renameOfferFor(this.#host.notebook, cellId, before.name, patch.name as string);
			}
			return outcome;
		});
	}

	/** Typing in a formula: the text is kept as typed; the engine takes it once it compiles. */
	editFormula(cellId: string, formula: string): EditOutcome {
		return this.#with((ops) => {
			const outcome = this.#apply(ops.updateCell(this.#host.notebook, cellId, { formula }), `formula:${cellId}`, cellId);
			const from = formulaName((this.#host.running?.cells.find((c) => c.id === cellId) as { formula?: string } | undefined)?.formula ?? '');
			const to = formulaName(formula);
			if (from && to && from !== to) this.renameOffer = ops.renameOfferFor(this.#host.notebook, cellId, from, to);
			else if (this.renameOffer?.cellId === cellId) this.renameOffer = null;
			return outcome;
		});
	}

	acceptRename(): void {
		const offer = this.renameOffer;
		if (!offer || !operations) return;
		this.renameOffer = null;
		this.#host.commit(operations.applyRename(this.#host.notebook, this.#host.inputs, offer), null, undefined, true);
	}

	dismissRename(): void {
		this.renameOffer = null;
	}
}
