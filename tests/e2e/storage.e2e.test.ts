// Storage in the browser's database and several tabs: what an earlier version left in
// localStorage is moved into IndexedDB once; each tab keeps its own working copy, and a closed
// tab's work is offered in a new tab; two tabs saving the same scenario are asked, never
// silently overwritten.
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useSite, waitForEngine } from './support/site';
import { recordProblems } from './support/checks';
import { seriousViolations } from './support/axe';
import { localStorageKeys, readStore } from './support/storage';
import { chinaMarketNotebook } from '../../src/lib/notebooks/chinaMarket';

const site = useSite();

const LOCALISATION = 'NEV gap Japanese brands close by 2030';
const PACE = 'Electrification pace from 2026';
const SHAKEOUT = 'Chinese models lost in a shake-out by 2030';
const GROWTH = 'Growth of cars sold in China after 2025';

async function newTab(context: BrowserContext, path = '/'): Promise<{ page: Page; problems: string[] }> {
	const page = await context.newPage();
	const problems = recordProblems(page);
	await page.goto(site.url + path);
	await waitForEngine(page);
	return { page, problems };
}

async function openLibrary(page: Page) {
	await page.getByText('Saved scenarios and presets').click();
	const library = page.getByRole('region', { name: 'Saved scenarios' });
	await library.waitFor();
	return library;
}

/** Waits until some tab's working copy in the database has `name` at `value`. */
async function savedInput(page: Page, name: string, value: number) {
	await expect
		.poll(async () => (await readStore<{ document: { inputs: Record<string, number> } }>(page, 'workingCopies')).some((c) => c.document.inputs[name] === value), { timeout: 10_000 })
		.toBe(true);
}

describe('moving an earlier version’s localStorage into IndexedDB', () => {
	it('a v1 autosave and a library of two are moved once: the edit restored, both scenarios listed, localStorage emptied, no duplicates after a reload', async () => {
		const context = await site.browser.newContext({ viewport: { width: 1200, height: 900 } });
		const document = (inputs: Record<string, number>) => ({ notebook: chinaMarketNotebook, inputs, horizon: 2035 });
		const autosave = JSON.stringify({ savedAt: '2026-01-05T09:41:00.000Z', ...document({ localisationJapanese: 0.65 }) });
		const library = JSON.stringify([
			{ id: 's-old-1', name: 'Old plan one', description: 'from before', savedAt: '2026-01-04T10:00:00.000Z', document: document({ shakeout: 0.2 }) },
			{ id: 's-old-2', name: 'Old plan two', description: '', savedAt: '2026-01-04T11:00:00.000Z', document: document({ marketGrowth: 0.02 }) }
		]);
		await context.addInitScript(
			({ autosave, library }) => {
				if (sessionStorage.getItem('seeded')) return;
				sessionStorage.setItem('seeded', '1');
				localStorage.setItem('shiftcast:autosave:v1', autosave);
				localStorage.setItem('shiftcast:library:v1', library);
			},
			{ autosave, library }
		);
		const { page, problems } = await newTab(context);
		await expect.poll(() => page.getByRole('slider', { name: LOCALISATION }).inputValue()).toBe('0.65');
		expect(await page.getByRole('status').filter({ hasText: 'Your edits from last time were restored.' }).count()).toBe(1);
		const panel = await openLibrary(page);
		await expect.poll(() => panel.locator('.scenario-name').allInnerTexts()).toEqual(expect.arrayContaining(['Old plan one', 'Old plan two']));
		expect(await localStorageKeys(page, 'shiftcast:autosave')).toEqual([]);
		expect(await localStorageKeys(page, 'shiftcast:library')).toEqual([]);
		expect((await readStore<{ name: string }>(page, 'scenarios')).map((s) => s.name).sort()).toEqual(['Old plan one', 'Old plan two']);
		// The autosave became this tab's working copy (nothing else was written as one).
		const copies = await readStore<{ document: { inputs: Record<string, number> } }>(page, 'workingCopies');
		expect(copies.map((c) => c.document.inputs)).toEqual([{ localisationJapanese: 0.65 }]);

		await page.reload();
		await waitForEngine(page);
		expect(await page.getByRole('slider', { name: LOCALISATION }).inputValue()).toBe('0.65');
		const again = await openLibrary(page);
		await expect.poll(() => again.locator('.scenario-name', { hasText: 'Old plan' }).count()).toBe(2);
		expect(await readStore(page, 'scenarios')).toHaveLength(2);
		expect(await readStore(page, 'workingCopies')).toHaveLength(1);
		expect(problems).toEqual([]);
		await context.close();
	});
});

describe('several tabs', () => {
	it('each tab keeps its own work; a closed tab’s work is offered in a new tab and opens there', async () => {
		const context = await site.browser.newContext({ viewport: { width: 1200, height: 900 } });
		const a = await newTab(context);
		await a.page.getByRole('slider', { name: LOCALISATION }).fill('0.65');
		await savedInput(a.page, 'localisationJapanese', 0.65);
		const b = await newTab(context);
		// A is open: B starts from the published notebook and offers nothing of A's.
		expect(await b.page.getByRole('slider', { name: LOCALISATION }).inputValue()).toBe('0.4');
		expect(await b.page.getByRole('region', { name: 'Recover work' }).count()).toBe(0);
		await b.page.getByRole('slider', { name: PACE }).fill('1.4');
		await savedInput(b.page, 'electrificationPace', 1.4);
		await b.page.close();

		await a.page.reload();
		await waitForEngine(a.page);
		expect(await a.page.getByRole('slider', { name: LOCALISATION }).inputValue()).toBe('0.65');
		expect(await a.page.getByRole('slider', { name: PACE }).inputValue()).toBe('1');

		const c = await newTab(context);
		const recover = c.page.getByRole('region', { name: 'Recover work' });
		await recover.waitFor();
		// Only B's work: A is alive.
		const entries = recover.getByRole('listitem');
		expect(await entries.count()).toBe(1);
		expect(await entries.first().innerText()).toMatch(/Work from another tab, \d\d:\d\d \(Electrification pace from 2026 1\.4\)/);
		expect(await c.page.getByRole('slider', { name: PACE }).inputValue()).toBe('1');
		expect(await seriousViolations(c.page, '[aria-label="Recover work"]')).toEqual([]);
		// By keyboard: the entry's Open button, focused, is pressed with Enter (it is described by the entry's label).
		const openButton = entries.first().getByRole('button', { name: 'Open' });
		expect(await openButton.getAttribute('aria-describedby')).toBeTruthy();
		await openButton.focus();
		await c.page.keyboard.press('Enter');
		await expect.poll(() => c.page.getByRole('slider', { name: PACE }).inputValue()).toBe('1.4');
		await expect.poll(() => recover.getByRole('status').innerText()).toContain('Opened the work from another tab');
		// Taken over by C: no longer offered anywhere, and A still has its own.
		await expect.poll(() => recover.getByRole('listitem').count()).toBe(0);
		expect(await a.page.getByRole('slider', { name: LOCALISATION }).inputValue()).toBe('0.65');
		expect([...a.problems, ...c.problems]).toEqual([]);
		await context.close();
	});

	it('a tab closed within the autosave’s 300 ms still leaves its work (written synchronously as it went away)', async () => {
		const context = await site.browser.newContext({ viewport: { width: 1200, height: 900 } });
		const a = await newTab(context);
		const b = await newTab(context);
		await b.page.getByRole('slider', { name: SHAKEOUT }).fill('0.2');
		await b.page.close();
		const c = await newTab(context);
		const recover = c.page.getByRole('region', { name: 'Recover work' });
		await recover.waitFor();
		expect(await recover.getByRole('listitem').allInnerTexts()).toEqual([expect.stringMatching(/Work from another tab, \d\d:\d\d \(Chinese models lost in a shake-out by 2030 0\.2\)/)]);
		// Moved into the database; nothing left in localStorage.
		expect(await localStorageKeys(c.page, 'shiftcast:unsaved:')).toEqual([]);
		expect([...a.problems, ...c.problems]).toEqual([]);
		await context.close();
	});

	it('two tabs saving changes to one saved scenario: the second is asked, and “Keep both” keeps both', async () => {
		const context = await site.browser.newContext({ viewport: { width: 1200, height: 900 } });
		const a = await newTab(context);
		const libraryA = await openLibrary(a.page);
		await a.page.getByRole('slider', { name: LOCALISATION }).fill('0.5');
		await libraryA.getByLabel('Name').fill('Shared plan');
		await libraryA.getByRole('button', { name: 'Save scenario' }).click();
		await expect.poll(() => libraryA.getByRole('status').innerText()).toContain('Saved “Shared plan”');

		const b = await newTab(context);
		const libraryB = await openLibrary(b.page);
		await libraryB.locator('.scenario', { hasText: 'Shared plan' }).getByRole('button', { name: 'Open' }).click();
		await expect.poll(() => b.page.getByRole('slider', { name: LOCALISATION }).inputValue()).toBe('0.5');

		await a.page.getByRole('slider', { name: SHAKEOUT }).fill('0.2');
		await libraryA.getByRole('button', { name: 'Save changes to “Shared plan”' }).click();
		await expect.poll(() => libraryA.getByRole('status').innerText()).toContain('Saved the changes to “Shared plan”');

		// (Version 3's default growth is 0; this tab moves it off its default, as 0 did in version 2.)
		await b.page.getByRole('slider', { name: GROWTH }).fill('0.02');
		await libraryB.getByRole('button', { name: 'Save changes to “Shared plan”' }).click();
		const dialog = b.page.getByRole('dialog', { name: '“Shared plan” was changed in another tab' });
		await dialog.waitFor();
		expect(await dialog.innerText()).toMatch(/Another tab saved “Shared plan” at \d\d:\d\d, after this tab opened it/);
		expect(await seriousViolations(b.page, 'dialog[open]')).toEqual([]);
		await dialog.getByRole('button', { name: 'Keep both' }).click();
		await expect.poll(() => libraryB.locator('.scenario-name').allInnerTexts()).toEqual(expect.arrayContaining(['Shared plan', 'Shared plan (this tab)']));
		// Both versions are stored, each as its tab left it; A's list followed.
		const stored = await readStore<{ name: string; document: { inputs: Record<string, number> } }>(b.page, 'scenarios');
		expect(stored.map((s) => [s.name, s.document.inputs])).toEqual([
			['Shared plan', { localisationJapanese: 0.5, shakeout: 0.2 }],
			['Shared plan (this tab)', { localisationJapanese: 0.5, marketGrowth: 0.02 }]
		]);
		await expect.poll(() => libraryA.locator('.scenario-name', { hasText: 'Shared plan (this tab)' }).count()).toBe(1);
		// B now works on its own copy: its next save changes that one without a question.
		await libraryB.getByRole('button', { name: 'Save changes to “Shared plan (this tab)”' }).click();
		await expect.poll(() => libraryB.getByRole('status').innerText()).toContain('Saved the changes to “Shared plan (this tab)”');
		// A reloaded after its own save: its next save is not taken for another tab's (the copy kept the new revision).
		await a.page.waitForTimeout(500);
		await a.page.reload();
		await waitForEngine(a.page);
		const libraryA2 = await openLibrary(a.page);
		await a.page.getByRole('slider', { name: GROWTH }).fill('0.01');
		await libraryA2.getByRole('button', { name: 'Save changes to “Shared plan”' }).click();
		await expect.poll(() => libraryA2.getByRole('status').innerText()).toContain('Saved the changes to “Shared plan”');
		expect(await a.page.getByRole('dialog').count()).toBe(0);
		expect([...a.problems, ...b.problems]).toEqual([]);
		await context.close();
	});
});
