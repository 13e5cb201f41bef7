// How tabs know of each other. Each tab has an id, kept in sessionStorage so a reload of the tab
// finds its own working copy again, and holds a Web Lock named after it for as long as it lives:
// the browser releases it when the tab closes or crashes, so `navigator.locks.query()` says which
// tabs are alive without any tab having to say goodbye. A BroadcastChannel tells the other tabs
// when the library or the kept work changed, so their lists follow.

const TAB_ID_KEY = 'shiftcast:tabId';
const LOCK_PREFIX = 'shiftcast:tab:';
const CHANNEL = 'shiftcast';

/** What changed, for the other tabs: the saved scenarios, or the work kept from tabs. */
export type StorageChange = 'library' | 'workingCopies';

function newTabId(): string {
	return `t-${Date.now().toString(36)}-${Math.floor(Math.random() * 36 ** 6).toString(36)}`;
}

function locks(): LockManager | null {
	return typeof navigator !== 'undefined' && navigator.locks ? navigator.locks : null;
}

/** Takes the lock of `id` if no live tab holds it; resolves with whether it was taken. */
function holdLock(id: string): Promise<boolean> {
	const manager = locks();
	if (!manager) return Promise.resolve(true);
	return new Promise((resolve) => {
		manager
			.request(LOCK_PREFIX + id, { ifAvailable: true }, (lock) => {
				resolve(lock !== null);
				// Held until the tab goes away.
				return lock ? new Promise<void>(() => {}) : undefined;
			})
			.catch(() => resolve(true));
	});
}

let tabId: string | null = null;
let claiming: Promise<string> | null = null;

function remember(id: string): string {
	tabId = id;
	try {
		sessionStorage.setItem(TAB_ID_KEY, id);
	} catch {
		// No sessionStorage: a reload starts as a new tab (its old copy is then listed as recoverable).
	}
	return id;
}

/** This tab's id, at once (from sessionStorage, or a new one). claimTabId may still replace it. */
export function tabIdNow(): string {
	if (tabId) return tabId;
	let stored: string | null = null;
	try {
		stored = sessionStorage.getItem(TAB_ID_KEY);
	} catch {
		// as in remember()
	}
	return remember(stored && /^[A-Za-z0-9-]{1,40}$/.test(stored) ? stored : newTabId());
}

/**
 * This tab's id, with its lock held. A tab duplicated by the browser copies its sessionStorage,
 * so the id may belong to a live tab: then this one takes a fresh id (and the other keeps its work).
 */
export function claimTabId(): Promise<string> {
	claiming ??= (async () => {
		if (await holdLock(tabIdNow())) return tabIdNow();
		const fresh = remember(newTabId());
		await holdLock(fresh);
		return fresh;
	})();
	return claiming;
}

/** Ids of the tabs alive now (this one included); null where the browser has no Web Locks. */
export async function liveTabIds(): Promise<Set<string> | null> {
	const manager = locks();
	if (!manager) return null;
	try {
		const { held = [] } = await manager.query();
		return new Set(held.flatMap((l) => (l.name?.startsWith(LOCK_PREFIX) ? [l.name.slice(LOCK_PREFIX.length)] : [])));
	} catch {
		return null;
	}
}

let channel: BroadcastChannel | null | undefined;

function theChannel(): BroadcastChannel | null {
	if (channel === undefined) channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
	return channel;
}

/** Tells the other tabs that `what` changed. */
export function announce(what: StorageChange): void {
	theChannel()?.postMessage({ changed: what });
}

/** Calls `listener` when another tab says `what` changed; returns the way to stop. */
export function onChange(what: StorageChange, listener: () => void): () => void {
	const ch = theChannel();
	if (!ch) return () => {};
	const handle = (event: MessageEvent) => {
		if (event.data?.changed === what) listener();
	};
	ch.addEventListener('message', handle);
	return () => ch.removeEventListener('message', handle);
}
