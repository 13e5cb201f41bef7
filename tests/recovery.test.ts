// Which kept working copies a tab offers to recover (given the live tabs), what it opens at
// start, and how an entry reads.
import { describe, expect, it } from 'vitest';
import { isUnchanged, recoverableCopies, startChoice } from '../src/lib/storage/recovery';
import { entryLabel, firstChange, whenSaved } from '../src/lib/storage/entryLabel';
import type { WorkingCopy } from '../src/lib/storage/workingCopies';
import { chinaMarketNotebook } from '../src/lib/notebooks/chinaMarket';

const doc = (inputs: Record<string, number> = {}, horizon = chinaMarketNotebook.horizon) => ({ notebook: chinaMarketNotebook, inputs, horizon });
const copy = (tabId: string, savedAt: string, inputs: Record<string, number> = { localisation: 0.5 }): WorkingCopy => ({ tabId, savedAt: `2026-01-05T${savedAt}:00.000Z`, document: doc(inputs) });

describe('recoverable copies', () => {
	const copies = [copy('mine', '09:00'), copy('alive', '09:10', { shakeout: 0.1 }), copy('closed-1', '09:20', { shakeout: 0.2 }), copy('closed-2', '09:30', { shakeout: 0.3 })];

	it('are the copies of tabs no longer alive, newest first: never this tab’s own, never a live tab’s', () => {
		const live = new Set(['mine', 'alive']);
		expect(recoverableCopies(copies, live, 'mine', isUnchanged).map((c) => c.tabId)).toEqual(['closed-2', 'closed-1']);
	});

	it('a tab that closes makes its copy recoverable', () => {
		expect(recoverableCopies(copies, new Set(['mine']), 'mine', isUnchanged).map((c) => c.tabId)).toEqual(['closed-2', 'closed-1', 'alive']);
	});

	it('without Web Locks no tab can be told alive: all but the own are offered', () => {
		expect(recoverableCopies(copies, null, 'mine', isUnchanged)).toHaveLength(3);
	});

	it('leave out copies holding nothing (the published notebook as it is) and repeats of the same work', () => {
		const list = [copy('empty', '09:40', {}), copy('a', '09:10', { shakeout: 0.2 }), copy('b', '09:20', { shakeout: 0.2 }), { ...copy('later-horizon', '09:50', {}), document: doc({}, 2040) }];
		expect(recoverableCopies(list, new Set(), 'mine', isUnchanged).map((c) => c.tabId)).toEqual(['later-horizon', 'b']);
	});

	it('an edited notebook counts as work even with every input at its default', () => {
		const edited = { ...chinaMarketNotebook, cells: chinaMarketNotebook.cells.slice(1) };
		expect(isUnchanged({ notebook: edited, inputs: {}, horizon: chinaMarketNotebook.horizon })).toBe(false);
		expect(isUnchanged(doc())).toBe(true);
	});
});

describe('what a tab opens at start', () => {
	const own = copy('mine', '09:00');
	const orphan = copy('closed', '09:30');
	const base = { reload: false, fromLink: false, own: null, recoverable: [], otherTabsAlive: false };

	it('a reload opens the tab’s own copy, even with a scenario in the address (the copy is the newer)', () => {
		expect(startChoice({ ...base, reload: true, fromLink: true, own })).toEqual({ open: 'own', copy: own });
	});

	it('a reload of a tab that saved nothing never takes another tab’s work', () => {
		expect(startChoice({ ...base, reload: true, recoverable: [orphan] })).toEqual({ open: 'published' });
		expect(startChoice({ ...base, reload: true, fromLink: true, recoverable: [orphan] })).toEqual({ open: 'link' });
	});

	it('otherwise a link wins', () => {
		expect(startChoice({ ...base, fromLink: true, own, recoverable: [orphan] })).toEqual({ open: 'link' });
	});

	it('the app reopened (no other tab open) takes the most recent copy a closed tab left', () => {
		expect(startChoice({ ...base, recoverable: [orphan, copy('older', '08:00')] })).toEqual({ open: 'adopt', copy: orphan });
	});

	it('a new tab beside open ones starts from the published notebook (and lists what can be recovered)', () => {
		expect(startChoice({ ...base, recoverable: [orphan], otherTabsAlive: true })).toEqual({ open: 'published' });
		expect(startChoice(base)).toEqual({ open: 'published' });
	});
});

describe('entry labels', () => {
	const now = new Date(2026, 0, 5, 18, 0);

	it('say when, in local time: the hour today, the date before', () => {
		expect(whenSaved(new Date(2026, 0, 5, 9, 41).toISOString(), now)).toBe('09:41');
		expect(whenSaved(new Date(2026, 0, 4, 23, 5).toISOString(), now)).toBe('2026-01-04 23:05');
		expect(whenSaved('garbage', now)).toBe('an unknown time');
	});

	it('name the scenario, or the first thing changed', () => {
		const at = new Date(2026, 0, 5, 9, 41).toISOString();
		expect(entryLabel({ tabId: 't', savedAt: at, document: doc({ electrificationPace: 1.4 }) }, chinaMarketNotebook, now)).toBe('Work from another tab, 09:41 (Electrification pace from 2026 1.4)');
		expect(entryLabel({ tabId: 't', savedAt: at, document: doc(), origin: { scenarioId: 's', name: 'Plan B', revision: 2 } }, chinaMarketNotebook, now)).toBe('Work from another tab, 09:41 (“Plan B”)');
		expect(entryLabel({ tabId: 't', savedAt: at, document: doc({}, 2040), kind: 'earlier-version' }, chinaMarketNotebook, now)).toBe('Work from an earlier version of Shiftcast, 09:41 (horizon 2040)');
		expect(firstChange(doc(), chinaMarketNotebook)).toBeNull();
	});
});
