// Autosave of the session's document: 300 ms after the last change, by the tab's keeper
// (state/tabKeeper.ts: its working copy in IndexedDB). Nothing is saved before the tab has a
// keeper, which it gets once the start's document is open, so the start's own choice is never
// overwritten by the published notebook it replaced; a change made before then is saved then.
import type { WorkingDocument } from './workingDocument';

const SAVE_DELAY_MS = 300;

/** Where the session keeps its document. */
export interface DocumentKeeper {
	/** Resolves with null once saved, else a message saying what could not be saved. */
	save(doc: WorkingDocument): Promise<string | null>;
	/** The tab is going away: save synchronously what can be. */
	saveAsTabCloses(doc: WorkingDocument): void;
}

export class DocumentSaver {
	/** What could not be saved, in words; null when all is kept. */
	problem: string | null = $state(null);
	#document: () => WorkingDocument;
	#timer: ReturnType<typeof setTimeout> | null = null;
	#keeper: DocumentKeeper | null = null;
	/** Saves started and not yet finished: until they are, the tab holds unsaved changes. */
	#saving = 0;
	/** A save was asked for before there was a keeper: a change no keeper has seen. */
	#unkept = false;

	constructor(document: () => WorkingDocument) {
		this.#document = document;
	}

	keepIn(keeper: DocumentKeeper): void {
		this.#keeper = keeper;
		if (this.#unkept) {
			this.#unkept = false;
			this.schedule();
		}
	}

	/** A change: saved 300 ms after the last one. */
	schedule(): void {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.now(), SAVE_DELAY_MS);
	}

	/** Saves at once (a pending save is brought forward). */
	async now(): Promise<void> {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
		if (!this.#keeper) {
			this.#unkept = true;
			return;
		}
		this.#saving++;
		try {
			this.problem = await this.#keeper.save(this.#document());
		} finally {
			this.#saving--;
		}
	}

	/** Saves now if changes wait to be saved. */
	flush(): Promise<void> {
		return this.#timer ? this.now() : Promise.resolve();
	}

	/** Writes synchronously what waits to be saved, or is being saved (pagehide). */
	asTabCloses(): void {
		if (!this.#keeper || (!this.#timer && this.#saving === 0)) return;
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
		this.#keeper.saveAsTabCloses(this.#document());
	}
}
