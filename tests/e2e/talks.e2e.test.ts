// Talks: a talk of three steps is built from the notebook and explore ("Add to talk" with a lever
// changed between presses), saved in saved scenarios, sent as a link read from the page, opened in
// a fresh browser context and presented with the keyboard; a lever moved during a step redraws
// its chart (the chart's text alternative changes) and "Back to this step" restores it; axe finds
// no serious or critical violation in the presentation. Then bad talk links: each opens with a
// clear notice.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useSite, waitForEngine } from './support/site';
import { openWith } from './support/checks';
import { seriousViolations } from './support/axe';

const site = useSite();

/** Presses the first chart's "Add to talk" and waits for what it says. */
async function addToTalk(page: Page, said: RegExp): Promise<void> {
	const button = page.getByRole('button', { name: 'Add to talk' }).first();
	await button.scrollIntoViewIfNeeded();
	await button.click();
	await page.locator('.chart-action-said', { hasText: said }).first().waitFor({ timeout: 10_000 });
}

const summaryOf = (page: Page) => page.locator('.talk-presenter .canvas-box').getAttribute('aria-label');

/** The step is open and its figures are its own (not the previous step's, still shown while it runs). */
async function waitForStep(page: Page, n: number): Promise<void> {
	await page.waitForSelector(`.talk-presenter[data-step="${n}"][data-opened="true"][data-engine="ready"][data-current="true"] .canvas-box`, { timeout: 20_000 });
}

describe('talks', () => {
	it('three steps built, saved, sent as a link, opened fresh and presented with the keyboard; a lever redraws and Back to this step restores', async () => {
		const { page, context, problems } = await site.open('/');
		await waitForEngine(page);
		await addToTalk(page, /Step 1 added/);
		await page.getByRole('slider', { name: 'Electrification pace from 2026' }).fill('1.4');
		await addToTalk(page, /Step 2 added/);
		// The third step from explore, with another lever moved.
		await page.getByRole('navigation', { name: 'View' }).getByRole('link', { name: 'Explore' }).click();
		await page.waitForSelector('.explore');
		await waitForEngine(page);
		await page.getByRole('slider', { name: 'NEV gap Japanese brands close by 2030' }).fill('0.65');
		await addToTalk(page, /Step 3 added/);

		await page.getByRole('navigation', { name: 'View' }).getByRole('link', { name: 'Talk' }).click();
		await page.waitForSelector('.talk-editor[data-ready="true"]');
		expect(await page.locator('.talk-step').count()).toBe(3);
		await page.getByLabel('Talk title').fill('Three scenarios');
		await page.getByLabel(/^Caption/).first().fill('**基准情景**: the published levers.');
		await page.locator('.talk-step').first().locator('.talk-caption strong', { hasText: '基准情景' }).waitFor();
		// Reorder with the keyboard and back.
		await page.locator('.talk-step').nth(1).getByRole('button', { name: 'Move up' }).click();
		await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Move down');
		await page.keyboard.press('Enter');
		await expect.poll(() => page.locator('.talk-caption').first().innerText()).toContain('基准情景');

		await page.getByRole('button', { name: 'Save in saved scenarios' }).click();
		await page.locator('.talk-status', { hasText: 'Saved “Three scenarios”' }).waitFor();
		await page.getByRole('button', { name: 'Copy link' }).click();
		const link = await page.getByLabel('Link to this talk').inputValue();
		expect(link).toMatch(/\/talk\?t=[A-Za-z0-9_-]+$/);

		// The library lists it as a talk with Present and Edit.
		await page.goto(`${site.url}/`);
		await page.getByText('Saved scenarios and presets').click();
		const entry = page.locator('.scenario', { hasText: 'Three scenarios' });
		await entry.locator('.scenario-talk', { hasText: 'Talk, 3 steps' }).waitFor();
		expect(await entry.getByRole('link', { name: /^Present/ }).getAttribute('href')).toMatch(/\/talk\?saved=.+&mode=present$/);
		await context.close();
		expect(problems).toEqual([]);

		// A fresh browser context: nothing stored, only the link.
		const fresh = await openWith(site, link.slice(site.url.length));
		const other = fresh.page;
		await other.waitForSelector('.talk-editor[data-ready="true"]');
		expect(await other.locator('h1').innerText()).toBe('Three scenarios');
		expect(await other.locator('.talk-step').count()).toBe(3);
		expect(await other.locator('.notice.error').count()).toBe(0);
		await other.getByRole('button', { name: 'Present', exact: true }).click();
		await waitForStep(other, 1);
		expect(await other.locator('#talk-presenter-title').innerText()).toBeTruthy();
		await other.keyboard.press('ArrowRight');
		await waitForStep(other, 2);
		await expect.poll(() => other.locator('.talk-presenter [aria-live="polite"]').innerText()).toMatch(/^Step 2 of 3: /);
		await other.keyboard.press('ArrowRight');
		await waitForStep(other, 3);
		await other.keyboard.press('ArrowLeft');
		await waitForStep(other, 2);

		// Levers: keys in a focused slider move the slider, not the step; the chart redraws.
		const before = await summaryOf(other);
		await other.getByRole('button', { name: 'Levers' }).click();
		const slider = other.locator('.talk-levers').getByRole('slider', { name: 'Electrification pace from 2026' });
		await slider.focus();
		await other.keyboard.press('Home');
		await expect.poll(() => summaryOf(other), { timeout: 20_000 }).not.toBe(before);
		expect(await other.locator('.talk-presenter').getAttribute('data-step')).toBe('2');
		await other.getByRole('button', { name: 'Back to this step' }).click();
		await waitForStep(other, 2);
		await expect.poll(() => summaryOf(other), { timeout: 20_000 }).toBe(before);
		expect(await other.getByRole('button', { name: 'Back to this step' }).count()).toBe(0);

		// axe on the presentation, levers open.
		expect(await seriousViolations(other, '.talk-presenter')).toEqual([]);

		await other.keyboard.press('Escape');
		await other.waitForSelector('.talk-presenter', { state: 'detached' });
		await expect.poll(() => other.evaluate(() => document.activeElement?.textContent)).toBe('Present');
		await fresh.context.close();
		expect(fresh.problems).toEqual([]);
	});

	it('bad talk links open with a clear notice and the rest of the talk', async () => {
		const cases: [string, RegExp][] = [
			['/talk?t=!!!', /The talk in this link could not be read/],
			['/talk?t=q1YqSSzJUbJSSk7MS8nPKS1KLcpMUapWSs7PS8tMB_JqAQ', /This talk has no steps|could not be read/]
		];
		for (const [path, notice] of cases) {
			const { page, context, problems } = await site.open(path);
			await page.waitForSelector('.talk-editor[data-ready="true"]');
			expect(await page.locator('.notice').allInnerTexts(), path).toEqual(expect.arrayContaining([expect.stringMatching(notice)]));
			await page.getByText('This talk has no steps yet.').waitFor();
			await context.close();
			expect(problems).toEqual([]);
		}
	});
});
