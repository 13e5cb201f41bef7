// A talk: an ordered list of steps, each one view of a scenario with a title and a short caption.
// A step's scenario is kept exactly as a link carries it (its query), so every step is read by
// the one link reader (scenario/decode.ts) with its notices, and edits, the reference and the
// chart's annotations travel with it for free. The schema is strict and bounded: a talk arrives
// from links and files written by strangers. Its messages are people's (a step left out of a
// link says why): functions, so zod words them in the page's language when it reports an issue.

import { z } from 'zod/mini';
import { LINK_LIMITS } from '../scenario/encode';
import { formatCount } from '../scenario/linkText';
import { w } from '../i18n/screenWords';

export const TALK_LIMITS = {
	steps: 30,
	titleChars: 200,
	captionChars: 2_000,
	/** A step's scenario is one link's query. */
	queryChars: LINK_LIMITS.queryChars,
	/** What `t` may unpack to: 30 steps of small scenarios, or a few with edited notebooks. */
	inflatedBytes: 2_000_000
};

const maxChars = (n: number) => z.maxLength(n, { error: () => w('screen_talk_at_most_chars', { max: formatCount(n) }) });
const Id = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, { error: () => w('screen_talk_id_form') }));

export const StepSchema = z.strictObject({
	id: Id,
	title: z.string().check(maxChars(TALK_LIMITS.titleChars)),
	caption: z.string().check(maxChars(TALK_LIMITS.captionChars)),
	query: z.string().check(maxChars(TALK_LIMITS.queryChars)),
	chart: Id
});

export const TalkSchema = z.strictObject({
	title: z.string().check(maxChars(TALK_LIMITS.titleChars)),
	steps: z.array(StepSchema).check(z.maxLength(TALK_LIMITS.steps, { error: () => w('screen_talk_at_most_steps', { max: TALK_LIMITS.steps }) }))
});

export interface Step {
	id: string;
	title: string;
	/** Markdown, rendered sanitised like every text cell. */
	caption: string;
	/** The step's scenario as a link's query (`v=3&...`, no `?`). */
	query: string;
	/** The chart cell shown. */
	chart: string;
}

export interface Talk {
	title: string;
	steps: Step[];
}

/** The English name of a talk without a title (talkTitle says it in the page's language). */
export const UNTITLED = 'Untitled talk';

export function emptyTalk(): Talk {
	return { title: '', steps: [] };
}

/** The title to show: the talk's own, or "Untitled talk" in the page's language. */
export function talkTitle(talk: Talk): string {
	return talk.title.trim() || w('screen_talk_untitled');
}

/** A step id none of `steps` uses. */
export function newStepId(steps: { id: string }[]): string {
	const ids = new Set(steps.map((s) => s.id));
	for (;;) {
		const id = `st-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;
		if (!ids.has(id)) return id;
	}
}
