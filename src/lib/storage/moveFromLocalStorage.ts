// Moves what localStorage holds for the database into it, in one transaction:
// - what versions before IndexedDB kept there (the one working document, `shiftcast:autosave:v1`,
//   and the saved scenarios, `shiftcast:library:v1`), once: the working document becomes a
//   copy without a tab, which the start then opens or lists as recoverable, as it would work
//   left by a closed tab; the scenarios join the library;
// - work written synchronously as a tab went away (storage/localStorageNotes.ts), every start.
// Nothing is lost on the way: entries that do not validate are set aside, and the old keys are
// removed only after the transaction has committed. Should removing them fail, the database
// remembers a fingerprint of each text moved, so the same text is never moved twice; a text that
// differs (an older version still open in another tab wrote it since) is moved again.
// Loaded only when localStorage holds any of this (hasLocalStorageToMove): rarely.
// What is set aside keeps its problems in English (they are stored with it, beside the schema's
// own); the sentences shown to the person are in the page's language.

import { z } from 'zod/mini';
import { SET_ASIDE_PREFIX, WorkingDocumentSchema } from '../state/autosave';
import { LIBRARY_SET_ASIDE_PREFIX, SavedScenarioSchema, checkEntries, newScenarioId } from '../scenario/library';
import type { SavedScenario } from '../scenario/library';
import { describeIssues } from '../scenario/notebookSchema';
import { database, inTransaction, notSavedMessage, setAside, setAsidePlace } from './database';
import { AUTOSAVE_KEY, LIBRARY_KEY, localStore, markStoredWork, unsavedKeys } from './localStorageNotes';
import { checkCopy } from './workingCopies';
import type { WorkingCopy } from './workingCopies';
import { w } from '../i18n/screenWords';

const META_KEY = 'movedFromLocalStorage';

export interface MoveReport {
	/** The earlier version's working document could not be read: what was wrong, and where it was set aside. */
	corruptAutosave?: { problems: string[]; setAsideKey: string | null };
	/** The earlier version's saved scenarios that could not be read, in sentences. */
	libraryProblems: string[];
	/** The move failed as a whole (database unavailable or full): localStorage was left as it was. */
	problem?: string;
}

/** Short fingerprint of a text (FNV-1a, with its length): tells "the same text again" apart. */
export function fingerprint(text: string): string {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
	return `${text.length}:${h.toString(36)}`;
}

const EarlierAutosaveSchema = z.extend(WorkingDocumentSchema, { savedAt: z.string().check(z.maxLength(40)) });

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; problem: string } {
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch (err) {
		return { ok: false, problem: `not readable as JSON (${(err as Error).message})` };
	}
}

/** The earlier version's autosave text as a copy without a tab, or what is wrong with it. */
function earlierCopy(text: string): { copy: WorkingCopy } | { problems: string[] } {
	const json = parseJson(text);
	if (!json.ok) return { problems: [json.problem] };
	const parsed = EarlierAutosaveSchema.safeParse(json.value);
	if (!parsed.success) return { problems: describeIssues(parsed.error) };
	const { savedAt, ...document } = parsed.data;
	return { copy: { tabId: `earlier-version-${fingerprint(text).replace(':', '-')}`, savedAt, document: document as WorkingCopy['document'], kind: 'earlier-version' } };
}

export async function moveFromLocalStorage(store: Storage | null = localStore()): Promise<MoveReport> {
	const report: MoveReport = { libraryProblems: [] };
	if (!store) return report;
	const read = (key: string) => {
		try {
			return store.getItem(key);
		} catch {
			return null;
		}
	};
	const autosaveText = read(AUTOSAVE_KEY);
	const libraryText = read(LIBRARY_KEY);
	const unsaved = unsavedKeys(store).map((key) => ({ key, text: read(key) ?? '' }));
	const { db, problem } = await database();
	if (!db) return { ...report, problem: w('screen_storage_move_unavailable', { why: problem }) };

	try {
		await inTransaction(db, ['meta', 'workingCopies', 'scenarios', 'setAside'], 'readwrite', async (tx) => {
			const meta = (await tx.objectStore('meta').get(META_KEY)) ?? { key: META_KEY };
			const copies = tx.objectStore('workingCopies');
			const scenarios = tx.objectStore('scenarios');
			const aside = tx.objectStore('setAside');

			if (autosaveText !== null && meta.autosave !== fingerprint(autosaveText)) {
				const earlier = earlierCopy(autosaveText);
				if ('copy' in earlier) await copies.put(earlier.copy);
				else report.corruptAutosave = { problems: earlier.problems, setAsideKey: await setAside(aside, SET_ASIDE_PREFIX, 'the working document of an earlier version', autosaveText, earlier.problems) };
				meta.autosave = fingerprint(autosaveText);
			}

			if (libraryText !== null && meta.library !== fingerprint(libraryText)) {
				const json = parseJson(libraryText);
				const list = json.ok && Array.isArray(json.value) ? json.value : null;
				if (!list) {
					const why = json.ok ? 'they were not a list' : 'they were not readable as JSON';
					const key = await setAside(aside, LIBRARY_SET_ASIDE_PREFIX, 'saved scenarios of an earlier version', libraryText, [why]);
					report.libraryProblems.push(w(json.ok ? 'screen_storage_library_not_list' : 'screen_storage_library_not_json', { place: setAsidePlace(), key }));
				} else {
					const checked = checkEntries<SavedScenario>(list, SavedScenarioSchema);
					const stored = (await scenarios.getAll()) as (SavedScenario & { order: number })[];
					let order = stored.reduce((max, s) => Math.max(max, s.order ?? 0), 0) + 1;
					for (const { entry } of checked.good) {
						const same = stored.find((s) => s.id === entry.id);
						if (same && JSON.stringify({ ...same, revision: undefined, order: undefined }) === JSON.stringify({ ...entry, revision: undefined, order: undefined })) continue;
						// An id already taken by a different scenario: both are kept.
						const id = same ? newScenarioId(stored) : entry.id;
						const at = order++;
						await scenarios.put({ ...entry, id, revision: 1, order: at });
						stored.push({ ...entry, id, order: at });
					}
					report.libraryProblems.push(...checked.problems);
					if (checked.bad.length) {
						const key = await setAside(aside, LIBRARY_SET_ASIDE_PREFIX, 'saved scenarios of an earlier version', checked.bad, checked.problems);
						report.libraryProblems.push(w(checked.bad.length === 1 ? 'screen_storage_set_aside_one' : 'screen_storage_set_aside_many', { place: setAsidePlace(), key }));
					}
				}
				meta.library = fingerprint(libraryText);
			}

			for (const { text } of unsaved) {
				const json = parseJson(text);
				const checked = json.ok ? checkCopy(json.value) : { ok: false as const, problems: [json.problem] };
				if (!checked.ok) {
					await setAside(aside, SET_ASIDE_PREFIX, 'work written as a tab closed', text, checked.problems);
					continue;
				}
				// Written as the tab went away: newer than its database copy, unless that write committed too.
				const current = checkCopy(await copies.get(checked.copy.tabId));
				if (!current.ok || current.copy.savedAt < checked.copy.savedAt) await copies.put(checked.copy);
			}
			await tx.objectStore('meta').put(meta);
		});
	} catch (err) {
		return { ...report, libraryProblems: [], corruptAutosave: undefined, problem: w('screen_storage_move_failed', { problem: notSavedMessage(w('screen_storage_what_earlier_work'), err) }) };
	}

	// Committed: the old keys go (unless an older version still open in another tab wrote them since).
	const removeIfSame = (key: string, text: string | null) => {
		try {
			if (text !== null && store.getItem(key) === text) store.removeItem(key);
		} catch {
			// The fingerprints in the database keep the move from running twice.
		}
	};
	removeIfSame(AUTOSAVE_KEY, autosaveText);
	removeIfSame(LIBRARY_KEY, libraryText);
	for (const { key, text } of unsaved) removeIfSame(key, text);
	if (autosaveText !== null || libraryText !== null || unsaved.length) markStoredWork(true);
	return report;
}
