// Structural and text edits of the notebook's cells, and the rename offer that follows renaming
// a variable. Part of the notebook session (notebookSession.svelte.ts), which owns the document,
// its undo history and the engine; this class only decides what an edit does and asks the
// session to commit it.

import type { Cell, CellKind, Notebook } from '../sim/types';
import * as edits from '../notebooks/edits';
import { applyRename, renameOfferFor, type RenameOffer } from './documentRules';

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

	#apply(result: edits.EditResult, mergeKey: string | null = null, guard?: string): EditOutcome {
		if (!result.ok) return { message: result.message };
		this.#host.commit({ notebook: result.notebook }, mergeKey, guard);
		return { focusCellId: result.focusCellId };
	}

	addCell(kind: CellKind, index?: number): EditOutcome {
		return this.#apply(edits.addCell(this.#host.notebook, kind, index));
	}

	duplicateCell(cellId: string): EditOutcome {
		return this.#apply(edits.duplicateCell(this.#host.notebook, cellId));
	}

	deleteCell(cellId: string): EditOutcome {
		return this.#apply(edits.deleteCell(this.#host.notebook, cellId));
	}

	moveCell(cellId: string, by: -1 | 1): EditOutcome {
		return this.#apply(edits.moveCell(this.#host.notebook, cellId, by));
	}

	updateCell(cellId: string, patch: Partial<Cell>): EditOutcome {
		const before = this.#host.notebook.cells.find((c) => c.id === cellId);
		const outcome = this.#apply(edits.updateCell(this.#host.notebook, cellId, patch), `cell:${cellId}`);
		if (!outcome.message && before?.kind === 'input' && 'name' in patch && patch.name !== before.name) {
			this.#offerRename(cellId, before.name, patch.name as string);
		}
		return outcome;
	}

	/** Typing in a formula: the text is kept as typed; the engine takes it once it compiles. */
	editFormula(cellId: string, formula: string): EditOutcome {
		const outcome = this.#apply(edits.updateCell(this.#host.notebook, cellId, { formula }), `formula:${cellId}`, cellId);
		const from = edits.formulaName((this.#host.running?.cells.find((c) => c.id === cellId) as { formula?: string } | undefined)?.formula ?? '');
		const to = edits.formulaName(formula);
		if (from && to && from !== to) this.#offerRename(cellId, from, to);
		else if (this.renameOffer?.cellId === cellId) this.renameOffer = null;
		return outcome;
	}

	#offerRename(cellId: string, from: string, to: string) {
		this.renameOffer = renameOfferFor(this.#host.notebook, cellId, from, to);
	}

	acceptRename(): void {
		const offer = this.renameOffer;
		if (!offer) return;
		this.renameOffer = null;
		this.#host.commit(applyRename(this.#host.notebook, this.#host.inputs, offer), null, undefined, true);
	}

	dismissRename(): void {
		this.renameOffer = null;
	}
}
