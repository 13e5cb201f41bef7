// Links, saved scenarios and comparison in a real browser.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { settledUrl, useSite, waitForEngine } from './support/site';
import { headlineText } from './support/text';
import { readStore } from './support/storage';

const site = useSite();

/** Opens the library box and waits for its panel (its code loads when first opened). */
async function openLibrary(page: Page): Promise<void> {
	await page.getByText('Saved scenarios and presets').click();
	await page.getByRole('region', { name: 'Saved scenarios' }).waitFor();
}


describe('scenario links', () => {
	it('the address holds changed inputs; opening it in a fresh browser gives the same figures', async () => {
		const { page, context, problems } = await site.open('/');
		await waitForEngine(page);
		await page.getByRole('slider', { name: 'NEV gap Japanese brands close by 2030' }).fill('0.65');
		await page.getByRole('slider', { name: 'Electrification pace from 2026' }).fill('1.4');
		await page.getByLabel('Projection horizon').selectOption('2040');
		const url = await settledUrl(page);
		expect(new URL(url).search).toBe('?v=3&horizon=2040&localisationJapanese=0.65&electrificationPace=1.4');
		const figures = [await headlineText(page, 'domesticShare', 2030), await headlineText(page, 'nevShare', 2035)];
		// Copy link puts the same address on the clipboard (or shows it).
		await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
		await page.getByRole('button', { name: 'Copy link' }).click();
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
		await context.close();

		const fresh = await site.browser.newContext();
		const other = await fresh.newPage();
		await other.goto(url);
		await waitForEngine(other);
		expect([await headlineText(other, 'domesticShare', 2030), await headlineText(other, 'nevShare', 2035)]).toEqual(figures);
		expect(await other.getByRole('slider', { name: 'NEV gap Japanese brands close by 2030' }).inputValue()).toBe('0.65');
		expect(await other.getByLabel('Projection horizon').inputValue()).toBe('2040');
		expect(await other.getByTestId('link-notice').count()).toBe(0);
		await fresh.close();
		expect(problems).toEqual([]);
	});

	it('an edited notebook travels in the link and reopens with the same cells and results', async () => {
		const { page, context, problems } = await site.open('/');
		await waitForEngine(page);
		await page.getByRole('textbox', { name: 'Formula nevReadiness' }).fill('nevReadiness = 0.8 * logistic(nevSteepness * (year - nevMidYear))');
		await page.getByRole('slider', { name: 'Chinese models lost in a shake-out by 2030' }).fill('0.15');
		await page.waitForTimeout(400);
		const url = await settledUrl(page);
		expect(url).toContain('nb=');
		expect(url).toContain('shakeout=0.15');
		const figures = [await headlineText(page, 'domesticShare', 2030), await headlineText(page, 'nevShare', 2035)];
		await context.close();
		const fresh = await site.browser.newContext();
		const other = await fresh.newPage();
		await other.goto(url);
		await waitForEngine(other);
		expect(await other.getByRole('textbox', { name: 'Formula nevReadiness' }).inputValue()).toBe('nevReadiness = 0.8 * logistic(nevSteepness * (year - nevMidYear))');
		await expect.poll(async () => [await headlineText(other, 'domesticShare', 2030), await headlineText(other, 'nevShare', 2035)]).toEqual(figures);
		await fresh.close();
		expect(problems).toEqual([]);
	});

	it('a link with problems opens with one notice listing them', async () => {
		const { page, context, problems } = await site.open('/?v=3&localisationJapanese=7&bogus=1&shakeout=abc&horizon=2100');
		await waitForEngine(page);
		const notice = page.getByTestId('link-notice');
		const text = await notice.innerText();
		expect(await notice.getAttribute('role')).toBe('alert');
		expect(text).toContain('"localisationJapanese" was 7; set to 1');
		expect(text).toContain('Ignored "bogus"');
		expect(text).toContain('Ignored "shakeout": "abc" is not a number');
		expect(text).toMatch(/"horizon" 2100 is outside 2030 to 2050; set to 2050/);
		expect(await page.getByRole('slider', { name: 'NEV gap Japanese brands close by 2030' }).inputValue()).toBe('1');
		expect(problems).toEqual([]);
		await context.close();
	});
});

describe('saved scenarios', () => {
	it('saves, lists with figures, renames, duplicates, deletes with undo, and survives a reload', async () => {
		const { page, context, problems } = await site.open('/');
		await waitForEngine(page);
		await openLibrary(page);
		const library = page.getByRole('region', { name: 'Saved scenarios' });
		// Presets are there, with figures.
		for (const name of ['Baseline', 'Foreign localisation push', 'Japan localises, Germany does not', 'Safety weighs more after the 2026 rules', 'Domestic shake-out']) {
			expect(await library.locator('.scenario-name', { hasText: name }).count()).toBeGreaterThan(0);
		}
		await expect.poll(() => library.locator('[data-scenario-id="preset-baseline"] dd').first().innerText()).toMatch(/\d+\.\d%/);
		await page.getByRole('slider', { name: 'Worth of the foreign safety reputation' }).fill('1');
		await library.getByLabel('Name').fill('Safety matters');
		await library.getByRole('button', { name: 'Save scenario' }).click();
		await expect.poll(() => library.getByRole('status').innerText()).toContain('Saved “Safety matters”');
		const saved = library.locator('.scenario', { hasText: 'Safety matters' });
		await saved.getByRole('button', { name: 'Rename' }).click();
		await saved.getByRole('textbox', { name: 'New name for Safety matters' }).fill('Safety matters a lot');
		await saved.getByRole('button', { name: 'Save name' }).click();
		await expect.poll(() => library.locator('.scenario-name', { hasText: 'Safety matters a lot' }).count()).toBe(1);
		await library.locator('.scenario', { hasText: 'Safety matters a lot' }).getByRole('button', { name: 'Duplicate' }).click();
		await expect.poll(() => library.locator('.scenario-name', { hasText: 'Safety matters a lot (copy)' }).count()).toBe(1);
		await library.locator('.scenario', { hasText: 'Safety matters a lot (copy)' }).getByRole('button', { name: 'Delete' }).click();
		await expect.poll(() => library.locator('.scenario-name', { hasText: '(copy)' }).count()).toBe(0);
		await library.getByRole('button', { name: 'Undo delete' }).click();
		await expect.poll(() => library.locator('.scenario-name', { hasText: '(copy)' }).count()).toBe(1);
		// Reload: still there. Opening it restores its inputs.
		await page.reload();
		await waitForEngine(page);
		await openLibrary(page);
		await page.getByRole('slider', { name: 'Worth of the foreign safety reputation' }).fill('0.2');
		await library.locator('.scenario', { hasText: 'Safety matters a lot' }).first().getByRole('button', { name: 'Open' }).click();
		await expect.poll(() => page.getByRole('slider', { name: 'Worth of the foreign safety reputation' }).inputValue()).toBe('1');
		expect(problems).toEqual([]);
		await context.close();
	});

	it('a corrupt stored entry is set aside and reported; the rest stay usable', async () => {
		const context = await site.browser.newContext();
		await context.addInitScript(() => {
			if (sessionStorage.getItem('seeded')) return;
			sessionStorage.setItem('seeded', '1');
			localStorage.setItem('shiftcast:library:v1', JSON.stringify([{ id: 'x1', name: 'Broken one', description: '', savedAt: 'now', document: { notebook: 5 } }]));
		});
		const page = await context.newPage();
		await page.goto(site.url + '/');
		await waitForEngine(page);
		await openLibrary(page);
		const library = page.getByRole('region', { name: 'Saved scenarios' });
		await expect.poll(() => library.getByRole('alert').first().innerText()).toContain('Saved scenario “Broken one” could not be read');
		await library.getByLabel('Name').fill('Still works');
		await library.getByRole('button', { name: 'Save scenario' }).click();
		await expect.poll(() => library.locator('.scenario-name', { hasText: 'Still works' }).count()).toBe(1);
		// Moved out of localStorage and kept as it was in the database's set-aside store.
		const aside = await readStore<{ key: string; raw: { name: string }[] }>(page, 'setAside');
		expect(aside.map((r) => [r.key.startsWith('shiftcast:corrupt:library:'), r.raw.map((e) => e.name)])).toEqual([[true, ['Broken one']]]);
		expect(await page.evaluate(() => localStorage.getItem('shiftcast:library:v1'))).toBeNull();
		await context.close();
	});
});

describe('comparison', () => {
	it('compares three scenarios side by side, with differences and a waterfall that adds up', async () => {
		const { page, context, problems } = await site.open('/compare');
		await page.waitForSelector('[data-ready="true"] [data-testid="column-1"]');
		await page.getByLabel('Saved scenario', { exact: true }).selectOption('preset-domestic-shakeout');
		await page.getByRole('button', { name: 'Add to comparison' }).click();
		await page.waitForSelector('[data-testid="column-2"]');
		expect(await page.locator('.compare-column h2').allInnerTexts()).toEqual(['Baseline', 'Foreign localisation push', 'Domestic shake-out']);
		// Difference table in pp, then in percent.
		const cellText = () => page.getByTestId('diff-domesticShare-2030-2').innerText();
		expect(await cellText()).toMatch(/\d+\.\d% \(−\d+\.\d pp\)/);
		await page.getByLabel('percent', { exact: true }).check();
		await expect.poll(cellText).toMatch(/\(−\d+\.\d%\)/);
		// The waterfall's total is B - A, and its bars add up to it.
		const rows = await page.locator('.attribution-table tbody tr').allInnerTexts();
		expect(rows.at(-1)).toMatch(/Total difference\s+−\d+\.\d pp/);
		const parts = rows.slice(0, -1).map((r) => parseFloat(r.split('\t').at(-1)!.replace('−', '-')));
		const total = parseFloat(rows.at(-1)!.split('\t').at(-1)!.replace('−', '-'));
		expect(Math.abs(parts.reduce((a, b) => a + b, 0) - total)).toBeLessThanOrEqual(0.1 * parts.length);
		// The comparison is a link of its own.
		const url = await settledUrl(page);
		expect(url).toContain('unit=pct');
		const fresh = await site.browser.newContext();
		const other = await fresh.newPage();
		await other.goto(url);
		await other.waitForSelector('[data-testid="column-2"]');
		expect(await other.locator('.compare-column h2').allInnerTexts()).toEqual(['Baseline', 'Foreign localisation push', 'Domestic shake-out']);
		expect(await other.getByTestId('diff-domesticShare-2030-2').innerText()).toBe(await cellText());
		await fresh.close();
		expect(problems).toEqual([]);
		await context.close();
	});

	it('adds a scenario from a pasted link', async () => {
		const { page, context, problems } = await site.open('/compare');
		await page.waitForSelector('[data-ready="true"] [data-testid="column-1"]');
		await page.getByLabel('Scenario link').fill(`${site.url}/?v=3&safetyValue=1.2&bogus=2`);
		await page.getByLabel('Name', { exact: true }).fill('Pasted safety');
		await page.getByRole('button', { name: 'Add link' }).click();
		const column = page.getByTestId('column-2');
		await column.waitFor();
		expect(await column.locator('h2').innerText()).toBe('Pasted safety');
		expect(await column.getByRole('status').innerText()).toContain('Ignored "bogus"');
		expect(problems).toEqual([]);
		await context.close();
	});
});
