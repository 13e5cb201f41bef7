// The published notebook's own words in Chinese (notebooks/chinaMarket.zh.json): every text of
// every published cell has its translation and no translation is left without its cell; each
// keeps the English text's years, percentages and code names; the build hands a Chinese page
// the table and the prerendered prose, an English page nothing new; what a person wrote shows as
// written.
import { afterEach, describe, expect, it } from 'vitest';
import zh from '../src/lib/notebooks/chinaMarket.zh.json';
import { chinaMarketNotebook as published } from '../src/lib/notebooks/chinaMarket';
import { TRANSLATED_FIELDS, publishedTexts } from '../src/lib/server/publishedTranslation';
import { renderPublishedMarkdown } from '../src/lib/server/markdown';
import { shown, usePublishedTexts } from '../src/lib/i18n/publishedTexts';
import { labelsByVariable } from '../src/lib/view/notebookView';

const cells = zh.cells as Record<string, Record<string, string | string[]>>;

/** (cell id, field) of every published text: what a translation must cover. */
function englishTexts(): Map<string, string> {
	const texts = new Map<string, string>();
	for (const cell of published.cells) {
		for (const field of TRANSLATED_FIELDS) {
			const value = (cell as unknown as Record<string, unknown>)[field];
			if (typeof value === 'string' && value.trim()) texts.set(`${cell.id}.${field}`, value);
		}
		if (cell.kind === 'chart') cell.annotations?.forEach((a, i) => texts.set(`${cell.id}.annotations.${i}`, a.text));
	}
	return texts;
}

function chineseTexts(): Map<string, string> {
	const texts = new Map<string, string>();
	for (const [id, fields] of Object.entries(cells)) {
		for (const [field, value] of Object.entries(fields)) {
			if (Array.isArray(value)) value.forEach((v, i) => texts.set(`${id}.${field}.${i}`, v));
			else texts.set(`${id}.${field}`, value);
		}
	}
	return texts;
}

/** Years and percentages: a translation may write volumes in 万辆, never other years or shares. */
const anchors = (text: string) => [...text.matchAll(/\b(?:19|20)\d\d\b|\d+(?:\.\d+)?%/g)].map((m) => m[0]);
const codeNames = (text: string) => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]);

describe('the published notebook in Chinese', () => {
	afterEach(() => usePublishedTexts(() => undefined));

	it('has a translation of every published text, and none of a text that is not there', () => {
		expect([...chineseTexts().keys()].sort()).toEqual([...englishTexts().keys()].sort());
		expect(zh.title.trim()).not.toBe('');
	});

	it('is written in Chinese, keeps every year, percentage and code name of the English', () => {
		const chinese = chineseTexts();
		for (const [key, english] of englishTexts()) {
			const text = chinese.get(key) ?? '';
			expect(text.trim(), key).not.toBe('');
			// Units may be short symbols ("pp"); every other text carries Chinese characters.
			if (!key.endsWith('.unit')) expect(/\p{Script=Han}/u.test(text), key).toBe(true);
			for (const anchor of anchors(english)) expect(text, `${key} keeps ${anchor}`).toContain(anchor);
			for (const name of codeNames(english)) expect(text, `${key} keeps \`${name}\``).toContain(name);
		}
	});

	it('goes to a Chinese page as a table of the published texts, to an English page not at all', () => {
		expect(publishedTexts(published, 'en')).toEqual({});
		const table = publishedTexts(published, 'zh');
		const japanese = published.cells.find((c) => c.id === 'in-localisationJapanese');
		expect(japanese?.kind).toBe('input');
		if (japanese?.kind !== 'input') return;
		expect(table[japanese.label]).toBe(cells['in-localisationJapanese'].label);
		expect(table[japanese.description]).toBe(cells['in-localisationJapanese'].description);
		expect(table[published.title]).toBe(zh.title);
	});

	it('prerenders the prose of a Chinese page from the translation, keyed by the published text', () => {
		const english = renderPublishedMarkdown(published, 'en');
		const chinese = renderPublishedMarkdown(published, 'zh');
		expect(Object.keys(chinese).sort()).toEqual(Object.keys(english).sort());
		for (const [source, html] of Object.entries(chinese)) {
			expect(/\p{Script=Han}/u.test(html), source.slice(0, 40)).toBe(true);
			// The same structure: as many headings, list items and links as the English.
			for (const tag of ['<h1', '<h2', '<h3', '<li', '<a ']) expect(html.split(tag).length, `${tag} in ${source.slice(0, 40)}`).toBe(english[source].split(tag).length);
		}
	});

	it('shows the translation of a published text, and text a person wrote as written', () => {
		usePublishedTexts(() => publishedTexts(published, 'zh'));
		const japanese = published.cells.find((c) => c.id === 'in-localisationJapanese');
		if (japanese?.kind !== 'input') throw new Error('the Japanese localisation lever is missing');
		expect(shown(japanese.label)).toBe(cells['in-localisationJapanese'].label);
		expect(shown('My own lever')).toBe('My own lever');
		expect(shown('中文的自定义标签')).toBe('中文的自定义标签');
		// Chart legends and key figures read their labels from here.
		expect(labelsByVariable(published).get('localisationJapanese')).toBe(cells['in-localisationJapanese'].label);
		expect(labelsByVariable(published).get('nevShare')).toMatch(/\p{Script=Han}/u);
		usePublishedTexts(() => undefined);
		expect(shown(japanese.label)).toBe(japanese.label);
	});
});
