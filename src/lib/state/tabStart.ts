// The storage side of a tab's start, loaded only when this browser holds work (or once the
// person reaches for the page, or saves): what the database held (the tab's own copy after a
// reload, the copies other tabs left, which tabs are alive), and the tab's saves. A first visit
// needs none of it before its first chart (the page's JavaScript budget is 100 kB gzip), so it
// is a module of its own (state/tabKeeper.ts loads it).

import { database } from '../storage/database';
import { markStoredWork } from '../storage/localStorageNotes';
import { prepareStorage } from '../storage/prepare';
import type { MoveReport } from '../storage/moveFromLocalStorage';
import { claimTabId, liveTabIds } from '../storage/tabPresence';
import { allWorkingCopies, corruptCopyProblem, unavailableMessage, writeWorkingCopy } from '../storage/workingCopies';
import type { CopyRead, WorkingCopy } from '../storage/workingCopies';

export { isUnchanged, recoverableCopies, startChoice } from '../storage/recovery';
export { corruptMessage, writeWorkingCopyNow } from '../storage/workingCopies';
export { adoptWorkingCopy } from '../storage/workingCopyMoves';

/** What the storage held when the tab started. */
export interface StorageAtStart {
	tabId: string;
	/** The move from localStorage (earlier versions, tabs that closed), null when there was nothing to move. */
	moved: MoveReport | null;
	/** This tab's own copy (found after a reload). */
	own: CopyRead;
	/** Every readable copy, this tab's included. */
	copies: WorkingCopy[];
	/** Ids of the live tabs (this one included); null without Web Locks. */
	live: ReadonlySet<string> | null;
	/** Copies that could not be read (set aside), and a move that failed, in sentences. */
	problems: string[];
	/** Set when this browser keeps nothing (no IndexedDB): edits last as long as the tab. */
	unavailable: string | null;
}

export async function startTab(): Promise<StorageAtStart> {
	const [moved, tabId, opened] = await Promise.all([prepareStorage(), claimTabId(), database()]);
	const [all, live] = await Promise.all([allWorkingCopies(), liveTabIds()]);
	const mine = all.copies.find((c) => c.tabId === tabId);
	const mineCorrupt = all.corrupt.find((c) => c.tabId === tabId);
	const own: CopyRead = mine ? { kind: 'restored', copy: mine } : (mineCorrupt ?? { kind: 'none' });
	const problems = [...all.problems, ...all.corrupt.filter((c) => c !== mineCorrupt).map(corruptCopyProblem)];
	if (moved?.problem) problems.push(moved.problem);
	// With nothing kept, the next start is a first visit again (no storage code before its first chart).
	if (opened.db && all.copies.length === 0 && (await opened.db.count('scenarios')) === 0) markStoredWork(false);
	return { tabId, moved, own, copies: all.copies, live, problems, unavailable: opened.problem ? unavailableMessage(opened.problem) : null };
}

/** Saves `copy` as this tab's working copy (under the id claimed, should a duplicated tab have had to change it). */
export async function saveCopy(copy: WorkingCopy): Promise<string | null> {
	return writeWorkingCopy({ ...copy, tabId: await claimTabId() });
}
