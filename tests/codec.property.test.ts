// Property tests of scenario links (fast-check): any valid scenario, edited notebook or not,
// survives encode -> decode unchanged and without a notice; links of unedited notebooks stay
// short and carry no `nb`.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chinaMarketNotebook } from '../src/lib/notebooks/chinaMarket';
import { decodeScenario, encodeScenario } from '../src/lib/scenario/codec';
import { checkNotebook } from '../src/lib/scenario/notebookSchema';
import type { WorkingDocument } from '../src/lib/state/autosave';
import type { Cell, DataRow, InputCell, Notebook } from '../src/lib/sim/types';
import { MAX_HORIZON, MIN_HORIZON } from '../src/lib/worker/protocol';

const published = chinaMarketNotebook;
const inputsOf = (notebook: Notebook) => notebook.cells.filter((c): c is InputCell => c.kind === 'input');

type Edit =
	| { op: 'formula'; pick: number; text: string }
	| { op: 'markdown'; pick: number; text: string }
	| { op: 'label'; pick: number; label: string }
	| { op: 'default'; pick: number; at: number }
	| { op: 'delete'; pick: number }
	| { op: 'move'; from: number; to: number }
	| { op: 'add'; at: number; text: string }
	| { op: 'title'; title: string }
	| { op: 'data'; at: number; rows: DataRow[] };

// 'binary' strings include lone surrogates and control characters: they must survive too.
const text = (maxLength: number) => fc.string({ unit: 'binary', maxLength });
/** A position along a range: its ends often, anything between otherwise. */
const fraction = fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true }));
const index = fc.nat(1000);

const mm = (n: number) => String(n).padStart(2, '0');
const periodArb = fc.record({ year: fc.integer({ min: 2000, max: 2100 }), from: fc.integer({ min: 1, max: 12 }), span: fc.nat(11), kind: fc.nat(2) }).map(({ year, from, span, kind }) =>
	kind === 0 ? String(year) : kind === 1 ? `${year}-${mm(from)}` : `${year}-${mm(from)}..${year}-${mm(Math.min(12, from + span))}`
);
const optionalText = fc.option(fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }), { nil: undefined });
/** Any row a data cell may hold: a value its unit allows, any text (controls, lone surrogates, formulas). */
const rowArb: fc.Arbitrary<DataRow> = fc
	.record({
		series: fc.constantFrom('my_nev', 'survey_2025', 'b1'),
		period: periodArb,
		unitValue: fc.oneof(
			fc.double({ min: 0, max: 1, noNaN: true }).map((value) => ['share', value] as const),
			fc.double({ min: 0, max: 1e6, noNaN: true }).map((value) => ['million vehicles', value] as const),
			fc.integer({ min: 1, max: 500 }).map((value) => ['rank', value] as const),
			fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => ['number', value] as const)
		),
		basis: optionalText,
		source: optionalText,
		note: optionalText
	})
	.map(({ unitValue, ...rest }) => {
		const [unit, value] = unitValue as readonly [DataRow['unit'], number];
		const row: DataRow = { series: rest.series, period: rest.period, value: value + 0, unit };
		for (const key of ['basis', 'source', 'note'] as const) if (rest[key] !== undefined) row[key] = rest[key];
		return row;
	});

const editArb: fc.Arbitrary<Edit> = fc.oneof(
	fc.record({ op: fc.constant('data' as const), at: index, rows: fc.array(rowArb, { maxLength: 12 }) }),
	fc.record({ op: fc.constant('formula' as const), pick: index, text: text(120) }),
	fc.record({ op: fc.constant('markdown' as const), pick: index, text: text(300) }),
	fc.record({ op: fc.constant('label' as const), pick: index, label: fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }) }),
	fc.record({ op: fc.constant('default' as const), pick: index, at: fraction }),
	fc.record({ op: fc.constant('delete' as const), pick: index }),
	fc.record({ op: fc.constant('move' as const), from: index, to: index }),
	fc.record({ op: fc.constant('add' as const), at: index, text: text(200) }),
	fc.record({ op: fc.constant('title' as const), title: text(80) })
);

function within(cell: InputCell, at: number): number {
	return Math.min(cell.max, Math.max(cell.min, cell.min + at * (cell.max - cell.min))) + 0;
}

function applyEdits(edits: Edit[]): Notebook {
	let cells: Cell[] = [...published.cells];
	let title = published.title;
	edits.forEach((edit, n) => {
		const ofKind = <K extends Cell['kind']>(kind: K) => cells.filter((c): c is Extract<Cell, { kind: K }> => c.kind === kind);
		const replace = (old: Cell, next: Cell) => (cells = cells.map((c) => (c === old ? next : c)));
		switch (edit.op) {
			case 'formula': {
				const all = ofKind('formula');
				if (all.length) replace(all[edit.pick % all.length], { ...all[edit.pick % all.length], formula: edit.text });
				break;
			}
			case 'markdown': {
				const all = ofKind('markdown');
				if (all.length) replace(all[edit.pick % all.length], { ...all[edit.pick % all.length], text: edit.text });
				break;
			}
			case 'label': {
				const all = ofKind('input');
				if (all.length) replace(all[edit.pick % all.length], { ...all[edit.pick % all.length], label: edit.label });
				break;
			}
			case 'default': {
				const all = ofKind('input');
				const cell = all[edit.pick % all.length];
				if (cell) replace(cell, { ...cell, default: within(cell, edit.at) });
				break;
			}
			case 'delete':
				if (cells.length) cells = cells.filter((_, i) => i !== edit.pick % cells.length);
				break;
			case 'move': {
				if (!cells.length) break;
				const [moved] = cells.splice(edit.from % cells.length, 1);
				cells.splice(edit.to % (cells.length + 1), 0, moved);
				break;
			}
			case 'add':
				cells.splice(edit.at % (cells.length + 1), 0, { id: `added-${n}`, kind: 'markdown', text: edit.text });
				break;
			case 'title':
				title = edit.title;
				break;
			case 'data':
				cells.splice(edit.at % (cells.length + 1), 0, { id: `data-${n}`, kind: 'data', title: 'Data', rows: edit.rows });
				break;
		}
	});
	return { ...published, title, cells };
}

/** Values for a random subset of the notebook's inputs; values at a default are left out, as the app does. */
function inputsArb(notebook: Notebook, value: (cell: InputCell) => fc.Arbitrary<number>): fc.Arbitrary<Record<string, number>> {
	const cells = inputsOf(notebook);
	return fc.subarray(cells).chain((chosen) =>
		fc.tuple(...chosen.map((cell) => value(cell))).map((values) =>
			Object.fromEntries(chosen.map((cell, i) => [cell.name, values[i]]).filter(([name, v]) => v !== cells.find((c) => c.name === name)!.default))
		)
	);
}

const anyValue = (cell: InputCell) => fraction.map((at) => within(cell, at));

/** What a slider produces: a multiple of the step from min, written with the step's decimals. */
const sliderValue = (cell: InputCell) => {
	const decimals = Math.max(...[cell.step, cell.min].map((n) => (String(n).split('.')[1] ?? '').length));
	const steps = Math.floor((cell.max - cell.min) / cell.step + 1e-9);
	return fc.integer({ min: 0, max: steps }).map((k) => Math.min(cell.max, Number((cell.min + k * cell.step).toFixed(decimals))) + 0);
};

const horizonArb = fc.integer({ min: MIN_HORIZON, max: MAX_HORIZON });

/**
 * The longest link of an unedited notebook: its version, a four-digit horizon, and every input at
 * the slider value with the longest written form. Version 2 (18 inputs) came to 361 characters,
 * version 3 (29 inputs, one localisation lever per origin, exports) to 598.
 */
function longestSliderLink(notebook: Notebook): number {
	let length = `v=${notebook.version}&horizon=${MAX_HORIZON}`.length;
	for (const cell of inputsOf(notebook)) {
		const decimals = Math.max(...[cell.step, cell.min].map((n) => (String(n).split('.')[1] ?? '').length));
		const steps = Math.floor((cell.max - cell.min) / cell.step + 1e-9);
		let longest = 0;
		for (let k = 0; k <= steps; k++) longest = Math.max(longest, String(Math.min(cell.max, Number((cell.min + k * cell.step).toFixed(decimals))) + 0).length);
		length += `&${cell.name}=`.length + longest;
	}
	return length;
}

const scenarioArb: fc.Arbitrary<WorkingDocument> = fc
	.option(fc.array(editArb, { minLength: 1, maxLength: 4 }), { freq: 2 })
	.map((edits) => (edits ? applyEdits(edits) : published))
	.chain((notebook) => fc.record({ notebook: fc.constant(notebook), inputs: inputsArb(notebook, anyValue), horizon: horizonArb }));

describe('scenario links: properties', () => {
	it('any valid scenario comes back equal, with no notices', async () => {
		await fc.assert(
			fc.asyncProperty(scenarioArb, async (doc) => {
				expect(checkNotebook(doc.notebook).ok).toBe(true);
				const query = await encodeScenario(doc, published);
				const decoded = await decodeScenario(query, published);
				expect(decoded.notices).toEqual([]);
				expect(decoded.fromLink).toBe(true);
				expect(decoded.document).toEqual(doc);
				if (doc.notebook === published) expect(query).not.toContain('nb=');
			}),
			{ numRuns: 100 }
		);
	});

	it('links of unedited notebooks are short, readable and carry no nb', async () => {
		// Short: never longer than its parts written plainly, and even with every lever moved a link of
		// version 3 stays well under what chat clients cut (version 2's bound, 400, was for 18 inputs).
		const longest = longestSliderLink(published);
		expect(longest).toBeLessThan(650);
		const unedited = fc.record({ notebook: fc.constant(published), inputs: inputsArb(published, sliderValue), horizon: horizonArb });
		await fc.assert(
			fc.asyncProperty(unedited, async (doc) => {
				const query = await encodeScenario(doc, published);
				expect(query.length).toBeLessThanOrEqual(longest);
				expect(query).not.toContain('nb=');
				expect(query).toMatch(/^v=3(&[A-Za-z][A-Za-z0-9_]*=[-0-9.e%A-F]+)*$/);
				const decoded = await decodeScenario(query, published);
				expect(decoded.notices).toEqual([]);
				expect(decoded.document).toEqual(doc);
			}),
			{ numRuns: 100 }
		);
	});
});
