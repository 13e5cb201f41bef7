// How a link's contents are quoted and counted in the notices the reader sees. A link is a
// stranger's text: every piece of it shown back is shortened and escaped, so a notice cannot be
// made to read backwards, hide text or grow without end.

import { w } from '../i18n/screenWords';

/** Notices beyond this many are summed up in one last sentence. */
export const MAX_NOTICES = 20;

/** Longest notice, in characters: schema messages may quote whatever the link carried. */
const MAX_NOTICE_CHARS = 600;

/** 12345 -> "12,345". */
export function formatCount(n: number): string {
	return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * A key or value from the link, shortened and escaped for a sentence: `"foo"`. Control and
 * invisible format characters (bidi overrides, zero-width) are shown as escapes, so a notice
 * cannot be made to read backwards or hide text.
 */
export function quote(text: string, max = 40): string {
	const chars = Array.from(text);
	const short = chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
	return JSON.stringify(short).replace(/\p{Cf}/gu, (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}

/** Up to five ids, quoted, then "and N more". */
export function listIds(ids: string[]): string {
	const shown = ids.slice(0, 5).map((id) => quote(id)).join(', ');
	return ids.length > 5 ? w('screen_link_ids_more', { ids: shown, count: ids.length - 5 }) : shown;
}

/** The first three of a cell's problems, for its notice: "a; b; c; …". */
export function firstProblems(problems: string[]): string {
	return `${problems.slice(0, 3).join('; ')}${problems.length > 3 ? '; …' : ''}`;
}

/** Notices escaped, cut to length, and past MAX_NOTICES summed up in one sentence. */
export function finishNotices(notices: string[]): string[] {
	const tidy = notices.map((notice) => {
		const clean = notice.replace(/[\p{Cc}\p{Cf}]/gu, (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`);
		const chars = Array.from(clean);
		return chars.length > MAX_NOTICE_CHARS ? `${chars.slice(0, MAX_NOTICE_CHARS - 1).join('')}…` : clean;
	});
	if (tidy.length <= MAX_NOTICES) return tidy;
	const rest = tidy.length - (MAX_NOTICES - 1);
	return [...tidy.slice(0, MAX_NOTICES - 1), w('screen_link_more_notices', { count: formatCount(rest) })];
}
