// The reference scenario: in links (`ref=`, its own query with `label`), in saved documents, and
// on charts. A reference that cannot be read opens without one and says why; nothing else in the
// link is lost.
import { describe, expect, it } from 'vitest';
import { chinaMarketNotebook as published } from '../src/lib/notebooks/chinaMarket';
import { chinaMarketNotebookV1 } from '../src/lib/notebooks/frozen/chinaMarketV1';
import { chinaMarketNotebookV2 } from '../src/lib/notebooks/frozen/chinaMarketV2';
import { decodeScenario, encodeScenario } from '../src/lib/scenario/codec';
import { deflateToBase64url } from '../src/lib/scenario/compression';
import { WorkingDocumentSchema, asReference, type WorkingDocument } from '../src/lib/state/autosave';
import { SavedScenarioSchema } from '../src/lib/scenario/library';
import { buildChartModel, inLegend } from '../src/lib/charts/chartModel';
import { seededObservations } from '../src/lib/view/observations';
import type { ChartCell, Notebook, RunResult } from '../src/lib/sim/types';

const doc = (inputs: Record<string, number> = {}, notebook: Notebook = published, horizon = notebook.horizon): WorkingDocument => ({
	notebook: structuredClone(notebook),
	inputs,
	horizon
});

const withTitle = (title: string): Notebook => ({ ...structuredClone(published), title });

describe('reference in links', () => {
	it('encodes the reference as its own query, with its name, and reads it back', async () => {
		const scenario = { ...doc({ localisationJapanese: 0.6 }), reference: asReference(doc({ safetyValue: 1.2 }, published, 2040), 'Safety first') };
		const query = await encodeScenario(scenario, published);
		const ref = new URLSearchParams(query).get('ref');
		expect(ref).toBe('v=3&horizon=2040&safetyValue=1.2&label=Safety%20first');
		const back = await decodeScenario(query, published);
		expect(back.notices).toEqual([]);
		expect(back.document.inputs).toEqual({ localisationJapanese: 0.6 });
		expect(back.document.reference).toEqual({ label: 'Safety first', notebook: published, inputs: { safetyValue: 1.2 }, horizon: 2040 });
	});

	it('carries an edited reference notebook compressed, and an older version as that version', async () => {
		const edited = asReference(doc({}, withTitle('My own notebook')), 'Edited');
		const old = asReference(doc({ localisation: 0.5 }, chinaMarketNotebookV1), 'As in 2025');
		const two = asReference(doc({ localisation: 0.6, iceBrandBias: -0.5 }, chinaMarketNotebookV2, 2040), 'Version 2');
		for (const reference of [edited, old, two]) {
			const query = await encodeScenario({ ...doc(), reference }, published);
			const back = await decodeScenario(query, published);
			expect(back.notices).toEqual([]);
			expect(back.document.reference).toEqual(reference);
		}
		const editedQuery = await encodeScenario({ ...doc(), reference: edited }, published);
		expect(new URLSearchParams(new URLSearchParams(editedQuery).get('ref')!).get('nb')).toMatch(/^[A-Za-z0-9_-]+$/);
		const twoQuery = await encodeScenario({ ...doc(), reference: two }, published);
		expect(new URLSearchParams(twoQuery).get('ref')).toBe('v=2&horizon=2040&localisation=0.6&iceBrandBias=-0.5&label=Version%202');
	});

	it('a reference never nests: a saved reference of a reference is dropped when pinned', () => {
		const inner = { ...doc({ localisationJapanese: 0.6 }), reference: asReference(doc(), 'inner') };
		expect(asReference(inner, 'outer')).not.toHaveProperty('reference');
	});

	const unreadable: [string, string, RegExp][] = [
		['empty', 'ref=', /could not be read \(it is empty\); the scenario opened without a reference/],
		['no version', 'ref=garbage', /could not be read \(it names no version "v"\)/],
		['nested', `ref=${encodeURIComponent('v=3&ref=v%3D3')}`, /cannot hold another reference/],
		['corrupt notebook', `ref=${encodeURIComponent('v=3&nb=AAAA')}`, /its edited notebook is not readable/]
	];
	for (const [what, ref, notice] of unreadable) {
		it(`opens without a reference and says why: ${what}`, async () => {
			const back = await decodeScenario(`v=3&localisationJapanese=0.6&${ref}`, published);
			expect(back.document.reference).toBeUndefined();
			expect(back.document.inputs).toEqual({ localisationJapanese: 0.6 });
			expect(back.notices.some((n) => notice.test(n))).toBe(true);
		});
	}

	it('reports smaller problems inside the reference as its own, and keeps it', async () => {
		const back = await decodeScenario(`v=3&ref=${encodeURIComponent('v=3&localisationJapanese=9&bogus=1&label=Too far')}`, published);
		expect(back.document.reference?.inputs.localisationJapanese).toBe(1);
		expect(back.document.reference?.label).toBe('Too far');
		expect(back.notices).toContain('In the reference scenario: Ignored "bogus": no input of that name.');
		expect(back.notices.some((n) => n.startsWith('In the reference scenario: "localisationJapanese" was 9'))).toBe(true);
	});

	it('reads a version-2 reference as version 2, and says whose lever a version-3 name in it is', async () => {
		const back = await decodeScenario(`v=3&ref=${encodeURIComponent('v=2&localisation=0.6&localisationGerman=0.5&label=Old')}`, published);
		expect(back.document.notebook.version).toBe(3);
		expect(back.document.reference?.notebook.version).toBe(2);
		expect(back.document.reference?.inputs).toEqual({ localisation: 0.6 });
		expect(back.notices).toEqual(['In the reference scenario: Ignored "localisationGerman": version 2 of the notebook has no such input; it is a lever of version 3.']);
	});

	it('names a reference without a label, and strips control characters from a label', async () => {
		const plain = await decodeScenario(`v=3&ref=${encodeURIComponent('v=3')}`, published);
		expect(plain.document.reference?.label).toBe('Reference from the link');
		const sneaky = await decodeScenario(`v=3&ref=${encodeURIComponent(`v=3&label=${encodeURIComponent('a\u202Eb\u0000c')}`)}`, published);
		expect(sneaky.document.reference?.label).toBe('abc');
	});

	it('an edited reference notebook that does not check is refused', async () => {
		const nb = await deflateToBase64url(JSON.stringify({ order: ['nope'], cells: { nope: { id: 'nope', kind: 'weird' } } }));
		const back = await decodeScenario(`v=3&ref=${encodeURIComponent(`v=3&nb=${nb}`)}`, published);
		expect(back.document.reference).toBeUndefined();
		expect(back.notices.some((n) => n.includes('opened without a reference'))).toBe(true);
	});
});

describe('reference in saved documents', () => {
	it('validates with the document and in a saved scenario', () => {
		const scenario = { ...doc({ localisationJapanese: 0.6 }), reference: asReference(doc({ safetyValue: 1.2 }), 'Safety first') };
		expect(WorkingDocumentSchema.safeParse(scenario).success).toBe(true);
		expect(SavedScenarioSchema.safeParse({ id: 'a', name: 'x', description: '', savedAt: '2026-12-01', document: scenario }).success).toBe(true);
	});

	it('refuses a corrupt reference (nested, unnamed, bad values)', () => {
		const good = asReference(doc(), 'ok');
		for (const reference of [{ ...good, reference: good }, { ...good, label: '' }, { ...good, inputs: { localisationJapanese: Number.NaN } }]) {
			expect(WorkingDocumentSchema.safeParse({ ...doc(), reference }).success).toBe(false);
		}
	});
});

describe('reference on charts', () => {
	const run = (value: number): RunResult => ({ years: [2024, 2025, 2026], series: { nevShare: [value, value, value] }, errors: [] }) as unknown as RunResult;
	const cell = { id: 'c', kind: 'chart', title: 'NEV', variables: ['nevShare'], style: 'line', history: [], showHistory: false } as unknown as ChartCell;

	it('draws the reference as its own legend entry beside the baseline', () => {
		const model = buildChartModel(cell, run(0.5), run(0.4), seededObservations({}), new Map([['nevShare', 'NEV share']]), 2026, null, { run: run(0.45), label: 'Safety first' });
		const reference = model.series.find((s) => s.role === 'reference')!;
		expect(reference.label).toBe('NEV share (reference: Safety first)');
		expect(reference.points.map((p) => p.y)).toEqual([0.45, 0.45, 0.45]);
		expect(inLegend(reference)).toBe(true);
	});

	it('draws no reference line without one, and an empty one while it runs', () => {
		expect(buildChartModel(cell, run(0.5), run(0.4), seededObservations({}), new Map(), 2026).series.some((s) => s.role === 'reference')).toBe(false);
		const pending = buildChartModel(cell, run(0.5), run(0.4), seededObservations({}), new Map(), 2026, null, { run: null, label: 'x' });
		expect(pending.series.find((s) => s.role === 'reference')?.points).toEqual([]);
	});
});
