// Chart notes, SVG export and print, in a real browser: notes added in the chart cell's editor
// are drawn (the canvas changes, and returns to what it was when the note is deleted), read in the
// chart's text alternative, refused with a message when wrong, carried by the link to explore; the
// SVG download parses as SVG with its title, source and link; print hides the buttons and writes
// the scenario's address out.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useSite, waitForEngine } from './support/site';
import { seriousViolations } from './support/axe';
import { encodeScenario } from '../../src/lib/scenario/encode';
import { encodeTalk } from '../../src/lib/talk/link';
import { chinaMarketNotebook } from '../../src/lib/notebooks/chinaMarket';
import type { ChartCell } from '../../src/lib/sim/types';

const site = useSite();
const CHART = 'chart-shares';
const chartCell = (page: Page) => page.locator(`[data-cell-id="${CHART}"]`);
const summaryOf = (page: Page, scope = `[data-cell-id="${CHART}"]`) => page.locator(`${scope} .canvas-box`).first().getAttribute('aria-label');

/** The chart's pixels as a PNG data URL, read from a copy (the chart's own canvas is never read back). */
function pixels(page: Page): Promise<string> {
	return chartCell(page)
		.locator('canvas')
		.evaluate((c: HTMLCanvasElement) => {
			const copy = document.createElement('canvas');
			copy.width = c.width;
			copy.height = c.height;
			copy.getContext('2d')!.drawImage(c, 0, 0);
			return copy.toDataURL('image/png');
		});
}

/** Waits until two readings of the chart, a frame or more apart, agree: the drawing has settled. */
async function settledPixels(page: Page): Promise<string> {
	let last = '';
	let now = await pixels(page);
	while (now !== last) {
		last = now;
		await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
		now = await pixels(page);
	}
	return now;
}

describe('notes on a chart', () => {
	it('added in the editor: drawn, read in the text alternative, refused with a message, carried to explore; SVG and print', async () => {
		const { page, context, problems } = await site.open('/');
		await waitForEngine(page);
		// Bands off: then only the notes change the chart's pixels.
		await page.getByRole('checkbox', { name: 'Show uncertainty bands' }).uncheck();
		const cell = chartCell(page);
		await cell.scrollIntoViewIfNeeded();
		await cell.getByRole('button', { name: 'Edit', exact: true }).click();
		const notes = cell.getByRole('group', { name: 'Notes on the chart' });
		await notes.waitFor();
		const before = await settledPixels(page);

		// A label: 45 typed on a percent chart is 45%.
		await notes.getByRole('button', { name: 'Add label' }).click();
		const fresh = notes.getByRole('group', { name: 'New label' });
		await fresh.getByLabel('Year').fill('2027');
		await fresh.getByLabel('Value (%)').fill('45');
		await fresh.getByLabel('Text').fill('State Council target');
		await fresh.getByRole('button', { name: 'Add note' }).click();
		await expect.poll(() => summaryOf(page)).toContain('Notes on the chart: 2027, 45.0%: State Council target.');

		// A span.
		await notes.getByRole('button', { name: 'Add span' }).click();
		const span = notes.getByRole('group', { name: 'New span' });
		await span.getByLabel('From').fill('2024');
		await span.getByLabel('To').fill('2026');
		await span.getByLabel('Text').fill('price war');
		await span.getByRole('button', { name: 'Add note' }).click();
		await expect.poll(() => summaryOf(page)).toContain('Notes on the chart: 2027, 45.0%: State Council target; 2024–2026 (shaded): price war.');
		expect(await cell.locator('figcaption').innerText()).toContain('2024–2026 (shaded): price war');

		// Drawn: the chart changed, and deleting the notes brings back exactly the chart before.
		await expect.poll(() => pixels(page)).not.toBe(before);
		const drawn = await settledPixels(page);
		expect(drawn).not.toBe(before);

		// Refused, with a message; nothing else changes.
		await notes.getByRole('button', { name: 'Add label' }).click();
		const bad = notes.getByRole('group', { name: 'New label' });
		await bad.getByLabel('Year').fill('2090');
		await bad.getByLabel('Value (%)').fill('10');
		await bad.getByLabel('Text').fill('too late');
		await bad.getByRole('button', { name: 'Add note' }).click();
		await expect.poll(() => bad.getByRole('alert').innerText()).toMatch(/^2090 is outside this chart's years \(2019 to \d{4}\)\.$/);
		await bad.getByLabel('Year').fill('2030');
		await bad.getByLabel('Value (%)').fill('lots');
		await bad.getByRole('button', { name: 'Add note' }).click();
		await expect.poll(() => bad.getByRole('alert').innerText()).toBe('The value must be a number; “lots” is not.');
		await bad.getByRole('button', { name: 'Cancel' }).click();
		// An existing note edited to a bad year: refused, the note kept as it was.
		await notes.getByRole('listitem').nth(1).getByLabel('To').fill('2200');
		await notes.getByRole('listitem').nth(1).getByLabel('To').press('Tab');
		await expect.poll(() => notes.getByRole('alert').innerText()).toContain('Note 2: 2200 is outside');
		expect(await summaryOf(page)).toContain('2024–2026 (shaded): price war');

		// The link carries the notes to explore (its canvas's label is the same summary).
		await expect.poll(() => page.url()).toContain('nb=');
		const query = new URL(page.url()).search;
		const explore = await context.newPage();
		await explore.goto(`${site.url}/explore${query}`);
		await waitForEngine(explore);
		await expect.poll(() => summaryOf(explore, '.explore-chart')).toContain('Notes on the chart: 2027, 45.0%: State Council target; 2024–2026 (shaded): price war.');
		await explore.close();

		// SVG: a download that parses as SVG, with the title, the source line and the link.
		const [download] = await Promise.all([page.waitForEvent('download'), cell.getByRole('button', { name: 'Download chart (SVG)' }).click()]);
		expect(download.suggestedFilename()).toMatch(/^shiftcast-.*\.svg$/);
		const svgText = await readFile((await download.path())!, 'utf8');
		const parsed = await page.evaluate((text) => {
			const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
			const q = (s: string) => doc.querySelector(s)?.textContent ?? null;
			return {
				error: doc.querySelector('parsererror')?.textContent ?? null,
				root: doc.documentElement.localName,
				title: q('svg > title'),
				source: q('.chart-source'),
				link: doc.getElementsByTagName('dc:source')[0]?.textContent ?? null,
				notes: [...doc.querySelectorAll('.annotation')].map((e) => e.textContent),
				lines: doc.querySelectorAll('path.series').length
			};
		}, svgText);
		expect(parsed.error).toBeNull();
		expect(parsed.root).toBe('svg');
		expect(parsed.title).toBe('Chinese brands, at home and on CAAM’s basis, and NEV share');
		expect(parsed.source).toMatch(/Projection: Shiftcast, China market model v\d+\./);
		expect(parsed.link).toContain('nb=');
		expect(parsed.notes).toEqual(['price war', 'State Council target']);
		expect(parsed.lines).toBeGreaterThanOrEqual(3);

		// Deleting the notes brings back the chart as it was.
		await notes.getByRole('button', { name: /^Delete note 2/ }).click();
		await notes.getByRole('button', { name: /^Delete note 1/ }).click();
		await expect.poll(() => summaryOf(page)).not.toContain('Notes on the chart');
		await expect.poll(() => settledPixels(page)).toBe(before);

		// Print: no buttons, the chart and its caption whole, the scenario's address written out.
		await cell.getByRole('button', { name: 'Done' }).click();
		await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
		await page.emulateMedia({ media: 'print' });
		expect(await page.getByRole('button', { name: 'Download chart (SVG)' }).first().isVisible()).toBe(false);
		expect(await cell.getByRole('button', { name: 'Edit', exact: true }).isVisible()).toBe(false);
		expect(await cell.locator('figure.chart figcaption').isVisible()).toBe(true);
		expect(await cell.locator('figure.chart').evaluate((f) => getComputedStyle(f).breakInside)).toBe('avoid');
		const printLink = page.locator('.print-link');
		expect(await printLink.isVisible()).toBe(true);
		// The address follows the last edit 300 ms later (linkSync.ts); printing reads it again.
		await expect
			.poll(async () => {
				await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
				return (await printLink.innerText()).includes(page.url());
			})
			.toBe(true);
		await page.emulateMedia({ media: 'screen' });
		expect(await printLink.isVisible()).toBe(false);
		expect(problems).toEqual([]);
		await context.close();
	});

	it('the notes editor has no serious or critical axe violation, with a note and a refused value shown', async () => {
		const { page, context } = await site.open('/');
		await waitForEngine(page);
		const cell = chartCell(page);
		await cell.scrollIntoViewIfNeeded();
		await cell.getByRole('button', { name: 'Edit', exact: true }).click();
		const notes = cell.getByRole('group', { name: 'Notes on the chart' });
		await notes.getByRole('button', { name: 'Add span' }).click();
		const span = notes.getByRole('group', { name: 'New span' });
		await span.getByLabel('From').fill('2024');
		await span.getByLabel('To').fill('2026');
		await span.getByLabel('Text').fill('price war');
		await span.getByRole('button', { name: 'Add note' }).click();
		await notes.getByRole('listitem').first().waitFor();
		await notes.getByRole('button', { name: 'Add label' }).click();
		const bad = notes.getByRole('group', { name: 'New label' });
		await bad.getByLabel('Year').fill('1990');
		await bad.getByRole('button', { name: 'Add note' }).click();
		await bad.getByRole('alert').waitFor();
		expect(await seriousViolations(page, `[data-cell-id="${CHART}"]`)).toEqual([]);
		await context.close();
	});

	it('travel in the link to an embed and to a talk step, and are read in their charts there', async () => {
		// A scenario whose shares chart carries a label and a span, written as the app writes links.
		const notebook = {
			...chinaMarketNotebook,
			cells: chinaMarketNotebook.cells.map((c) =>
				c.id === CHART ? ({ ...c, annotations: [{ kind: 'label', year: 2027, value: 0.45, text: 'Target note' }, { kind: 'span', from: 2024, to: 2026, text: 'Price war note' }] } as ChartCell) : c
			)
		};
		const query = await encodeScenario({ notebook, inputs: { shakeout: 0.3 }, horizon: 2035 }, chinaMarketNotebook);
		const expectNotes = (summary: string | null) => {
			expect(summary).toContain('Target note');
			expect(summary).toContain('Price war note');
		};

		const { page, context, problems } = await site.open(`/embed?${query}&chart=${CHART}`);
		await page.waitForSelector(`.embed[data-engine="ready"][data-chart="${CHART}"] .canvas-box`, { timeout: 20_000 });
		await expect.poll(() => page.locator('.embed .canvas-box').getAttribute('aria-label')).toContain('Target note');
		expectNotes(await page.locator('.embed .canvas-box').getAttribute('aria-label'));

		const talk = await encodeTalk({ title: 'Notes', steps: [{ id: 's1', title: 'With notes', caption: '', query, chart: CHART }] }, 'present');
		if (!('query' in talk)) throw new Error(talk.problem);
		await page.goto(`${site.url}/talk?${talk.query}`);
		await page.waitForSelector('.talk-presenter[data-step="1"][data-opened="true"][data-engine="ready"] .canvas-box', { timeout: 20_000 });
		await expect.poll(() => page.locator('.talk-presenter .canvas-box').getAttribute('aria-label')).toContain('Target note');
		expectNotes(await page.locator('.talk-presenter .canvas-box').getAttribute('aria-label'));
		expect(problems).toEqual([]);
		await context.close();
	});
});
