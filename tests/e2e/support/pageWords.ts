// Every word a page shows or says: its text (every <details> opened, every cell scrolled into
// view so content-visibility renders it, the analysis cells' views loaded) and the accessible
// names, descriptions and values of its elements. Code, formulas and text a person typed are
// left out (code and pre elements, textareas and inputs, anything marked translate="no").
import type { Page } from 'playwright-core';
import { showAnalysisCells } from './site';

const ATTRIBUTES = ['aria-label', 'aria-description', 'aria-valuetext', 'title', 'placeholder', 'alt'];

export async function wordsOnPage(page: Page): Promise<string[]> {
	await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
	// The saved-scenario library loads its component when opened: wait until it is there.
	await page.waitForFunction(() => !document.querySelector('.library-box > p.muted'));
	if (await page.locator('.cell-fit, .cell-backtest, .cell-sensitivity, .cell-discovery').count()) await showAnalysisCells(page);
	const height = await page.evaluate(() => document.body.scrollHeight);
	for (let y = 0; y < height; y += 800) await page.evaluate((top) => scrollTo(0, top), y);
	// Two frames after the last scroll: the cells in view have rendered.
	await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
	return page.evaluate((attributes) => {
		const skip = 'script, style, code, pre, textarea, input, [translate="no"]';
		const texts: string[] = [document.title];
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const text = node.textContent?.trim();
			if (text && !node.parentElement?.closest(skip)) texts.push(text);
		}
		for (const el of document.querySelectorAll('*')) {
			if (el.closest('[translate="no"]')) continue;
			for (const name of attributes) {
				const value = el.getAttribute(name)?.trim();
				if (value) texts.push(value);
			}
		}
		return [...new Set(texts)];
	}, ATTRIBUTES);
}
