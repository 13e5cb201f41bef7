// Working copies: the document each tab has open, one record per tab in the database, written
// 300 ms after each change (state/notebookSession.svelte.ts) and when the tab is hidden. A copy
// whose tab has gone is not deleted: it is work a person may want back (storage/recovery.ts;
// opening or dismissing one is in storage/workingCopyMoves.ts). Records are validated on every
// read; one that does not pass is set aside, never dropped.

import { z } from 'zod/mini';
import { SET_ASIDE_PREFIX, WorkingDocumentSchema } from '../state/autosave';
import type { WorkingDocument } from '../state/autosave';
import { describeIssues } from '../scenario/notebookSchema';
import { database, inTransaction, notSavedMessage, openedNow, setAside, setAsidePlace } from './database';
import { markStoredWork } from './localStorageNotes';
import { w } from '../i18n/screenWords';

/** The saved scenario a working document was opened from or last saved as (for "Save changes"). */
export interface ScenarioOrigin {
	scenarioId: string;
	name: string;
	/** The stored scenario's revision when this tab read it: a different one means another tab saved it since. */
	revision: number;
}

/** How a copy came to be without a tab of its own, when it did not simply outlive its tab. */
export type CopyKind = 'earlier-version' | 'replaced';

export interface WorkingCopy {
	tabId: string;
	savedAt: string;
	document: WorkingDocument;
	origin?: ScenarioOrigin;
	kind?: CopyKind;
}

export const OriginSchema = z.strictObject({
	scenarioId: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/)),
	name: z.string().check(z.maxLength(120)),
	revision: z.int().check(z.minimum(0))
});

export const WorkingCopySchema = z.strictObject({
	tabId: z.string().check(z.regex(/^[A-Za-z0-9_:.-]{1,80}$/)),
	savedAt: z.string().check(z.maxLength(40)),
	document: WorkingDocumentSchema,
	origin: z.optional(OriginSchema),
	kind: z.optional(z.enum(['earlier-version', 'replaced']))
});

/** A copy read back: valid, absent, or unreadable (set aside, with what was wrong). */
export type CopyRead =
	| { kind: 'none' }
	| { kind: 'restored'; copy: WorkingCopy }
	| { kind: 'corrupt'; problems: string[]; setAsideKey: string | null };

/** Why a tab's work cannot be kept, when the database cannot be opened. */
export const unavailableMessage = (why: string) => w('screen_storage_unavailable', { why });

/** What a corrupt working copy became, in a sentence for the notice (its problems as the schema words them). */
export function corruptMessage(read: { problems: string[]; setAsideKey: string | null }): string {
	const problems = read.problems.join('; ');
	return read.setAsideKey
		? w('screen_storage_saved_work_unreadable_aside', { problems, place: setAsidePlace(), key: read.setAsideKey })
		: w('screen_storage_saved_work_unreadable', { problems });
}

/** Checks one stored record: the copy, or readable problems. */
export function checkCopy(raw: unknown): { ok: true; copy: WorkingCopy } | { ok: false; problems: string[] } {
	const parsed = WorkingCopySchema.safeParse(raw);
	return parsed.success ? { ok: true, copy: parsed.data as WorkingCopy } : { ok: false, problems: describeIssues(parsed.error) };
}

/** A copy that could not be read: whose it was, what was wrong, where it was set aside. */
export interface CorruptCopy {
	kind: 'corrupt';
	tabId: string;
	problems: string[];
	setAsideKey: string | null;
}

/** A corrupt copy of another tab, in a sentence. */
export function corruptCopyProblem(c: CorruptCopy): string {
	return w('screen_storage_tab_work_unreadable', { problems: c.problems.slice(0, 2).join('; '), place: setAsidePlace(), key: String(c.setAsideKey) });
}

/** Every copy: the readable ones, and those that were not (set aside in the same transaction). */
export async function allWorkingCopies(): Promise<{ copies: WorkingCopy[]; corrupt: CorruptCopy[]; problems: string[] }> {
	const { db } = await database();
	if (!db) return { copies: [], corrupt: [], problems: [] };
	try {
		return await inTransaction(db, ['workingCopies', 'setAside'], 'readwrite', async (tx) => {
			const copies: WorkingCopy[] = [];
			const corrupt: CorruptCopy[] = [];
			let cursor = await tx.objectStore('workingCopies').openCursor();
			while (cursor) {
				const checked = checkCopy(cursor.value);
				if (checked.ok) copies.push(checked.copy);
				else {
					// The record's `from` and problems are stored with it: English, whatever the page's language.
				const setAsideKey = await setAside(tx.objectStore('setAside'), SET_ASIDE_PREFIX, 'the working copy of a tab', cursor.value, checked.problems);
					corrupt.push({ kind: 'corrupt', tabId: String(cursor.key), problems: checked.problems, setAsideKey });
					await cursor.delete();
				}
				cursor = await cursor.continue();
			}
			return { copies, corrupt, problems: [] };
		});
	} catch (err) {
		return { copies: [], corrupt: [], problems: [w('screen_storage_tab_work_read_failed', { detail: (err as Error).message })] };
	}
}

/** Writes the tab's copy; null when saved, else a message saying what could not be saved and why. */
export async function writeWorkingCopy(copy: WorkingCopy): Promise<string | null> {
	const { db, problem } = await database();
	if (!db) return unavailableMessage(problem);
	try {
		await inTransaction(db, ['workingCopies'], 'readwrite', async (tx) => {
			await tx.objectStore('workingCopies').put(copy);
		});
		markStoredWork(true);
		return null;
	} catch (err) {
		return notSavedMessage(w('screen_storage_what_latest_edits'), err);
	}
}

/**
 * Writes the copy without waiting for anything (the tab is going away, storage/localStorageNotes.ts
 * keeps a synchronous copy too): issued and committed before the caller returns, when the
 * database is already open.
 */
export function writeWorkingCopyNow(copy: WorkingCopy): void {
	const db = openedNow();
	if (!db) return;
	try {
		const tx = db.transaction('workingCopies', 'readwrite');
		tx.done.catch(() => {});
		tx.store.put(copy).catch(() => {});
		tx.commit();
	} catch {
		// The localStorage copy stands in.
	}
}
