// Keeps the session's document as this tab's working copy (state/tabStart.ts), whose code is
// loaded with the first need: a start with work stored, the first save, or the person reaching
// for the page (a first visit may do none of these before its first chart). What is unsaved
// when the tab goes away is written synchronously first (storage/localStorageNotes.ts says why).

import { writeUnsaved } from '../storage/localStorageNotes';
import { tabIdNow } from '../storage/tabPresence';
import type { ScenarioOrigin, WorkingCopy } from '../storage/workingCopies';
import type { WorkingDocument } from './autosave';
import type { DocumentKeeper } from './documentSaver.svelte';

export type TabStart = typeof import('./tabStart');

export class TabKeeper implements DocumentKeeper {
	#code: TabStart | null = null;
	#origin: () => ScenarioOrigin | null;

	/** `origin`: the saved scenario the document came from, kept with the copy ("Save changes" after a reload). */
	constructor(origin: () => ScenarioOrigin | null) {
		this.#origin = origin;
	}

	/** The storage code, loaded once. */
	async code(): Promise<TabStart> {
		return (this.#code ??= await import('./tabStart'));
	}

	#copy(doc: WorkingDocument): WorkingCopy {
		const copy: WorkingCopy = { tabId: tabIdNow(), savedAt: new Date().toISOString(), document: doc };
		const origin = this.#origin();
		if (origin) copy.origin = { ...origin };
		return copy;
	}

	async save(doc: WorkingDocument): Promise<string | null> {
		const copy = this.#copy(doc);
		return (await this.code()).saveCopy(copy);
	}

	/** To the database too when its code is here (that write usually commits if the page lives a moment longer). */
	saveAsTabCloses(doc: WorkingDocument): void {
		const copy = this.#copy(doc);
		writeUnsaved(copy.tabId, copy);
		this.#code?.writeWorkingCopyNow(copy);
	}
}

/** Calls `then` once, at the first sign of a person reaching for the page. */
export function whenPersonArrives(then: () => void): void {
	const events = ['pointerover', 'keydown', 'focusin', 'touchstart'] as const;
	const once = () => {
		for (const name of events) removeEventListener(name, once);
		then();
	};
	for (const name of events) addEventListener(name, once, { passive: true });
}
