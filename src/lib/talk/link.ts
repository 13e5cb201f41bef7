// A talk in a link: `/talk?t=<packed>` where <packed> is the talk's JSON, deflate-raw compressed
// and base64url encoded (scenario/compression.ts, as `nb` in a scenario link), optionally with
// `&mode=present` or `&mode=edit`. The whole query keeps within the scenario links' cap
// (LINK_LIMITS.queryChars). Reading is for untrusted input: it never throws, keeps every step
// that reads, and says in one sentence each what it left out.

import { CorruptDataError, InflatedTooLargeError, deflateToBase64url, inflateFromBase64url } from '../scenario/compression';
import { LINK_LIMITS } from '../scenario/encode';
import { describeIssues } from '../scenario/notebookSchema';
import { finishNotices, formatCount, quote } from '../scenario/linkText';
import { StepSchema, TALK_LIMITS, emptyTalk, type Step, type Talk } from './schema';
import { z } from 'zod/mini';

export type TalkMode = 'present' | 'edit' | null;

/** Room kept in the query for `&mode=present`. */
const MODE_ROOM = 16;

/** The query (no `?`) that carries `talk`, or why it cannot travel in a link. */
export async function encodeTalk(talk: Talk, mode: TalkMode = null): Promise<{ query: string } | { problem: string }> {
	const packed = await deflateToBase64url(JSON.stringify({ title: talk.title, steps: talk.steps.map(({ id, title, caption, query, chart }) => ({ id, title, caption, query, chart })) }));
	const max = LINK_LIMITS.queryChars - MODE_ROOM;
	if (packed.length + 2 > max) {
		return {
			problem: `This talk is too large for a link (${formatCount(packed.length + 2)} characters packed, over ${formatCount(max)}). Save it in saved scenarios to keep it.`
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
		notices.push(`The talk in this link could not be read (${why}).`);
		return { talk, notices: finishNotices(notices) };
	};
	if (packed.length > LINK_LIMITS.queryChars) return unreadable(`it is over ${formatCount(LINK_LIMITS.queryChars)} characters`);
	if (packed.trim() === '') return unreadable('it is empty');
	let text: string;
	try {
		text = await inflateFromBase64url(packed, TALK_LIMITS.inflatedBytes);
	} catch (err) {
		if (err instanceof InflatedTooLargeError) return unreadable(`it unpacks to more than ${formatCount(TALK_LIMITS.inflatedBytes)} bytes`);
		if (err instanceof CorruptDataError) return unreadable(err.message);
		return unreadable(String((err as Error)?.message ?? err));
	}
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		return unreadable('it is not JSON');
	}
	const outer = Outer.safeParse(json);
	if (!outer.success || Array.isArray(json)) return unreadable('it is not a talk');
	const { title, steps } = outer.data;
	if (typeof title === 'string') talk.title = Array.from(title).slice(0, TALK_LIMITS.titleChars).join('');
	if (typeof title === 'string' && title.length > TALK_LIMITS.titleChars) notices.push(`The talk's title was cut to ${TALK_LIMITS.titleChars} characters.`);
	if (title !== undefined && typeof title !== 'string') notices.push('The talk\'s title is not text; it was left out.');
	if (!Array.isArray(steps)) {
		notices.push('The talk in this link has no list of steps.');
		return { talk, notices: finishNotices(notices) };
	}
	if (steps.length > TALK_LIMITS.steps) notices.push(`The talk has ${formatCount(steps.length)} steps; only the first ${TALK_LIMITS.steps} are kept.`);
	const ids = new Set<string>();
	steps.slice(0, TALK_LIMITS.steps).forEach((raw, i) => {
		const parsed = StepSchema.safeParse(raw);
		if (!parsed.success) {
			notices.push(`Step ${i + 1} could not be read and was left out (${describeIssues(parsed.error).slice(0, 2).join('; ')}).`);
			return;
		}
		const step = parsed.data as Step;
		if (ids.has(step.id)) {
			notices.push(`Step ${i + 1} repeats the id ${quote(step.id)}; it was left out.`);
			return;
		}
		ids.add(step.id);
		talk.steps.push(step);
	});
	return { talk, notices: finishNotices(notices) };
}
