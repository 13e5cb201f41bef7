// A small cache of what is built from a notebook (a compiled model, a program), keyed by the
// notebook's content: comparisons and attributions ask again and again for the same few.

import type { Notebook } from './types';

/** `build(notebook)`, remembered for the last `size` notebooks by content (oldest dropped first). */
export function cacheByNotebook<T>(build: (notebook: Notebook) => T, size = 6): (notebook: Notebook) => T {
	const cache = new Map<string, T>();
	return (notebook) => {
		const key = JSON.stringify(notebook);
		let value = cache.get(key);
		if (value === undefined) {
			value = build(notebook);
			cache.set(key, value);
			if (cache.size > size) cache.delete(cache.keys().next().value as string);
		}
		return value;
	};
}
