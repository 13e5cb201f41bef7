// Build time: the published notebook's text cells rendered to HTML once, during prerendering, so
// the page arrives with its prose in place and the browser loads the markdown renderer and
// sanitiser (~26 kB gzip) only when someone edits or adds text. The text is ours (in the
// repository), rendered with the same dialect as in the browser (raw HTML shown as text); a unit
// test checks the output holds only the tags the browser's sanitiser would keep.

import { markdownToHtml } from '../markdown/markedOptions';
import type { Notebook } from '../sim/types';
import { markdownIn } from './publishedTranslation';

/** Links leave the app in a new tab without a reference to this page (as render.ts does). */
const openLinksApart = (html: string) => html.replace(/<a /g, '<a target="_blank" rel="noopener noreferrer" ');

/**
 * Markdown source -> HTML, for every text cell of `notebook`, in `locale`: a Chinese page maps each
 * published (English) source to the HTML of its translation, so the browser shows it unchanged.
 */
export function renderPublishedMarkdown(notebook: Notebook, locale = 'en'): Record<string, string> {
	const rendered: Record<string, string> = {};
	for (const cell of notebook.cells) {
		if (cell.kind !== 'markdown') continue;
		rendered[cell.text] = openLinksApart(markdownToHtml(markdownIn(cell, locale)));
	}
	return rendered;
}
