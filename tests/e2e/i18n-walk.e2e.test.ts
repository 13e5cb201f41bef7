// Issue 25's walk: every page of the site in Chinese, every notebook cell rendered, every word
// it shows or says (support/pageWords.ts) checked for English; and the English pages for Chinese.
//
// Allowed in Chinese pages: the short list (CAAM, CPCA, NEV as an abbreviation, model
// variable names, units like pp), the names of methods and file formats, the brand of the
// site, and the language switch's own name for English. STILL_ENGLISH lists, with the reason,
// what is not translated yet: the test fails on anything else, and on an entry that no longer
// matches anything (then it has been translated: delete the entry).
import { describe, expect, it } from 'vitest';
import { openWith } from './support/checks';
import { wordsOnPage } from './support/pageWords';
import { useSite, waitForEngine } from './support/site';
import { FUNCTIONS } from '../../src/lib/sim/functions';
import { chinaMarketNotebook } from '../../src/lib/notebooks/chinaMarket';
import { formulaName } from '../../src/lib/notebooks/definedNames';

const site = useSite();
const PAGES = ['/zh', '/zh/explore', '/zh/compare', '/zh/about', '/zh/talk', '/zh/embed?chart=chart-shares'];

const ALLOWED_WORDS = new Set([
	...['CAAM', 'CPCA', 'NEV', 'NEVs', 'BEV', 'PHEV', 'EREV', 'pp', 'logit', 'exp', 'log', 'logistic', 'ln', 'sqrt'],
	...['Sobol', 'Shapley', 'PRIM', 'RMSE', 'Nelder', 'Mead', 'Saltelli', 'Jansen', 'Spearman', 'Pearson', 'R-hat', 'EMA', 'Workbench', 'emcee'],
	...['CSV', 'PNG', 'SVG', 'JSON', 'URL', 'HTML', 'CSS', 'iframe', 'Ctrl', 'Shift', 'Z', 'Esc', 'Enter', 'Tab'],
	...['Shiftcast', 'English'],
	// Publishers with no Chinese name of their own (docs/glossary-zh.md).
	...['AlixPartners', 'BloombergNEF', 'MarkLines'],
	// The model's variable and lever names.
	...chinaMarketNotebook.cells.flatMap((c) => (c.kind === 'input' ? [c.name] : c.kind === 'formula' ? [formulaName(c.formula) ?? ''] : [])),
	// The formula language: its functions and the names of their arguments, as the Method page lists them.
	...FUNCTIONS.keys(),
	...['x', 'y', 'base', 'lo', 'hi', 'initial', 'series', 'year', 'y0', 'y1', 'Va', 'Vb', 'p']
]);
/** A model variable or lever name (camelCase), or a word of one letter: names, not English. */
const isName = (word: string) => /^[a-z]+[A-Z0-9]\w*$/.test(word) || /[_.]/.test(word) || word.length < 2;

/** Not translated yet, each with why: a text matching one of these is reported, not failed. */
const STILL_ENGLISH: { why: string; pattern: RegExp }[] = [];

/**
 * `text` without what is quoted as published: addresses, titles in quotation marks, and a
 * source's citation after 来源： (a publication a reader may look up, named as it names itself).
 */
function withoutCitations(text: string): string {
	return text
		.replace(/https?:\/\/\S+/g, '')
		.replace(/“[^”]*”|"[^"]*"|《[^》]*》/g, '')
		.replace(/来源：[\s\S]*?(?=(口径|备注|时段|原文表述)：|$)/g, '');
}

const MONTHS = new Set(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']);

/**
 * The English words in `text`. A lowercase word is English (names of people, firms and car models
 * are capitalised, variable names are camelCase); so is a month's abbreviation. A capitalised word
 * is a proper name inside a Chinese sentence (Momenta, AlixPartners), but English when the text has
 * no Chinese at all ("Baseline", "Download chart").
 */
function englishWords(text: string): string[] {
	const chinese = /\p{Script=Han}/u.test(text);
	return (withoutCitations(text).match(/[A-Za-z][\w'’.-]*\w|[A-Za-z]/g) ?? []).filter(
		(word) => !ALLOWED_WORDS.has(word) && !isName(word) && (MONTHS.has(word) || /^[a-z]/.test(word) || !chinese)
	);
}

describe('the walk over every page in Chinese', () => {
	it('finds no English outside the allow-list and the listed gaps; the English pages have no Chinese', async () => {
		const { page, context } = await openWith(site, PAGES[0], { context: { locale: 'zh-CN' } });
		const unexplained: string[] = [];
		const matched = new Set<RegExp>();
		for (const path of PAGES) {
			if (path !== PAGES[0]) await page.goto(site.url + path);
			if (path === '/zh' || path === '/zh/explore') await waitForEngine(page);
			const texts = await wordsOnPage(page);
			// Not a walk over nothing: each page says plenty, and says it in Chinese.
			expect(texts.length, path).toBeGreaterThan(/talk|embed/.test(path) ? 5 : 20);
			expect(texts.filter((t) => /\p{Script=Han}/u.test(t)).length, path).toBeGreaterThan(texts.length / 2);
			for (const text of texts) {
				const words = englishWords(text);
				if (!words.length) continue;
				const gap = STILL_ENGLISH.find((g) => g.pattern.test(text));
				if (gap) matched.add(gap.pattern);
				else unexplained.push(`${path} [${words.slice(0, 4).join(' ')}]: ${text.slice(0, 160)}`);
			}
		}
		expect(unexplained).toEqual([]);
		expect(STILL_ENGLISH.filter((g) => !matched.has(g.pattern)).map((g) => g.why)).toEqual([]);

		// And the other way round: English pages show no Chinese but the switch's name for it.
		await context.close();
		const en = await openWith(site, '/', { context: { locale: 'en-GB' } });
		const chinese: string[] = [];
		for (const path of PAGES.map((p) => p.replace(/^\/zh/, '') || '/')) {
			if (path !== '/') await en.page.goto(site.url + path);
			else await waitForEngine(en.page);
			const texts = await wordsOnPage(en.page);
			expect(texts.length, path).toBeGreaterThan(/talk|embed/.test(path) ? 5 : 20);
			for (const text of texts) if (/\p{Script=Han}/u.test(text) && text !== '中文') chinese.push(`${path}: ${text.slice(0, 160)}`);
		}
		await en.context.close();
		expect(chinese).toEqual([]);
	}, 240_000);
});
