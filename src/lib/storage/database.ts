// The browser's database for all Shiftcast keeps: one IndexedDB database, "shiftcast", opened
// once per tab through idb (promises over IndexedDB's request events). localStorage was small,
// synchronous and shared by every tab as one slot; IndexedDB holds a working copy per tab and
// commits several records in one transaction, which is what keeps tabs from overwriting each
// other (storage/workingCopies.ts, storage/scenarioStore.ts).
//
// Every value read back is untrusted (another version of the app, a browser extension, a disk
// fault may have written it): the stores are typed `unknown` on the way out, and each reader
// validates with zod and sets aside what does not pass (setAside below), never drops it.

import { openDB } from 'idb';
import type { DBSchema, IDBPDatabase, IDBPObjectStore, IDBPTransaction, StoreNames } from 'idb';
import { w } from '../i18n/screenWords';

export const DB_NAME = 'shiftcast';
const DB_VERSION = 1;

/** A record that could not be read, kept as it was found, under a key a person can look up. */
export interface SetAsideRecord {
	key: string;
	/** What it was ("working copy of a tab", "saved scenarios", ...): stored, so English in either language. */
	from: string;
	setAsideAt: string;
	problems: string[];
	raw: unknown;
}

export interface ShiftcastSchema extends DBSchema {
	/** One working document per tab, keyed by tab id (state/tabStart.ts). */
	workingCopies: { key: string; value: unknown };
	/** Saved scenarios, keyed by scenario id, each with a revision counter and a list position. */
	scenarios: { key: string; value: unknown };
	setAside: { key: string; value: SetAsideRecord };
	/** Bookkeeping: what was moved over from localStorage (storage/moveFromLocalStorage.ts). */
	meta: { key: string; value: { key: string; [field: string]: unknown } };
}

export type Db = IDBPDatabase<ShiftcastSchema>;
export type Store = StoreNames<ShiftcastSchema>;
export type Tx<S extends Store[], M extends IDBTransactionMode> = IDBPTransaction<ShiftcastSchema, S, M>;

/** Where set-aside records are, in words (for notices, in the page's language). */
export const setAsidePlace = () => w('screen_storage_set_aside_place');

export type Opened = { db: Db; problem?: undefined } | { db?: undefined; problem: string };

let opening: Promise<Opened> | null = null;
/** The connection once open, for the one write that cannot wait for a promise (openedNow). */
let current: Db | null = null;

/**
 * The database, opened once per tab; or why it cannot be (IndexedDB missing, or refused as some
 * private modes refuse it). Never rejects: callers turn the problem into a message.
 */
export function database(): Promise<Opened> {
	opening ??= open();
	return opening;
}

const STORES = ['workingCopies', 'scenarios', 'setAside', 'meta'] as const;
const KEY_PATHS: Record<Store, string> = { workingCopies: 'tabId', scenarios: 'id', setAside: 'key', meta: 'key' };

async function open(): Promise<Opened> {
	try {
		// The problem is kept for the tab's life and shown inside other sentences: worded once, here.
		if (typeof indexedDB === 'undefined') return { problem: w('screen_storage_no_indexeddb') };
		let db = await connect(DB_VERSION);
		// A database of this name without all its stores (made by a tool, or left half-made) is
		// repaired: one version up, the missing stores are created and nothing else is touched.
		if (STORES.some((name) => !db.objectStoreNames.contains(name))) {
			const next = db.version + 1;
			db.close();
			db = await connect(next);
		}
		current = db;
		return { db };
	} catch (err) {
		return { problem: w('screen_storage_db_refused', { detail: (err as Error).message || (err as Error).name }) };
	}
}

/** Opens the database at `version` (at whatever version it has, when that one is higher). */
async function connect(version?: number): Promise<Db> {
	try {
		return await openDB<ShiftcastSchema>(DB_NAME, version, {
			upgrade(db) {
				for (const name of STORES) if (!db.objectStoreNames.contains(name)) db.createObjectStore(name, { keyPath: KEY_PATHS[name] });
			},
			// A newer version of the app, in another tab, needs to upgrade the database: let it, and
			// open again (with the new version's error, should this one be too old) on the next save.
			blocking(_current, _blocked, event) {
				(event.target as IDBDatabase).close();
				opening = current = null;
			},
			// The browser closed the connection (storage cleared, disk trouble): open again next time.
			terminated() {
				opening = current = null;
			}
		});
	} catch (err) {
		// Repaired once to a higher version than this code names: open that one.
		if (version !== undefined && (err as DOMException)?.name === 'VersionError') return connect();
		throw err;
	}
}

/**
 * The open connection, synchronously; null before it is open. For a tab going away, whose write
 * must be issued (and committed) before the handler returns: a promise's turn may come too late.
 */
export function openedNow(): Db | null {
	return current;
}

/** Forgets the open connection (tests, which swap in a fresh fake IndexedDB between cases). */
export function forgetDatabase(): void {
	void opening?.then((o) => o.db?.close());
	opening = current = null;
}

/**
 * Runs `work` in one transaction and resolves once it has committed. `work` must only await
 * requests of this transaction: awaiting anything else lets IndexedDB commit early.
 */
export async function inTransaction<S extends Store[], M extends IDBTransactionMode, T>(
	db: Db,
	stores: S,
	mode: M,
	work: (tx: Tx<S, M>) => Promise<T>
): Promise<T> {
	const tx = db.transaction(stores, mode);
	// A failed request also fails tx.done; the error is handled once, below.
	tx.done.catch(() => {});
	try {
		const result = await work(tx);
		await tx.done;
		return result;
	} catch (err) {
		try {
			tx.abort();
		} catch {
			// already committed or aborted
		}
		throw err;
	}
}

/** The quota was hit (IndexedDB aborts the transaction with QuotaExceededError). */
export function isStorageFull(err: unknown): boolean {
	return err instanceof DOMException && (err.name === 'QuotaExceededError' || err.code === 22);
}

/**
 * Why `what` could not be saved, in words a person can act on. `what` is worded by the caller in
 * the page's language; the English one starts the second sentence, so it gets its capital (Chinese
 * has none to give).
 */
export function notSavedMessage(what: string, err: unknown): string {
	return isStorageFull(err)
		? w('screen_storage_full', { what })
		: w('screen_storage_not_saved', { what: `${what[0].toUpperCase()}${what.slice(1)}`, detail: (err as Error)?.message || String(err) });
}

/**
 * Keeps `raw` in the setAside store under a fresh key starting with `prefix` (the time follows,
 * and a counter should two land in the same millisecond). Returns the key. Runs inside the
 * caller's transaction, so the record is set aside in the same step that removes it from where
 * it was.
 */
export async function setAside<S extends ArrayLike<Store>>(
	store: IDBPObjectStore<ShiftcastSchema, S, 'setAside', 'readwrite'>,
	prefix: string,
	from: string,
	raw: unknown,
	problems: string[]
): Promise<string> {
	const at = new Date().toISOString();
	let key = `${prefix}${at}`;
	for (let n = 2; (await store.count(key)) > 0; n++) key = `${prefix}${at}#${n}`;
	await store.put({ key, from, setAsideAt: at, problems, raw });
	return key;
}
