// Which kept working copies a tab offers to recover, what it opens at start, and how an entry
// reads ("Work from another tab, 09:41 (Electrification pace 1.4)"). Pure functions of what the
// database holds and which tabs are alive, so they are tested without a browser.

import type { InputCell, Notebook } from '../sim/types';
import type { WorkingDocument } from '../state/autosave';
import type { WorkingCopy } from './workingCopies';

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
 *   follows the document only 300 ms after each change.
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
	if (own) return { open: 'own', copy: own };
	if (!otherTabsAlive && recoverable.length) return { open: 'adopt', copy: recoverable[0] };
	return { open: 'published' };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * When a copy was saved, in local time: "09:41" today, else "2025-11-20 09:41". Built by hand:
 * toLocaleString loads locale data on its first call, and this runs as the page starts.
 */
export function whenSaved(iso: string, now = new Date()): string {
	const at = new Date(iso);
	if (Number.isNaN(at.getTime())) return 'an unknown time';
	const time = `${pad(at.getHours())}:${pad(at.getMinutes())}`;
	const sameDay = at.getFullYear() === now.getFullYear() && at.getMonth() === now.getMonth() && at.getDate() === now.getDate();
	return sameDay ? time : `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${time}`;
}

/** The first thing a document changed against `published`, in a few words; null if nothing. */
export function firstChange(doc: WorkingDocument, published: Notebook): string | null {
	const [name, value] = Object.entries(doc.inputs)[0] ?? [];
	if (name !== undefined) {
		const cell = doc.notebook.cells.find((c): c is InputCell => c.kind === 'input' && c.name === name);
		return `${cell?.label ?? name} ${value}`;
	}
	if (JSON.stringify(doc.notebook) !== JSON.stringify(published)) return 'edited cells';
	if (doc.horizon !== published.horizon) return `horizon ${doc.horizon}`;
	if (doc.reference) return `compared with “${doc.reference.label}”`;
	return null;
}

/** How an entry reads in the list: where the work came from, when it was saved, what it is. */
export function entryLabel(copy: WorkingCopy, published: Notebook, now = new Date()): string {
	const from = copy.kind === 'earlier-version' ? 'Work from an earlier version of Shiftcast' : copy.kind === 'replaced' ? 'Work you replaced' : 'Work from another tab';
	const what = copy.origin ? `“${copy.origin.name}”` : firstChange(copy.document, published);
	return `${from}, ${whenSaved(copy.savedAt, now)}${what ? ` (${what})` : ''}`;
}
