// "Open with the current model": documents made with version 1 move to version 2 with their
// lever values, and with their edited cells where those still compile (each one that does not
// is named). The frozen v1 links are the inputs.
import { describe, expect, it } from 'vitest';
import { chinaMarketNotebook } from '../src/lib/notebooks/chinaMarket';
import { chinaMarketNotebookV1 } from '../src/lib/notebooks/frozen/chinaMarketV1';
import { dataFor } from '../src/lib/notebooks/published';
import { decodeScenario, encodeScenario } from '../src/lib/scenario/codec';
import { upgradeToCurrent } from '../src/lib/scenario/upgrade';
import { compileNotebook } from '../src/lib/sim';
import type { Cell, Notebook } from '../src/lib/sim/types';
import type { WorkingDocument } from '../src/lib/state/autosave';
import linksV1 from './fixtures/links-v1.json';

const v2 = chinaMarketNotebook;
const v1Doc = (notebook: Notebook = chinaMarketNotebookV1, inputs: Record<string, number> = {}, horizon = 2035): WorkingDocument => ({ notebook, inputs, horizon });
const compileErrors = (nb: Notebook) => compileNotebook(nb, dataFor(nb)).errors.filter((e) => e.kind !== 'not-finite');

describe('upgradeToCurrent', () => {
	it('leaves a current document alone', async () => {
		const doc: WorkingDocument = { notebook: v2, inputs: { localisation: 0.6 }, horizon: 2040 };
		expect(await upgradeToCurrent(doc)).toEqual({ document: doc, notices: [] });
	});

	it('opens the unedited version-1 notebook as the published version 2, lever values and horizon kept', async () => {
		const { document, notices } = await upgradeToCurrent(v1Doc(chinaMarketNotebookV1, { localisation: 0.6, shakeout: 0.2 }, 2040));
		expect(document.notebook).toEqual(v2);
		expect(document.inputs).toEqual({ localisation: 0.6, shakeout: 0.2 });
		expect(document.horizon).toBe(2040);
		expect(notices).toEqual(['Opened with the current model (version 2) instead of version 1; your lever values are kept. Undo goes back.']);
	});

	for (const link of linksV1.links) {
		it(`upgrades the v1 link "${link.name}" to a version-2 document that compiles`, async () => {
			const { document } = await decodeScenario(link.query, v2);
			expect(document.notebook.version).toBe(1);
			const up = (await upgradeToCurrent(document)).document;
			expect(up.notebook.version).toBe(2);
			expect(compileErrors(up.notebook)).toEqual([]);
			expect(up.horizon).toBe(document.horizon);
			// Same lever values (every v1 input name exists in v2, with the same range).
			for (const [name, value] of Object.entries(document.inputs)) if (name in up.inputs || value !== v2Default(name)) expect(up.inputs[name]).toBe(value);
			// It travels as a version-2 link.
			expect(await encodeScenario(up, v2)).toMatch(/^v=2/);
		});
	}

	it('carries an edited formula that still compiles, and an edited input cell', async () => {
		const edited = linksV1.links.find((l) => l.name === 'formula edited, three levers moved')!;
		const { document } = await decodeScenario(edited.query, v2);
		const changed = Object.keys((edited as unknown as { notebook: { cells: Record<string, Cell> } }).notebook.cells);
		const up = await upgradeToCurrent(document);
		expect(up.notices).toHaveLength(1);
		for (const id of changed) expect(up.document.notebook.cells.find((c) => c.id === id)).toEqual(document.notebook.cells.find((c) => c.id === id));
	});

	it('names each edited cell that does not compile under version 2 and leaves it out', async () => {
		const mine: Cell = { id: 'f-mine', kind: 'formula', formula: 'techLeadCeiling = techLeadMax * 2' };
		const ok: Cell = { id: 'md-mine', kind: 'markdown', text: 'Kept.' };
		const notebook = { ...chinaMarketNotebookV1, cells: [...chinaMarketNotebookV1.cells, ok, mine] };
		const { document, notices } = await upgradeToCurrent(v1Doc(notebook));
		expect(document.notebook.cells.some((c) => c.id === 'f-mine')).toBe(false);
		expect(document.notebook.cells.at(-1)).toEqual(ok);
		expect(notices).toHaveLength(2);
		expect(notices[1]).toMatch(/^Your edit of cell "f-mine" was not carried over \(.*techLeadCeiling.*\); it was left out\.$/);
		expect(compileErrors(document.notebook)).toEqual([]);
	});

	it('puts back version 2\'s cell when an edit of an existing cell does not compile there', async () => {
		// A link may carry a formula still being typed; it does not carry over as it stands.
		const cells = chinaMarketNotebookV1.cells.map((c) => (c.id === 'f-safetyGap' && c.kind === 'formula' ? { ...c, formula: 'safetyGap = 0.5 ^ (' } : c));
		const { document, notices } = await upgradeToCurrent(v1Doc({ ...chinaMarketNotebookV1, cells }));
		expect(document.notebook.cells.find((c) => c.id === 'f-safetyGap')).toEqual(v2.cells.find((c) => c.id === 'f-safetyGap'));
		expect(notices[1]).toMatch(/^Your edit of cell "f-safetyGap" was not carried over \(.+\); version 2's cell is used instead\.$/);
		expect(compileErrors(document.notebook)).toEqual([]);
	});

	it('keeps cells deleted in version 1 when version 2 needs them', async () => {
		const notebook = { ...chinaMarketNotebookV1, cells: chinaMarketNotebookV1.cells.filter((c) => c.id !== 'f-safetyGap') };
		const { document, notices } = await upgradeToCurrent(v1Doc(notebook));
		expect(document.notebook.cells.some((c) => c.id === 'f-safetyGap')).toBe(true);
		expect(notices.some((n) => n.includes('were kept: version 2 needs them'))).toBe(true);
		expect(compileErrors(document.notebook)).toEqual([]);
	});

	it('says when calibrated values set under version 1 are kept', async () => {
		const { notices, document } = await upgradeToCurrent(v1Doc(chinaMarketNotebookV1, { nevSteepness: 5 }));
		expect(document.inputs).toEqual({ nevSteepness: 5 });
		expect(notices[1]).toMatch(/Calibrated values you set \("nevSteepness"\) were kept/);
	});
});

function v2Default(name: string): number | undefined {
	const cell = v2.cells.find((c) => c.kind === 'input' && c.name === name);
	return cell?.kind === 'input' ? cell.default : undefined;
}

describe('upgrade and the reference', () => {
	it('leaves a reference as it is (a scenario of its own, with its own version)', async () => {
		const { chinaMarketNotebookV1: v1 } = await import('../src/lib/notebooks/frozen/chinaMarketV1');
		const { asReference } = await import('../src/lib/state/autosave');
		const reference = asReference({ notebook: structuredClone(v1), inputs: { localisation: 0.5 }, horizon: 2035 }, 'Old');
		const { document } = await upgradeToCurrent({ notebook: structuredClone(v1), inputs: {}, horizon: 2035, reference });
		expect(document.notebook.version).toBe(2);
		expect(document.reference).toEqual(reference);
	});
});
