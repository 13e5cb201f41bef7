// Browser storage for unit tests: a fresh fake IndexedDB per test (fake-indexeddb), a Map-backed
// localStorage, and ways to make either fail as browsers fail.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { vi } from 'vitest';
import { forgetDatabase } from '../../src/lib/storage/database';

/** A Map-backed Storage, as the browser's localStorage behaves. */
export class MemoryStorage implements Storage {
	readonly map = new Map<string, string>();
	get length() {
		return this.map.size;
	}
	key(index: number): string | null {
		return [...this.map.keys()][index] ?? null;
	}
	getItem(key: string): string | null {
		return this.map.has(key) ? this.map.get(key)! : null;
	}
	setItem(key: string, value: string): void {
		this.map.set(key, String(value));
	}
	removeItem(key: string): void {
		this.map.delete(key);
	}
	clear(): void {
		this.map.clear();
	}
}

/** Installs `storage` as localStorage (Object.keys(localStorage) lists its keys, as in a browser). */
export function installLocalStorage(storage: MemoryStorage | undefined): MemoryStorage | undefined {
	// A Proxy so that Object.keys() sees the stored keys, as it does on the browser's Storage.
	const proxy = storage
		? new Proxy(storage, {
				ownKeys: (t) => [...t.map.keys()],
				getOwnPropertyDescriptor: (t, k) => (typeof k === 'string' && t.map.has(k) ? { value: t.map.get(k), enumerable: true, configurable: true } : undefined)
			})
		: undefined;
	Object.defineProperty(globalThis, 'localStorage', { value: proxy, configurable: true, writable: true });
	return storage;
}

/** A fresh, empty IndexedDB (and the app's connection to the old one forgotten). */
export function freshDatabase(): void {
	forgetDatabase();
	globalThis.indexedDB = new IDBFactory();
}

/** IndexedDB missing, as in some private modes. */
export function noDatabase(): void {
	forgetDatabase();
	// @ts-expect-error: a browser without IndexedDB
	delete globalThis.indexedDB;
}

/** Every put and add fails as a full disk makes them fail. Returns the way to undo it. */
export function fullDatabase(): () => void {
	const full = () => {
		throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
	};
	const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(full);
	const add = vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(full);
	return () => {
		put.mockRestore();
		add.mockRestore();
	};
}
