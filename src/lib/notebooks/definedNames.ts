// The names a notebook defines. Kept apart from edits.ts (loaded on demand): the page needs these
// from the start, the edit operations only once a person edits a cell.

import type { Notebook } from '../sim/types';

const NAME_OF_FORMULA = /^\s*([A-Za-z][A-Za-z0-9_]*)\s*=/;

/** The variable a formula defines (the name before its "="), or null. */
export function formulaName(formula: string): string | null {
	return NAME_OF_FORMULA.exec(formula)?.[1] ?? null;
}

/** Every name the notebook defines (inputs and formulas). */
export function definedNames(notebook: Notebook): Set<string> {
	const names = new Set<string>();
	for (const c of notebook.cells) {
		if (c.kind === 'input') names.add(c.name);
		if (c.kind === 'formula') {
			const n = formulaName(c.formula);
			if (n) names.add(n);
		}
	}
	return names;
}
