// Saved scenarios in the database, one record per scenario. Every change touches only its own
// record, inside one transaction, so two tabs saving at once never write over each other's list.
// Each record carries a revision, raised by each save of its document: "Save changes" compares
// the revision this tab read with the stored one in the same transaction as the write, and a
// difference means another tab saved it meanwhile, which the person is asked about.

import { z } from 'zod/mini';
import { LIBRARY_SET_ASIDE_PREFIX, MAX_SCENARIOS, SavedScenarioSchema, checkEntries } from '../scenario/library';
import type { SavedScenario } from '../scenario/library';
import type { WorkingDocument } from '../state/autosave';
import { SET_ASIDE_PLACE, database, inTransaction, notSavedMessage, setAside } from './database';
import type { Db } from './database';
import { unavailableMessage } from './workingCopies';

/** A saved scenario as stored: with its revision (raised by each save) and its place in the list. */
export interface StoredScenario extends SavedScenario {
	revision: number;
	order: number;
}

export const StoredScenarioSchema = z.extend(SavedScenarioSchema, {
	revision: z.int().check(z.minimum(1)),
	order: z.number().check(z.refine(Number.isFinite, { error: 'expected a finite number' }))
});

/** The order after every stored one, so a new scenario goes to the end of the list. */
const nextOrder = (list: { order: number }[]) => list.reduce((max, s) => Math.max(max, s.order), 0) + 1;

async function opened(): Promise<{ db: Db } | { problem: string }> {
	const { db, problem } = await database();
	return db ? { db } : { problem: unavailableMessage(problem) };
}

/** The saved scenarios in list order; records that do not validate are set aside and reported. */
export async function readScenarios(): Promise<{ scenarios: StoredScenario[]; problems: string[] }> {
	const { db, problem } = await database();
	if (!db) return { scenarios: [], problems: [`Saved scenarios are unavailable: ${problem}.`] };
	try {
		return await inTransaction(db, ['scenarios', 'setAside'], 'readwrite', async (tx) => {
			const store = tx.objectStore('scenarios');
			// Keys and values come in the same (key) order: the keys say which records to take out.
			const [keys, values] = [await store.getAllKeys(), await store.getAll()];
			const checked = checkEntries<StoredScenario>(values, StoredScenarioSchema);
			const problems = checked.problems;
			if (checked.bad.length) {
				const key = await setAside(tx.objectStore('setAside'), LIBRARY_SET_ASIDE_PREFIX, 'saved scenarios', checked.bad, checked.problems);
				for (const [i, raw] of values.entries()) if (checked.bad.includes(raw)) await store.delete(keys[i]);
				problems.push(`${checked.bad.length === 1 ? 'It was' : 'They were'} set aside in ${SET_ASIDE_PLACE} as “${key}”; the other scenarios are fine.`);
			}
			return { scenarios: checked.good.map((g) => g.entry).sort((a, b) => a.order - b.order), problems };
		});
	} catch (err) {
		return { scenarios: [], problems: [`Saved scenarios could not be read: ${(err as Error).message}`] };
	}
}

/** Adds new scenarios at the end of the list (revision 1). Null when saved, else why not. */
export async function addScenarios(list: SavedScenario[], what = 'the scenario'): Promise<string | null> {
	const got = await opened();
	if ('problem' in got) return got.problem;
	try {
		return await inTransaction(got.db, ['scenarios'], 'readwrite', async (tx) => {
			const store = tx.objectStore('scenarios');
			const stored = (await store.getAll()) as { order: number }[];
			if (stored.length + list.length > MAX_SCENARIOS) return `The library holds at most ${MAX_SCENARIOS} scenarios: delete some (or export them to a file) first.`;
			let order = nextOrder(stored);
			for (const scenario of list) await store.add({ ...scenario, revision: 1, order: order++ });
			return null;
		});
	} catch (err) {
		return notSavedMessage(what, err);
	}
}

/** Puts a deleted scenario back as it was (undo), in its old place. */
export async function restoreScenario(scenario: StoredScenario): Promise<string | null> {
	const got = await opened();
	if ('problem' in got) return got.problem;
	try {
		await inTransaction(got.db, ['scenarios'], 'readwrite', (tx) => tx.objectStore('scenarios').put(scenario));
		return null;
	} catch (err) {
		return notSavedMessage(`“${scenario.name}”`, err);
	}
}

/** Renames a stored scenario (its document and revision unchanged). Null when done, else why not. */
export async function renameScenario(id: string, name: string): Promise<string | null> {
	const got = await opened();
	if ('problem' in got) return got.problem;
	try {
		return await inTransaction(got.db, ['scenarios'], 'readwrite', async (tx) => {
			const store = tx.objectStore('scenarios');
			const parsed = StoredScenarioSchema.safeParse(await store.get(id));
			if (!parsed.success) return 'That scenario is no longer in the library (deleted in another tab?).';
			await store.put({ ...parsed.data, name });
			return null;
		});
	} catch (err) {
		return notSavedMessage('the new name', err);
	}
}

/** Deletes a stored scenario; the record deleted (for undo), or why not. */
export async function deleteScenario(id: string): Promise<{ removed: StoredScenario | null } | { problem: string }> {
	const got = await opened();
	if ('problem' in got) return got;
	try {
		return await inTransaction(got.db, ['scenarios'], 'readwrite', async (tx) => {
			const store = tx.objectStore('scenarios');
			const parsed = StoredScenarioSchema.safeParse(await store.get(id));
			await store.delete(id);
			return { removed: parsed.success ? (parsed.data as StoredScenario) : null };
		});
	} catch (err) {
		return { problem: `The scenario could not be deleted: ${(err as Error).message}` };
	}
}

export type SaveChangesOutcome =
	| { kind: 'saved'; scenario: StoredScenario }
	/** Another tab saved it since this tab read revision `expected`: ask before writing. */
	| { kind: 'changed'; stored: StoredScenario }
	/** It was deleted (in another tab) since. */
	| { kind: 'missing' }
	| { kind: 'problem'; message: string };

/**
 * Saves `document` over scenario `id`, if its stored revision is still `expected` (or whatever it
 * is, with `overwrite`). The check and the write are one transaction: no other tab's save can
 * fall between them. The stored name and description are kept (a rename elsewhere holds).
 */
export async function saveChanges(id: string, document: WorkingDocument, expected: number, overwrite = false): Promise<SaveChangesOutcome> {
	const got = await opened();
	if ('problem' in got) return { kind: 'problem', message: got.problem };
	try {
		return await inTransaction(got.db, ['scenarios'], 'readwrite', async (tx) => {
			const store = tx.objectStore('scenarios');
			const parsed = StoredScenarioSchema.safeParse(await store.get(id));
			if (!parsed.success) return { kind: 'missing' } as const;
			const stored = parsed.data as StoredScenario;
			if (stored.revision !== expected && !overwrite) return { kind: 'changed', stored } as const;
			const scenario: StoredScenario = { ...stored, document: structuredClone(document), savedAt: new Date().toISOString(), revision: stored.revision + 1 };
			await store.put(scenario);
			return { kind: 'saved', scenario } as const;
		});
	} catch (err) {
		return { kind: 'problem', message: notSavedMessage('the changes', err) };
	}
}
