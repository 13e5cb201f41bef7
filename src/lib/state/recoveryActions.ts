// Reading, opening and dismissing the work other tabs left (state/recovery.svelte.ts holds the list).
// Open makes the copy this tab's own (one undo step), and what was open before becomes an entry
// of its own, so nothing is lost; Dismiss deletes the entry, and can be undone until the next
// dismissal. Each tells the other tabs, whose lists follow.

import { chinaMarketNotebook } from '../notebooks/chinaMarket';
import { loadPublishedVersion } from '../notebooks/published';
import { entryLabel } from '../storage/entryLabel';
import { isUnchanged, recoverableCopies } from '../storage/recovery';
import { announce, claimTabId, liveTabIds } from '../storage/tabPresence';
import { allWorkingCopies, corruptCopyProblem, writeWorkingCopy } from '../storage/workingCopies';
import type { WorkingCopy } from '../storage/workingCopies';
import { adoptWorkingCopy, deleteWorkingCopy } from '../storage/workingCopyMoves';
import type { RecoveryList } from './recovery.svelte';
import { w } from '../i18n/screenWords';

/** "the work from another tab, 09:41 (…)": an entry as the middle of a sentence. */
const named = (copy: WorkingCopy) => entryLabel(copy, chinaMarketNotebook, new Date(), { inSentence: true });

export async function refresh(list: RecoveryList): Promise<void> {
	const [own, { copies, corrupt, problems }, live] = await Promise.all([claimTabId(), allWorkingCopies(), liveTabIds()]);
	list.entries = recoverableCopies(copies, live, own, isUnchanged);
	const more = [...problems, ...corrupt.map(corruptCopyProblem)];
	if (more.length) list.problems = more;
}

export async function open(list: RecoveryList, entry: WorkingCopy): Promise<void> {
	const own = await claimTabId();
	const { document, origin } = list.host.current();
	// What is open now stays recoverable, unless it holds nothing or is the same work.
	const keep: WorkingCopy | null =
		isUnchanged(document) || JSON.stringify(document) === JSON.stringify(entry.document)
			? null
			: { tabId: `replaced-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`, savedAt: new Date().toISOString(), document, kind: 'replaced', ...(origin ? { origin } : {}) };
	const outcome = await adoptWorkingCopy(entry.tabId, own, keep);
	if (outcome.kind === 'problem') list.problems = [outcome.message];
	else if (outcome.kind === 'gone') list.status = w('screen_storage_recover_gone');
	else {
		// Work saved under an older version opens with that version (loaded on demand).
		await loadPublishedVersion(outcome.copy.document.notebook.version);
		list.host.open(outcome.copy);
		list.status = w(keep ? 'screen_storage_recover_opened_kept' : 'screen_storage_recover_opened', { entry: named(entry) });
		list.problems = [];
	}
	await list.refresh();
	announce('workingCopies');
}

export async function dismiss(list: RecoveryList, entry: WorkingCopy): Promise<void> {
	const problem = await deleteWorkingCopy(entry.tabId);
	if (problem) {
		list.problems = [problem];
		return;
	}
	list.lastDismissed = entry;
	list.status = w('screen_storage_recover_dismissed', { entry: named(entry) });
	list.entries = list.entries.filter((e) => e !== entry);
	announce('workingCopies');
}

export async function undoDismiss(list: RecoveryList): Promise<void> {
	const copy = list.lastDismissed;
	if (!copy) return;
	const problem = await writeWorkingCopy(copy);
	if (problem) {
		list.problems = [problem];
		return;
	}
	list.lastDismissed = null;
	list.status = w('screen_storage_recover_undone');
	await list.refresh();
	announce('workingCopies');
}
