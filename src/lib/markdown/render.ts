// Markdown -> sanitised HTML. marked renders; DOMPurify removes every script, event handler and
// javascript: URL, so a cell's text (which may arrive in a link) can never run code.
// Browser only: DOMPurify needs a DOM. During prerendering the raw text is shown instead.

import { marked } from 'marked';
import DOMPurify from 'dompurify';

export const MAX_MARKDOWN_LENGTH = 20_000;

export function renderMarkdown(text: string): string {
	const html = marked.parse(text.slice(0, MAX_MARKDOWN_LENGTH), { async: false, gfm: true }) as string;
	return DOMPurify.sanitize(html, { USE_PROFILES: { html: true }, FORBID_TAGS: ['style', 'form', 'input', 'button'] });
}
