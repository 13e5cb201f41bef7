// The one markdown dialect of the app: GitHub-flavoured, raw HTML shown as text (never parsed:
// markdown covers what prose needs). Shared by the browser renderer (render.ts, which also
// sanitises) and the build-time renderer of the published notebook (lib/server/markdown.ts).

import { Marked } from 'marked';

export const MAX_MARKDOWN_LENGTH = 20_000;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const marked = new Marked({ gfm: true, renderer: { html: ({ text }) => escapeHtml(text) } });

/** Markdown -> HTML in this dialect, the first MAX_MARKDOWN_LENGTH characters. Not sanitised. */
export function markdownToHtml(text: string): string {
	return marked.parse(text.slice(0, MAX_MARKDOWN_LENGTH), { async: false }) as string;
}

/** What rendered markdown may contain: the tags prose needs, no images, frames, media or styles. */
export const ALLOWED_TAGS = [
	'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'em', 'strong', 'del', 'code', 'pre', 'blockquote',
	'ul', 'ol', 'li', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'sup', 'sub'
];
export const ALLOWED_ATTR = ['href', 'title', 'align'];
