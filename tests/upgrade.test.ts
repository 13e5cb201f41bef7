// "Open with the current model": documents made with an older version move to the current one
// (version 3) through every step of the chain (1 -> 2 -> 3), with their lever values (version 2's
// one `localisation` lever becomes version 3's four origin levers, each taking its value; the
// calibrated inputs version 3 no longer has are dropped, each said), and with their edited cells
// where those still compile (each one that does not is named). The frozen v1 and v2 links are the
// inputs.
import { describe, expect, it } from 'vitest';
import { LOCALISATION_LEVERS, chinaMarketNotebook } from '../src/lib/notebooks/chinaMarket';
import { chinaMarketNotebookV1 } from '../src/lib/notebooks/frozen/chinaMarketV1';
import { CALIBRATED_V2, chinaMarketNotebookV2 } from '../src/lib/notebooks/frozen/chinaMarketV2';
import { dataFor, loadPublishedVersion } from '../src/lib/notebooks/published';
import { decodeScenario, encodeScenario } from '../src/lib/scenario/codec';
import { upgradeToCurrent } from '../src/lib/scenario/upgrade';
import { compileNotebook } from '../src/lib/sim';
import type { Cell, InputCell, Notebook } from '../src/lib/sim/types';
import type { WorkingDocument } from '../src/lib/state/autosave';
import linksV1 from './fixtures/links-v1.json';
import linksV2 from './fixtures/links-v2.json';

const v3 = chinaMarketNotebook;
const v1Doc = (notebook: Notebook = chinaMarketNotebookV1, inputs: Record<string, number> = {}, horizon = 2035): WorkingDocument => ({ notebook, inputs, horizon });
const v2Doc = (notebook: Notebook = chinaMarketNotebookV2, inputs: Record<string, number> = {}, horizon = 2035): WorkingDocument => ({ notebook, inputs, horizon });
const compileErrors = (nb: Notebook) => compileNotebook(nb, dataFor(nb)).errors.filter((e) => e.kind !== 'not-finite');
const opened = (from: number) => `Opened with the current model (version 3) instead of version ${from}; your lever values are kept. Undo goes back.`;
const localisationNote = (value: number) =>
	`Localisation (${value}) is one lever per foreign origin in version 3: Japanese ("localisationJapanese"), German ("localisationGerman"), US ("localisationUS"), Korean and other ("localisationOther") each took ${value}.`;
const notCarried = /not carried over|left out/;

const v3Inputs = new Map(v3.cells.filter((c): c is InputCell => c.kind === 'input').map((c) => [c.name, c]));

/**
 * What version 3 should hold for a version-1 or version-2 document's inputs: `localisation` as
 * each of the four origin levers, the calibrated inputs version 3 no longer has left out, every
 * other value as it was; then within the upgraded notebook's ranges (version 3's, or an edited
 * input cell's that was carried), values at its default dropped.
 */
function expectedV3Inputs(inputs: Record<string, number>, upgraded: Notebook): Record<string, number> {
	const cells = new Map(upgraded.cells.filter((c): c is InputCell => c.kind === 'input').map((c) => [c.name, c]));
	const moved: Record<string, number> = {};
	for (const [name, value] of Object.entries(inputs)) {
		if (name === 'localisation') for (const lever of LOCALISATION_LEVERS) moved[lever] = value;
		else if (v3Inputs.has(name)) moved[name] = value;
		else expect(Object.hasOwn(CALIBRATED_V2, name), `${name} is neither a version-3 input nor a calibrated input of version 2`).toBe(true);
	}
	const out: Record<string, number> = {};
	for (const [name, value] of Object.entries(moved)) {
		const cell = cells.get(name)!;
		const clamped = Math.min(cell.max, Math.max(cell.min, value));
		if (clamped !== cell.default) out[name] = clamped;
	}
	return out;
}

/** The notes an upgrade owes a document's inputs, whatever version it started from. */
function expectInputNotes(notices: string[], inputs: Record<string, number>) {
	if (Object.hasOwn(inputs, 'localisation')) expect(notices).toContain(localisationNote(inputs.localisation));
	else expect(notices.some((n) => n.startsWith('Localisation ('))).toBe(false);
	const dropped = Object.keys(inputs).filter((name) => Object.hasOwn(CALIBRATED_V2, name) && !v3Inputs.has(name));
	if (dropped.length) expect(notices.some((n) => n.startsWith(`Version 3 has no ${dropped.map((n) => `"${n}"`).join(', ')} `)), JSON.stringify(notices)).toBe(true);
	else expect(notices.some((n) => n.startsWith('Version 3 has no'))).toBe(false);
	if (Object.hasOwn(inputs, 'marketGrowth')) expect(notices.some((n) => n.startsWith(`Market growth (${inputs.marketGrowth}) now grows the cars sold in China`))).toBe(true);
}

/** Carries `doc` through the upgrade and checks what holds for every upgrade to version 3. */
async function upgradedToThree(doc: WorkingDocument) {
	const up = await upgradeToCurrent(doc);
	expect(up.document.notebook.version).toBe(3);
	expect(up.notices[0]).toBe(opened(doc.notebook.version));
	expect(compileErrors(up.document.notebook)).toEqual([]);
	expect(up.document.horizon).toBe(doc.horizon);
	// One document: already current, so upgrading it again changes nothing.
	expect(await upgradeToCurrent(up.document)).toEqual({ document: up.document, notices: [] });
	// It travels as a version-3 link and reads back as itself.
	const query = await encodeScenario(up.document, v3);
	expect(query).toMatch(/^v=3(&|$)/);
	const back = await decodeScenario(query, v3);
	expect(back.notices).toEqual([]);
	expect(back.document).toEqual(up.document);
	return up;
}

describe('upgradeToCurrent', () => {
	it('leaves a current document alone', async () => {
		const doc: WorkingDocument = { notebook: v3, inputs: { localisationJapanese: 0.6 }, horizon: 2040 };
		expect(await upgradeToCurrent(doc)).toEqual({ document: doc, notices: [] });
	});

	it('opens the unedited version-1 notebook as the published version 3 through both steps, lever values and horizon kept', async () => {
		const { document, notices } = await upgradeToCurrent(v1Doc(chinaMarketNotebookV1, { localisation: 0.6, shakeout: 0.2 }, 2040));
		expect(document.notebook).toEqual(v3);
		expect(document.inputs).toEqual({ localisationJapanese: 0.6, localisationGerman: 0.6, localisationUS: 0.6, localisationOther: 0.6, shakeout: 0.2 });
		expect(document.horizon).toBe(2040);
		// Step 1 -> 2 keeps the levers as they are; step 2 -> 3 moves localisation.
		expect(notices).toEqual([opened(1), localisationNote(0.6)]);
	});

	for (const link of linksV1.links) {
		it(`upgrades the v1 link "${link.name}" to a version-3 document that compiles`, async () => {
			const { document } = await decodeScenario(link.query, v3);
			expect(document.notebook.version).toBe(1);
			const up = await upgradedToThree(document);
			// Same lever values, localisation as the four origin levers, version 2's calibrated values version 3 lacks left out.
			expect(up.document.inputs).toEqual(expectedV3Inputs(document.inputs, up.document.notebook));
			expectInputNotes(up.notices, document.inputs);
		});
	}

	it('carries an edited formula that still compiles, and an edited input cell', async () => {
		const edited = linksV1.links.find((l) => l.name === 'formula edited, three levers moved')!;
		const { document } = await decodeScenario(edited.query, v3);
		const changed = Object.keys((edited as unknown as { notebook: { cells: Record<string, Cell> } }).notebook.cells);
		const up = await upgradeToCurrent(document);
		// Nothing was left out: the only note beyond the first is the localisation lever's move.
		expect(up.notices).toEqual([opened(1), localisationNote(0.6)]);
		for (const id of changed) expect(up.document.notebook.cells.find((c) => c.id === id)).toEqual(document.notebook.cells.find((c) => c.id === id));
	});

	it('names each edited cell that does not compile under version 2 and leaves it out', async () => {
		const mine: Cell = { id: 'f-mine', kind: 'formula', formula: 'techLeadCeiling = techLeadMax * 2' };
		const ok: Cell = { id: 'md-mine', kind: 'markdown', text: 'Kept.' };
		const notebook = { ...chinaMarketNotebookV1, cells: [...chinaMarketNotebookV1.cells, ok, mine] };
		const { document, notices } = await upgradeToCurrent(v1Doc(notebook));
		expect(document.notebook.version).toBe(3);
		expect(document.notebook.cells.some((c) => c.id === 'f-mine')).toBe(false);
		expect(document.notebook.cells.at(-1)).toEqual(ok);
		expect(notices).toHaveLength(2);
		expect(notices[1]).toMatch(/^Your edit of cell "f-mine" was not carried over \(.*techLeadCeiling.*\); it was left out\.$/);
		expect(compileErrors(document.notebook)).toEqual([]);
	});

	it('puts back the newer version\'s cell when an edit of an existing cell does not compile there', async () => {
		// A link may carry a formula still being typed; it does not carry over as it stands.
		const cells = chinaMarketNotebookV1.cells.map((c) => (c.id === 'f-safetyGap' && c.kind === 'formula' ? { ...c, formula: 'safetyGap = 0.5 ^ (' } : c));
		const { document, notices } = await upgradeToCurrent(v1Doc({ ...chinaMarketNotebookV1, cells }));
		// Step 1 -> 2 puts back version 2's cell; step 2 -> 3 then has no edit of it, so version 3's cell is used.
		expect(document.notebook.cells.find((c) => c.id === 'f-safetyGap')).toEqual(v3.cells.find((c) => c.id === 'f-safetyGap'));
		expect(notices).toHaveLength(2);
		expect(notices[1]).toMatch(/^Your edit of cell "f-safetyGap" was not carried over \(.+\); version 2's cell is used instead\.$/);
		expect(compileErrors(document.notebook)).toEqual([]);
	});

	it('keeps cells deleted in version 1 when version 2 needs them', async () => {
		const notebook = { ...chinaMarketNotebookV1, cells: chinaMarketNotebookV1.cells.filter((c) => c.id !== 'f-safetyGap') };
		const { document, notices } = await upgradeToCurrent(v1Doc(notebook));
		expect(document.notebook.version).toBe(3);
		expect(document.notebook.cells.some((c) => c.id === 'f-safetyGap')).toBe(true);
		expect(notices.some((n) => n.includes('were kept: version 2 needs them'))).toBe(true);
		expect(compileErrors(document.notebook)).toEqual([]);
	});

	it('says when calibrated values set under version 1 are kept, at each step', async () => {
		const { notices, document } = await upgradeToCurrent(v1Doc(chinaMarketNotebookV1, { nevSteepness: 5 }));
		expect(document.inputs).toEqual({ nevSteepness: 5 });
		expect(notices).toHaveLength(3);
		expect(notices[1]).toMatch(/Calibrated values you set \("nevSteepness"\) were kept.*version 2 fitted its own/);
		expect(notices[2]).toMatch(/Calibrated values you set \("nevSteepness"\) were kept.*version 3 fitted its own/);
	});

	it('drops version 1\'s calibrated inputs version 3 no longer has, after both steps', async () => {
		const { notices, document } = await upgradeToCurrent(v1Doc(chinaMarketNotebookV1, { iceBrandBias: -0.5, nevSteepness: 5 }));
		expect(document.inputs).toEqual({ nevSteepness: 5 });
		expect(notices).toContain('Version 3 has no "iceBrandBias" (it calibrates a pull per foreign origin instead); the value you set was left out.');
	});
});

describe('upgradeToCurrent from version 2 (one step, 2 -> 3)', () => {
	it('moves version 2\'s localisation to each of the four origin levers, and says so', async () => {
		const { document, notices } = await upgradeToCurrent(v2Doc(chinaMarketNotebookV2, { localisation: 0.6, shakeout: 0.2 }, 2040));
		expect(document.notebook).toEqual(v3);
		expect(document.inputs).toEqual({ localisationJapanese: 0.6, localisationGerman: 0.6, localisationUS: 0.6, localisationOther: 0.6, shakeout: 0.2 });
		expect(document.horizon).toBe(2040);
		expect(notices).toEqual([opened(2), localisationNote(0.6)]);
		for (const lever of LOCALISATION_LEVERS) expect(notices[1]).toContain(`"${lever}"`);
	});

	it('keeps each origin lever at the value, even where it is that origin\'s default', async () => {
		// 0.4 is localisationJapanese's default in version 3: it is the value, so it is not written down.
		const { document, notices } = await upgradeToCurrent(v2Doc(chinaMarketNotebookV2, { localisation: 0.4 }));
		expect(document.inputs).toEqual({ localisationGerman: 0.4, localisationUS: 0.4, localisationOther: 0.4 });
		for (const lever of LOCALISATION_LEVERS) expect(document.inputs[lever] ?? v3Inputs.get(lever)!.default).toBe(0.4);
		expect(notices).toEqual([opened(2), localisationNote(0.4)]);
	});

	it('drops iceBrandBias and nevBrandEdge with a note, and keeps the calibrated values version 3 has', async () => {
		const { document, notices } = await upgradeToCurrent(v2Doc(chinaMarketNotebookV2, { iceBrandBias: -0.5, nevBrandEdge: 2, nevSteepness: 5 }));
		expect(document.inputs).toEqual({ nevSteepness: 5 });
		expect(notices).toEqual([
			opened(2),
			'Version 3 has no "iceBrandBias", "nevBrandEdge" (it calibrates a pull per foreign origin instead); the values you set were left out.',
			'Calibrated values you set ("nevSteepness") were kept as set; version 3 fitted its own to the record on both bases, and Reset on each puts it back.'
		]);
	});

	it('drops iceBrandBias alone with a note in the singular', async () => {
		const { document, notices } = await upgradeToCurrent(v2Doc(chinaMarketNotebookV2, { iceBrandBias: -0.5 }));
		expect(document.inputs).toEqual({});
		expect(notices).toEqual([opened(2), 'Version 3 has no "iceBrandBias" (it calibrates a pull per foreign origin instead); the value you set was left out.']);
	});

	it('keeps marketGrowth and says what it now means', async () => {
		const { document, notices } = await upgradeToCurrent(v2Doc(chinaMarketNotebookV2, { marketGrowth: 0.02 }));
		expect(document.inputs).toEqual({ marketGrowth: 0.02 });
		expect(notices).toEqual([opened(2), 'Market growth (0.02) now grows the cars sold in China; exports have levers of their own ("exportGrowth", "exportDomesticShare").']);
	});

	it('carries edited version-2 cells that still compile under version 3', async () => {
		const gap: Cell = { id: 'f-safetyGap', kind: 'formula', formula: 'safetyGap = 0.5 ^ (max(0, year - 2025) / (safetyHalfLife * 1.5))' };
		const note: Cell = { id: 'md-mine', kind: 'markdown', text: 'My note on the shake-out.' };
		const cells = chinaMarketNotebookV2.cells.flatMap((c): Cell[] => {
			if (c.id === 'f-safetyGap') return [{ ...c, ...gap }];
			if (c.id === 'in-shakeout' && c.kind === 'input') return [{ ...c, max: 0.6, label: 'Mine' }, note];
			return [c];
		});
		const { document, notices } = await upgradeToCurrent(v2Doc({ ...chinaMarketNotebookV2, title: 'Mine', cells }, { shakeout: 0.5 }));
		expect(notices).toEqual([opened(2)]);
		expect(document.notebook.title).toBe('Mine');
		expect(document.notebook.cells.find((c) => c.id === 'f-safetyGap')).toEqual(cells.find((c) => c.id === 'f-safetyGap'));
		expect(document.notebook.cells.find((c) => c.id === 'in-shakeout')).toEqual(cells.find((c) => c.id === 'in-shakeout'));
		const at = document.notebook.cells.findIndex((c) => c.id === 'md-mine');
		expect(document.notebook.cells[at - 1]?.id).toBe('in-shakeout');
		// The carried range lets the value through that version 3's own (0 to 0.4) would clamp.
		expect(document.inputs).toEqual({ shakeout: 0.5 });
		expect(compileErrors(document.notebook)).toEqual([]);
	});

	it('names each edited version-2 cell that does not compile under version 3', async () => {
		// f-domesticShare reads iceBrandBias, which version 3 no longer has; f-mine defines
		// domesticShareCaam, which version 3 defines itself.
		const mine: Cell = { id: 'f-mine', kind: 'formula', formula: 'domesticShareCaam = domesticShare * 1.05' };
		const ok: Cell = { id: 'md-mine', kind: 'markdown', text: 'Kept.' };
		const cells = chinaMarketNotebookV2.cells.map((c) =>
			c.id === 'f-domesticShare' && c.kind === 'formula' ? { ...c, formula: 'domesticShare = nevShare * domesticShareNev + (1 - nevShare) * domesticShareIce + 0 * iceBrandBias' } : c
		);
		const notebook = { ...chinaMarketNotebookV2, cells: [...cells, ok, mine] };
		expect(compileErrors(notebook)).toEqual([]);
		const { document, notices } = await upgradeToCurrent(v2Doc(notebook));
		expect(document.notebook.cells.find((c) => c.id === 'f-domesticShare')).toEqual(v3.cells.find((c) => c.id === 'f-domesticShare'));
		expect(document.notebook.cells.some((c) => c.id === 'f-mine')).toBe(false);
		expect(document.notebook.cells.at(-1)).toEqual(ok);
		expect(notices).toHaveLength(3);
		expect(notices).toContainEqual(expect.stringMatching(/^Your edit of cell "f-domesticShare" was not carried over \(.*iceBrandBias.*\); version 3's cell is used instead\.$/));
		expect(notices).toContainEqual(expect.stringMatching(/^Your edit of cell "f-mine" was not carried over \(.*domesticShareCaam.*\); it was left out\.$/));
		expect(compileErrors(document.notebook)).toEqual([]);
	});

	it('keeps cells deleted in version 2 when version 3 needs them', async () => {
		const notebook = { ...chinaMarketNotebookV2, cells: chinaMarketNotebookV2.cells.filter((c) => c.id !== 'f-safetyGap') };
		const { document, notices } = await upgradeToCurrent(v2Doc(notebook));
		expect(document.notebook.cells.find((c) => c.id === 'f-safetyGap')).toEqual(v3.cells.find((c) => c.id === 'f-safetyGap'));
		expect(notices).toEqual([opened(2), 'The cells you deleted ("f-safetyGap") were kept: version 3 needs them.']);
		expect(compileErrors(document.notebook)).toEqual([]);
	});

	for (const link of linksV2.links) {
		it(`upgrades the v2 link "${link.name}" to one version-3 document that compiles`, async () => {
			const { document } = await decodeScenario(link.query, v3);
			const v = new URLSearchParams(link.query).get('v');
			if (v === null || Number(v) > linksV2.version) {
				// Read as the current version by design: there is nothing to upgrade.
				expect(document.notebook.version).toBe(3);
				expect(await upgradeToCurrent(document)).toEqual({ document, notices: [] });
				expect(compileErrors(document.notebook)).toEqual([]);
				return;
			}
			expect(document.notebook.version).toBe(2);
			const up = await upgradedToThree(document);
			expect(up.document.inputs).toEqual(expectedV3Inputs(document.inputs, up.document.notebook));
			expectInputNotes(up.notices, document.inputs);
			// Edited cells that version 3 still has, and that compile there, are carried as they were.
			const edits = (link as { notebook?: { cells: Record<string, Cell>; title?: string } }).notebook;
			for (const id of Object.keys(edits?.cells ?? {})) {
				if (up.notices.some((n) => n.startsWith(`Your edit of cell "${id}"`))) continue;
				expect(up.document.notebook.cells.find((c) => c.id === id)).toEqual(document.notebook.cells.find((c) => c.id === id));
			}
			if (edits?.title !== undefined) expect(up.document.notebook.title).toBe(edits.title);
			expect(up.notices.filter((n) => notCarried.test(n) && !n.startsWith('Version 3 has no'))).toEqual([]);
		});
	}
});

describe('upgrade and the reference', () => {
	it('leaves a reference as it is (a scenario of its own, with its own version)', async () => {
		const { chinaMarketNotebookV1: v1 } = await import('../src/lib/notebooks/frozen/chinaMarketV1');
		const { asReference } = await import('../src/lib/state/autosave');
		const reference = asReference({ notebook: structuredClone(v1), inputs: { localisation: 0.5 }, horizon: 2035 }, 'Old');
		const { document } = await upgradeToCurrent({ notebook: structuredClone(v1), inputs: {}, horizon: 2035, reference });
		expect(document.notebook.version).toBe(3);
		expect(document.reference).toEqual(reference);
	});

	it('leaves a version-2 reference as it is when a version-2 document moves to version 3', async () => {
		await loadPublishedVersion(2);
		const { asReference } = await import('../src/lib/state/autosave');
		const reference = asReference({ notebook: structuredClone(chinaMarketNotebookV2), inputs: { localisation: 0.6, iceBrandBias: -0.5 }, horizon: 2040 }, 'Version 2');
		const { document } = await upgradeToCurrent({ notebook: structuredClone(chinaMarketNotebookV2), inputs: { localisation: 0.6 }, horizon: 2035, reference });
		expect(document.notebook.version).toBe(3);
		expect(document.inputs).toEqual({ localisationJapanese: 0.6, localisationGerman: 0.6, localisationUS: 0.6, localisationOther: 0.6 });
		expect(document.reference).toEqual(reference);
	});
});

describe('edits of cells the new version no longer has', () => {
	it('are named, never dropped silently (an edited v2 formula version 3 has no cell for)', async () => {
		const { chinaMarketNotebookV2 } = await import('../src/lib/notebooks/frozen/chinaMarketV2');
		const cells = chinaMarketNotebookV2.cells.map((c) =>
			c.id === 'f-domesticAdvantageIce' && c.kind === 'formula' ? { ...c, formula: 'domesticAdvantageIce = iceBrandBias + foreignTechGap - safetyEdge' } : c
		);
		const { document, notices } = await upgradeToCurrent({ notebook: { ...chinaMarketNotebookV2, cells }, inputs: {}, horizon: 2035 });
		expect(document.notebook.version).toBe(3);
		expect(document.notebook.cells.some((c) => c.id === 'f-domesticAdvantageIce')).toBe(false);
		expect(notices).toContain('Your edit of cell "f-domesticAdvantageIce" was not carried over: version 3 has no such cell; it was left out.');
	});

	it("the version-1 link that widened the localisation slider says its edit did not carry over", async () => {
		const link = linksV1.links.find((l) => l.name === 'input cell edited (range, default, label), a markdown cell added')!;
		const { document } = await decodeScenario(link.query, chinaMarketNotebook);
		const { notices } = await upgradeToCurrent(document);
		expect(notices.some((n) => n.startsWith('Your edit of cell "in-localisation" was not carried over'))).toBe(true);
	});
});
