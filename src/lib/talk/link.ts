// A talk in a link: `/talk?t=<packed>` where <packed> is the talk's JSON, deflate-raw compressed
// and base64url encoded (scenario/compression.ts, as `nb` in a scenario link), optionally with
// `&mode=present` or `&mode=edit`. The whole query keeps within the scenario links' cap
// (LINK_LIMITS.queryChars). Reading is for untrusted input: it never throws, keeps every step
// that reads, and says in one sentence each what it left out, in the page's language
// (`screen_talk_*` messages).

import { CorruptDataError, InflatedTooLargeError, deflateToBase64url, inflateFromBase64url } from '../scenario/compression';
import { LINK_LIMITS } from '../scenario/encode';
import { describeIssues } from '../scenario/notebookSchema';
import { finishNotices, formatCount, quote } from '../scenario/linkText';
import { StepSchema, TALK_LIMITS, emptyTalk, type Step, type Talk } from './schema';
import { z } from 'zod/mini';
import { w } from '../i18n/screenWords';

export type TalkMode = 'present' | 'edit' | null;

/** Room kept in the query for `&mode=present`. */
const MODE_ROOM = 16;

/** The query (no `?`) that carries `talk`, or why it cannot travel in a link. */
export async function encodeTalk(talk: Talk, mode: TalkMode = null): Promise<{ query: string } | { problem: string }> {
	const packed = await deflateToBase64url(JSON.stringify({ title: talk.title, steps: talk.steps.map(({ id, title, caption, query, chart }) => ({ id, title, caption, query, chart })) }));
	const max = LINK_LIMITS.queryChars - MODE_ROOM;
	if (packed.length + 2 > max) {
		return {
			problem: w('screen_talk_link_too_large', { length: formatCount(packed.length + 2), max: formatCount(max) })
		};
	}
	return { query: `t=${packed}${mode ? `&mode=${mode}` : ''}` };
}

/** What the talk page's address asks for. */
export interface TalkAddress {
	/** The packed talk, or null when the address has none. */
	packed: string | null;
	/** A saved scenario's id (a talk kept in the library), or null. */
	saved: string | null;
	mode: TalkMode;
}

export function readTalkAddress(search: string, hash = ''): TalkAddress {
	const params = new URLSearchParams(search.replace(/^\?/, ''));
	const raw = params.get('mode');
	const mode: TalkMode = raw === 'present' || raw === 'edit' ? raw : hash === '#present' ? 'present' : null;
	return { packed: params.get('t'), saved: params.get('saved'), mode };
}

const Outer = z.object({ title: z.unknown(), steps: z.unknown() });

/** Reads a packed talk. Always gives a talk (empty when nothing reads) and the notices to show. */
export async function decodeTalk(packed: string): Promise<{ talk: Talk; notices: string[] }> {
	const notices: string[] = [];
	const talk = emptyTalk();
	const unreadable = (why: string) => {
		notices.push(w('screen_talk_link_unreadable', { why }));
		return { talk, notices: finishNotices(notices) };
	};
	if (packed.length > LINK_LIMITS.queryChars) return unreadable(w('screen_talk_why_too_long', { max: formatCount(LINK_LIMITS.queryChars) }));
	if (packed.trim() === '') return unreadable(w('screen_link_why_empty'));
	let text: string;
	try {
		text = await inflateFromBase64url(packed, TALK_LIMITS.inflatedBytes);
	} catch (err) {
		if (err instanceof InflatedTooLargeError) return unreadable(w('screen_talk_why_too_many_bytes', { max: formatCount(TALK_LIMITS.inflatedBytes) }));
		// The reader's own message (which character is wrong) stays as it is; Chinese says what it means first.
		if (err instanceof CorruptDataError) return unreadable(w('screen_talk_why_corrupt', { detail: err.message }));
		return unreadable(w('screen_talk_why_corrupt', { detail: String((err as Error)?.message ?? err) }));
	}
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		return unreadable(w('screen_talk_why_not_json'));
	}
	const outer = Outer.safeParse(json);
	if (!outer.success || Array.isArray(json)) return unreadable(w('screen_talk_why_not_talk'));
	const { title, steps } = outer.data;
	if (typeof title === 'string') talk.title = Array.from(title).slice(0, TALK_LIMITS.titleChars).join('');
	if (typeof title === 'string' && title.length > TALK_LIMITS.titleChars) notices.push(w('screen_talk_title_cut', { max: TALK_LIMITS.titleChars }));
	if (title !== undefined && typeof title !== 'string') notices.push(w('screen_talk_title_not_text'));
	if (!Array.isArray(steps)) {
		notices.push(w('screen_talk_no_steps_list'));
		return { talk, notices: finishNotices(notices) };
	}
	if (steps.length > TALK_LIMITS.steps) notices.push(w('screen_talk_too_many_steps', { count: formatCount(steps.length), max: TALK_LIMITS.steps }));
	const ids = new Set<string>();
	steps.slice(0, TALK_LIMITS.steps).forEach((raw, i) => {
		const parsed = StepSchema.safeParse(raw);
		if (!parsed.success) {
			notices.push(w('screen_talk_step_unreadable', { n: i + 1, problems: describeIssues(parsed.error).slice(0, 2).join(w('screen_talk_join')) }));
			return;
		}
		const step = parsed.data as Step;
		if (ids.has(step.id)) {
			notices.push(w('screen_talk_step_repeats_id', { n: i + 1, id: quote(step.id) }));
			return;
		}
		ids.add(step.id);
		talk.steps.push(step);
	});
	return { talk, notices: finishNotices(notices) };
}
