// Working copies in IndexedDB (fake-indexeddb): one per tab, round-tripped as structured
// records; anything read back that does not validate is set aside (never dropped) and reported
// in words; a full store and a missing IndexedDB give a message, never a crash.
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase, fullDatabase, noDatabase } from './support/storage';
import { SET_ASIDE_PREFIX, type WorkingDocument } from '../src/lib/state/autosave';
import { database } from '../src/lib/storage/database';
import { allWorkingCopies, corruptMessage, writeWorkingCopy, type WorkingCopy } from '../src/lib/storage/workingCopies';
import { adoptWorkingCopy, deleteWorkingCopy } from '../src/lib/storage/workingCopyMoves';
import { chinaMarketNotebook } from '../src/lib/notebooks/chinaMarket';
import type { InputCell } from '../src/lib/sim/types';

const document = (): WorkingDocument => ({
	notebook: structuredClone(chinaMarketNotebook),
	inputs: { localisation: 0.55, shakeout: 0.12, marketGrowth: -0.02 },
	horizon: 2042
});

const copy = (tabId: string, change: (c: WorkingCopy) => void = () => {}): WorkingCopy => {
	const c: WorkingCopy = { tabId, savedAt: '2026-01-05T09:41:00.000Z', document: document() };
	change(c);
	return c;
};

/** Writes `raw` into the store as it is, past the app's own checks (as a fault or another program might). */
async function putRaw(raw: unknown) {
	const { db } = await database();
	await db!.put('workingCopies', raw);
}

async function records(store: 'workingCopies' | 'setAside'): Promise<Record<string, unknown>[]> {
	const { db } = await database();
	return (await db!.getAll(store)) as Record<string, unknown>[];
}

beforeEach(() => freshDatabase());

describe('working copies', () => {
	it('finds nothing when nothing was saved', async () => {
		expect(await allWorkingCopies()).toEqual({ copies: [], corrupt: [], problems: [] });
	});

	it('round-trips a copy per tab, stored as a structured record (not JSON text)', async () => {
		expect(await writeWorkingCopy(copy('tab-a'))).toBeNull();
		expect(await writeWorkingCopy(copy('tab-b', (c) => (c.document.horizon = 2050)))).toBeNull();
		const { copies } = await allWorkingCopies();
		expect(copies.map((c) => [c.tabId, c.document.horizon])).toEqual([
			['tab-a', 2042],
			['tab-b', 2050]
		]);
		expect(copies[0].document).toEqual(document());
		expect(typeof (await records('workingCopies'))[0]).toBe('object');
	});

	it('keeps only the latest save of each tab', async () => {
		await writeWorkingCopy(copy('tab-a'));
		await writeWorkingCopy(copy('tab-a', (c) => ((c.document.inputs = {}), (c.document.horizon = 2050))));
		const { copies } = await allWorkingCopies();
		expect(copies).toHaveLength(1);
		expect(copies[0].document).toMatchObject({ inputs: {}, horizon: 2050 });
	});

	it('keeps the saved scenario a copy came from', async () => {
		await writeWorkingCopy(copy('tab-a', (c) => (c.origin = { scenarioId: 's-1', name: 'Plan', revision: 3 })));
		expect((await allWorkingCopies()).copies[0].origin).toEqual({ scenarioId: 's-1', name: 'Plan', revision: 3 });
	});

	const corrupt: [string, () => unknown, RegExp][] = [
		['a string', () => 'not a record', /expected object/i],
		['a record of the wrong shape', () => ({ tabId: 'x', hello: 'world' }), /document|savedAt|Unrecognized key/],
		[
			'an input default outside its range',
			() =>
				copy('x', (c) => {
					const i = c.document.notebook.cells.findIndex((cell) => cell.kind === 'input');
					(c.document.notebook.cells[i] as InputCell).default = 7;
				}),
			/default: default 7 is outside 0 to 1/
		],
		['a cell with an unknown key', () => copy('x', (c) => Object.assign(c.document.notebook.cells[2], { onclick: 'alert(1)' })), /Unrecognized key: "onclick"/],
		['an unknown key at the top level', () => ({ ...copy('x'), extra: 1 }), /Unrecognized key: "extra"/],
		['horizon 2099', () => copy('x', (c) => (c.document.horizon = 2099)), /horizon/],
		['an input value that is not a number', () => copy('x', (c) => (c.document.inputs = { localisation: '0.5' as unknown as number })), /inputs/],
		['an origin with a negative revision', () => copy('x', (c) => (c.origin = { scenarioId: 's', name: 'n', revision: -1 })), /revision/]
	];

	for (const [what, raw, problem] of corrupt) {
		it(`sets aside ${what} and reports it, keeping the others`, async () => {
			const value = raw();
			// Records in this store are keyed by tabId: give the odd ones one.
			await putRaw(typeof value === 'object' && value ? value : { tabId: 'x', value });
			await writeWorkingCopy(copy('good'));
			const read = await allWorkingCopies();
			expect(read.copies.map((c) => c.tabId)).toEqual(['good']);
			expect(read.corrupt).toHaveLength(1);
			const [bad] = read.corrupt;
			expect(bad.tabId).toBe('x');
			// Readable problems: a few sentences, not a dump.
			expect(bad.problems.length).toBeGreaterThan(0);
			expect(bad.problems.length).toBeLessThanOrEqual(10);
			for (const p of bad.problems) expect(p.length).toBeLessThan(400);
			expect(bad.problems.join('\n')).toMatch(problem);
			// Kept, as it was, under a set-aside key; gone from the copies, so the next read is clean.
			expect(bad.setAsideKey?.startsWith(SET_ASIDE_PREFIX)).toBe(true);
			const aside = await records('setAside');
			expect(aside).toHaveLength(1);
			expect(aside[0]).toMatchObject({ key: bad.setAsideKey, problems: bad.problems });
			expect(aside[0].raw).toEqual(typeof value === 'object' && value ? value : { tabId: 'x', value });
			expect((await allWorkingCopies()).corrupt).toEqual([]);
			// The notice says what was wrong and where it went.
			expect(corruptMessage(bad)).toContain(bad.setAsideKey!);
			expect(corruptMessage(bad)).toContain('IndexedDB “shiftcast”');
		});
	}

	it('names the cell the way the notebook check does ("cell 6, default")', async () => {
		await putRaw(copy('x', (c) => ((c.document.notebook.cells[5] as InputCell).default = 7)));
		expect((await allWorkingCopies()).corrupt[0].problems).toEqual([expect.stringMatching(/^cell 6, default: default 7 is outside 0 to 1$/)]);
	});

	it('two set aside in the same moment get keys of their own', async () => {
		await putRaw({ tabId: 'x1' });
		await putRaw({ tabId: 'x2' });
		const { corrupt } = await allWorkingCopies();
		expect(new Set(corrupt.map((c) => c.setAsideKey)).size).toBe(2);
		expect(await records('setAside')).toHaveLength(2);
	});
});

describe('opening and dismissing another tab’s copy', () => {
	it('adopting moves the copy under this tab and keeps this tab’s work as an entry of its own, in one step', async () => {
		await writeWorkingCopy(copy('closed-tab', (c) => (c.document.inputs = { localisation: 0.9 })));
		const mine = copy('replaced-1', (c) => ((c.document.inputs = { shakeout: 0.3 }), (c.kind = 'replaced')));
		const outcome = await adoptWorkingCopy('closed-tab', 'this-tab', mine);
		expect(outcome).toMatchObject({ kind: 'adopted', copy: { tabId: 'this-tab', document: { inputs: { localisation: 0.9 } } } });
		const { copies } = await allWorkingCopies();
		expect(copies.map((c) => [c.tabId, c.document.inputs]).sort()).toEqual([
			['replaced-1', { shakeout: 0.3 }],
			['this-tab', { localisation: 0.9 }]
		]);
	});

	it('an entry opened or dismissed meanwhile in another tab is gone, and nothing is written', async () => {
		expect(await adoptWorkingCopy('nobody', 'this-tab', copy('replaced-1'))).toEqual({ kind: 'gone' });
		expect((await allWorkingCopies()).copies).toEqual([]);
	});

	it('dismissing deletes the entry', async () => {
		await writeWorkingCopy(copy('closed-tab'));
		expect(await deleteWorkingCopy('closed-tab')).toBeNull();
		expect((await allWorkingCopies()).copies).toEqual([]);
	});
});

describe('when storage is full or missing', () => {
	it('says that storage is full, and what was not saved, when a save hits the quota', async () => {
		const restore = fullDatabase();
		try {
			const message = await writeWorkingCopy(copy('tab-a'));
			expect(message).toMatch(/^Browser storage is full: your latest edits could not be saved\./);
		} finally {
			restore();
		}
		expect((await allWorkingCopies()).copies).toEqual([]);
	});

	it('a full store keeps the other tab’s copy where it was when adopting fails', async () => {
		await writeWorkingCopy(copy('closed-tab'));
		const restore = fullDatabase();
		try {
			const outcome = await adoptWorkingCopy('closed-tab', 'this-tab', null);
			expect(outcome.kind === 'problem' && outcome.message).toMatch(/storage is full: the work you opened could not be saved/i);
		} finally {
			restore();
		}
		expect((await allWorkingCopies()).copies.map((c) => c.tabId)).toEqual(['closed-tab']);
	});

	it('says saving is not possible when there is no IndexedDB, and reads nothing', async () => {
		noDatabase();
		expect(await writeWorkingCopy(copy('tab-a'))).toMatch(/does not allow saving here \(this browser offers no IndexedDB here\)/);
		expect(await allWorkingCopies()).toEqual({ copies: [], corrupt: [], problems: [] });
		expect((await adoptWorkingCopy('a', 'b', null)).kind).toBe('problem');
	});

	it('says saving is not possible when opening the database is refused', async () => {
		freshDatabase();
		const refusing = {
			open() {
				throw new DOMException('The operation is insecure.', 'SecurityError');
			}
		};
		Object.defineProperty(globalThis, 'indexedDB', { value: refusing, configurable: true, writable: true });
		expect(await writeWorkingCopy(copy('tab-a'))).toMatch(/does not allow saving here \(the browser refused its database \(The operation is insecure\.\)\)/);
	});
});
