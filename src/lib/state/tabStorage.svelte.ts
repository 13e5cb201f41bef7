// This tab's part of the browser's storage: its id (with the lock that tells other tabs it is
// alive), its working copy, written after each change, and what it found at start: its own copy
// after a reload, the copies other tabs left, and which tabs are alive.

import { database } from '../storage/database';
import { markSavedWork, writeUnsaved } from '../storage/localStorageNotes';
import { prepareStorage } from '../storage/prepare';
import type { MoveReport } from '../storage/moveFromLocalStorage';
import { claimTabId, liveTabIds } from '../storage/tabPresence';
import { allWorkingCopies, readWorkingCopy, unavailableMessage, writeWorkingCopy, writeWorkingCopyNow } from '../storage/workingCopies';
import type { CopyRead, ScenarioOrigin, WorkingCopy } from '../storage/workingCopies';
import type { WorkingDocument } from './autosave';
import type { DocumentKeeper } from './notebookSession.svelte';

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
	/** Copies that could not be read (set aside), and why saving is impossible here, in sentences. */
	problems: string[];
	/** Set when this browser keeps nothing (no IndexedDB): edits last as long as the tab. */
	unavailable: string | null;
}

export class TabStorage implements DocumentKeeper {
	/** This tab's id, once claimed. */
	tabId: string | null = $state(null);
	#origin: () => ScenarioOrigin | null;

	/** `origin`: the saved scenario the document was opened from, kept with the copy ("Save changes" after a reload). */
	constructor(origin: () => ScenarioOrigin | null) {
		this.#origin = origin;
	}

	async start(): Promise<StorageAtStart> {
		const [moved, tabId, opened] = await Promise.all([prepareStorage(), claimTabId(), database()]);
		this.tabId = tabId;
		const [own, all, live] = await Promise.all([readWorkingCopy(tabId), allWorkingCopies(), liveTabIds()]);
		const problems = [...all.problems];
		if (moved?.problem) problems.push(moved.problem);
		// The hint tells the next start to bring the engine up at once; with nothing kept it need not.
		if (opened.db && all.copies.length === 0) markSavedWork(false);
		return { tabId, moved, own, copies: all.copies, live, problems, unavailable: opened.problem ? unavailableMessage(opened.problem) : null };
	}

	#copy(doc: WorkingDocument): WorkingCopy | null {
		if (!this.tabId) return null;
		const copy: WorkingCopy = { tabId: this.tabId, savedAt: new Date().toISOString(), document: doc };
		const origin = this.#origin();
		if (origin) copy.origin = { ...origin };
		return copy;
	}

	save(doc: WorkingDocument): Promise<string | null> {
		const copy = this.#copy(doc);
		return copy ? writeWorkingCopy(copy) : Promise.resolve(null);
	}

	/**
	 * Written twice: to the database (it commits, as a rule, if the page lives a moment longer)
	 * and synchronously to localStorage, moved into the database by the next start
	 * (storage/localStorageNotes.ts says why).
	 */
	saveAsTabCloses(doc: WorkingDocument): void {
		const copy = this.#copy(doc);
		if (!copy) return;
		writeUnsaved(copy.tabId, copy);
		writeWorkingCopyNow(copy);
	}
}
