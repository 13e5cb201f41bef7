// Editing the notebook in a real browser: formulas, cells, markdown safety, undo, autosave.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useSite, waitForEngine } from './support/site';
import { canvasInk } from './support/checks';
import { headlineText } from './support/text';
import { readStore } from './support/storage';

const site = useSite();
const cell = (page: Page, id: string) => page.locator(`[data-cell-id="${id}"]`);
const firstChartLabel = (page: Page) => page.locator('.chart [role="img"]').first().getAttribute('aria-label');

/** Raises an uncaught error inside the first worker whose script URL contains `script`, as a real crash would. */
async function crashWorker(page: Page, script: string, message: string): Promise<void> {
	const worker = page.workers().find((w) => w.url().includes(script));
	if (!worker) throw new Error(`No worker ${script} on the page`);
	await worker.evaluate((text) => setTimeout(() => {
		throw new Error(text);
	}), message);
}

describe('editing formulas', () => {
	it('an edited formula changes the charts and figures', async () => {
		const { page, context, problems } = await site.open('/');
		await waitForEngine(page);
		const before = await headlineText(page, 'nevShare', 2035);
		const chartBefore = await firstChartLabel(page);
		const editor = page.getByRole('textbox', { name: 'Formula nevReadiness' });
		await editor.fill('nevReadiness = 0.5 * logistic(nevSteepness * (year - nevMidYear))');
		await expect.poll(() => headlineText(page, 'nevShare', 2035)).not.toBe(before);
		expect(parseFloat(await headlineText(page, 'nevShare', 2035))).toBeLessThan(50.5);
		expect(await firstChartLabel(page)).not.toBe(chartBefore);
		expect(problems).toEqual([]);
		await context.close();
	});

	it('a broken formula shows its error while the rest keeps running on its last good version', async () => {
		const { page, context, problems } = await site.open('/');
		await waitForEngine(page);
		const editor = page.getByRole('textbox', { name: 'Formula nevReadiness' });
		await editor.fill('nevReadiness = nevCeilingNow * logistic(');
		const box = cell(page, 'f-nevReadiness');
		await expect.poll(() => box.getByRole('alert').innerText()).toContain('Syntax error');
		expect(await box.innerText()).toContain('Running on the last good version: nevReadiness = nevCeilingNow * logistic(nevSteepness * (year - nevMidYear))');
		// Other cells still compute and still respond to sliders.
		const domestic = await headlineText(page, 'domesticShare', 2030);
		expect(domestic).toMatch(/^\d+\.\d%$/);
		await page.getByRole('slider', { name: 'NEV gap Japanese brands close by 2030' }).fill('1');
		await expect.poll(() => headlineText(page, 'domesticShare', 2030)).not.toBe(domestic);
		// A forbidden function is refused by name.
		await editor.fill('nevReadiness = evaluate("1")');
		await expect.poll(() => box.getByRole('alert').innerText()).toContain('The function "evaluate" is not allowed');
		// Fixing it clears the error and the marker.
		await editor.fill('nevReadiness = nevCeilingNow * logistic(nevSteepness * (year - nevMidYear))');
		await expect.poll(() => box.getByRole('alert').count()).toBe(0);
		expect(await box.innerText()).not.toContain('Running on the last good version');
		expect(problems).toEqual([]);
		await context.close();
	});

	it('renaming a variable offers to update the cells that use it', async () => {
		const { page, context, problems } = await site.open('/');
		await waitForEngine(page);
		const before = await headlineText(page, 'domesticShare', 2030);
		await page.getByRole('textbox', { name: 'Formula techLead', exact: true }).fill('domesticTechLead = techLeadCeiling * logistic(techLeadSpeed * (year - techLeadMidYear))');
		// Version 3: the lead enters each foreign origin's NEV appeal, four cells.
		const offer = cell(page, 'f-techLead').getByRole('button', { name: 'Rename in those cells too' });
		await offer.waitFor();
		expect(await cell(page, 'f-techLead').getByRole('status').innerText()).toContain('4 cells use the old name');
		await offer.click();
		for (const [stem, pull, nevPull] of [['German', 'germanPull', 'germanNevPull'], ['Japanese', 'japanesePull', 'japaneseNevPull'], ['US', 'usPull', 'usNevPull'], ['Other', 'otherPull', 'germanNevPull']]) {
			await expect
				.poll(() => page.getByRole('textbox', { name: `Formula appeal${stem}Nev`, exact: true }).inputValue())
				.toBe(`appeal${stem}Nev = exp(${pull} + foreignEdge + (${nevPull} - domesticTechLead) * (1 - localised${stem}))`);
		}
		await expect.poll(() => page.locator('.cell-error').count()).toBe(0);
		await expect.poll(() => headlineText(page, 'domesticShare', 2030)).toBe(before);
		expect(problems).toEqual([]);
		await context.close();
	});
});

describe('cells', () => {
	it('adds, duplicates, moves and deletes cells with the keyboard', async () => {
		const { page, context, problems } = await site.open('/');
		await waitForEngine(page);
		const count = () => page.locator('[data-cell-id]').count();
		const n = await count();
		const intro = cell(page, 'md-intro');
		// Add a formula cell below the first cell, by keyboard.
		await intro.getByRole('button', { name: 'Add a cell' }).click();
		await intro.getByRole('combobox', { name: 'Kind of cell to add' }).selectOption('formula');
		await intro.getByRole('button', { name: 'Add cell' }).focus();
		await page.keyboard.press('Enter');
		await expect.poll(count).toBe(n + 1);
		const added = page.getByRole('textbox', { name: 'Formula newValue' });
		await added.fill('newValue = nevShare * 2');
		await expect.poll(() => page.locator('[aria-label="Values of newValue"]').count()).toBe(1);
		// Duplicate it: the copy gets its own name.
		const addedCell = page.locator('.cell', { has: added });
		await addedCell.getByRole('button', { name: 'Duplicate cell' }).focus();
		await page.keyboard.press('Enter');
		await expect.poll(count).toBe(n + 2);
		expect(await page.getByRole('textbox', { name: 'Formula newValueCopy' }).inputValue()).toBe('newValueCopy = nevShare * 2');
		// Move the copy up: it comes before the original.
		const copyCell = page.locator('.cell', { has: page.getByRole('textbox', { name: 'Formula newValueCopy' }) });
		await copyCell.getByRole('button', { name: 'Move cell up' }).focus();
		await page.keyboard.press('Enter');
		const order = await page.locator('[data-cell-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-cell-id')));
		expect(order.indexOf('formula-2')).toBeLessThan(order.indexOf('formula-1'));
		// Delete both.
		for (const id of ['formula-2', 'formula-1']) {
			await cell(page, id).getByRole('button', { name: 'Delete cell' }).focus();
			await page.keyboard.press('Enter');
		}
		await expect.poll(count).toBe(n);
		expect(problems).toEqual([]);
		await context.close();
	});

	it('an input cell refuses a default outside its range, with a message', async () => {
		const { page, context, problems } = await site.open('/');
		await waitForEngine(page);
		const box = cell(page, 'in-shakeout');
		await box.getByRole('button', { name: 'Edit' }).click();
		const form = box.getByRole('form', { name: /Edit input/ });
		await form.getByLabel('Default', { exact: true }).fill('0.9');
		await form.getByRole('button', { name: 'Apply' }).click();
		await expect.poll(() => form.getByRole('alert').innerText()).toContain('The default 0.9 is outside 0 to 0.4');
		await form.getByLabel('Max', { exact: true }).fill('1');
		await form.getByRole('button', { name: 'Apply' }).click();
		await expect.poll(() => form.getByRole('alert').count()).toBe(0);
		expect(await box.getByRole('spinbutton', { name: /value$/ }).inputValue()).toBe('0.90');
		expect(problems).toEqual([]);
		await context.close();
	});

	it('a chart cell can change its series and style', async () => {
		const { page, context, problems } = await site.open('/');
		await waitForEngine(page);
		const box = cell(page, 'chart-segments');
		await box.getByRole('button', { name: 'Edit' }).click();
		await box.getByRole('checkbox', { name: 'nevShare', exact: true }).check();
		await expect.poll(async () => (await box.locator('[role="img"]').getAttribute('aria-label')) ?? '').toContain('NEV share');
		await box.getByLabel('Style').selectOption('area');
		await box.getByLabel('Title').fill('Segments and NEV share');
		await box.getByLabel('Title').press('Tab');
		await expect.poll(() => box.locator('h3').innerText()).toBe('Segments and NEV share');
		expect(problems).toEqual([]);
		await context.close();
	});
});

describe('markdown safety', () => {
	it('scripts, event handlers and javascript: links in a text cell never run', async () => {
		const { page, context, problems } = await site.open('/');
		await waitForEngine(page);
		await page.evaluate(() => ((window as unknown as { pwned: number }).pwned = 0));
		const payloads = [
			'<script>window.pwned = 1; alert(1)</script>',
			'<img src=x onerror="window.pwned = 2; alert(2)">',
			'<svg onload="window.pwned = 3"><circle r=1 /></svg>',
			'[click me](javascript:window.pwned=4)',
			'<a href="javascript:window.pwned=5">also me</a>',
			'<iframe src="javascript:window.pwned=6"></iframe>',
			'<div onmouseover="window.pwned=7">hover</div>',
			'<details open ontoggle="window.pwned=8">x</details>',
			'<style>body{display:none}</style>',
			'<a href="JaVaScRiPt:window.pwned=9">case</a>',
			'<math><mi xlink:href="javascript:window.pwned=10">m</mi></math>',
			'<form action="javascript:window.pwned=11"><button>go</button></form>'
		].join('\n\n');
		const intro = cell(page, 'md-intro');
		await intro.getByRole('button', { name: 'Edit' }).click();
		await intro.getByRole('textbox', { name: /Text of cell 1/ }).fill(`# Hostile\n\n${payloads}`);
		await expect.poll(() => intro.locator('.markdown h1').innerText()).toBe('Hostile');
		const rendered = intro.locator('.markdown');
		expect(await rendered.locator('script, iframe, svg, img, style, form, math').count()).toBe(0);
		const dangerous = await rendered.evaluate((root) =>
			[...root.querySelectorAll('*')].flatMap((el) =>
				[...el.attributes].filter((a) => /^on/i.test(a.name) || /javascript:/i.test(a.value)).map((a) => `${el.tagName} ${a.name}`)
			)
		);
		expect(dangerous).toEqual([]);
		for (const link of await rendered.locator('a').all()) await link.click({ force: true, noWaitAfter: true, modifiers: [] }).catch(() => {});
		await rendered.locator('text=hover').hover().catch(() => {});
		await page.waitForTimeout(300);
		expect(await page.evaluate(() => (window as unknown as { pwned: number }).pwned)).toBe(0);
		expect(problems).toEqual([]);
		await context.close();
	});
});

describe('undo, redo and nothing lost', () => {
	it('undo and redo with buttons and keys, for edits and slider moves', async () => {
		const { page, context, problems } = await site.open('/');
		await waitForEngine(page);
		const editor = page.getByRole('textbox', { name: 'Formula nevReadiness' });
		const original = await editor.inputValue();
		await editor.fill('nevReadiness = 0.6 * logistic(nevSteepness * (year - nevMidYear))');
		await page.getByRole('button', { name: 'Undo' }).click();
		await expect.poll(() => editor.inputValue()).toBe(original);
		await page.getByRole('button', { name: 'Redo' }).click();
		await expect.poll(() => editor.inputValue()).toContain('0.6 *');
		// A slider move, undone with Ctrl+Z outside any text box, redone with Ctrl+Shift+Z.
		const slider = page.getByRole('slider', { name: 'Worth of the foreign safety reputation' });
		const unmoved = await headlineText(page, 'domesticShare', 2030);
		await slider.fill('1.2');
		await expect.poll(() => headlineText(page, 'domesticShare', 2030)).not.toBe(unmoved);
		const moved = await headlineText(page, 'domesticShare', 2030);
		await page.locator('h1').first().click();
		await page.keyboard.press('Control+z');
		await expect.poll(() => slider.inputValue()).toBe('0.4');
		await page.keyboard.press('Control+Shift+z');
		await expect.poll(() => slider.inputValue()).toBe('1.2');
		await expect.poll(() => headlineText(page, 'domesticShare', 2030)).toBe(moved);
		expect(problems).toEqual([]);
		await context.close();
	});

	it('a reload brings back edits, inputs and horizon; reset asks first and can be undone', async () => {
		const { page, context, problems } = await site.open('/');
		await waitForEngine(page);
		await page.getByRole('textbox', { name: 'Formula nevReadiness' }).fill('nevReadiness = 0.7 * logistic(nevSteepness * (year - nevMidYear))');
		await page.getByRole('slider', { name: 'Chinese models lost in a shake-out by 2030' }).fill('0.2');
		await page.getByLabel('Projection horizon').selectOption('2040');
		await page.waitForTimeout(600); // compiling waits 250 ms after typing; autosave 300 ms
		const shown = await headlineText(page, 'domesticShare', 2035);
		await page.reload();
		await waitForEngine(page);
		expect(await page.getByRole('textbox', { name: 'Formula nevReadiness' }).inputValue()).toContain('0.7 *');
		expect(await page.getByRole('slider', { name: 'Chinese models lost in a shake-out by 2030' }).inputValue()).toBe('0.2');
		expect(await page.getByLabel('Projection horizon').inputValue()).toBe('2040');
		await expect.poll(() => headlineText(page, 'domesticShare', 2035)).toBe(shown);
		// Reset asks; "Keep my edits" changes nothing.
		await page.getByRole('button', { name: 'Reset to the published notebook' }).click();
		await page.getByRole('dialog').getByRole('button', { name: 'Keep my edits' }).click();
		expect(await page.getByRole('textbox', { name: 'Formula nevReadiness' }).inputValue()).toContain('0.7 *');
		await page.getByRole('button', { name: 'Reset to the published notebook' }).click();
		await page.getByRole('dialog').getByRole('button', { name: 'Reset', exact: true }).click();
		await expect.poll(() => page.getByRole('textbox', { name: 'Formula nevReadiness' }).inputValue()).toContain('nevCeilingNow *');
		await page.getByRole('button', { name: 'Undo' }).click();
		await expect.poll(() => page.getByRole('textbox', { name: 'Formula nevReadiness' }).inputValue()).toContain('0.7 *');
		expect(problems).toEqual([]);
		await context.close();
	});

	it('a corrupt saved notebook is set aside and reported; the published notebook opens', async () => {
		const context = await site.browser.newContext();
		await context.addInitScript(() => {
			if (!sessionStorage.getItem('seeded')) {
				localStorage.setItem('shiftcast:autosave:v1', '{"savedAt":"x","notebook":{"cells":"broken"');
				sessionStorage.setItem('seeded', '1');
			}
		});
		const page = await context.newPage();
		await page.goto(site.url + '/');
		await waitForEngine(page);
		const alert = page.getByRole('alert').filter({ hasText: 'Your saved work could not be read' });
		await expect.poll(() => alert.count()).toBe(1);
		expect(await alert.innerText()).toContain('shiftcast:corrupt:');
		// Moved out of localStorage and kept, byte for byte, in the database's set-aside store.
		const aside = await readStore<{ key: string; raw: unknown }>(page, 'setAside');
		expect(aside.map((r) => r.raw)).toEqual(['{"savedAt":"x","notebook":{"cells":"broken"']);
		expect(aside[0].key.startsWith('shiftcast:corrupt:')).toBe(true);
		expect(await alert.innerText()).toContain(aside[0].key);
		expect(await page.evaluate(() => localStorage.getItem('shiftcast:autosave:v1'))).toBeNull();
		await context.close();
	});
});

describe('time cap', () => {
	it('a run over the time cap is stopped, the person is told, the notebook stays editable', async () => {
		const context = await site.browser.newContext();
		// A cap far below any real run makes every run "too slow".
		await context.addInitScript(() => localStorage.setItem('shiftcast:engineTimeLimitMs', '0.001'));
		const page = await context.newPage();
		const problems: string[] = [];
		page.on('pageerror', (e) => problems.push(e.message));
		await page.goto(site.url + '/');
		const alert = page.getByRole('alert').filter({ hasText: 'took longer than' });
		await expect.poll(() => alert.count(), { timeout: 15_000 }).toBe(1);
		expect(await alert.innerText()).toMatch(/The model run \(horizon 2035\) took longer than 0.001 ms and was stopped; the engine was restarted/);
		// Still editable.
		const n = await page.locator('[data-cell-id]').count();
		await page.getByRole('button', { name: 'Add cell at the end' }).click();
		await expect.poll(() => page.locator('[data-cell-id]').count()).toBe(n + 1);
		expect(problems).toEqual([]);
		await context.close();
	});
});

describe('resilience', () => {
	it('a chart worker that fails is replaced, every chart is drawn again, and the person is told', async () => {
		const { page, context } = await site.open('/');
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		await waitForEngine(page);
		// Every chart cell mounted (some wait for their first bands) before the failure.
		await expect.poll(() => page.getByTestId('mc-status').innerText(), { timeout: 20_000 }).toContain('samples in');
		await expect.poll(async () => (await canvasInk(page, '.chart canvas'))[0]?.inked ?? 0).toBeGreaterThan(500);
		const charts = await page.locator('.chart canvas').count();
		await crashWorker(page, 'chart.worker', 'simulated chart crash');
		const alert = page.getByRole('alert').filter({ hasText: 'chart drawing stopped unexpectedly' });
		await expect.poll(() => alert.count()).toBe(1);
		expect(await alert.innerText()).toContain('simulated chart crash');
		// Fresh canvases, every one drawn by the new worker (a chart cell whose analysis finishes
		// late may have joined meanwhile); and they still follow the sliders.
		await expect.poll(async () => (await canvasInk(page, '.chart canvas')).every((c) => c.inked > 500)).toBe(true);
		expect(await page.locator('.chart canvas').count()).toBeGreaterThanOrEqual(charts);
		const label = await page.locator('.chart [role="img"]').first().getAttribute('aria-label');
		await page.getByRole('slider', { name: 'NEV gap Japanese brands close by 2030' }).fill('0.9');
		await expect.poll(() => page.locator('.chart [role="img"]').first().getAttribute('aria-label')).not.toBe(label);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('a worker that dies is restarted, the last run is repeated, and the person is told', async () => {
		const { page, context } = await site.open('/');
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		await waitForEngine(page);
		const before = await headlineText(page, 'domesticShare', 2030);
		// The slider-facing engine worker (the first of the two; the chart worker runs beside them).
		await crashWorker(page, 'engine.worker', 'simulated crash');
		const alert = page.getByRole('alert').filter({ hasText: 'stopped unexpectedly' });
		await expect.poll(() => alert.count()).toBe(1);
		expect(await alert.innerText()).toContain('simulated crash');
		expect(await headlineText(page, 'domesticShare', 2030)).toBe(before);
		// The fresh worker computes.
		await page.getByRole('slider', { name: 'NEV gap Japanese brands close by 2030' }).fill('0.9');
		await expect.poll(() => headlineText(page, 'domesticShare', 2030)).not.toBe(before);
		expect(errors).toEqual([]);
		await context.close();
	});
});
