// Undo and redo over whole snapshots of the document. Snapshots are small (a notebook of a few
// hundred cells is tens of kilobytes) and immutable, so keeping them whole is simpler and safer
// than inverse operations. A drag of one slider becomes one undo step: changes with the same
// merge key within `mergeWindowMs` of each other fold into the first.

export interface UndoOptions {
	limit?: number;
	mergeWindowMs?: number;
	now?: () => number;
}

export class UndoStack<T> {
	#past: { state: T; key: string | null; at: number }[] = [];
	#future: T[] = [];
	readonly #limit: number;
	readonly #window: number;
	readonly #now: () => number;

	constructor(options: UndoOptions = {}) {
		this.#limit = options.limit ?? 300;
		this.#window = options.mergeWindowMs ?? 1000;
		this.#now = options.now ?? (() => Date.now());
	}

	get canUndo(): boolean {
		return this.#past.length > 0;
	}

	get canRedo(): boolean {
		return this.#future.length > 0;
	}

	/** Call before changing the document, with the state as it was. */
	record(before: T, mergeKey: string | null = null): void {
		const now = this.#now();
		const last = this.#past.at(-1);
		this.#future = [];
		if (last && mergeKey !== null && last.key === mergeKey && now - last.at <= this.#window) {
			last.at = now; // same gesture: keep the state from before it began
			return;
		}
		this.#past.push({ state: before, key: mergeKey, at: now });
		if (this.#past.length > this.#limit) this.#past.shift();
	}

	/** Returns the state to go back to, given the current one; null if there is none. */
	undo(current: T): T | null {
		const entry = this.#past.pop();
		if (!entry) return null;
		this.#future.push(current);
		return entry.state;
	}

	redo(current: T): T | null {
		const next = this.#future.pop();
		if (next === undefined) return null;
		this.#past.push({ state: current, key: null, at: 0 });
		return next;
	}

	clear(): void {
		this.#past = [];
		this.#future = [];
	}
}
