// Markdown -> sanitised HTML. marked renders (raw HTML shown as text); DOMPurify then keeps only
// the tags prose needs and strips every script, event handler and javascript: URL, so a cell's
// text (which may arrive in a link from a stranger) can never run code. Images, frames and media are not allowed
// either: a shared link must not make a reader's browser fetch from anywhere.
// Browser only: DOMPurify needs a DOM. During prerendering the raw text is shown instead.

import { Marked } from 'marked';
import DOMPurify from 'dompurify';

export const MAX_MARKDOWN_LENGTH = 20_000;

const ALLOWED_TAGS = [
	'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'em', 'strong', 'del', 'code', 'pre', 'blockquote',
	'ul', 'ol', 'li', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'sup', 'sub'
];
const ALLOWED_ATTR = ['href', 'title', 'align'];

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// Raw HTML in a cell is shown as text, never parsed: markdown covers what prose needs, and HTML
// with event handlers would reach the browser's parser (inside DOMPurify) before being removed.
const markdown = new Marked({ gfm: true, renderer: { html: ({ text }) => escapeHtml(text) } });

let hooked = false;

export function renderMarkdown(text: string): string {
	if (!hooked) {
		// Links leave the app in a new tab without handing it a reference to this page.
		DOMPurify.addHook('afterSanitizeAttributes', (node) => {
			if (node.tagName === 'A' && node.getAttribute('href')) {
				node.setAttribute('target', '_blank');
				node.setAttribute('rel', 'noopener noreferrer');
			}
		});
		hooked = true;
	}
	const html = markdown.parse(text.slice(0, MAX_MARKDOWN_LENGTH), { async: false }) as string;
	return DOMPurify.sanitize(html, {
		ALLOWED_TAGS,
		ALLOWED_ATTR,
		ADD_ATTR: ['target', 'rel'],
		ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#|\/(?!\/)|\.\/)/i
	});
}
