// Moving working copies between tabs: another tab's copy opened as this tab's own, or dismissed.
// Loaded only when there is such a copy (state/recoveryActions.ts, the start's adoption).

import { database, inTransaction, notSavedMessage } from './database';
import { checkCopy, unavailableMessage } from './workingCopies';
import type { WorkingCopy } from './workingCopies';
import { w } from '../i18n/screenWords';

/** Removes a copy (dismissed by the person); null when done, else why not. */
export async function deleteWorkingCopy(tabId: string): Promise<string | null> {
	const { db, problem } = await database();
	if (!db) return unavailableMessage(problem);
	try {
		await inTransaction(db, ['workingCopies'], 'readwrite', (tx) => tx.objectStore('workingCopies').delete(tabId));
		return null;
	} catch (err) {
		return w('screen_storage_remove_failed', { detail: (err as Error).message });
	}
}

export type AdoptOutcome = { kind: 'adopted'; copy: WorkingCopy } | { kind: 'gone' } | { kind: 'problem'; message: string };

/**
 * Makes another tab's copy this tab's own, in one transaction: the copy is read (it may have
 * been opened or dismissed in another tab meanwhile: 'gone'), written under `ownTabId`, removed
 * from where it was, and `keep` (this tab's current work, when worth keeping) becomes an entry
 * of its own, so nothing is lost either way.
 */
export async function adoptWorkingCopy(fromTabId: string, ownTabId: string, keep: WorkingCopy | null): Promise<AdoptOutcome> {
	const { db, problem } = await database();
	if (!db) return { kind: 'problem', message: unavailableMessage(problem) };
	try {
		return await inTransaction(db, ['workingCopies'], 'readwrite', async (tx) => {
			const store = tx.objectStore('workingCopies');
			const checked = checkCopy(await store.get(fromTabId));
			if (!checked.ok) return { kind: 'gone' } as const;
			// Now this tab's own: no longer "from an earlier version" or "replaced".
			const { kind: _kind, ...rest } = checked.copy;
			const copy: WorkingCopy = { ...rest, tabId: ownTabId };
			await store.delete(fromTabId);
			if (keep) await store.put(keep);
			await store.put(copy);
			return { kind: 'adopted', copy } as const;
		});
	} catch (err) {
		return { kind: 'problem', message: notSavedMessage(w('screen_storage_what_opened_work'), err) };
	}
}
