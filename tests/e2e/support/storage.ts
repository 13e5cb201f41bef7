// Reading the app's IndexedDB database ("shiftcast") from a test, as the page sees it.
import type { Page } from 'playwright-core';

export type StoreName = 'workingCopies' | 'scenarios' | 'setAside' | 'meta';

/** Every record of `store` (an empty list before the app has created the database). */
export function readStore<T = Record<string, unknown>>(page: Page, store: StoreName): Promise<T[]> {
	return page.evaluate(
		(name) =>
			new Promise<T[]>((resolve, reject) => {
				const open = indexedDB.open('shiftcast');
				// Not there yet: leave it to the app to create (a database made here would have no stores).
				open.onupgradeneeded = () => open.transaction?.abort();
				open.onerror = () => (open.error?.name === 'AbortError' ? resolve([]) : reject(open.error));
				open.onsuccess = () => {
					const db = open.result;
					if (!db.objectStoreNames.contains(name)) {
						db.close();
						resolve([]);
						return;
					}
					const request = db.transaction(name).objectStore(name).getAll();
					request.onsuccess = () => {
						db.close();
						resolve(request.result as T[]);
					};
					request.onerror = () => reject(request.error);
				};
			}),
		store
	);
}

/** The keys of localStorage that start with `prefix`. */
export function localStorageKeys(page: Page, prefix: string): Promise<string[]> {
	return page.evaluate((p) => Object.keys(localStorage).filter((k) => k.startsWith(p)), prefix);
}
