// Which basis each variable of a notebook states (FormulaCell.basis), by the name its formula
// defines. Apart from basis.ts because it parses formulas, which brings mathjs: the engine and the
// analyses use it, the page does not.

import { parseFormula } from './parse';
import type { MeasureBasis, Notebook } from './types';

/** Variable name -> the basis its formula cell states. */
export function variableBases(notebook: Pick<Notebook, 'cells'>): Map<string, MeasureBasis> {
	const out = new Map<string, MeasureBasis>();
	for (const cell of notebook.cells) {
		if (cell.kind !== 'formula' || !cell.basis) continue;
		try {
			out.set(parseFormula(cell.formula).name, cell.basis);
		} catch {
			// A formula that does not parse defines nothing; the compiler reports it.
		}
	}
	return out;
}
