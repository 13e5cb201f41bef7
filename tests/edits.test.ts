// Pure edit operations on a notebook: each returns a new notebook (or a refusal with a message)
// and never touches the one it was given.
import { describe, expect, it } from 'vitest';
import {
	addCell,
	cellsUsing,
	definedNames,
	deleteCell,
	duplicateCell,
	formulaName,
	moveCell,
	renameVariable,
	updateCell,
	type EditResult
} from '../src/lib/notebooks/edits';
import { chinaMarketNotebook } from '../src/lib/notebooks/chinaMarket';
import { LIMITS, checkNotebook } from '../src/lib/scenario/notebookSchema';
import type { Cell, CellKind, ChartCell, FitCell, FormulaCell, HeadlineCell, InputCell, Notebook, TableCell } from '../src/lib/sim/types';

const KINDS: CellKind[] = ['markdown', 'input', 'formula', 'chart', 'table', 'headline', 'fit'];

function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
	}
	return value;
}

/** A private deep copy of the default notebook, safe to change. */
const fresh = (): Notebook => structuredClone(chinaMarketNotebook);

function ok(result: EditResult): { notebook: Notebook; focusCellId?: string } {
	if (!result.ok) throw new Error(`expected the edit to succeed, got: ${result.message}`);
	return result;
}

function refused(result: EditResult): string {
	if (result.ok) throw new Error('expected the edit to be refused');
	expect(result.message).toEqual(expect.any(String));
	expect(result.message.length).toBeGreaterThan(5);
	return result.message;
}

const ids = (nb: Notebook) => nb.cells.map((c) => c.id);
const cell = <T extends Cell>(nb: Notebook, id: string) => nb.cells.find((c) => c.id === id) as T;

/** Every name defined by an input or formula cell, duplicates kept. */
function namesWithRepeats(nb: Notebook): string[] {
	return nb.cells.flatMap((c) => (c.kind === 'input' ? [c.name] : c.kind === 'formula' ? [formulaName(c.formula) ?? ''] : []));
}

function expectValid(nb: Notebook) {
	const check = checkNotebook(nb);
	expect(check.ok ? [] : check.problems).toEqual([]);
	expect(new Set(ids(nb)).size).toBe(nb.cells.length);
	const names = namesWithRepeats(nb);
	expect(new Set(names).size).toBe(names.length);
}

function small(cells: Cell[]): Notebook {
	return { id: 'small', version: 1, title: 'Small', startYear: 2019, horizon: 2035, cells };
}

const inputCell = (name: string, extra: Partial<InputCell> = {}): InputCell => ({
	id: `in-${name}`,
	kind: 'input',
	name,
	label: name,
	unit: '',
	min: 0,
	max: 1,
	step: 0.1,
	default: 0.5,
	description: '',
	control: 'slider',
	...extra
});
const formulaCell = (id: string, formula: string): FormulaCell => ({ id, kind: 'formula', formula });
const markdownCell = (id: string, text = 'text'): Cell => ({ id, kind: 'markdown', text });

function notebookWith(count: number): Notebook {
	return small(Array.from({ length: count }, (_, i) => markdownCell(`md-${i}`)));
}

describe('the default notebook', () => {
	it('is valid and defines every name once (the base the other tests edit)', () => {
		expectValid(chinaMarketNotebook);
	});
});

describe('addCell', () => {
	for (const kind of KINDS) {
		describe(`a ${kind} cell`, () => {
			it('goes at the end by default and takes the focus', () => {
				const nb = fresh();
				const r = ok(addCell(nb, kind));
				expect(r.notebook.cells).toHaveLength(nb.cells.length + 1);
				const added = r.notebook.cells.at(-1)!;
				expect(added.kind).toBe(kind);
				expect(r.focusCellId).toBe(added.id);
				expect(ids(nb)).not.toContain(added.id);
				expect(r.notebook.cells.slice(0, -1)).toEqual(nb.cells);
				expectValid(r.notebook);
			});

			it('goes at the start with index 0', () => {
				const nb = fresh();
				const r = ok(addCell(nb, kind, 0));
				expect(r.notebook.cells[0].kind).toBe(kind);
				expect(r.focusCellId).toBe(r.notebook.cells[0].id);
				expect(r.notebook.cells.slice(1)).toEqual(nb.cells);
				expectValid(r.notebook);
			});

			it('goes in the middle at the index given', () => {
				const nb = fresh();
				const mid = Math.floor(nb.cells.length / 2);
				const r = ok(addCell(nb, kind, mid));
				expect(r.notebook.cells[mid].kind).toBe(kind);
				expect(r.focusCellId).toBe(r.notebook.cells[mid].id);
				expect(r.notebook.cells.slice(0, mid)).toEqual(nb.cells.slice(0, mid));
				expect(r.notebook.cells.slice(mid + 1)).toEqual(nb.cells.slice(mid));
				expectValid(r.notebook);
			});

			it('is valid in an empty notebook too', () => {
				const r = ok(addCell(small([]), kind));
				expect(r.notebook.cells).toHaveLength(1);
				expectValid(r.notebook);
			});
		});
	}

	it('clamps an index outside the notebook to the start or the end', () => {
		const nb = fresh();
		expect(ok(addCell(nb, 'markdown', -5)).notebook.cells[0].kind).toBe('markdown');
		expect(ok(addCell(nb, 'markdown', -5)).notebook.cells.slice(1)).toEqual(nb.cells);
		expect(ok(addCell(nb, 'table', 10_000)).notebook.cells.at(-1)!.kind).toBe('table');
	});

	it('keeps ids and names unique when the same kinds are added again and again', () => {
		let nb = fresh();
		for (let round = 0; round < 4; round++) {
			for (const [k, kind] of KINDS.entries()) nb = ok(addCell(nb, kind, (round * 7 + k) % (nb.cells.length + 1))).notebook;
		}
		expect(nb.cells).toHaveLength(chinaMarketNotebook.cells.length + 28);
		expectValid(nb);
		const inputs = nb.cells.filter((c): c is InputCell => c.kind === 'input').map((c) => c.name);
		expect(inputs).toEqual(expect.arrayContaining(['newInput', 'newInput2', 'newInput3', 'newInput4']));
	});

	it('is refused once the notebook holds LIMITS.cells cells', () => {
		const atLimit = notebookWith(LIMITS.cells);
		for (const kind of KINDS) expect(refused(addCell(atLimit, kind))).toContain(String(LIMITS.cells));
		// One below the limit is still fine, and reaches it exactly.
		const r = ok(addCell(notebookWith(LIMITS.cells - 1), 'input'));
		expect(r.notebook.cells).toHaveLength(LIMITS.cells);
		expectValid(r.notebook);
	});
});

describe('duplicateCell', () => {
	it('puts a copy of an input right after it, with a new id, a fresh name and "(copy)" in the label', () => {
		const nb = fresh();
		const i = nb.cells.findIndex((c) => c.id === 'in-localisationJapanese');
		const r = ok(duplicateCell(nb, 'in-localisationJapanese'));
		const original = nb.cells[i] as InputCell;
		const copy = r.notebook.cells[i + 1] as InputCell;
		expect(r.notebook.cells[i]).toEqual(original);
		expect(copy.id).not.toBe(original.id);
		expect(ids(nb)).not.toContain(copy.id);
		expect(r.focusCellId).toBe(copy.id);
		expect(copy.name).not.toBe(original.name);
		expect(definedNames(nb).has(copy.name)).toBe(false);
		expect(copy.label).toBe(`${original.label} (copy)`);
		const { id: _a, name: _b, label: _c, ...rest } = copy;
		const { id: _d, name: _e, label: _f, ...originalRest } = original;
		expect(rest).toEqual(originalRest);
		expect(r.notebook.cells.filter((c) => c !== copy)).toEqual(nb.cells);
		expectValid(r.notebook);
	});

	it('gives a formula copy a fresh name and keeps its expression', () => {
		const nb = fresh();
		const i = nb.cells.findIndex((c) => c.id === 'f-nevSales');
		const r = ok(duplicateCell(nb, 'f-nevSales'));
		const copy = r.notebook.cells[i + 1] as FormulaCell;
		expect(copy.kind).toBe('formula');
		expect(copy.formula).toBe('nevSalesCopy = homeSales * nevShare');
		expect(copy.note).toBe((nb.cells[i] as FormulaCell).note);
		expect(r.notebook.cells[i]).toEqual(nb.cells[i]);
		expectValid(r.notebook);
	});

	it('picks the next free name when the copy name is taken already', () => {
		let nb = small([inputCell('a')]);
		nb = ok(duplicateCell(nb, 'in-a')).notebook;
		nb = ok(duplicateCell(nb, 'in-a')).notebook;
		nb = ok(duplicateCell(nb, 'in-a')).notebook;
		expect(namesWithRepeats(nb)).toEqual(['a', 'aCopy3', 'aCopy2', 'aCopy']);
		expectValid(nb);
	});

	it('copies display cells as they are, under a new id, as a separate object', () => {
		const nb = fresh();
		for (const id of ['chart-shares', 'headline', 'table-main', 'fit', 'md-intro']) {
			const i = nb.cells.findIndex((c) => c.id === id);
			const r = ok(duplicateCell(nb, id));
			const copy = r.notebook.cells[i + 1];
			expect({ ...copy, id }).toEqual(nb.cells[i]);
			expect(copy.id).not.toBe(id);
			expect(r.focusCellId).toBe(copy.id);
			expectValid(r.notebook);
			// Deep copy: changing the copy's lists does not reach the original.
			if ('variables' in copy) {
				(copy.variables as string[]).push('zzz');
				expect((nb.cells[i] as ChartCell).variables).not.toContain('zzz');
			}
		}
	});

	it('is refused for an unknown id and at the cell limit', () => {
		expect(refused(duplicateCell(fresh(), 'no-such-cell'))).toMatch(/no longer exists/);
		expect(refused(duplicateCell(notebookWith(LIMITS.cells), 'md-0'))).toContain(String(LIMITS.cells));
	});

	// Regression (fixed): the copy's name is `${name}Copy` without regard to the 48-character limit on names, so
	// duplicating an input whose name is 45 to 48 characters long yields a notebook that
	// checkNotebook rejects (and that autosave would then set aside as corrupt on the next load).
	it('keeps the copy name within the 48-character limit on names', () => {
		const long = 'a'.repeat(48);
		const r = ok(duplicateCell(small([inputCell(long)]), `in-${long}`));
		expectValid(r.notebook);
	});
});

describe('deleteCell', () => {
	it('removes the cell and moves the focus to the cell that took its place', () => {
		const nb = fresh();
		const i = nb.cells.findIndex((c) => c.id === 'in-localisationJapanese');
		const r = ok(deleteCell(nb, 'in-localisationJapanese'));
		expect(ids(r.notebook)).toEqual(ids(nb).filter((id) => id !== 'in-localisationJapanese'));
		expect(r.focusCellId).toBe(nb.cells[i + 1].id);
	});

	it('moves the focus to the previous cell when the last one goes, and to none when the notebook empties', () => {
		const nb = fresh();
		const last = nb.cells.at(-1)!.id;
		expect(ok(deleteCell(nb, last)).focusCellId).toBe(nb.cells.at(-2)!.id);
		expect(ok(deleteCell(nb, nb.cells[0].id)).focusCellId).toBe(nb.cells[1].id);
		const only = ok(deleteCell(small([markdownCell('m')]), 'm'));
		expect(only.notebook.cells).toEqual([]);
		expect(only.focusCellId).toBeUndefined();
	});

	it('refuses an unknown id', () => {
		expect(refused(deleteCell(fresh(), 'no-such-cell'))).toMatch(/no longer exists/);
	});
});

describe('moveCell', () => {
	it('swaps a cell with the one above or below and keeps the focus on it', () => {
		const nb = fresh();
		const i = 5;
		const id = nb.cells[i].id;
		const up = ok(moveCell(nb, id, -1));
		expect(up.notebook.cells[i - 1]).toEqual(nb.cells[i]);
		expect(up.notebook.cells[i]).toEqual(nb.cells[i - 1]);
		expect(up.focusCellId).toBe(id);
		const down = ok(moveCell(nb, id, 1));
		expect(down.notebook.cells[i + 1]).toEqual(nb.cells[i]);
		expect(down.notebook.cells[i]).toEqual(nb.cells[i + 1]);
		expect(down.focusCellId).toBe(id);
		// Everything else stays where it was.
		expect(ids(up.notebook).toSorted()).toEqual(ids(nb).toSorted());
		expect(ok(moveCell(up.notebook, id, 1)).notebook).toEqual(nb);
	});

	it('refuses to move the first cell up or the last cell down', () => {
		const nb = fresh();
		expect(refused(moveCell(nb, nb.cells[0].id, -1))).toMatch(/first/);
		expect(refused(moveCell(nb, nb.cells.at(-1)!.id, 1))).toMatch(/last/);
		expect(ok(moveCell(nb, nb.cells[0].id, 1)).notebook.cells[1].id).toBe(nb.cells[0].id);
	});

	it('refuses an unknown id', () => {
		expect(refused(moveCell(fresh(), 'no-such-cell', 1))).toMatch(/no longer exists/);
	});
});

describe('updateCell', () => {
	it('patches fields and keeps the id and kind whatever the patch says', () => {
		const nb = fresh();
		const r = ok(updateCell(nb, 'in-localisationJapanese', { label: 'Gap closed', default: 0.6, id: 'hijack', kind: 'markdown' } as Partial<Cell>));
		const updated = cell<InputCell>(r.notebook, 'in-localisationJapanese');
		expect(updated).toEqual({ ...cell<InputCell>(nb, 'in-localisationJapanese'), label: 'Gap closed', default: 0.6 });
		expect(ids(r.notebook)).toEqual(ids(nb));
		expect(r.notebook.cells.filter((c) => c.id !== 'in-localisationJapanese')).toEqual(nb.cells.filter((c) => c.id !== 'in-localisationJapanese'));
		expectValid(r.notebook);
	});

	it('patches formula, markdown and display cells', () => {
		const nb = fresh();
		let r = ok(updateCell(nb, 'f-nevSales', { formula: 'nevSales = homeSales * nevShare * 1.0' }));
		expect(cell<FormulaCell>(r.notebook, 'f-nevSales').formula).toBe('nevSales = homeSales * nevShare * 1.0');
		r = ok(updateCell(nb, 'md-intro', { text: '# Hello' }));
		expect(r.notebook.cells.find((c) => c.id === 'md-intro')).toEqual({ id: 'md-intro', kind: 'markdown', text: '# Hello' });
		r = ok(updateCell(nb, 'chart-shares', { variables: ['nevShare'], style: 'area' }));
		expect(cell<ChartCell>(r.notebook, 'chart-shares')).toMatchObject({ variables: ['nevShare'], style: 'area', title: cell<ChartCell>(nb, 'chart-shares').title });
	});

	it('refuses an input default outside min..max, naming the values', () => {
		const message = refused(updateCell(fresh(), 'in-localisationJapanese', { default: 2 }));
		expect(message).toContain('2');
		expect(message).toContain('0');
		expect(message).toContain('1');
		expect(message).toMatch(/default/i);
		expect(message).toMatch(/outside/);
		// Narrowing the range below the current default is refused the same way.
		expect(cell<InputCell>(fresh(), 'in-localisationJapanese').default).toBe(0.4);
		const narrowed = refused(updateCell(fresh(), 'in-localisationJapanese', { max: 0.2 }));
		expect(narrowed).toContain('0.4');
		expect(narrowed).toContain('0.2');
	});

	it('accepts a default exactly on the bounds', () => {
		ok(updateCell(fresh(), 'in-localisationJapanese', { default: 0 }));
		ok(updateCell(fresh(), 'in-localisationJapanese', { default: 1 }));
	});

	it('refuses min >= max', () => {
		for (const patch of [{ min: 1 }, { min: 2 }, { max: 0 }, { min: 0.5, max: 0.5, default: 0.5 }]) {
			const message = refused(updateCell(fresh(), 'in-localisationJapanese', patch));
			expect(message).toMatch(/max .* must be above min/);
		}
	});

	it('refuses numbers that are not numbers', () => {
		for (const field of ['min', 'max', 'step', 'default'] as const) {
			for (const bad of ['5', NaN, Infinity, null, undefined]) {
				const message = refused(updateCell(fresh(), 'in-localisationJapanese', { [field]: bad } as unknown as Partial<Cell>));
				expect(message).toBe(`${field} must be a number.`);
			}
		}
	});

	it('refuses step 0, an empty label and an invalid name', () => {
		expect(refused(updateCell(fresh(), 'in-localisationJapanese', { step: 0 }))).toMatch(/step/);
		expect(refused(updateCell(fresh(), 'in-localisationJapanese', { label: '  ' }))).toMatch(/label/);
		for (const name of ['1abc', 'a b', '__proto__', '', 'a'.repeat(49)]) {
			expect(refused(updateCell(fresh(), 'in-localisationJapanese', { name }))).toMatch(/not a valid name/);
		}
	});

	it('refuses to rename an input to a name another cell defines', () => {
		const toInput = refused(updateCell(fresh(), 'in-localisationJapanese', { name: 'shakeout' }));
		expect(toInput).toContain('"shakeout"');
		expect(toInput).toMatch(/already defined/);
		const toFormula = refused(updateCell(fresh(), 'in-localisationJapanese', { name: 'nevShare' }));
		expect(toFormula).toContain('"nevShare"');
		// Keeping its own name, or taking a free one, is fine.
		ok(updateCell(fresh(), 'in-localisationJapanese', { name: 'localisationJapanese', label: 'Same name' }));
		expect(cell<InputCell>(ok(updateCell(fresh(), 'in-localisationJapanese', { name: 'gapClosed' })).notebook, 'in-localisationJapanese').name).toBe('gapClosed');
	});

	it('refuses a formula longer than LIMITS.formulaLength and accepts one at the limit', () => {
		const head = 'nevSales = 1';
		const atLimit = head + ' + 0'.repeat((LIMITS.formulaLength - head.length) / 4);
		expect(atLimit).toHaveLength(LIMITS.formulaLength);
		ok(updateCell(fresh(), 'f-nevSales', { formula: atLimit }));
		const message = refused(updateCell(fresh(), 'f-nevSales', { formula: `${atLimit}1` }));
		expect(message).toContain(String(LIMITS.formulaLength));
		expect(message).toContain(String(LIMITS.formulaLength + 1));
	});

	it('refuses markdown longer than LIMITS.markdownLength and accepts it at the limit', () => {
		ok(updateCell(fresh(), 'md-intro', { text: 'x'.repeat(LIMITS.markdownLength) }));
		expect(refused(updateCell(fresh(), 'md-intro', { text: 'x'.repeat(LIMITS.markdownLength + 1) }))).toContain(String(LIMITS.markdownLength));
	});

	it('refuses an unknown id', () => {
		expect(refused(updateCell(fresh(), 'no-such-cell', { title: 'x' } as Partial<Cell>))).toMatch(/no longer exists/);
	});
});

describe('renameVariable', () => {
	const rename = (formula: string, from = 'x', to = 'z') =>
		(renameVariable(small([formulaCell('f', formula)]), from, to).cells[0] as FormulaCell).formula;

	it('renames whole identifiers in formulas, including prev() and the left-hand side', () => {
		expect(rename('y = x + 1')).toBe('y = z + 1');
		expect(rename('y = x*x^2 - (x) / max(x, 1)')).toBe('y = z*z^2 - (z) / max(z, 1)');
		expect(rename('y = prev(x) + prev(x, 0.5)')).toBe('y = prev(z) + prev(z, 0.5)');
		expect(rename('x = prev(x, 1) + 1')).toBe('z = prev(z, 1) + 1');
		expect(rename('y=x')).toBe('y=z');
		expect(rename('y = x ? x : -x')).toBe('y = z ? z : -z');
	});

	it('leaves identifiers that only contain the name alone', () => {
		expect(rename('y = x2 + xy + ax + x_1 + _x + X')).toBe('y = x2 + xy + ax + x_1 + _x + X');
		expect(rename('y = nevShareStart + nevShare', 'nevShare', 'ev')).toBe('y = nevShareStart + ev');
	});

	it('leaves text inside quotes (data series ids) alone', () => {
		expect(rename('y = data("x") + hasData(\'x\') + x')).toBe('y = data("x") + hasData(\'x\') + z');
		expect(rename('y = hasData("x") ? data("x", year - 1) : prev(x, 0)')).toBe('y = hasData("x") ? data("x", year - 1) : prev(z, 0)');
	});

	it('does not touch the digits of a number in exponent form (1e3 is not the variable e3)', () => {
		expect(rename('y = 1e3 + e3', 'e3', 'k')).toBe('y = 1e3 + k');
	});

	// Regression (fixed): implicit multiplication is not renamed. The engine parses `2x` and `0.5x` as 2 * x and
	// 0.5 * x (mathjs implicit multiplication), but the rename pattern refuses any match preceded
	// by a digit or a dot, so after renaming x the formula still reads the old, now undefined,
	// name (and cellsUsing misses the cell). Input: renameVariable on `y = 2x + 0.5x`, x -> z.
	it('renames the variable in implicit multiplication like 2x and 0.5x', () => {
		expect(rename('y = 2x + 0.5x')).toBe('y = 2z + 0.5z');
	});

	it('renames the input cell itself, and every display that shows the name', () => {
		const nb = small([
			inputCell('x'),
			inputCell('x2'),
			formulaCell('f-y', 'y = prev(y, x) + x2'),
			{ id: 'c', kind: 'chart', title: 'C', variables: ['x', 'y', 'x2'], history: [{ variable: 'x', series: 'x' }, { variable: 'y', series: 'y_series' }], style: 'line', showHistory: true },
			{ id: 't', kind: 'table', title: 'T', variables: ['x2', 'x'] },
			{ id: 'h', kind: 'headline', title: 'H', variables: ['x'], years: [2030] },
			{ id: 'fit', kind: 'fit', title: 'F', pairs: [{ variable: 'x', series: 'x_obs' }, { variable: 'x2', series: 'x' }], fromYear: 2019, toYear: 2024 },
			markdownCell('m', 'The value of x is shown below.')
		]);
		const out = renameVariable(nb, 'x', 'gap');
		expect(cell<InputCell>(out, 'in-x').name).toBe('gap');
		expect(cell<InputCell>(out, 'in-x2').name).toBe('x2');
		expect(cell<FormulaCell>(out, 'f-y').formula).toBe('y = prev(y, gap) + x2');
		expect(cell<ChartCell>(out, 'c').variables).toEqual(['gap', 'y', 'x2']);
		expect(cell<ChartCell>(out, 'c').history).toEqual([{ variable: 'gap', series: 'x' }, { variable: 'y', series: 'y_series' }]);
		expect(cell<TableCell>(out, 't').variables).toEqual(['x2', 'gap']);
		expect(cell<HeadlineCell>(out, 'h').variables).toEqual(['gap']);
		expect(cell<FitCell>(out, 'fit').pairs).toEqual([{ variable: 'gap', series: 'x_obs' }, { variable: 'x2', series: 'x' }]);
		// Markdown text is prose: left alone.
		expect(cell(out, 'm')).toEqual(cell(nb, 'm'));
		expect(ids(out)).toEqual(ids(nb));
	});

	it('skips the cell given as exceptCellId', () => {
		const nb = small([inputCell('x'), formulaCell('f-y', 'y = x + 1')]);
		const out = renameVariable(nb, 'x', 'z', 'in-x');
		expect(cell<InputCell>(out, 'in-x').name).toBe('x');
		expect(cell<FormulaCell>(out, 'f-y').formula).toBe('y = z + 1');
		expect(cell(renameVariable(nb, 'x', 'z', 'f-y'), 'f-y')).toEqual(cell(nb, 'f-y'));
	});

	it('renames a variable of the default notebook everywhere it is used, and the result stays valid', () => {
		const nb = fresh();
		const out = renameVariable(nb, 'nevShare', 'evShare');
		// No formula or display reads the old name any more (cell ids are not names: f-nevShare stays).
		const uses = JSON.stringify(out.cells.map((c) => (c.kind === 'formula' ? c.formula : 'variables' in c ? c.variables : 'pairs' in c ? c.pairs : '')));
		expect(uses).not.toMatch(/\bnevShare\b/);
		expect(ids(out)).toEqual(ids(nb));
		expect(cell<FormulaCell>(out, 'f-nevShare').formula).toBe(
			'evShare = prev(evShare, nevShareStart) + (nevReadiness - prev(evShare, nevShareStart)) / adoptionDelay'
		);
		expect(cell<HeadlineCell>(out, 'headline').variables).toEqual(['domesticShare', 'domesticShareCaam', 'evShare', 'germanShare', 'japaneseShare', 'usShare', 'otherShare']);
		// Series ids in history links are data, not variables (the published outlooks' links too).
		const history = cell<ChartCell>(out, 'chart-shares').history;
		expect(history.slice(0, 6)).toEqual([
			{ variable: 'domesticShare', series: 'domestic_share_retail_cpca' },
			{ variable: 'domesticShare', series: 'domestic_share_retail_cpca_monthly' },
			{ variable: 'domesticShareCaam', series: 'domestic_share_caam' },
			{ variable: 'domesticShareCaam', series: 'domestic_share_caam_monthly' },
			{ variable: 'evShare', series: 'nev_share_passenger_retail_cpca' },
			{ variable: 'evShare', series: 'nev_share_passenger_retail_cpca_monthly' }
		]);
		expect(history).toEqual(cell<ChartCell>(nb, 'chart-shares').history.map((h) => ({ ...h, variable: h.variable === 'nevShare' ? 'evShare' : h.variable })));
		expect(history).toContainEqual({ variable: 'evShare', series: 'nev_share_outlook_iea' });
		// The fit and back-test pairs follow the variable too, with their noise kept.
		for (const id of ['fit', 'backtest']) {
			const pairs = (cell(out, id) as FitCell).pairs;
			expect(pairs.some((p) => p.variable === 'evShare')).toBe(true);
			expect(pairs.map((p) => p.noise)).toEqual((cell(nb, id) as FitCell).pairs.map((p) => p.noise));
		}
		expectValid(out);
	});
});

describe('cellsUsing', () => {
	it('lists the cells that read or show a name, in notebook order, without the excepted cell', () => {
		expect(cellsUsing(fresh(), 'nevShare', 'f-nevShare')).toEqual([
			'headline',
			'chart-shares',
			'f-germanShare',
			'f-japaneseShare',
			'f-usShare',
			'f-otherShare',
			'f-domesticShare',
			'f-nevSales',
			'fit',
			'backtest',
			'table-main'
		]);
		expect(cellsUsing(fresh(), 'localisationLag', 'in-localisationLag')).toEqual(['f-localisedGerman', 'f-localisedJapanese', 'f-localisedUS', 'f-localisedOther']);
		expect(cellsUsing(fresh(), 'localisationJapanese', 'in-localisationJapanese')).toEqual(['f-localisedJapanese']);
	});

	it('includes the defining cell unless it is excepted, and is empty for unused names', () => {
		expect(cellsUsing(fresh(), 'foreignSales')).toEqual(['chart-volumes', 'f-foreignSales']);
		expect(cellsUsing(fresh(), 'foreignSales', 'f-foreignSales')).toEqual(['chart-volumes']);
		expect(cellsUsing(fresh(), 'notUsedAnywhere')).toEqual([]);
		// A series id that happens to equal a name does not count as a use.
		expect(cellsUsing(small([formulaCell('f', 'y = data("x")')]), 'x')).toEqual([]);
	});
});

describe('no operation changes the notebook it is given', () => {
	const operations: [string, (nb: Notebook) => unknown][] = [
		...KINDS.flatMap((kind): [string, (nb: Notebook) => unknown][] => [
			[`addCell ${kind} at the end`, (nb) => addCell(nb, kind)],
			[`addCell ${kind} at the start`, (nb) => addCell(nb, kind, 0)],
			[`addCell ${kind} in the middle`, (nb) => addCell(nb, kind, 20)]
		]),
		['duplicateCell input', (nb) => duplicateCell(nb, 'in-localisationJapanese')],
		['duplicateCell formula', (nb) => duplicateCell(nb, 'f-nevShare')],
		['duplicateCell chart', (nb) => duplicateCell(nb, 'chart-shares')],
		['duplicateCell fit', (nb) => duplicateCell(nb, 'fit')],
		['deleteCell', (nb) => deleteCell(nb, 'in-localisationJapanese')],
		['deleteCell last', (nb) => deleteCell(nb, nb.cells.at(-1)!.id)],
		['moveCell up', (nb) => moveCell(nb, 'in-localisationJapanese', -1)],
		['moveCell down', (nb) => moveCell(nb, 'in-localisationJapanese', 1)],
		['updateCell input', (nb) => updateCell(nb, 'in-localisationJapanese', { default: 0.7, name: 'gap' })],
		['updateCell refused', (nb) => updateCell(nb, 'in-localisationJapanese', { default: 7 })],
		['updateCell formula', (nb) => updateCell(nb, 'f-nevSales', { formula: 'nevSales = 1' })],
		['updateCell markdown', (nb) => updateCell(nb, 'md-intro', { text: 'hi' })],
		['updateCell chart', (nb) => updateCell(nb, 'chart-shares', { variables: ['nevShare'] })],
		['renameVariable', (nb) => renameVariable(nb, 'nevShare', 'evShare')],
		['renameVariable of an input', (nb) => renameVariable(nb, 'localisationJapanese', 'gap', 'f-localisedJapanese')],
		['cellsUsing', (nb) => cellsUsing(nb, 'nevShare')],
		['definedNames', (nb) => definedNames(nb)]
	];

	for (const [name, operation] of operations) {
		it(name, () => {
			const frozen = deepFreeze(fresh());
			const before = structuredClone(frozen);
			const result = operation(frozen);
			expect(frozen).toEqual(before);
			// And the result shares no mutable state that later edits could write through.
			if (result && typeof result === 'object' && 'ok' in result && result.ok) {
				const out = (result as unknown as { notebook: Notebook }).notebook;
				expect(out).not.toBe(frozen);
				expect(checkNotebook(out).ok).toBe(true);
			}
		});
	}

	it('every operation also works on a deeply frozen small notebook', () => {
		const nb = deepFreeze(small([inputCell('x'), formulaCell('f', 'y = 2 * x'), markdownCell('m')]));
		const before = structuredClone(nb);
		for (const kind of KINDS) ok(addCell(nb, kind, 1));
		ok(duplicateCell(nb, 'in-x'));
		ok(duplicateCell(nb, 'f'));
		ok(deleteCell(nb, 'f'));
		ok(moveCell(nb, 'f', 1));
		ok(updateCell(nb, 'in-x', { max: 2 }));
		renameVariable(nb, 'x', 'z');
		cellsUsing(nb, 'x');
		expect(nb).toEqual(before);
	});
});
