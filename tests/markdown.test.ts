// The published notebook's prose is rendered at build time, without the browser's sanitiser:
// these tests hold it to what the sanitiser would keep.
import { describe, expect, it } from 'vitest';
import { chinaMarketNotebook } from '../src/lib/notebooks/chinaMarket';
import { ALLOWED_ATTR, ALLOWED_TAGS } from '../src/lib/markdown/markedOptions';
import { renderPublishedMarkdown } from '../src/lib/server/markdown';
import type { Notebook } from '../src/lib/sim/types';

describe('build-time markdown of the published notebook', () => {
	const rendered = renderPublishedMarkdown(chinaMarketNotebook);
	const texts = chinaMarketNotebook.cells.flatMap((c) => (c.kind === 'markdown' ? [c.text] : []));

	it('renders every text cell of the notebook', () => {
		expect(texts.length).toBeGreaterThan(3);
		expect(Object.keys(rendered).sort()).toEqual([...new Set(texts)].sort());
		expect(rendered[texts[0]]).toMatch(/^<h1>Who sells the cars bought in China in 2035, and whose are they\?<\/h1>/);
	});

	it('holds only tags and attributes the browser sanitiser keeps (plus target/rel on links)', () => {
		for (const html of Object.values(rendered)) {
			for (const [, tag, attrs] of html.matchAll(/<([a-z0-9]+)([^>]*)>/g)) {
				expect(ALLOWED_TAGS).toContain(tag);
				for (const [, name] of attrs.matchAll(/\s([a-z-]+)=/g)) expect([...ALLOWED_ATTR, 'target', 'rel']).toContain(name);
			}
		}
	});

	it('shows raw HTML as text and opens links in a new tab without a reference back', () => {
		const notebook = { ...chinaMarketNotebook, cells: [{ id: 'x', kind: 'markdown', text: 'See [CAAM](https://example.org) <img src=x onerror=alert(1)>' }] } as Notebook;
		const html = Object.values(renderPublishedMarkdown(notebook))[0];
		expect(html).toContain('<a target="_blank" rel="noopener noreferrer" href="https://example.org">CAAM</a>');
		expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
		expect(html).not.toContain('<img');
	});
});
