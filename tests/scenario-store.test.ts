// Saved scenarios in IndexedDB: one record each, so tabs never write over each other's list;
// "Save changes" detects another tab's save (revision read and compared in the write's own
// transaction); corrupt records are set aside and reported, the rest stay usable.
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase, fullDatabase, installLocalStorage, MemoryStorage } from './support/storage';
import { database } from '../src/lib/storage/database';
import { readScenarios } from '../src/lib/storage/scenarioStore';
import { addScenarios, deleteScenario, renameScenario, restoreScenario, saveChanges } from '../src/lib/storage/scenarioWrites';
import type { SavedScenario } from '../src/lib/scenario/library';
import { chinaMarketNotebook } from '../src/lib/notebooks/chinaMarket';

const doc = (inputs: Record<string, number>) => ({ notebook: chinaMarketNotebook, inputs, horizon: 2035 });
const scenario = (id: string, name: string, inputs: Record<string, number> = {}): SavedScenario => ({ id, name, description: '', savedAt: '2026-01-04T10:00:00.000Z', document: doc(inputs) });

beforeEach(() => {
	freshDatabase();
	installLocalStorage(new MemoryStorage());
});

describe('saved scenarios', () => {
	it('are added at the end of the list, each with revision 1; a rename keeps the revision', async () => {
		expect(await addScenarios([scenario('s-1', 'One')])).toBeNull();
		expect(await addScenarios([scenario('s-2', 'Two'), scenario('s-3', 'Three')])).toBeNull();
		expect(await renameScenario('s-1', 'First')).toBeNull();
		const { scenarios } = await readScenarios();
		expect(scenarios.map((s) => [s.name, s.revision])).toEqual([
			['First', 1],
			['Two', 1],
			['Three', 1]
		]);
	});

	it('two tabs adding at once both keep theirs (each change is one record)', async () => {
		await Promise.all([addScenarios([scenario('s-a', 'From tab A')]), addScenarios([scenario('s-b', 'From tab B')])]);
		expect((await readScenarios()).scenarios.map((s) => s.name).sort()).toEqual(['From tab A', 'From tab B']);
	});

	it('a deleted scenario comes back in its place', async () => {
		await addScenarios([scenario('s-1', 'One'), scenario('s-2', 'Two'), scenario('s-3', 'Three')]);
		const outcome = await deleteScenario('s-2');
		if (!('removed' in outcome) || !outcome.removed) throw new Error('expected the removed record');
		expect((await readScenarios()).scenarios.map((s) => s.name)).toEqual(['One', 'Three']);
		await restoreScenario(outcome.removed);
		expect((await readScenarios()).scenarios.map((s) => s.name)).toEqual(['One', 'Two', 'Three']);
	});

	it('renaming one deleted in another tab says so', async () => {
		expect(await renameScenario('gone', 'New name')).toMatch(/no longer in the library/);
	});

	it('a full store says which scenario was not saved', async () => {
		const restore = fullDatabase();
		try {
			expect(await addScenarios([scenario('s-1', 'One')], 'the scenario “One”')).toMatch(/^Browser storage is full: the scenario “One” could not be saved\./);
		} finally {
			restore();
		}
		expect((await readScenarios()).scenarios).toEqual([]);
	});

	it('a record that does not validate is set aside and named; the others stay usable', async () => {
		await addScenarios([scenario('s-1', 'Fine')]);
		const { db } = await database();
		await db!.put('scenarios', { id: 'x1', name: 'Broken one', description: '', savedAt: 'now', document: { notebook: 5 }, revision: 1, order: 9 });
		const { scenarios, problems } = await readScenarios();
		expect(scenarios.map((s) => s.name)).toEqual(['Fine']);
		expect(problems[0]).toMatch(/^Saved scenario “Broken one” could not be read \(document/);
		expect(problems[1]).toMatch(/^It was set aside in .* as “shiftcast:corrupt:library:.*”; the other scenarios are fine\.$/);
		expect(await db!.getAll('setAside')).toEqual([expect.objectContaining({ raw: [expect.objectContaining({ id: 'x1' })] })]);
		expect((await readScenarios()).problems).toEqual([]);
	});
});

describe('save conflicts', () => {
	beforeEach(async () => {
		await addScenarios([scenario('s-1', 'Shared plan', { localisation: 0.5 })]);
	});

	it('saving changes to the revision this tab read writes them and raises the revision', async () => {
		const outcome = await saveChanges('s-1', doc({ shakeout: 0.2 }), 1);
		expect(outcome).toMatchObject({ kind: 'saved', scenario: { revision: 2, document: { inputs: { shakeout: 0.2 } } } });
	});

	it('the second tab to save changes is told the stored copy changed, and nothing is written', async () => {
		// Both tabs read revision 1; tab A saves first.
		expect((await saveChanges('s-1', doc({ shakeout: 0.2 }), 1)).kind).toBe('saved');
		const second = await saveChanges('s-1', doc({ marketGrowth: 0 }), 1);
		expect(second).toMatchObject({ kind: 'changed', stored: { revision: 2, name: 'Shared plan', document: { inputs: { shakeout: 0.2 } } } });
		expect((await readScenarios()).scenarios[0].document.inputs).toEqual({ shakeout: 0.2 });
	});

	it('“Overwrite” writes over the other tab’s save', async () => {
		await saveChanges('s-1', doc({ shakeout: 0.2 }), 1);
		expect(await saveChanges('s-1', doc({ marketGrowth: 0 }), 1, true)).toMatchObject({ kind: 'saved', scenario: { revision: 3 } });
		expect((await readScenarios()).scenarios[0].document.inputs).toEqual({ marketGrowth: 0 });
	});

	it('two saves started at once from the same revision: exactly one is written, the other is asked', async () => {
		const outcomes = await Promise.all([saveChanges('s-1', doc({ shakeout: 0.2 }), 1), saveChanges('s-1', doc({ marketGrowth: 0 }), 1)]);
		expect(outcomes.map((o) => o.kind).sort()).toEqual(['changed', 'saved']);
	});

	it('a rename in another tab is no conflict, and the name is kept', async () => {
		await renameScenario('s-1', 'Renamed elsewhere');
		expect(await saveChanges('s-1', doc({ shakeout: 0.2 }), 1)).toMatchObject({ kind: 'saved', scenario: { name: 'Renamed elsewhere', revision: 2 } });
	});

	it('a scenario deleted in another tab is missing', async () => {
		await deleteScenario('s-1');
		expect(await saveChanges('s-1', doc({}), 1)).toEqual({ kind: 'missing' });
	});
});
