// Changes to the saved scenarios. Every change touches only its own record, inside one
// transaction, so two tabs saving at once never write over each other's list. "Save changes"
// compares the revision this tab read with the stored one in the same transaction as the write:
// a difference means another tab saved it meanwhile, and the person is asked.

import { MAX_SCENARIOS } from '../scenario/library';
import type { SavedScenario } from '../scenario/library';
import type { WorkingDocument } from '../state/autosave';
import { database, inTransaction, notSavedMessage } from './database';
import type { Db } from './database';
import { StoredScenarioSchema } from './scenarioStore';
import type { StoredScenario } from './scenarioStore';
import { unavailableMessage } from './workingCopies';
import { markStoredWork } from './localStorageNotes';
import { w } from '../i18n/screenWords';

/** The order after every stored one, so a new scenario goes to the end of the list. */
const nextOrder = (list: { order: number }[]) => list.reduce((max, s) => Math.max(max, s.order), 0) + 1;

async function opened(): Promise<{ db: Db } | { problem: string }> {
	const { db, problem } = await database();
	return db ? { db } : { problem: unavailableMessage(problem) };
}

/** Adds new scenarios at the end of the list (revision 1). Null when saved, else why not (`what` names them in it). */
export async function addScenarios(list: SavedScenario[], what = w('screen_storage_what_scenario')): Promise<string | null> {
	const got = await opened();
	if ('problem' in got) return got.problem;
	try {
		const problem = await inTransaction(got.db, ['scenarios'], 'readwrite', async (tx) => {
			const store = tx.objectStore('scenarios');
			const stored = (await store.getAll()) as { order: number }[];
			if (stored.length + list.length > MAX_SCENARIOS) return w('screen_storage_library_full', { max: MAX_SCENARIOS });
			let order = nextOrder(stored);
			for (const scenario of list) await store.add({ ...scenario, revision: 1, order: order++ });
			return null;
		});
		if (!problem) markStoredWork(true);
		return problem;
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
		markStoredWork(true);
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
			if (!parsed.success) return w('screen_storage_rename_missing');
			await store.put({ ...parsed.data, name });
			return null;
		});
	} catch (err) {
		return notSavedMessage(w('screen_storage_what_new_name'), err);
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
		return { problem: w('screen_storage_delete_failed', { detail: (err as Error).message }) };
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
		return { kind: 'problem', message: notSavedMessage(w('screen_storage_what_changes'), err) };
	}
}
