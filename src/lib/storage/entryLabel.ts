// How a recoverable entry reads: "Work from another tab, 09:41 (Electrification pace from 2026
// 1.4)": where the work came from, when it was last saved (local time), and the scenario's name
// or the first thing it changed. Loaded with the list of entries, which a first visit never shows.
// One wording for the list (components/RecoverWork.svelte) and the status lines about an entry
// (state/recoveryActions.ts), in the page's language; unit tests read the English.

import type { InputCell, Notebook } from '../sim/types';
import type { WorkingDocument } from '../state/autosave';
import type { WorkingCopy } from './workingCopies';
import { w, type ScreenWordKey } from '../i18n/screenWords';
import { shown } from '../i18n/publishedTexts';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * When a copy was saved, in local time: "09:41" today, else "2025-11-20 09:41". Built by hand:
 * toLocaleString loads locale data on its first call, and this runs as the page starts.
 */
export function whenSaved(iso: string, now = new Date()): string {
	const at = new Date(iso);
	if (Number.isNaN(at.getTime())) return w('screen_storage_unknown_time');
	const time = `${pad(at.getHours())}:${pad(at.getMinutes())}`;
	const sameDay = at.getFullYear() === now.getFullYear() && at.getMonth() === now.getMonth() && at.getDate() === now.getDate();
	return sameDay ? time : `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${time}`;
}

/** The first thing a document changed against `published`, in a few words; null if nothing. */
export function firstChange(doc: WorkingDocument, published: Notebook): string | null {
	const [name, value] = Object.entries(doc.inputs)[0] ?? [];
	if (name !== undefined) {
		const cell = doc.notebook.cells.find((c): c is InputCell => c.kind === 'input' && c.name === name);
		// A published lever's label as the page shows it (a person's own label as written).
		return `${shown(cell?.label ?? name)} ${value}`;
	}
	if (JSON.stringify(doc.notebook) !== JSON.stringify(published)) return w('screen_storage_entry_edited_cells');
	if (doc.horizon !== published.horizon) return w('screen_storage_entry_horizon', { year: doc.horizon });
	if (doc.reference) return w('screen_storage_entry_compared_with', { name: shown(doc.reference.label) });
	return null;
}

// Where the work came from: at the start of the label, and inside a sentence ("Opened the work
// from another tab, …"), which English writes in lower case and Chinese the same.
const FROM: Record<'tab' | 'earlier-version' | 'replaced', [ScreenWordKey, ScreenWordKey]> = {
	tab: ['screen_storage_entry_from_tab', 'screen_storage_entry_from_tab_in_sentence'],
	'earlier-version': ['screen_storage_entry_from_earlier', 'screen_storage_entry_from_earlier_in_sentence'],
	replaced: ['screen_storage_entry_from_replaced', 'screen_storage_entry_from_replaced_in_sentence']
};

/**
 * How an entry reads in the list: where the work came from, when it was saved, what it is.
 * `inSentence`: the same words inside a status line.
 */
export function entryLabel(copy: WorkingCopy, published: Notebook, now = new Date(), { inSentence = false } = {}): string {
	const from = w(FROM[copy.kind ?? 'tab'][inSentence ? 1 : 0]);
	const when = whenSaved(copy.savedAt, now);
	const what = copy.origin ? `“${copy.origin.name}”` : firstChange(copy.document, published);
	return what ? w('screen_storage_entry_what', { from, when, what }) : w('screen_storage_entry', { from, when });
}
