// Data cells in a real browser: paste a table with a bad row (named, the good rows kept), the
// series on a chart and in a formula, carried by a link and a saved scenario, downloaded and
// imported back as a file.
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { settledUrl, useSite, waitForEngine } from './support/site';

const site = useSite();
const cell = (page: Page, id: string) => page.locator(`[data-cell-id="${id}"]`);

const TABLE = [
	'series,period,value,unit,basis,source,note',
	'my_nev,2024,45%,share,CPCA retail,My survey 2024,',
	'my_nev,2025,abc,share,,,',
	'my_nev,2025,0.52,share,CPCA retail,My survey 2025,"=cmd|\' /C calc\'!A0"',
	'my_nev,2025-01..2025-04,0.41,share,,CPCA monthly,'
].join('\n');

/** Adds a cell of `kind` after the intro and returns its box (ids are "<kind>-1", "<kind>-2", ...). */
async function addCell(page: Page, kind: string, id: string) {
	const intro = cell(page, 'md-intro');
	await intro.getByRole('button', { name: 'Add a cell' }).click();
	await intro.getByRole('combobox', { name: 'Kind of cell to add' }).selectOption(kind);
	await intro.getByRole('button', { name: 'Add cell' }).click();
	const box = cell(page, id);
	await box.waitFor();
	return box;
}

async function pasteData(page: Page, id: string, text: string) {
	const box = cell(page, id);
	await box.getByRole('button', { name: 'Edit' }).click();
	await box.getByRole('textbox', { name: /^Data/ }).fill(text);
	await box.getByRole('button', { name: 'Apply' }).click();
	return box;
}

describe('data cells', () => {
	it('a pasted table: the bad row is named, the good rows feed a formula and a chart, a link reopens it', async () => {
		const { page, context, problems } = await site.open('/');
		await waitForEngine(page);
		const data = await addCell(page, 'data', 'data-1');
		await pasteData(page, 'data-1', TABLE);
		const report = data.getByRole('status');
		await expect.poll(() => report.innerText()).toContain('row 3: “abc” is not a number');
		expect(await report.innerText()).toContain('Kept 3 rows of 1 series; 1 problem');
		await expect.poll(() => data.innerText()).toContain('3 rows, 1 series brought by you');

		// A formula reads it.
		await addCell(page, 'formula', 'formula-1');
		await page.getByRole('textbox', { name: 'Formula newValue' }).fill('newValue = hasData("my_nev") ? data("my_nev") : -1');
		await expect.poll(() => page.locator('[aria-label="Values of newValue"]').innerText()).toMatch(/0\.45/);

		// A chart draws it beside NEV share: full years and the Jan-Apr span, each with its period.
		const chart = cell(page, 'chart-shares');
		await chart.getByRole('button', { name: 'Edit' }).click();
		if (!(await chart.getByRole('checkbox', { name: 'Show observed points' }).isChecked())) await chart.getByRole('checkbox', { name: 'Show observed points' }).check();
		await chart.getByRole('combobox', { name: 'nevShare' }).selectOption('my_nev');
		const legend = chart.getByRole('list', { name: /^Series of/ });
		await chart.getByText(/^Data table for/).click();
		await expect.poll(() => chart.locator('.chart-data').innerText()).toContain('Jan-Apr 2025 41.0%');
		expect(await chart.locator('.chart-data').innerText()).toContain('45.0%');
		// Version 3's NEV share has a monthly series of its own (CPCA, December 2025); choosing my_nev
		// replaced it, so once the table shows my_nev's span, the month entry in the legend is my_nev's.
		await expect.poll(() => legend.innerText()).toMatch(/NEV share[^\n]*, observed, month or part year/);

		// The link carries the data: a fresh browser opens it with the rows.
		const url = await settledUrl(page);
		expect(url).toContain('nb=');
		const other = await site.browser.newContext({ viewport: { width: 1200, height: 900 } });
		const second = await other.newPage();
		await second.goto(url);
		await waitForEngine(second);
		await expect.poll(() => cell(second, 'data-1').innerText()).toContain('3 rows, 1 series brought by you');
		await expect.poll(() => second.locator('[aria-label="Values of newValue"]').innerText()).toMatch(/0\.45/);
		await other.close();
		expect(problems).toEqual([]);
		await context.close();
	});

	it('a saved scenario keeps its data cell; the data downloads as CSV (formulas defused) and imports back from the file', async () => {
		const { page, context, problems } = await site.open('/');
		await waitForEngine(page);
		await addCell(page, 'data', 'data-1');
		await pasteData(page, 'data-1', TABLE);
		await expect.poll(() => cell(page, 'data-1').innerText()).toContain('3 rows');

		// Download: the formula-like note is defused for spreadsheets.
		const [download] = await Promise.all([page.waitForEvent('download'), cell(page, 'data-1').getByRole('button', { name: 'Download the data (CSV)' }).click()]);
		const csv = await readFile((await download.path())!, 'utf8');
		expect(csv.split('\r\n')[0]).toBe('series,period,value,unit,basis,source,note');
		expect(csv).toContain(`'=cmd|' /C calc'!A0`);
		expect(csv).toContain('my_nev,2025-01..2025-04,0.41,share');

		// Saved, then the cell deleted: opening the saved scenario brings it back.
		await page.getByText('Saved scenarios and presets').click();
		const library = page.getByRole('region', { name: 'Saved scenarios' });
		await library.getByLabel('Name').fill('With my data');
		await library.getByRole('button', { name: 'Save scenario' }).click();
		await expect.poll(() => library.getByRole('status').innerText()).toContain('Saved “With my data”');
		await cell(page, 'data-1').getByRole('button', { name: 'Delete cell' }).click();
		await expect.poll(() => cell(page, 'data-1').count()).toBe(0);
		await library.locator('.scenario', { hasText: 'With my data' }).first().getByRole('button', { name: 'Open' }).click();
		await expect.poll(() => cell(page, 'data-1').innerText()).toContain('3 rows, 1 series brought by you');

		// Import the downloaded file into a new data cell of a fresh notebook.
		const fresh = await site.open('/');
		await waitForEngine(fresh.page);
		const box = await addCell(fresh.page, 'data', 'data-1');
		await box.getByRole('button', { name: 'Edit' }).click();
		await box.locator('input[type="file"]').setInputFiles({ name: 'mine.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
		await expect.poll(() => box.getByRole('status').innerText()).toContain('Kept 3 rows of 1 series.');
		await expect.poll(() => box.innerText()).toContain('3 rows, 1 series brought by you');
		// The Method page lists it as brought by you (the app state moves with the tab).
		await fresh.page.getByRole('link', { name: 'Method page' }).click();
		await expect.poll(() => fresh.page.locator('#brought').evaluate((h) => h.parentElement!.innerText)).toContain('my_nev, brought by you in the data cell');
		const [all] = await Promise.all([fresh.page.waitForEvent('download'), fresh.page.getByRole('button', { name: 'Download every data point (CSV)' }).click()]);
		const everything = await readFile((await all.path())!, 'utf8');
		expect(everything).toContain('domestic_share_caam,2025,0.695,share,"CAAM, wholesale, passenger cars"');
		expect(everything).toContain('my_nev,2025-01..2025-04,0.41,share,,CPCA monthly');
		expect(fresh.problems).toEqual([]);
		await fresh.context.close();
		expect(problems).toEqual([]);
		await context.close();
	});

	it('a seeded id is refused with a message; applied rows are one undo step', async () => {
		const { page, context, problems } = await site.open('/');
		await waitForEngine(page);
		const data = await addCell(page, 'data', 'data-1');
		await pasteData(page, 'data-1', 'series,period,value,unit\nnev_share_all_vehicles_caam,2025,0.01,share\n');
		await expect.poll(() => data.getByRole('status').innerText()).toContain('“nev_share_all_vehicles_caam” is a seeded series');
		expect(await data.innerText()).toContain('No rows yet');
		// Good rows are one undo step: Undo takes them away again, and the notebook keeps running.
		await data.getByRole('textbox', { name: /^Data/ }).fill('series,period,value,unit\nmy_nev,2024,0.45,share\n');
		await data.getByRole('button', { name: 'Apply' }).click();
		await expect.poll(() => data.innerText()).toContain('1 row, 1 series brought by you');
		// A table with nothing usable leaves the rows the cell has.
		await data.getByRole('textbox', { name: /^Data/ }).fill('series,period,value,unit\nmy_nev,2024,abc,share\n');
		await data.getByRole('button', { name: 'Apply' }).click();
		await expect.poll(() => data.getByRole('alert').first().innerText()).toBe('No row could be used, so the cell keeps its 1 row. Nothing was changed.');
		expect(await data.getByRole('status').innerText()).toContain('row 2: “abc” is not a number');
		expect(await data.innerText()).toContain('1 row, 1 series brought by you');
		await page.getByRole('button', { name: 'Undo', exact: true }).first().click();
		await expect.poll(() => data.innerText()).toContain('No rows yet');
		await waitForEngine(page);
		// A real paste (Ctrl+V) is read at once, and what is read is the pasted table, not the box's text before it.
		await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
		await page.evaluate(() => navigator.clipboard.writeText('series\tperiod\tvalue\tunit\nmy_pasted\t2024\t0.3\tshare\nmy_pasted\t2025\t0.35\tshare\n'));
		const box = data.getByRole('textbox', { name: /^Data/ });
		await box.fill('');
		await box.focus();
		await page.keyboard.press('Control+V');
		await expect.poll(() => data.innerText()).toContain('2 rows, 1 series brought by you');
		expect(await data.getByRole('status').innerText()).toContain('Kept 2 rows of 1 series.');
		expect(problems).toEqual([]);
		await context.close();
	});

	it('5,000 rows too large for a link: the cell says where the data travels, and a saved scenario keeps it all', async () => {
		const { page, context, problems } = await site.open('/');
		await waitForEngine(page);
		await addCell(page, 'data', 'data-1');
		const rows = Array.from({ length: 5001 }, (_, i) => `s_${i % 50},${2000 + Math.floor(i / 50)},${i},number,,Survey wave ${i},note ${(i * 7919) % 100003} of a long series`);
		const box = cell(page, 'data-1');
		await box.getByRole('button', { name: 'Edit' }).click();
		const file = Buffer.from(`series,period,value,unit,basis,source,note\n${rows.join('\n')}\n`);
		await box.locator('input[type="file"]').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: file });
		await expect.poll(() => box.getByRole('status').innerText(), { timeout: 20_000 }).toContain('Only the first 5,000 rows are kept');
		await expect.poll(() => box.innerText(), { timeout: 20_000 }).toContain('5,000 rows, 50 series brought by you');
		await expect.poll(() => box.innerText(), { timeout: 20_000 }).toContain('Too large for a link: this data travels in saved scenarios and exported files.');
		expect(await page.getByRole('alert').filter({ hasText: 'The address no longer follows your edits' }).count()).toBe(1);
		await page.getByText('Saved scenarios and presets').click();
		const library = page.getByRole('region', { name: 'Saved scenarios' });
		await library.getByLabel('Name').fill('Big data');
		await library.getByRole('button', { name: 'Save scenario' }).click();
		await expect.poll(() => library.getByRole('status').innerText()).toContain('Saved “Big data”');
		await box.getByRole('button', { name: 'Delete cell' }).click();
		await library.locator('.scenario', { hasText: 'Big data' }).first().getByRole('button', { name: 'Open' }).click();
		await expect.poll(() => cell(page, 'data-1').innerText(), { timeout: 20_000 }).toContain('5,000 rows, 50 series brought by you');
		expect(problems).toEqual([]);
		await context.close();
	});
});
