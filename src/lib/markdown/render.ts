// Markdown -> sanitised HTML. marked renders (raw HTML shown as text); DOMPurify then keeps only
// the tags prose needs and strips every script, event handler and javascript: URL, so a cell's
// text (which may arrive in a link from a stranger) can never run code. Images, frames and media are not allowed
// either: a shared link must not make a reader's browser fetch from anywhere.
// Browser only: DOMPurify needs a DOM. Loaded on demand, only for text that is not the published
// notebook's (an edited or added cell): the published text is rendered at build time.

import DOMPurify from 'dompurify';
// Raw HTML in a cell is shown as text, never parsed (markdownToHtml): HTML with event handlers
// would otherwise reach the browser's parser (inside DOMPurify) before being removed.
import { ALLOWED_ATTR, ALLOWED_TAGS, markdownToHtml } from './markedOptions';

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
	return DOMPurify.sanitize(markdownToHtml(text), {
		ALLOWED_TAGS,
		ALLOWED_ATTR,
		ADD_ATTR: ['target', 'rel'],
		ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#|\/(?!\/)|\.\/)/i
	});
}
