// Pure rules the notebook session applies to its document: how an input value is kept, what the
// engine runs while a formula draft is refused, which variables get bands (what a rename offers
// and does: renameRules.ts). No runes, no engine: tested and reasoned about on their own.

import type { InputCell, Notebook } from '../sim/types';

/** `value` within the cell's range. */
export function clampToInput(cell: InputCell, value: number): number {
	return Math.min(cell.max, Math.max(cell.min, value));
}

/**
 * Stores `value` for `cell` in `inputs` (which holds only values that differ from defaults):
 * clamped to the range, and deleted when it is the default.
 */
export function storeInput(inputs: Record<string, number>, cell: InputCell, value: number): void {
	const clamped = clampToInput(cell, value);
	if (clamped === cell.default) delete inputs[cell.name];
	else inputs[cell.name] = clamped;
}

/**
 * The notebook the engine is sent: formula cells whose draft was refused (in `refused`) run at
 * their last good version from `running`, except `guard`, the cell being typed, sent as it is.
 */
export function withLastGoodDrafts(notebook: Notebook, running: Notebook | null, refused: ReadonlyMap<string, unknown>, guard?: string): Notebook {
	return {
		...notebook,
		cells: notebook.cells.map((c) => {
			if (c.id === guard || c.kind !== 'formula' || !refused.has(c.id)) return c;
			const good = running?.cells.find((r) => r.id === c.id);
			return good?.kind === 'formula' ? { ...c, formula: good.formula } : c;
		})
	};
}

/** Variables shown with bands: those of every line chart and key-figure cell. */
export function bandVariables(notebook: Notebook): string[] {
	const names = new Set<string>();
	for (const c of notebook.cells) {
		if ((c.kind === 'chart' && c.style === 'line') || c.kind === 'headline') for (const v of c.variables) names.add(v);
	}
	return [...names];
}

export type { RenameOffer } from './renameRules';
