// The talk being built in this browser, kept in localStorage under one key.
//
// Why localStorage and not the IndexedDB database (storage/database.ts): a talk is small (a
// title and up to 30 link queries with captions), it is read and written synchronously without
// loading the storage code (idb), and a new object store
// would mean a database upgrade shared with the notebook's own storage. To keep this from ever
// crowding out the notebook's own use of localStorage (unsaved work written as a tab goes
// away), the draft is capped at MAX_DRAFT_CHARS, every write is guarded, and whatever is read
// back is validated with the talk's schema (a bad draft is set aside, never thrown on).
// A talk worth keeping goes to saved scenarios (IndexedDB), which also holds talks too large
// for a link. What it tells the person is in the page's language (`screen_talk_*` messages).

import { TalkSchema, TALK_LIMITS, emptyTalk, newStepId, talkTitle, type Talk } from './schema';
import { w } from '../i18n/screenWords';

/** Where this browser keeps the talk being built. */
export const TALK_DRAFT_KEY = 'shiftcast:talk:v1';

/** Where a draft replaced by another talk (opened for editing) is kept, to bring it back. */
export const TALK_SET_ASIDE_KEY = 'shiftcast:talk:v1:previous';
/** Largest draft kept, in characters (about 2 MB of localStorage's usual 5 MB). */
export const MAX_DRAFT_CHARS = 1_000_000;

export interface DraftStepInput {
	/** The scenario's query as a link carries it (no leading `?`). */
	query: string;
	/** The chart cell's id. */
	chart: string;
	chartTitle: string;
}

function store(): Storage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null;
	}
}

/** The talk kept under `key`, validated; an unreadable one reads as empty, with why. */
export function readTalkAt(key: string): { talk: Talk; problem: string | null } {
	let text: string | null = null;
	try {
		text = store()?.getItem(key) ?? null;
	} catch {
		return { talk: emptyTalk(), problem: w('screen_talk_storage_blocked') };
	}
	if (!text) return { talk: emptyTalk(), problem: null };
	try {
		const parsed = TalkSchema.safeParse(JSON.parse(text));
		if (parsed.success) return { talk: parsed.data as Talk, problem: null };
	} catch {
		// Not JSON: said below.
	}
	return { talk: emptyTalk(), problem: w('screen_talk_draft_unreadable') };
}

export function readDraft(): { talk: Talk; problem: string | null } {
	return readTalkAt(TALK_DRAFT_KEY);
}

/** Writes `talk` under `key`; null when kept, else why not (too large, storage full or blocked). */
export function writeTalkAt(key: string, talk: Talk): string | null {
	const text = JSON.stringify(talk);
	if (text.length > MAX_DRAFT_CHARS) return w('screen_talk_draft_too_large');
	try {
		const s = store();
		if (!s) return w('screen_talk_storage_blocked');
		s.setItem(key, text);
	} catch (err) {
		return w('screen_talk_draft_not_kept', { error: (err as Error)?.name ?? w('screen_talk_storage_error') });
	}
	return null;
}

export function writeDraft(talk: Talk): string | null {
	return writeTalkAt(TALK_DRAFT_KEY, talk);
}

/** Adds a step to the talk being built; returns what to tell the person. */
export async function addStepToDraft(input: DraftStepInput): Promise<string> {
	const { talk, problem } = readDraft();
	// Compared with the sentence itself, not a word of it: the sentence is in the page's language.
	if (problem && talk.steps.length === 0 && problem === w('screen_talk_storage_blocked')) return problem;
	if (talk.steps.length >= TALK_LIMITS.steps) return w('screen_talk_draft_full', { max: TALK_LIMITS.steps });
	if (input.query.length > TALK_LIMITS.queryChars) return w('screen_talk_step_too_large');
	talk.steps.push({ id: newStepId(talk.steps), title: input.chartTitle.slice(0, TALK_LIMITS.titleChars), caption: '', query: input.query, chart: input.chart });
	const failed = writeDraft(talk);
	if (failed) return failed;
	return w('screen_talk_step_added', { n: talk.steps.length, title: talkTitle(talk) });
}
