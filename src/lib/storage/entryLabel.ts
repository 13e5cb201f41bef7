// How a recoverable entry reads: "Work from another tab, 09:41 (Electrification pace from 2026
// 1.4)": where the work came from, when it was last saved (local time), and the scenario's name
// or the first thing it changed. Loaded with the list of entries, which a first visit never shows.

import type { InputCell, Notebook } from '../sim/types';
import type { WorkingDocument } from '../state/autosave';
import type { WorkingCopy } from './workingCopies';

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
