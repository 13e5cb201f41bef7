// Saved scenarios in the database, one record per scenario, each with a revision (raised by each
// save of its document) and its place in the list: their shape and reading them. The writes are
// in storage/scenarioWrites.ts, loaded with the first one (a first visit writes nothing).

import { z } from 'zod/mini';
import { LIBRARY_SET_ASIDE_PREFIX, SavedScenarioSchema, checkEntries } from '../scenario/library';
import type { SavedScenario } from '../scenario/library';
import { database, inTransaction, setAside, setAsidePlace } from './database';
import { w } from '../i18n/screenWords';

/** A saved scenario as stored: with its revision (raised by each save) and its place in the list. */
export interface StoredScenario extends SavedScenario {
	revision: number;
	order: number;
}

export const StoredScenarioSchema = z.extend(SavedScenarioSchema, {
	revision: z.int().check(z.minimum(1)),
	order: z.number().check(z.refine(Number.isFinite, { error: 'expected a finite number' }))
});

/** The saved scenarios in list order; records that do not validate are set aside and reported. */
export async function readScenarios(): Promise<{ scenarios: StoredScenario[]; problems: string[] }> {
	const { db, problem } = await database();
	if (!db) return { scenarios: [], problems: [w('screen_storage_library_unavailable', { why: problem })] };
	try {
		return await inTransaction(db, ['scenarios', 'setAside'], 'readwrite', async (tx) => {
			const store = tx.objectStore('scenarios');
			// Keys and values come in the same (key) order: the keys say which records to take out.
			const [keys, values] = [await store.getAllKeys(), await store.getAll()];
			const checked = checkEntries<StoredScenario>(values, StoredScenarioSchema);
			const problems = checked.problems;
			if (checked.bad.length) {
				// Stored with the record (its `from` and problems): English, whatever the page's language.
				const key = await setAside(tx.objectStore('setAside'), LIBRARY_SET_ASIDE_PREFIX, 'saved scenarios', checked.bad, checked.problems);
				for (const [i, raw] of values.entries()) if (checked.bad.includes(raw)) await store.delete(keys[i]);
				problems.push(w(checked.bad.length === 1 ? 'screen_storage_set_aside_one' : 'screen_storage_set_aside_many', { place: setAsidePlace(), key }));
			}
			return { scenarios: checked.good.map((g) => g.entry).sort((a, b) => a.order - b.order), problems };
		});
	} catch (err) {
		return { scenarios: [], problems: [w('screen_storage_library_read_failed', { detail: (err as Error).message })] };
	}
}
