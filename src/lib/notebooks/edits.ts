// Every edit a person can make to a notebook, as pure functions: notebook in, new notebook out
// (or a message saying why not). The session applies them and records them for undo.

import { w } from '../i18n/screenWords';
import type { Cell, CellKind, DiscoveryCell, InputCell, Notebook } from '../sim/types';
import { LIMITS } from '../scenario/limits';
import { checkVariableName } from '../sim/names';
import { definedNames, formulaName } from './definedNames';

export type EditResult = { ok: true; notebook: Notebook; focusCellId?: string } | { ok: false; message: string };

export { definedNames, formulaName } from './definedNames';

function uniqueId(notebook: Notebook, prefix: string): string {
	const ids = new Set(notebook.cells.map((c) => c.id));
	for (let i = 1; ; i++) if (!ids.has(`${prefix}-${i}`)) return `${prefix}-${i}`;
}

function uniqueName(notebook: Notebook, base: string): string {
	const names = definedNames(notebook);
	if (!names.has(base)) return base;
	for (let i = 2; ; i++) if (!names.has(`${base}${i}`)) return `${base}${i}`;
}

/** A new cell of a kind, with ids and names that do not clash with the notebook's. */
export function newCell(notebook: Notebook, kind: CellKind): Cell {
	const id = uniqueId(notebook, kind);
	const firstFormula = [...definedNames(notebook)][0] ?? 'nevShare';
	switch (kind) {
		case 'markdown':
			return { id, kind, text: 'New text. Write **markdown** here.' };
		case 'input': {
			const name = uniqueName(notebook, 'newInput');
			return { id, kind, name, label: 'New input', unit: '', min: 0, max: 1, step: 0.01, default: 0.5, description: '', control: 'slider' };
		}
		case 'formula':
			return { id, kind, formula: `${uniqueName(notebook, 'newValue')} = 0`, format: 'number' };
		case 'chart':
			return { id, kind, title: 'New chart', variables: [firstFormula], history: [], style: 'line', showHistory: false };
		case 'table':
			return { id, kind, title: 'New table', variables: [firstFormula] };
		case 'headline':
			return { id, kind, title: 'Key figures', variables: [firstFormula], years: [2030, 2035] };
		case 'fit':
			return { id, kind, title: 'Fit to history', pairs: [], fromYear: 2019, toYear: 2024, parameters: [] };
		case 'backtest':
			return { id, kind, title: 'Back-test', pairs: [], parameters: [], fromYear: 2019, throughYear: 2022, checkThroughYear: 2024 };
		case 'sensitivity':
			return { id, kind, title: 'Which assumptions matter most', variable: firstFormula, year: 2030 };
		case 'data':
			return { id, kind, title: w('screen_names_my_data'), rows: [] };
		case 'discovery':
			return { id, kind, title: 'What would it take?', variable: firstFormula, year: 2030, condition: 'atLeast', value: 0 };
	}
}

function withCells(notebook: Notebook, cells: Cell[]): Notebook {
	return { ...notebook, cells };
}

function indexOf(notebook: Notebook, cellId: string): number {
	return notebook.cells.findIndex((c) => c.id === cellId);
}

const full = (notebook: Notebook): EditResult | null =>
	notebook.cells.length >= LIMITS.cells ? { ok: false, message: `A notebook holds at most ${LIMITS.cells} cells; delete one first.` } : null;

/** Inserts a new cell of `kind` at `index` (default: the end). */
export function addCell(notebook: Notebook, kind: CellKind, index = notebook.cells.length): EditResult {
	const refused = full(notebook);
	if (refused) return refused;
	const cell = newCell(notebook, kind);
	const cells = notebook.cells.slice();
	cells.splice(Math.max(0, Math.min(index, cells.length)), 0, cell);
	return { ok: true, notebook: withCells(notebook, cells), focusCellId: cell.id };
}

export function duplicateCell(notebook: Notebook, cellId: string): EditResult {
	const i = indexOf(notebook, cellId);
	if (i < 0) return { ok: false, message: 'That cell no longer exists.' };
	const refused = full(notebook);
	if (refused) return refused;
	const original = notebook.cells[i];
	const copy: Cell = { ...structuredClone(original), id: uniqueId(notebook, original.kind) };
	// A copy must not define the same name twice.
	if (copy.kind === 'input') {
		copy.name = uniqueName(notebook, `${copy.name.slice(0, 40)}Copy`);
		copy.label = w('screen_names_copy', { name: copy.label });
	}
	if (copy.kind === 'formula') {
		// Every mention of the old name in the copy is the formula reading itself (a stock
		// through prev): the copy must read its own past, not the original's.
		const name = formulaName(copy.formula);
		if (name) copy.formula = renameInText(copy.formula, name, uniqueName(notebook, `${name.slice(0, 40)}Copy`));
	}
	const cells = notebook.cells.slice();
	cells.splice(i + 1, 0, copy);
	return { ok: true, notebook: withCells(notebook, cells), focusCellId: copy.id };
}

export function deleteCell(notebook: Notebook, cellId: string): EditResult {
	const i = indexOf(notebook, cellId);
	if (i < 0) return { ok: false, message: 'That cell no longer exists.' };
	const cells = notebook.cells.filter((c) => c.id !== cellId);
	const neighbour = cells[Math.min(i, cells.length - 1)];
	return { ok: true, notebook: withCells(notebook, cells), focusCellId: neighbour?.id };
}

export function moveCell(notebook: Notebook, cellId: string, by: -1 | 1): EditResult {
	const i = indexOf(notebook, cellId);
	const j = i + by;
	if (i < 0) return { ok: false, message: 'That cell no longer exists.' };
	if (j < 0 || j >= notebook.cells.length) return { ok: false, message: by < 0 ? 'Already the first cell.' : 'Already the last cell.' };
	const cells = notebook.cells.slice();
	[cells[i], cells[j]] = [cells[j], cells[i]];
	return { ok: true, notebook: withCells(notebook, cells), focusCellId: cellId };
}

/** Replaces a cell's fields. Input cells are checked: a default outside min..max is refused. */
export function updateCell(notebook: Notebook, cellId: string, patch: Partial<Cell>): EditResult {
	const i = indexOf(notebook, cellId);
	if (i < 0) return { ok: false, message: 'That cell no longer exists.' };
	const next = { ...notebook.cells[i], ...patch, id: notebook.cells[i].id, kind: notebook.cells[i].kind } as Cell;
	if (next.kind === 'input') {
		const problem = inputProblem(next);
		if (problem) return { ok: false, message: problem };
		if (patch && 'name' in patch && patch.name !== (notebook.cells[i] as InputCell).name && definedNames(notebook).has(next.name)) {
			return { ok: false, message: `"${next.name}" is already defined by another cell.` };
		}
	}
	const yearsProblem = displayProblem(next);
	if (yearsProblem) return { ok: false, message: yearsProblem };
	if (next.kind === 'formula' && next.formula.length > LIMITS.formulaLength) {
		return { ok: false, message: `A formula is limited to ${LIMITS.formulaLength} characters (this one has ${next.formula.length}).` };
	}
	if (next.kind === 'data' && next.rows.length > LIMITS.dataRows) {
		return { ok: false, message: `A data cell holds at most ${LIMITS.dataRows.toLocaleString('en')} rows (this table has ${next.rows.length.toLocaleString('en')}).` };
	}
	if (next.kind === 'markdown' && next.text.length > LIMITS.markdownLength) {
		return { ok: false, message: `A text cell is limited to ${LIMITS.markdownLength} characters.` };
	}
	const cells = notebook.cells.slice();
	cells[i] = next;
	return { ok: true, notebook: withCells(notebook, cells) };
}

export function inputProblem(cell: InputCell): string | null {
	const numbers: [string, number][] = [['min', cell.min], ['max', cell.max], ['step', cell.step], ['default', cell.default]];
	const bad = numbers.find(([, v]) => !Number.isFinite(v));
	if (bad) return `${bad[0]} must be a number.`;
	const nameProblem = checkVariableName(cell.name);
	if (nameProblem) return nameProblem;
	if (!cell.label.trim()) return 'The label must not be empty: it names the slider.';
	if (!(cell.min < cell.max)) return `max (${cell.max}) must be above min (${cell.min}).`;
	if (!(cell.step > 0)) return 'step must be above 0.';
	if (cell.default < cell.min || cell.default > cell.max) return `The default ${cell.default} is outside ${cell.min} to ${cell.max}.`;
	return null;
}

const YEAR_MIN = 1900;
const YEAR_MAX = 2200;
const badYear = (y: number | undefined) => y !== undefined && !(Number.isInteger(y) && y >= YEAR_MIN && y <= YEAR_MAX);

/** Checks the years and list sizes of chart, table, key-figure and fit cells. */
function displayProblem(cell: Cell): string | null {
	if ('title' in cell && cell.title.length > LIMITS.textLength) return `A title is limited to ${LIMITS.textLength} characters.`;
	if ('variables' in cell && cell.variables.length > LIMITS.listLength) return `Show at most ${LIMITS.listLength} series in one cell.`;
	if (cell.kind === 'backtest') {
		if ([cell.fromYear, cell.throughYear, cell.checkThroughYear].some(badYear)) return `Years must be whole numbers from ${YEAR_MIN} to ${YEAR_MAX}.`;
		if (!(cell.fromYear < cell.throughYear && cell.throughYear < cell.checkThroughYear)) {
			return 'The years must run in order: first year, then the last year used for fitting, then the last year checked.';
		}
	}
	if ((cell.kind === 'sensitivity' || cell.kind === 'discovery') && badYear(cell.year)) return `The year must be a whole number from ${YEAR_MIN} to ${YEAR_MAX}.`;
	if (cell.kind === 'discovery') return discoveryProblem(cell);
	if (cell.kind === 'chart' || cell.kind === 'fit') {
		if (badYear(cell.fromYear) || badYear(cell.toYear)) return `Years must be whole numbers from ${YEAR_MIN} to ${YEAR_MAX}.`;
		if (cell.fromYear !== undefined && cell.toYear !== undefined && cell.fromYear >= cell.toYear) {
			return `The first year (${cell.fromYear}) must come before the last (${cell.toYear}).`;
		}
	}
	if (cell.kind === 'headline') {
		if (cell.years.length === 0) return 'Give at least one year.';
		if (cell.years.length > LIMITS.listLength) return `Give at most ${LIMITS.listLength} years.`;
		if (cell.years.some(badYear)) return `Years must be whole numbers from ${YEAR_MIN} to ${YEAR_MAX}.`;
	}
	return null;
}

/** A discovery question that cannot be asked: a bound not a number, or 'between' upside down. */
function discoveryProblem(cell: DiscoveryCell): string | null {
	if (!Number.isFinite(cell.value)) return 'The bound must be a number.';
	if (cell.condition === 'between') {
		if (cell.upper === undefined || !Number.isFinite(cell.upper)) return "'Between' needs an upper bound that is a number.";
		if (!(cell.upper > cell.value)) return `The upper bound (${cell.upper}) must be above the lower (${cell.value}).`;
	}
	if (cell.runs !== undefined && !(Number.isInteger(cell.runs) && cell.runs >= 1000 && cell.runs <= 100_000)) return 'Runs must be a whole number from 1,000 to 100,000.';
	return null;
}

/**
 * Renames a variable in every formula that reads it and in every chart, table, headline and fit
 * cell that shows it. Text inside quotes (data series ids) is left alone.
 */
export function renameVariable(notebook: Notebook, from: string, to: string, exceptCellId?: string): Notebook {
	const swap = (list: string[]) => list.map((v) => (v === from ? to : v));
	const cells = notebook.cells.map((c): Cell => {
		if (c.id === exceptCellId) return c;
		switch (c.kind) {
			case 'formula':
				return { ...c, formula: renameInText(c.formula, from, to) };
			case 'input':
				return c.name === from ? { ...c, name: to } : c;
			case 'chart':
				return { ...c, variables: swap(c.variables), history: c.history.map((h) => (h.variable === from ? { ...h, variable: to } : h)) };
			case 'table':
			case 'headline':
				return { ...c, variables: swap(c.variables) };
			case 'fit': {
				// Everything that names a variable follows it: pairs, parameters, targets, and a
				// posterior computed for the cell (its parameters and noisy variables), which would
				// otherwise no longer fit the notebook.
				const posterior = c.posterior && { ...c.posterior, parameters: swap(c.posterior.parameters), noise: swap(c.posterior.noise) };
				return {
					...c,
					pairs: c.pairs.map((h) => (h.variable === from ? { ...h, variable: to } : h)),
					parameters: c.parameters?.map((p) => (p === from ? to : p)),
					...(c.targets ? { targets: c.targets.map((t) => (t.variable === from ? { ...t, variable: to } : t)) } : {}),
					...(posterior ? { posterior } : {})
				};
			}
			case 'backtest':
				return {
					...c,
					pairs: c.pairs.map((h) => (h.variable === from ? { ...h, variable: to } : h)),
					parameters: c.parameters.map((p) => (p === from ? to : p)),
					...(c.targets ? { targets: c.targets.map((t) => (t.variable === from ? { ...t, variable: to } : t)) } : {})
				};
			case 'sensitivity':
			case 'discovery':
				return c.variable === from ? { ...c, variable: to } : c;
			default:
				return c;
		}
	});
	return withCells(notebook, cells);
}

/** Cells (other than `exceptCellId`) whose formulas or displays use `name`. */
export function cellsUsing(notebook: Notebook, name: string, exceptCellId?: string): string[] {
	const renamed = renameVariable(notebook, name, `${name}__renamed`, exceptCellId);
	return notebook.cells.filter((c, i) => JSON.stringify(c) !== JSON.stringify(renamed.cells[i])).map((c) => c.id);
}

// Numbers first, so the "e3" of 1e3 and the "2" of 2x are never read as names; then names.
const TOKEN = /(\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|([A-Za-z_][A-Za-z0-9_]*)/g;

/** Replaces the name `from` by `to` wherever it stands as a whole name, outside quotes. */
function renameInText(text: string, from: string, to: string): string {
	return outsideQuotes(text, (part) => part.replace(TOKEN, (token, number: string | undefined, name: string | undefined) => (name === from && !number ? to : token)));
}

function outsideQuotes(text: string, f: (part: string) => string): string {
	return text
		.split(/("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/)
		.map((part, i) => (i % 2 === 1 ? part : f(part)))
		.join('');
}
