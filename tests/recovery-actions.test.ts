// Opening and dismissing work other tabs left, on the recovery list's state (fake-indexeddb; in
// Node there are no Web Locks, so every copy but this tab's own is offered).
import { beforeEach, describe, expect, it } from 'vitest';
import { MemoryStorage, freshDatabase, installLocalStorage } from './support/storage';
import { RecoveryList } from '../src/lib/state/recovery.svelte';
import { dismiss, open, refresh, undoDismiss } from '../src/lib/state/recoveryActions';
import { tabIdNow } from '../src/lib/storage/tabPresence';
import { allWorkingCopies, writeWorkingCopy, type WorkingCopy } from '../src/lib/storage/workingCopies';
import type { WorkingDocument } from '../src/lib/state/autosave';
import { chinaMarketNotebook } from '../src/lib/notebooks/chinaMarket';

const doc = (inputs: Record<string, number>): WorkingDocument => ({ notebook: chinaMarketNotebook, inputs, horizon: 2035 });

function list(current: WorkingDocument) {
	const opened: WorkingCopy[] = [];
	const recovery = new RecoveryList({ current: () => ({ document: current, origin: null }), open: (copy) => opened.push(copy) });
	return { recovery, opened };
}

beforeEach(async () => {
	freshDatabase();
	installLocalStorage(new MemoryStorage());
	await writeWorkingCopy({ tabId: 'closed-tab', savedAt: '2026-01-05T09:41:00.000Z', document: doc({ electrificationPace: 1.4 }) });
});

describe('the recovery list', () => {
	it('lists other tabs’ work, not this tab’s own', async () => {
		await writeWorkingCopy({ tabId: tabIdNow(), savedAt: '2026-01-05T10:00:00.000Z', document: doc({ shakeout: 0.3 }) });
		const { recovery } = list(doc({}));
		await refresh(recovery);
		expect(recovery.entries.map((e) => e.tabId)).toEqual(['closed-tab']);
	});

	it('Open takes the work over as this tab’s and keeps what was open as an entry of its own', async () => {
		const { recovery, opened } = list(doc({ localisation: 0.65 }));
		await refresh(recovery);
		await open(recovery, recovery.entries[0]);
		expect(opened.map((c) => c.document.inputs)).toEqual([{ electrificationPace: 1.4 }]);
		expect(recovery.status).toMatch(/^Opened the work from another tab, .*\(Electrification pace from 2026 1\.4\)\. What was open before is kept in this list\.$/);
		const copies = (await allWorkingCopies()).copies;
		expect(copies.find((c) => c.tabId === tabIdNow())?.document.inputs).toEqual({ electrificationPace: 1.4 });
		expect(copies.find((c) => c.kind === 'replaced')?.document.inputs).toEqual({ localisation: 0.65 });
		expect(recovery.entries.map((e) => e.document.inputs)).toEqual([{ localisation: 0.65 }]);
	});

	it('Open with nothing open keeps no empty entry', async () => {
		const { recovery } = list(doc({}));
		await refresh(recovery);
		await open(recovery, recovery.entries[0]);
		expect(recovery.entries).toEqual([]);
		expect((await allWorkingCopies()).copies.map((c) => c.tabId)).toEqual([tabIdNow()]);
	});

	it('Dismiss deletes the entry; Undo dismiss brings it back', async () => {
		const { recovery } = list(doc({}));
		await refresh(recovery);
		await dismiss(recovery, recovery.entries[0]);
		expect(recovery.entries).toEqual([]);
		expect(recovery.status).toMatch(/^Dismissed the work from another tab/);
		expect((await allWorkingCopies()).copies).toEqual([]);
		await undoDismiss(recovery);
		expect(recovery.entries.map((e) => e.tabId)).toEqual(['closed-tab']);
		expect(recovery.lastDismissed).toBeNull();
	});

	it('an entry another tab opened meanwhile is said to be gone', async () => {
		const { recovery, opened } = list(doc({}));
		await refresh(recovery);
		const [entry] = recovery.entries;
		await dismiss(list(doc({})).recovery, entry);
		await open(recovery, entry);
		expect(opened).toEqual([]);
		expect(recovery.status).toBe('That work was already opened or dismissed in another tab.');
	});
});
