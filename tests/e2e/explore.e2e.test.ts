// The explore view: levers and answers on one screen at three sizes, each of the first levers
// redrawing the chart in view, one scenario shared with the notebook (link, undo, autosave),
// and hostile links handled as on the notebook page.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { useSite, waitForEngine } from './support/site';
import { headlineText } from './support/text';
import { LEVERS, chinaMarketNotebook } from '../../src/lib/notebooks/chinaMarket';
import type { InputCell } from '../../src/lib/sim/types';

const site = useSite();
const LEVER_CELLS = LEVERS.map((name) => chinaMarketNotebook.cells.find((c): c is InputCell => c.kind === 'input' && c.name === name)!);

/**
 * The area of `locator` on screen: within the viewport and within every ancestor that clips its
 * content (a box of its own that scrolls or hides overflow shows only its own part of it).
 */
async function visibleArea(page: Page, locator: Locator): Promise<number> {
	if (!(await locator.boundingBox())) return 0;
	return locator.evaluate((el) => {
		const r = el.getBoundingClientRect();
		let [left, top, right, bottom] = [Math.max(r.left, 0), Math.max(r.top, 0), Math.min(r.right, innerWidth), Math.min(r.bottom, innerHeight)];
		for (let a = el.parentElement; a; a = a.parentElement) {
			const style = getComputedStyle(a);
			if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
			const c = a.getBoundingClientRect();
			[left, top, right, bottom] = [Math.max(left, c.left), Math.max(top, c.top), Math.min(right, c.right), Math.min(bottom, c.bottom)];
		}
		return Math.max(0, right - left) * Math.max(0, bottom - top);
	});
}

async function fullyInView(page: Page, locator: Locator): Promise<boolean> {
	const box = await locator.boundingBox();
	const view = page.viewportSize()!;
	return !!box && box.width > 0 && box.x >= 0 && box.y >= 0 && box.x + box.width <= view.width + 0.5 && box.y + box.height <= view.height + 0.5;
}

/** The element on top at the centre of `locator` is `locator` itself (nothing covers it). */
async function uncovered(locator: Locator): Promise<boolean> {
	return locator.evaluate((el) => {
		const r = el.getBoundingClientRect();
		return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === el;
	});
}

async function openExplore(width: number, height: number, path = '/explore') {
	const { page, context, problems } = await site.open(path);
	await page.setViewportSize({ width, height });
	await waitForEngine(page);
	return { page, context, problems };
}

const headlines = (page: Page) => page.locator('.explore-answers [data-testid^="headline-"]');
const chartBox = (page: Page) => page.locator('.explore-chart .canvas-box');

describe('explore: levers and answers on one screen', () => {
	it('1920x1080: the page does not scroll; all fifteen levers, the key figures and a chart are in view together', async () => {
		const { page, context, problems } = await openExplore(1920, 1080);
		expect(await page.evaluate(() => document.documentElement.scrollHeight <= innerHeight)).toBe(true);
		for (const cell of LEVER_CELLS) expect(await fullyInView(page, page.getByRole('slider', { name: cell.label })), cell.name).toBe(true);
		for (const figure of await headlines(page).all()) expect(await fullyInView(page, figure)).toBe(true);
		expect(await visibleArea(page, chartBox(page))).toBeGreaterThan(0.12 * 1920 * 1080);
		await context.close();
		expect(problems).toEqual([]);
	});

	it('1280x800: with any lever in view, the key figures and a chart of at least 12% of the screen are in view', async () => {
		const { page, context, problems } = await openExplore(1280, 800);
		for (const cell of LEVER_CELLS) {
			const slider = page.getByRole('slider', { name: cell.label });
			await slider.scrollIntoViewIfNeeded();
			expect(await fullyInView(page, slider), cell.name).toBe(true);
			for (const figure of await headlines(page).all()) expect(await fullyInView(page, figure), cell.name).toBe(true);
			expect(await visibleArea(page, chartBox(page)), cell.name).toBeGreaterThan(0.12 * 1280 * 800);
		}
		await context.close();
		expect(problems).toEqual([]);
	});

	it('375x740: the key figures and a chart stay at the top while each lever below is scrolled to and moved', async () => {
		const { page, context, problems } = await openExplore(375, 740);
		for (const cell of LEVER_CELLS) {
			const slider = page.getByRole('slider', { name: cell.label });
			await slider.scrollIntoViewIfNeeded();
			expect(await uncovered(slider), `${cell.name} is not covered`).toBe(true);
			for (const figure of await headlines(page).all()) expect(await fullyInView(page, figure), cell.name).toBe(true);
			expect(await visibleArea(page, chartBox(page)), cell.name).toBeGreaterThan(0.08 * 375 * 740);
		}
		// Moving one keeps them there.
		const slider = page.getByRole('slider', { name: LEVER_CELLS[0].label });
		await slider.scrollIntoViewIfNeeded();
		await slider.fill('0.9');
		for (const figure of await headlines(page).all()) expect(await fullyInView(page, figure)).toBe(true);
		await context.close();
		expect(problems).toEqual([]);
	});

	it('375x740: one compact bar (view switch, Undo, Redo, a menu); the menu opens in the flow and covers nothing', async () => {
		const { page, context, problems } = await openExplore(375, 740);
		const bar = page.locator('.explore-bar');
		const barBox = (await bar.boundingBox())!;
		expect(barBox.height, 'the bar is one row').toBeLessThan(44);
		const undo = page.getByRole('group', { name: 'Undo and redo' });
		for (const name of ['Undo', 'Redo']) expect(await fullyInView(page, undo.getByRole('button', { name }))).toBe(true);
		expect(await fullyInView(page, page.getByText('Scenario tools'))).toBe(true);
		// The actions behind the menu; Undo and Redo are not repeated there.
		await page.getByText('Scenario tools').click();
		const menu = page.locator('.explore-tools .toolbar');
		for (const name of ['Copy link', 'Download results (CSV)', 'Download scenario (JSON)', 'Print', 'Reset to the published notebook']) {
			expect(await menu.getByRole('button', { name }).isVisible(), name).toBe(true);
		}
		expect(await menu.getByRole('button', { name: 'Undo' }).count()).toBe(0);
		// Open, it pushes the answers down rather than lying over them or a lever.
		const menuBottom = (await menu.boundingBox())!;
		const answers = (await page.locator('.explore-answers').boundingBox())!;
		expect(answers.y).toBeGreaterThanOrEqual(menuBottom.y + menuBottom.height - 0.5);
		// Undo works from the bar: a move, then Undo.
		await page.getByText('Scenario tools').click();
		const slider = page.getByRole('slider', { name: LEVER_CELLS[0].label });
		await slider.scrollIntoViewIfNeeded();
		await slider.fill('0.9');
		await page.evaluate(() => scrollTo(0, 0));
		await undo.getByRole('button', { name: 'Undo' }).click();
		await expect.poll(() => slider.inputValue()).toBe(String(LEVER_CELLS[0].default));
		await context.close();
		expect(problems).toEqual([]);
	});

	it('a move of each of the first levers redraws the chart in view', async () => {
		const { page, context, problems } = await openExplore(1280, 800);
		const summary = () => chartBox(page).getAttribute('aria-label');
		const moves = [
			['localisationJapanese', '0.9'],
			['localisationGerman', '0.9'],
			['localisationUS', '0.9'],
			['localisationOther', '0.9'],
			['localisationLag', '1'],
			['safetyValue', '1.2'],
			['safetyRuleBoost', '3'],
			['electrificationPace', '1.8']
		];
		for (const [name, value] of moves) {
			const cell = LEVER_CELLS.find((c) => c.name === name)!;
			const before = await summary();
			await page.getByRole('slider', { name: cell.label }).fill(value);
			await expect.poll(summary, { message: name }).not.toBe(before);
		}
		await context.close();
		expect(problems).toEqual([]);
	});

	it('the calibrated parameters are folded into their own group, closed; each lever explains itself behind a disclosure', async () => {
		const { page, context, problems } = await openExplore(1280, 800);
		const calibrated = page.locator('details.lever-group.calibrated');
		expect(await calibrated.locator(':scope > summary').innerText()).toBe('Calibrated to 2019-2025');
		expect(await calibrated.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
		const about = page.getByText(`About: ${LEVER_CELLS[0].label}`);
		await about.click();
		await expect.poll(() => page.locator('.lever-about[open] .description').first().isVisible()).toBe(true);
		await context.close();
		expect(problems).toEqual([]);
	});
});

describe('one scenario, two views', () => {
	it('the switch keeps the scenario and its undo history; the address keeps the view', async () => {
		const { page, context, problems } = await site.open('/');
		await waitForEngine(page);
		await page.getByRole('slider', { name: 'NEV gap Japanese brands close by 2030' }).fill('0.65');
		await expect.poll(() => new URL(page.url()).search, { timeout: 5000 }).toBe('?v=3&localisationJapanese=0.65');
		const figure = await headlineText(page, 'domesticShare', 2030);
		await page.getByRole('navigation', { name: 'View' }).getByRole('link', { name: 'Explore' }).click();
		await page.waitForURL(/\/explore\?v=3&localisationJapanese=0\.65$/);
		await waitForEngine(page);
		expect(await page.getByRole('slider', { name: 'NEV gap Japanese brands close by 2030' }).inputValue()).toBe('0.65');
		expect(await headlineText(page, 'domesticShare', 2030)).toBe(figure);
		// Undo in the explore view's bar undoes the move made in the notebook.
		await page.getByRole('group', { name: 'Undo and redo' }).getByRole('button', { name: 'Undo' }).click();
		await expect.poll(() => page.getByRole('slider', { name: 'NEV gap Japanese brands close by 2030' }).inputValue()).toBe('0.4');
		await expect.poll(() => new URL(page.url()).pathname + new URL(page.url()).search, { timeout: 5000 }).toBe('/explore?v=3');
		await page.getByRole('navigation', { name: 'View' }).getByRole('link', { name: 'Notebook' }).click();
		await page.waitForURL(/\/\?v=3$/);
		expect(await page.getByRole('slider', { name: 'NEV gap Japanese brands close by 2030' }).inputValue()).toBe('0.4');
		// Redo there brings it back: one history for both views.
		await page.getByRole('button', { name: 'Redo' }).click();
		await expect.poll(() => page.getByRole('slider', { name: 'NEV gap Japanese brands close by 2030' }).inputValue()).toBe('0.65');
		await context.close();
		expect(problems).toEqual([]);
	});

	it('an explore link opens in the explore view with its inputs, in a fresh browser', async () => {
		const { page, context, problems } = await site.open('/explore?v=3&horizon=2040&safetyValue=0.9');
		await waitForEngine(page);
		expect(await page.getByRole('slider', { name: 'Worth of the foreign safety reputation from 2026' }).inputValue()).toBe('0.9');
		expect(await page.getByTestId('link-notice').count()).toBe(0);
		expect(new URL(page.url()).pathname).toBe('/explore');
		await context.close();
		expect(problems).toEqual([]);
	});

	it('a link with problems opens in the explore view with one notice listing them', async () => {
		const { page, context, problems } = await site.open('/explore?v=3&localisationJapanese=7&bogus=1&shakeout=abc');
		await waitForEngine(page);
		const notice = page.getByTestId('link-notice');
		expect(await notice.count()).toBe(1);
		const text = await notice.innerText();
		expect(text).toContain('"localisationJapanese" was 7; set to 1');
		expect(text).toContain('Ignored "bogus"');
		expect(text).toContain('Ignored "shakeout": "abc" is not a number');
		await context.close();
		expect(problems).toEqual([]);
	});

	it('a view that does not exist falls back to the notebook with the same scenario, and says so', async () => {
		const { page, context, problems } = await site.open('/explorer?v=3&localisationJapanese=0.6');
		await page.waitForURL(/\/\?v=3&localisationJapanese=0\.6$/);
		await waitForEngine(page);
		expect(await page.getByRole('slider', { name: 'NEV gap Japanese brands close by 2030' }).inputValue()).toBe('0.6');
		expect(await page.getByTestId('view-notice').innerText()).toBe('There is no view at “/explorer”; the scenario opened in the notebook instead.');
		await context.close();
		// The host answers the unknown address with 404 (and its 404.html), which the browser logs.
		expect(problems.filter((p) => !/404/.test(p))).toEqual([]);
	});
});
