// The reference scenario in a real browser: set from the scenario as it is (explore view) or from
// a preset (notebook), drawn as its own legend entry, in the key figures as "vs reference", in
// the link and in a saved scenario, cleared with one click (and undone); an unreadable `ref=`
// opens without a reference and says so.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { settledUrl, useSite, waitForEngine } from './support/site';
import { headlineFigure } from './support/checks';

const site = useSite();
const LOCALISATION = 'NEV gap Japanese brands close by 2030';


const vsReference = (page: Page) => page.getByTestId('vs-reference-domesticShare-2030').first();
const referenceLegend = (page: Page) => page.locator('.chart-legend button', { hasText: '(reference:' });

describe('reference scenario', () => {
	it('explore: set from the scenario as it is, drawn, compared, in the link, cleared and undone', async () => {
		const { page, context, problems } = await site.open('/explore');
		await waitForEngine(page);
		await page.getByRole('slider', { name: LOCALISATION }).fill('0.8');
		await page.getByRole('button', { name: 'Set as reference' }).click();
		await expect.poll(() => page.getByTestId('reference-name').innerText()).toMatch(/^Reference: Your scenario at /);
		// Same scenario as the reference: no difference yet, then one once a lever moves.
		await expect.poll(() => vsReference(page).innerText()).toMatch(/^[+±−-]?0\.0 pp vs reference/);
		const figure = () => page.locator(headlineFigure('domesticShare', 2030)).first().innerText();
		const shownAtReference = await figure();
		const atReference = parseFloat(shownAtReference);
		await page.getByRole('slider', { name: LOCALISATION }).fill('0.2');
		await expect.poll(figure).not.toBe(shownAtReference);
		// Explore's compact key-figures table gives the change against the reference without the
		// reference's own figure beside it (the notebook's cards give both): the change is the
		// figure now less the figure the reference scenario had.
		await expect.poll(() => vsReference(page).innerText()).toMatch(/^\+\d+\.\d pp vs reference$/);
		const change = parseFloat((await vsReference(page).innerText()).slice(1));
		expect(Math.abs(parseFloat(await figure()) - change - atReference)).toBeLessThanOrEqual(0.1 + 1e-9);
		expect(await referenceLegend(page).count()).toBeGreaterThan(0);
		// The link holds the reference's own query and name; a fresh browser reopens it.
		const url = await settledUrl(page);
		const ref = new URL(url).searchParams.get('ref')!;
		expect(new URLSearchParams(ref).get('localisationJapanese')).toBe('0.8');
		expect(new URLSearchParams(ref).get('label')).toMatch(/^Your scenario at /);
		const fresh = await site.open(new URL(url).pathname + new URL(url).search);
		await waitForEngine(fresh.page);
		await expect.poll(() => fresh.page.getByTestId('reference-name').innerText()).toMatch(/^Reference: Your scenario at /);
		expect(await vsReference(fresh.page).innerText()).toBe(await vsReference(page).innerText());
		await fresh.context.close();
		expect(fresh.problems).toEqual([]);
		// One click clears it; undo brings it back.
		await page.getByRole('button', { name: 'Clear reference' }).click();
		expect(await page.getByTestId('reference-name').count()).toBe(0);
		expect(await referenceLegend(page).count()).toBe(0);
		expect(await vsReference(page).count()).toBe(0);
		await expect.poll(async () => new URL(await settledUrl(page)).searchParams.has('ref')).toBe(false);
		await page.keyboard.press('Control+z');
		await expect.poll(() => page.getByTestId('reference-name').count()).toBe(1);
		await context.close();
		expect(problems).toEqual([]);
	});

	it('notebook: a preset as the reference, kept in a saved scenario and opened from it', async () => {
		const { page, context, problems } = await site.open('/');
		await waitForEngine(page);
		await page.getByLabel('Scenario to set as the reference').selectOption({ label: 'Foreign localisation push' });
		await page.getByRole('button', { name: 'Set as reference' }).click();
		await expect.poll(() => page.getByTestId('reference-name').innerText()).toBe('Reference: Foreign localisation push');
		await expect.poll(() => vsReference(page).innerText()).toMatch(/pp vs reference \(\d+\.\d%\)/);
		// The preset pushes localisation: against it, the published scenario has more domestic share.
		expect(await vsReference(page).innerText()).toMatch(/^\+/);
		// At 1200 px the key figures ride in the top bar, with their change against the reference.
		expect(await page.getByTestId('sticky-summary').innerText()).toContain('vs ref.');
		await page.getByText('Saved scenarios and presets').click();
		const library = page.getByRole('region', { name: 'Saved scenarios' });
		await library.waitFor();
		await library.getByLabel('Name').fill('Against the push');
		await library.getByRole('button', { name: 'Save scenario' }).click();
		await page.getByRole('button', { name: 'Clear reference' }).click();
		expect(await page.getByTestId('reference-name').count()).toBe(0);
		await library.locator('.scenario', { hasText: 'Against the push' }).getByRole('button', { name: 'Open' }).click();
		await expect.poll(() => page.getByTestId('reference-name').innerText()).toBe('Reference: Foreign localisation push');
		// A saved scenario can be the reference itself, from its own row.
		await library.locator('.scenario', { hasText: 'Domestic shake-out' }).first().getByRole('button', { name: 'Set as reference' }).click();
		await expect.poll(() => page.getByTestId('reference-name').innerText()).toBe('Reference: Domestic shake-out');
		await context.close();
		expect(problems).toEqual([]);
	});

	it('375x740 with a reference: the figures (with "vs reference") and the chart stay on top, no lever is covered', async () => {
		const { page, context, problems } = await site.open(`/explore?v=3&ref=${encodeURIComponent('v=3&localisationJapanese=0.8&label=Push')}`);
		await page.setViewportSize({ width: 375, height: 740 });
		await waitForEngine(page);
		await expect.poll(() => vsReference(page).innerText()).toMatch(/vs reference/);
		for (const name of [LOCALISATION, 'Electrification pace from 2026']) {
			const slider = page.getByRole('slider', { name });
			await slider.scrollIntoViewIfNeeded();
			expect(await slider.evaluate((el) => { const r = el.getBoundingClientRect(); return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === el; }), name).toBe(true);
			for (const figure of await page.locator('.explore-answers [data-testid^="headline-"]').all()) {
				const box = (await figure.boundingBox())!;
				expect(box.y >= 0 && box.y + box.height <= 740, name).toBe(true);
			}
			const chart = (await page.locator('.explore-chart .canvas-box').boundingBox())!;
			expect(chart.y >= 0 && chart.y + chart.height <= 740, name).toBe(true);
		}
		// On a phone the reference is picked from the menu; Clear stays beside the figures.
		await page.getByText('Scenario tools').click();
		expect(await page.locator('.menu-reference').getByRole('button', { name: 'Set as reference' }).isVisible()).toBe(true);
		await page.locator('.explore-answers').getByRole('button', { name: 'Clear reference' }).click();
		expect(await page.getByTestId('reference-name').count()).toBe(0);
		await context.close();
		expect(problems).toEqual([]);
	});

	for (const view of ['/', '/explore']) {
		it(`${view}: a ref= that cannot be read opens without a reference and says so; the rest of the link holds`, async () => {
			const { page, context, problems } = await site.open(`${view}?v=3&localisationJapanese=0.6&ref=garbage`);
			await waitForEngine(page);
			await expect.poll(() => page.getByTestId('link-notice').innerText()).toContain('The reference scenario in the link could not be read');
			expect(await page.getByTestId('reference-name').count()).toBe(0);
			expect(await page.getByRole('slider', { name: LOCALISATION }).inputValue()).toBe('0.6');
			await context.close();
			expect(problems).toEqual([]);
		});
	}
});
