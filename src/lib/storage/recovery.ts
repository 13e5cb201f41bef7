// Which kept working copies a tab offers to recover, and what it opens at start: pure functions
// of what the database holds and which tabs are alive, so they are tested without a browser.
// How an entry reads is in storage/entryLabel.ts (loaded only when there is an entry to show).

import { chinaMarketNotebook } from '../notebooks/chinaMarket';
import type { WorkingDocument } from '../state/autosave';
import type { WorkingCopy } from './workingCopies';

/** Holds nothing worth recovering: the published notebook as it is. */
export function isUnchanged(doc: WorkingDocument, published = chinaMarketNotebook): boolean {
	return (
		Object.keys(doc.inputs).length === 0 &&
		doc.horizon === published.horizon &&
		!doc.reference &&
		doc.notebook.version === published.version &&
		JSON.stringify(doc.notebook) === JSON.stringify(published)
	);
}

/**
 * The copies this tab offers to recover, newest first: not its own, not a live tab's (a live
 * tab's copy is that tab's work in progress), not one that holds nothing (`unchanged`: the
 * published notebook as it is), and of several copies of the same document only the newest.
 * `live` null (no Web Locks in this browser): no tab can be told alive, so all are offered.
 */
export function recoverableCopies(
	copies: WorkingCopy[],
	live: ReadonlySet<string> | null,
	ownTabId: string,
	unchanged: (doc: WorkingDocument) => boolean
): WorkingCopy[] {
	const seen = new Set<string>();
	return copies
		.filter((c) => c.tabId !== ownTabId && !live?.has(c.tabId) && !unchanged(c.document))
		.sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0))
		.filter((c) => {
			const text = JSON.stringify(c.document);
			if (seen.has(text)) return false;
			seen.add(text);
			return true;
		});
}

/** What a tab opens at start; `recoverable` as recoverableCopies gives it. */
export type StartChoice =
	| { open: 'link' }
	| { open: 'own'; copy: WorkingCopy }
	| { open: 'adopt'; copy: WorkingCopy }
	| { open: 'published' };

/**
 * - A reload finds the tab's own copy first: it is at least as new as the address, which
 *   follows the document only 300 ms after each change. A reload never takes another tab's work.
 * - Otherwise a scenario in the address wins (a link is what the person asked for).
 * - Otherwise the tab's own copy (the same tab, opened at the site's address again).
 * - A new tab with no scenario in its address, while no other tab is open (the app reopened),
 *   takes the most recent kept copy, as the single autosave slot of earlier versions did; with
 *   other tabs open it starts from the published notebook, and lists what can be recovered.
 */
export function startChoice(options: {
	/** The tab was reloaded (or came back through its history). */
	reload: boolean;
	fromLink: boolean;
	own: WorkingCopy | null;
	recoverable: WorkingCopy[];
	otherTabsAlive: boolean;
}): StartChoice {
	const { reload, fromLink, own, recoverable, otherTabsAlive } = options;
	if (own && reload) return { open: 'own', copy: own };
	if (fromLink) return { open: 'link' };
	// A reload of a tab that never saved anything stays as it was: another tab's work is offered, not put in its place.
	if (reload) return { open: 'published' };
	if (own) return { open: 'own', copy: own };
	if (!otherTabsAlive && recoverable.length) return { open: 'adopt', copy: recoverable[0] };
	return { open: 'published' };
}
