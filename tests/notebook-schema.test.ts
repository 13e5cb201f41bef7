// The notebook schema: what storage or a link hands back is untrusted. Valid notebooks pass;
// every kind of damage fails with a message that names the cell and the field; nothing throws.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LIMITS, checkNotebook } from '../src/lib/scenario/notebookSchema';
import { chinaMarketNotebook } from '../src/lib/notebooks/chinaMarket';
import type { Cell } from '../src/lib/sim/types';

type Loose = Record<string, unknown> & { cells: Record<string, unknown>[] };
const fresh = (): Loose => structuredClone(chinaMarketNotebook) as unknown as Loose;

/** Index of the first cell of a kind in the default notebook. */
const firstOf = (kind: Cell['kind']) => chinaMarketNotebook.cells.findIndex((c) => c.kind === kind);
const INPUT = firstOf('input');
const FORMULA = firstOf('formula');
const MARKDOWN = firstOf('markdown');
const CHART = firstOf('chart');

function problems(value: unknown): string[] {
	const check = checkNotebook(value);
	if (check.ok) throw new Error('expected the notebook to be refused');
	expect(check.problems.length).toBeGreaterThan(0);
	expect(check.problems.length).toBeLessThanOrEqual(10);
	return check.problems;
}

/** Damages one cell of the default notebook and expects exactly that cell and field to be named. */
function expectCellProblem(index: number, change: (cell: Record<string, unknown>) => void, field: string, message?: RegExp) {
	const nb = fresh();
	change(nb.cells[index]);
	const found = problems(nb);
	expect(found).toHaveLength(1);
	expect(found[0].startsWith(`cell ${index + 1}, ${field}: `)).toBe(true);
	if (message) expect(found[0]).toMatch(message);
	return found[0];
}

describe('checkNotebook on valid notebooks', () => {
	it('accepts the default notebook and returns it unchanged', () => {
		const check = checkNotebook(fresh());
		expect(check.ok).toBe(true);
		expect(check.ok && check.notebook).toEqual(chinaMarketNotebook);
	});

	it('accepts an empty notebook and one at exactly LIMITS.cells cells', () => {
		const nb = fresh();
		expect(checkNotebook({ ...nb, cells: [] }).ok).toBe(true);
		const many = Array.from({ length: LIMITS.cells }, (_, i) => ({ id: `m-${i}`, kind: 'markdown', text: '' }));
		expect(checkNotebook({ ...nb, cells: many }).ok).toBe(true);
	});

	it('survives a JSON round trip (what autosave and links do)', () => {
		expect(checkNotebook(JSON.parse(JSON.stringify(chinaMarketNotebook))).ok).toBe(true);
	});
});

describe('checkNotebook refuses damage, naming the cell and the field', () => {
	it('a cell id used twice', () => {
		const nb = fresh();
		nb.cells[3].id = nb.cells[1].id;
		expect(problems(nb)).toEqual([`cell 4, id: cell id "${nb.cells[1].id}" is used twice`]);
	});

	it('more than LIMITS.cells cells', () => {
		const nb = fresh();
		nb.cells = Array.from({ length: LIMITS.cells + 1 }, (_, i) => ({ id: `m-${i}`, kind: 'markdown', text: '' }));
		const found = problems(nb);
		expect(found).toHaveLength(1);
		expect(found[0]).toMatch(/^cells: /);
		expect(found[0]).toContain(String(LIMITS.cells));
	});

	it('a formula longer than LIMITS.formulaLength', () => {
		const at = 'x = 1' + ' '.repeat(LIMITS.formulaLength - 5);
		const nb = fresh();
		nb.cells[FORMULA].formula = at;
		expect(checkNotebook(nb).ok).toBe(true);
		expectCellProblem(FORMULA, (c) => (c.formula = `${at} `), 'formula', new RegExp(String(LIMITS.formulaLength)));
	});

	it('markdown longer than LIMITS.markdownLength', () => {
		expectCellProblem(MARKDOWN, (c) => (c.text = 'x'.repeat(LIMITS.markdownLength + 1)), 'text', new RegExp(String(LIMITS.markdownLength)));
	});

	it('an unknown cell kind', () => {
		expectCellProblem(MARKDOWN, (c) => (c.kind = 'script'), 'kind');
		expectCellProblem(MARKDOWN, (c) => delete c.kind, 'kind');
	});

	for (const bad of [NaN, Infinity, -Infinity]) {
		for (const field of ['min', 'max', 'step', 'default']) {
			it(`${bad} as an input's ${field}`, () => {
				expectCellProblem(INPUT, (c) => (c[field] = bad), field);
			});
		}
	}

	it('NaN or Infinity elsewhere: years, version, uncertainty', () => {
		expectCellProblem(firstOf('fit'), (c) => (c.fromYear = NaN), 'fromYear');
		expectCellProblem(firstOf('headline'), (c) => (c.years = [2030, Infinity]), 'years.1');
		expectCellProblem(INPUT, (c) => (c.uncertainty = { low: 0, high: NaN, distribution: 'uniform' }), 'uncertainty.high');
		expect(problems({ ...fresh(), version: Infinity })[0]).toMatch(/^version: /);
		expect(problems({ ...fresh(), horizon: NaN })[0]).toMatch(/^horizon: /);
	});

	for (const name of ['__proto__', '1abc', 'a b', '', 'a-b', 'ünïcode', 'a'.repeat(49)]) {
		it(`an input named ${JSON.stringify(name.length > 20 ? `${name.slice(0, 5)}… (${name.length})` : name)}`, () => {
			expectCellProblem(INPUT, (c) => (c.name = name), 'name', /name/);
		});
	}

	it('names that are not names in display cells', () => {
		expectCellProblem(CHART, (c) => (c.variables = ['nevShare', '__proto__']), 'variables.1');
		expectCellProblem(CHART, (c) => (c.history = [{ variable: '1abc', series: 'nev_share_all_vehicles_caam' }]), 'history.0.variable');
		expectCellProblem(firstOf('table'), (c) => (c.variables = ['a b']), 'variables.0');
		expectCellProblem(firstOf('fit'), (c) => (c.pairs = [{ variable: 'nevShare', series: 'Bad Series' }]), 'pairs.0.series');
	});

	it('step 0 or below', () => {
		expectCellProblem(INPUT, (c) => (c.step = 0), 'step', /step must be above 0/);
		expectCellProblem(INPUT, (c) => (c.step = -0.1), 'step', /step must be above 0/);
	});

	it('a default outside the range, naming the values', () => {
		const below = expectCellProblem(INPUT, (c) => ((c.min = 0), (c.max = 1), (c.default = -0.5)), 'default');
		expect(below).toBe(`cell ${INPUT + 1}, default: default -0.5 is outside 0 to 1`);
		expectCellProblem(INPUT, (c) => ((c.min = 0), (c.max = 1), (c.default = 1.01)), 'default', /1\.01 is outside 0 to 1/);
	});

	it('min not below max', () => {
		expectCellProblem(INPUT, (c) => ((c.min = 1), (c.max = 1), (c.default = 1)), 'max', /max \(1\) must be above min \(1\)/);
		expectCellProblem(INPUT, (c) => ((c.min = 2), (c.max = 1)), 'max', /max \(1\) must be above min \(2\)/);
	});

	it('a wrong type in each kind of cell', () => {
		expectCellProblem(INPUT, (c) => (c.control = 'knob'), 'control');
		expectCellProblem(INPUT, (c) => (c.label = ''), 'label');
		expectCellProblem(CHART, (c) => (c.showHistory = 'yes'), 'showHistory');
		expectCellProblem(CHART, (c) => (c.style = 'pie'), 'style');
		expectCellProblem(CHART, (c) => (c.variables = Array.from({ length: LIMITS.listLength + 1 }, (_, i) => `v${i}`)), 'variables');
		expectCellProblem(FORMULA, (c) => (c.formula = 42), 'formula');
		expectCellProblem(FORMULA, (c) => (c.format = 'hex'), 'format');
		expectCellProblem(MARKDOWN, (c) => (c.id = 'has space'), 'id');
		expectCellProblem(firstOf('headline'), (c) => (c.years = [1800]), 'years.0');
	});

	it('damage to the notebook itself, outside the cells', () => {
		expect(problems({ ...fresh(), id: '' })[0]).toMatch(/^id: /);
		expect(problems({ ...fresh(), version: 0 })[0]).toMatch(/^version: /);
		expect(problems({ ...fresh(), title: 'x'.repeat(LIMITS.textLength + 1) })[0]).toMatch(/^title: /);
		expect(problems({ ...fresh(), cells: 'none' })[0]).toMatch(/^cells: /);
		expect(problems({ ...fresh(), extra: true })[0]).toMatch(/extra/);
		expect(problems(null)[0]).toMatch(/^notebook: /);
		expect(problems([])[0]).toMatch(/^notebook: /);
		expect(problems('{"id": "x"}')[0]).toMatch(/^notebook: /);
	});

	it('reports at most ten problems however many there are', () => {
		const nb = fresh();
		for (const c of nb.cells) c.id = '';
		expect(problems(nb)).toHaveLength(10);
	});
});

describe('unknown keys in a cell', () => {
	for (const key of ['__proto__', 'constructor', 'onclick']) {
		it(`refuses a cell with an own "${key}" key, naming the cell and the key`, () => {
			const nb = fresh();
			// JSON.parse makes __proto__ an own key, as it would be in a stored entry.
			nb.cells[INPUT] = JSON.parse(JSON.stringify(nb.cells[INPUT]).replace('{', `{"${key}":{"polluted":true},`));
			expect(Object.keys(nb.cells[INPUT])).toContain(key);
			const found = problems(nb);
			expect(found).toEqual([`cell ${INPUT + 1}: Unrecognized key: "${key}"`]);
			expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		});
	}
});

describe('checkNotebook never throws', () => {
	it('on arbitrary JSON values', () => {
		fc.assert(
			fc.property(fc.jsonValue(), (value) => {
				const check = checkNotebook(value);
				expect(check.ok).toBe(false);
				if (!check.ok) expect(check.problems.every((p) => typeof p === 'string')).toBe(true);
			}),
			{ numRuns: 200 }
		);
	});

	it('on arbitrary JavaScript values, null prototypes, boxed values and sparse arrays included', () => {
		const anything = fc.anything({
			withBigInt: true,
			withBoxedValues: true,
			withDate: true,
			withMap: true,
			withSet: true,
			withNullPrototype: true,
			withObjectString: true,
			withSparseArray: true,
			withTypedArray: true,
			maxDepth: 3,
			maxKeys: 6
		});
		fc.assert(
			fc.property(anything, (value) => {
				expect(() => checkNotebook(value)).not.toThrow();
			}),
			{ numRuns: 150 }
		);
	});

	it('on the default notebook with one field of one cell replaced by anything', () => {
		const keys = [...new Set(chinaMarketNotebook.cells.flatMap((c) => Object.keys(c))), '__proto__', 'constructor', 'toString'];
		fc.assert(
			fc.property(
				fc.nat(chinaMarketNotebook.cells.length - 1),
				fc.constantFrom(...keys),
				fc.oneof(fc.jsonValue(), fc.anything({ withNullPrototype: true, withBoxedValues: true, maxDepth: 2, maxKeys: 4 }), fc.double(), fc.string()),
				(index, key, value) => {
					const nb = fresh();
					Object.defineProperty(nb.cells[index], key, { value, enumerable: true, configurable: true, writable: true });
					let check: ReturnType<typeof checkNotebook> | undefined;
					expect(() => (check = checkNotebook(nb))).not.toThrow();
					if (check && !check.ok) {
						expect(check.problems.length).toBeGreaterThan(0);
						expect(check.problems[0]).toMatch(/^cell \d+/);
					}
				}
			),
			{ numRuns: 150 }
		);
	});

	it('on notebook-shaped values with arbitrary cells', () => {
		const cellish = fc.record(
			{
				id: fc.oneof(fc.string(), fc.constant('x')),
				kind: fc.constantFrom('markdown', 'input', 'formula', 'chart', 'table', 'headline', 'fit', 'other'),
				name: fc.string(),
				min: fc.double(),
				max: fc.double(),
				step: fc.double(),
				default: fc.double(),
				text: fc.string(),
				formula: fc.string(),
				variables: fc.array(fc.string()),
				pairs: fc.array(fc.record({ variable: fc.string(), series: fc.string() }))
			},
			{ requiredKeys: ['kind'] }
		);
		const { cells: _cells, ...base } = fresh();
		fc.assert(
			fc.property(fc.array(cellish, { maxLength: 8 }), (cells) => {
				expect(() => checkNotebook({ ...base, cells })).not.toThrow();
			}),
			{ numRuns: 100 }
		);
	});
});

