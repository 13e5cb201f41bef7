// Moving an earlier version's localStorage into IndexedDB: the v1 autosave and library arrive
// whole, once; corrupt entries are set aside and reported; the old keys go only after the
// transaction committed; a full store leaves localStorage as it was. Also the copies written
// synchronously as tabs closed (storage/localStorageNotes.ts).
import { beforeEach, describe, expect, it } from 'vitest';
import { MemoryStorage, freshDatabase, fullDatabase, installLocalStorage } from './support/storage';
import { AUTOSAVE_KEY, LIBRARY_KEY, STORED_WORK_HINT_KEY, UNSAVED_PREFIX, hasLocalStorageToMove, hasStoredWork } from '../src/lib/storage/localStorageNotes';
import { database } from '../src/lib/storage/database';
import { fingerprint, moveFromLocalStorage } from '../src/lib/storage/moveFromLocalStorage';
import { allWorkingCopies, writeWorkingCopy } from '../src/lib/storage/workingCopies';
import { readScenarios } from '../src/lib/storage/scenarioStore';
import { chinaMarketNotebook } from '../src/lib/notebooks/chinaMarket';

const doc = (inputs: Record<string, number>) => ({ notebook: chinaMarketNotebook, inputs, horizon: 2035 });
const AUTOSAVE = JSON.stringify({ savedAt: '2026-01-05T09:41:00.000Z', ...doc({ localisation: 0.65 }) });
const scenario = (id: string, name: string, inputs: Record<string, number>) => ({ id, name, description: '', savedAt: '2026-01-04T10:00:00.000Z', document: doc(inputs) });
const LIBRARY = JSON.stringify([scenario('s-1', 'Old plan one', { shakeout: 0.2 }), scenario('s-2', 'Old plan two', { marketGrowth: 0 })]);

let local: MemoryStorage;
beforeEach(() => {
	freshDatabase();
	local = installLocalStorage(new MemoryStorage())!;
});

async function setAside() {
	const { db } = await database();
	return db!.getAll('setAside');
}

describe('moving a v1 autosave and library', () => {
	it('moves both, nothing lost: the autosave becomes a copy without a tab, the scenarios join the library in order', async () => {
		local.setItem(AUTOSAVE_KEY, AUTOSAVE);
		local.setItem(LIBRARY_KEY, LIBRARY);
		local.setItem('shiftcast:posteriorSteps', '400');
		expect(hasLocalStorageToMove()).toBe(true);
		const report = await moveFromLocalStorage();
		expect(report).toEqual({ libraryProblems: [] });

		const { copies } = await allWorkingCopies();
		expect(copies).toHaveLength(1);
		expect(copies[0]).toMatchObject({ kind: 'earlier-version', savedAt: '2026-01-05T09:41:00.000Z', document: doc({ localisation: 0.65 }) });
		const { scenarios, problems } = await readScenarios();
		expect(problems).toEqual([]);
		expect(scenarios.map((s) => [s.id, s.name, s.document.inputs, s.revision])).toEqual([
			['s-1', 'Old plan one', { shakeout: 0.2 }, 1],
			['s-2', 'Old plan two', { marketGrowth: 0 }, 1]
		]);
		// The old keys are gone, the test overrides stay, and the next start knows work is stored.
		expect(local.getItem(AUTOSAVE_KEY)).toBeNull();
		expect(local.getItem(LIBRARY_KEY)).toBeNull();
		expect(local.getItem('shiftcast:posteriorSteps')).toBe('400');
		expect(hasLocalStorageToMove()).toBe(false);
		expect(hasStoredWork()).toBe(true);
	});

	it('runs once: a second run finds nothing, and the same text again (a removal that failed) is not moved twice', async () => {
		local.setItem(AUTOSAVE_KEY, AUTOSAVE);
		local.setItem(LIBRARY_KEY, LIBRARY);
		await moveFromLocalStorage();
		await moveFromLocalStorage();
		expect((await readScenarios()).scenarios).toHaveLength(2);
		// As if removing the keys had failed: the same texts are back.
		local.setItem(AUTOSAVE_KEY, AUTOSAVE);
		local.setItem(LIBRARY_KEY, LIBRARY);
		expect(await moveFromLocalStorage()).toEqual({ libraryProblems: [] });
		expect((await readScenarios()).scenarios).toHaveLength(2);
		expect((await allWorkingCopies()).copies).toHaveLength(1);
		expect(local.getItem(AUTOSAVE_KEY)).toBeNull();
		const { db } = await database();
		expect(await db!.get('meta', 'movedFromLocalStorage')).toMatchObject({ autosave: fingerprint(AUTOSAVE), library: fingerprint(LIBRARY) });
	});

	it('moves new text an older version (still open elsewhere) wrote after the move, keeping both versions of a changed scenario', async () => {
		local.setItem(LIBRARY_KEY, LIBRARY);
		await moveFromLocalStorage();
		local.setItem(LIBRARY_KEY, JSON.stringify([scenario('s-1', 'Old plan one, renamed', { shakeout: 0.2 }), scenario('s-2', 'Old plan two', { marketGrowth: 0 }), scenario('s-3', 'New', {})]));
		await moveFromLocalStorage();
		const names = (await readScenarios()).scenarios.map((s) => s.name);
		expect(names).toEqual(['Old plan one', 'Old plan two', 'Old plan one, renamed', 'New']);
	});

	it('a corrupt autosave is set aside as it was and reported; the library still moves', async () => {
		const broken = '{"savedAt":"x","notebook":{"cells":"broken"';
		local.setItem(AUTOSAVE_KEY, broken);
		local.setItem(LIBRARY_KEY, LIBRARY);
		const report = await moveFromLocalStorage();
		expect(report.corruptAutosave?.problems.join(' ')).toMatch(/not readable as JSON/);
		expect(report.corruptAutosave?.setAsideKey).toMatch(/^shiftcast:corrupt:\d{4}-/);
		const aside = await setAside();
		expect(aside).toEqual([expect.objectContaining({ key: report.corruptAutosave!.setAsideKey, raw: broken })]);
		expect((await allWorkingCopies()).copies).toEqual([]);
		expect((await readScenarios()).scenarios).toHaveLength(2);
		expect(local.getItem(AUTOSAVE_KEY)).toBeNull();
	});

	it('a corrupt library entry is set aside and named; the others move', async () => {
		local.setItem(LIBRARY_KEY, JSON.stringify([{ id: 'x1', name: 'Broken one', description: '', savedAt: 'now', document: { notebook: 5 } }, scenario('s-2', 'Fine', {})]));
		const report = await moveFromLocalStorage();
		expect(report.libraryProblems[0]).toMatch(/^Saved scenario “Broken one” could not be read \(document/);
		expect(report.libraryProblems[1]).toMatch(/^It was set aside in .* as “shiftcast:corrupt:library:/);
		expect((await readScenarios()).scenarios.map((s) => s.name)).toEqual(['Fine']);
		expect((await setAside())[0].raw).toEqual([expect.objectContaining({ name: 'Broken one' })]);
	});

	it('a library that is not a list is set aside whole', async () => {
		local.setItem(LIBRARY_KEY, '{"not":"a list"}');
		const report = await moveFromLocalStorage();
		expect(report.libraryProblems).toEqual([expect.stringMatching(/^Your saved scenarios could not be read: they were not a list\. They were set aside in/)]);
		expect((await setAside())[0].raw).toBe('{"not":"a list"}');
	});

	it('a full store says what could not be moved and leaves localStorage as it was', async () => {
		local.setItem(AUTOSAVE_KEY, AUTOSAVE);
		local.setItem(LIBRARY_KEY, LIBRARY);
		const restore = fullDatabase();
		let report;
		try {
			report = await moveFromLocalStorage();
		} finally {
			restore();
		}
		expect(report.problem).toMatch(/^Browser storage is full: the work kept by an earlier version could not be saved\..* It stays where it was\.$/);
		expect(local.getItem(AUTOSAVE_KEY)).toBe(AUTOSAVE);
		expect(local.getItem(LIBRARY_KEY)).toBe(LIBRARY);
		// Nothing half-moved: the transaction was all or nothing, and a later start moves it all.
		expect((await readScenarios()).scenarios).toEqual([]);
		await moveFromLocalStorage();
		expect((await readScenarios()).scenarios).toHaveLength(2);
	});
});

describe('copies written as tabs closed', () => {
	const unsaved = (tabId: string, savedAt: string, inputs: Record<string, number>) => JSON.stringify({ tabId, savedAt, document: doc(inputs) });

	it('are moved in when newer than the database’s copy, and dropped from localStorage either way', async () => {
		await writeWorkingCopy({ tabId: 'tab-a', savedAt: '2026-01-05T09:00:00.000Z', document: doc({ localisation: 0.4 }) });
		await writeWorkingCopy({ tabId: 'tab-b', savedAt: '2026-01-05T09:30:00.000Z', document: doc({ localisation: 0.9 }) });
		local.setItem(UNSAVED_PREFIX + 'tab-a', unsaved('tab-a', '2026-01-05T09:10:00.000Z', { localisation: 0.5 }));
		local.setItem(UNSAVED_PREFIX + 'tab-b', unsaved('tab-b', '2026-01-05T09:20:00.000Z', { localisation: 0.1 }));
		local.setItem(UNSAVED_PREFIX + 'tab-c', unsaved('tab-c', '2026-01-05T09:20:00.000Z', { shakeout: 0.3 }));
		await moveFromLocalStorage();
		const byTab = Object.fromEntries((await allWorkingCopies()).copies.map((c) => [c.tabId, c.document.inputs]));
		expect(byTab).toEqual({ 'tab-a': { localisation: 0.5 }, 'tab-b': { localisation: 0.9 }, 'tab-c': { shakeout: 0.3 } });
		expect([...local.map.keys()].filter((k) => k.startsWith(UNSAVED_PREFIX))).toEqual([]);
	});

	it('one that cannot be read is set aside', async () => {
		local.setItem(UNSAVED_PREFIX + 'tab-a', '{"tabId":');
		await moveFromLocalStorage();
		expect((await setAside())[0]).toMatchObject({ raw: '{"tabId":', from: 'work written as a tab closed' });
		expect(local.getItem(UNSAVED_PREFIX + 'tab-a')).toBeNull();
	});
});

describe('the synchronous hint', () => {
	it('is set by a save and read before the page starts', async () => {
		expect(hasStoredWork()).toBe(false);
		await writeWorkingCopy({ tabId: 'tab-a', savedAt: '2026-01-05T09:00:00.000Z', document: doc({}) });
		expect(local.getItem(STORED_WORK_HINT_KEY)).toBe('1');
		expect(hasStoredWork()).toBe(true);
	});
});
