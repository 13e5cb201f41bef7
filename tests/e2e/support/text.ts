// Reading what a cell says. Cells out of view skip rendering (content-visibility: auto in
// app.css), and innerText of an element that is not rendered is empty; the text is in the DOM
// all the same (and in the accessibility tree). These read textContent, whitespace collapsed.
import type { Locator, Page } from 'playwright-core';
import { headlineFigure } from './checks';

const collapse = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

export async function textOf(locator: Locator): Promise<string> {
	return collapse(await locator.textContent());
}

export async function textsOf(locator: Locator): Promise<string[]> {
	return (await locator.allTextContents()).map(collapse);
}

/** A headline figure on the notebook page, e.g. "71.7%". */
export function headlineText(page: Page, variable: string, year: number): Promise<string> {
	return textOf(page.locator(headlineFigure(variable, year)));
}
