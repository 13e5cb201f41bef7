// Autosave: the working document round-trips through localStorage; anything read back that does
// not validate is set aside under its own key (never dropped) and reported in words.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	AUTOSAVE_KEY,
	SET_ASIDE_PREFIX,
	clearWorkingDocument,
	restoreWorkingDocument,
	saveWorkingDocument,
	type WorkingDocument
} from '../src/lib/state/autosave';
import { chinaMarketNotebook } from '../src/lib/notebooks/chinaMarket';
import type { InputCell } from '../src/lib/sim/types';

/** A Map-backed Storage, as the browser's localStorage behaves. */
class MemoryStorage implements Storage {
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

/** Storage that is full: every write fails the way browsers fail it. */
class FullStorage extends MemoryStorage {
	override setItem(): void {
		throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
	}
}

const original = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');

function install(storage: Storage | undefined) {
	Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true, writable: true });
}

/** Storage whose very access throws, as with cookies blocked in Chrome. */
function installThrowing() {
	Object.defineProperty(globalThis, 'localStorage', {
		configurable: true,
		get() {
			throw new DOMException('Access is denied for this document.', 'SecurityError');
		}
	});
}

afterEach(() => {
	if (original) Object.defineProperty(globalThis, 'localStorage', original);
	else delete (globalThis as { localStorage?: unknown }).localStorage;
});

const document = (): WorkingDocument => ({
	notebook: structuredClone(chinaMarketNotebook),
	inputs: { localisation: 0.55, shakeout: 0.12, marketGrowth: -0.02 },
	horizon: 2042
});

/** A saved entry in the shape saveWorkingDocument writes. */
function savedJson(change: (saved: { savedAt: string } & WorkingDocument) => void = () => {}): string {
	const saved = { savedAt: '2025-11-20T10:00:00.000Z', ...document() };
	change(saved);
	return JSON.stringify(saved);
}

const setAsideKeys = (s: MemoryStorage) => [...s.map.keys()].filter((k) => k.startsWith(SET_ASIDE_PREFIX));

describe('autosave with working storage', () => {
	let storage: MemoryStorage;
	beforeEach(() => {
		storage = new MemoryStorage();
		install(storage);
	});

	it('finds nothing when nothing was saved', () => {
		expect(restoreWorkingDocument()).toEqual({ kind: 'none' });
		expect(storage.length).toBe(0);
	});

	it('round-trips the default notebook with its inputs and horizon', () => {
		const doc = document();
		expect(saveWorkingDocument(doc)).toBeNull();
		expect(storage.getItem(AUTOSAVE_KEY)).toEqual(expect.any(String));
		const restored = restoreWorkingDocument();
		if (restored.kind !== 'restored') throw new Error(`expected restored, got ${JSON.stringify(restored)}`);
		expect(restored.document).toEqual(doc);
		expect(Number.isNaN(Date.parse(restored.savedAt))).toBe(false);
		// Restoring does not consume the entry.
		expect(storage.getItem(AUTOSAVE_KEY)).not.toBeNull();
		expect(setAsideKeys(storage)).toEqual([]);
	});

	it('keeps only the latest save', () => {
		saveWorkingDocument(document());
		saveWorkingDocument({ ...document(), horizon: 2050, inputs: {} });
		const restored = restoreWorkingDocument();
		expect(restored.kind === 'restored' && restored.document.horizon).toBe(2050);
		expect(restored.kind === 'restored' && restored.document.inputs).toEqual({});
		expect(storage.length).toBe(1);
	});

	it('clearWorkingDocument removes the entry', () => {
		saveWorkingDocument(document());
		clearWorkingDocument();
		expect(storage.getItem(AUTOSAVE_KEY)).toBeNull();
		expect(restoreWorkingDocument()).toEqual({ kind: 'none' });
	});

	const corrupt: [string, () => string, RegExp][] = [
		['text that is not JSON', () => '{"savedAt": "2025", "notebook": {', /JSON/],
		['JSON of the wrong shape', () => JSON.stringify({ hello: 'world' }), /notebook|savedAt|inputs|horizon/],
		['a bare JSON array', () => '[1, 2, 3]', /expected object/i],
		['JSON null', () => 'null', /expected object/i],
		[
			'an input default outside its range',
			() =>
				savedJson((s) => {
					const i = s.notebook.cells.findIndex((c) => c.kind === 'input');
					(s.notebook.cells[i] as InputCell).default = 7;
				}),
			/default: default 7 is outside 0 to 1/
		],
		[
			'a cell with a __proto__ key',
			() => {
				const text = savedJson();
				// Written as JSON text: JSON.parse makes "__proto__" an own key, as an attacker's entry would.
				return text.replace('{"id":"md-intro"', '{"__proto__":{"polluted":true},"id":"md-intro"');
			},
			/Unrecognized key: "__proto__"/
		],
		[
			'a cell with an unknown key',
			() => savedJson((s) => Object.assign(s.notebook.cells[2], { onclick: 'alert(1)' })),
			/Unrecognized key: "onclick"/
		],
		['an unknown key at the top level', () => savedJson((s) => Object.assign(s, { extra: 1 })), /Unrecognized key: "extra"/],
		['horizon 2099', () => savedJson((s) => (s.horizon = 2099)), /horizon/],
		['horizon 2035.5', () => savedJson((s) => (s.horizon = 2035.5)), /horizon/],
		['an input value under a name that is not a name', () => savedJson((s) => (s.inputs = { 'a b': 1 })), /inputs/],
		['an input value that is not a number', () => savedJson((s) => (s.inputs = { localisation: '0.5' as unknown as number })), /inputs/]
	];

	for (const [what, raw, problem] of corrupt) {
		it(`sets aside ${what} and reports it as corrupt`, () => {
			const text = raw();
			storage.setItem(AUTOSAVE_KEY, text);
			storage.setItem('unrelated', 'keep me');
			const restored = restoreWorkingDocument();
			if (restored.kind !== 'corrupt') throw new Error(`expected corrupt, got ${restored.kind}`);
			// Readable problems: a few sentences, not a dump.
			expect(restored.problems.length).toBeGreaterThan(0);
			expect(restored.problems.length).toBeLessThanOrEqual(10);
			for (const p of restored.problems) {
				expect(p).toEqual(expect.any(String));
				expect(p.length).toBeLessThan(400);
			}
			expect(restored.problems.join('\n')).toMatch(problem);
			// The raw text is kept, byte for byte, under a set-aside key ...
			expect(restored.setAsideKey).toEqual(expect.any(String));
			expect(restored.setAsideKey!.startsWith(SET_ASIDE_PREFIX)).toBe(true);
			expect(storage.getItem(restored.setAsideKey!)).toBe(text);
			expect(setAsideKeys(storage)).toEqual([restored.setAsideKey]);
			// ... the autosave key is gone, so the next load starts clean ...
			expect(storage.getItem(AUTOSAVE_KEY)).toBeNull();
			expect(restoreWorkingDocument()).toEqual({ kind: 'none' });
			// ... and nothing else was touched.
			expect(storage.getItem('unrelated')).toBe('keep me');
			expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		});
	}

	// Regression (fixed): describeIssues only recognises paths that start with "cells", but the saved
	// entry nests the notebook one level down, so autosave reports the fifth cell's bad default as
	// "notebook.cells.4.default: default 7 is outside 0 to 1" (zero-based, dotted path) where
	// checkNotebook says "cell 5, default: default 7 is outside 0 to 1".
	it('names the cell the way the notebook check does ("cell 6, default")', () => {
		// Cell 6 of the published notebook is the localisation input (range 0 to 1).
		storage.setItem(
			AUTOSAVE_KEY,
			savedJson((s) => {
				(s.notebook.cells[5] as InputCell).default = 7;
			})
		);
		const restored = restoreWorkingDocument();
		expect(restored.kind === 'corrupt' && restored.problems).toEqual([expect.stringMatching(/^(notebook: )?cell 6, default: default 7 is outside 0 to 1$/)]);
	});

	it('keeps a corrupt entry in place when it cannot be set aside (storage full)', () => {
		const full = new FullStorage();
		full.map.set(AUTOSAVE_KEY, 'not json');
		install(full);
		const restored = restoreWorkingDocument();
		expect(restored).toMatchObject({ kind: 'corrupt', setAsideKey: null });
		expect(full.map.get(AUTOSAVE_KEY)).toBe('not json');
	});
});

describe('autosave when storage is full or missing', () => {
	it('says that storage is full when a save hits the quota', () => {
		install(new FullStorage());
		const message = saveWorkingDocument(document());
		expect(message).toEqual(expect.any(String));
		expect(message).toMatch(/storage is full/i);
	});

	it('reports other write failures with their message', () => {
		const storage = new MemoryStorage();
		storage.setItem = () => {
			throw new Error('disk on fire');
		};
		install(storage);
		const message = saveWorkingDocument(document());
		expect(message).toMatch(/could not be saved/);
		expect(message).toContain('disk on fire');
	});

	it('says saving is not possible when there is no localStorage', () => {
		install(undefined);
		expect(saveWorkingDocument(document())).toMatch(/does not allow saving/);
		expect(restoreWorkingDocument()).toEqual({ kind: 'none' });
		expect(() => clearWorkingDocument()).not.toThrow();
	});

	it('says saving is not possible when touching localStorage throws', () => {
		installThrowing();
		expect(() => globalThis.localStorage).toThrow();
		expect(saveWorkingDocument(document())).toMatch(/does not allow saving/);
		expect(restoreWorkingDocument()).toEqual({ kind: 'none' });
		expect(() => clearWorkingDocument()).not.toThrow();
	});
});
