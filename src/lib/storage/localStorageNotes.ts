// The little Shiftcast still keeps in localStorage, and why. Everything a person makes lives in
// IndexedDB (storage/database.ts), but IndexedDB only answers asynchronously, and two moments
// need a synchronous answer:
// - before the page starts, src/hooks.client.ts decides whether to start the engine at once
//   (saved work needs it) or after the first chart (a first visit does not), and the page
//   whether to load the storage code at all before the person reaches for it: a one-key hint;
// - when a tab goes away (pagehide), an IndexedDB write may not commit before the page is torn
//   down (Chromium drops some on reload), so unsaved work is also written here, synchronously,
//   and moved into IndexedDB by the next start (storage/moveFromLocalStorage.ts).
// The other localStorage keys (test overrides such as shiftcast:posteriorSteps) are not here.

// Imports nothing: src/hooks.client.ts reads it before anything else loads.

/** Where versions before IndexedDB kept the one working document (moved over once). */
export const AUTOSAVE_KEY = 'shiftcast:autosave:v1';
/** Where versions before IndexedDB kept the saved scenarios, as one list (moved over once). */
export const LIBRARY_KEY = 'shiftcast:library:v1';

/** Set once the database holds a working copy or a saved scenario (cleared by a start that finds neither). */
export const STORED_WORK_HINT_KEY = 'shiftcast:savedWork';
/** Key prefix (a tab id follows) of a working copy written as its tab went away. */
export const UNSAVED_PREFIX = 'shiftcast:unsaved:';

/** localStorage, or null where it is missing or throws on access (private modes, blocked cookies). */
export function localStore(): Storage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null;
	}
}

function keys(store: Storage): string[] {
	try {
		return Object.keys(store);
	} catch {
		return [];
	}
}

function has(store: Storage, key: string): boolean {
	try {
		return store.getItem(key) !== null;
	} catch {
		return false;
	}
}

/** Keys of working copies written as their tabs went away, not yet moved into IndexedDB. */
export function unsavedKeys(store: Storage): string[] {
	return keys(store).filter((k) => k.startsWith(UNSAVED_PREFIX));
}

/** Whether localStorage holds anything for IndexedDB: an earlier version's data, or unsaved work. */
export function hasLocalStorageToMove(): boolean {
	const store = localStore();
	return !!store && (has(store, AUTOSAVE_KEY) || has(store, LIBRARY_KEY) || unsavedKeys(store).length > 0);
}

/**
 * Whether this browser holds work: in the database (the hint) or still in localStorage. Cheap
 * and synchronous: read before the page starts. Without it a page starts as a first visit.
 */
export function hasStoredWork(): boolean {
	const store = localStore();
	return !!store && (has(store, STORED_WORK_HINT_KEY) || hasLocalStorageToMove());
}

export function markStoredWork(present: boolean): void {
	try {
		if (present) localStore()?.setItem(STORED_WORK_HINT_KEY, '1');
		else localStore()?.removeItem(STORED_WORK_HINT_KEY);
	} catch {
		// Only a hint: without it the engine starts after the first chart, as on a first visit.
	}
}

/** Writes a tab's working copy synchronously as the tab goes away; false if it could not be. */
export function writeUnsaved(tabId: string, copy: unknown): boolean {
	try {
		localStore()?.setItem(UNSAVED_PREFIX + tabId, JSON.stringify(copy));
		return true;
	} catch {
		return false;
	}
}
