// Facts about a notebook that the page needs and that do not change while sliders move.

import type { Cell, FormulaCell, InputCell, Notebook, ValueFormat } from '../sim/types';
import { formulaName } from '../notebooks/definedNames';
import { shown } from '../i18n/publishedTexts';
import { w } from '../i18n/screenWords';

export function inputCells(notebook: Notebook): InputCell[] {
	return notebook.cells.filter((c): c is InputCell => c.kind === 'input');
}

export function defaultInputs(notebook: Notebook): Record<string, number> {
	return Object.fromEntries(inputCells(notebook).map((c) => [c.name, c.default]));
}


/** Variable name -> the format its formula cell asks for (inputs: by unit). */
export function formatsByVariable(notebook: Notebook): Map<string, ValueFormat> {
	const out = new Map<string, ValueFormat>();
	for (const cell of notebook.cells) {
		if (cell.kind === 'formula') {
			const name = formulaName(cell.formula);
			if (name) out.set(name, cell.format ?? 'number');
		} else if (cell.kind === 'input') {
			out.set(cell.name, cell.unit === 'share' ? 'percent' : 'number');
		}
	}
	return out;
}

/** A readable label for a variable, in the page's language: the formula cell's note, else its name. */
export function labelsByVariable(notebook: Notebook): Map<string, string> {
	const out = new Map<string, string>();
	for (const cell of notebook.cells) {
		if (cell.kind === 'input') out.set(cell.name, shown(cell.label));
		if (cell.kind === 'formula') {
			const name = formulaName(cell.formula);
			if (name) out.set(name, shortLabel(cell, name));
		}
	}
	return out;
}

function shortLabel(cell: FormulaCell, name: string): string {
	if (!cell.note) return name;
	// First clause of the note: "NEV share of new-vehicle sales (CAAM basis)." -> "NEV share of new-vehicle sales";
	// a Chinese note ends its clause at 。（：，；
	return shown(cell.note).split(/[.(:,。（：，；]/)[0].trim() || name;
}

export function cellTitle(cell: Cell): string {
	switch (cell.kind) {
		case 'input':
			return shown(cell.label);
		case 'chart':
		case 'table':
		case 'headline':
		case 'fit':
		case 'backtest':
		case 'sensitivity':
		case 'data':
		case 'discovery':
			return shown(cell.title);
		case 'formula':
			return formulaName(cell.formula) ?? w('screen_cell_formula');
		case 'markdown':
			return w('screen_cell_text');
	}
}
