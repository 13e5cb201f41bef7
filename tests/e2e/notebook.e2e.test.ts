// The notebook in a real browser: it loads, sliders move the figures, and nothing logs errors.
import { describe, expect, it } from 'vitest';
import { showAnalysisCells, useSite, waitForEngine } from './support/site';
import { canvasInk } from './support/checks';
import { headlineText, textOf } from './support/text';

const site = useSite();

describe('notebook page', () => {
	it('loads the model, shows history beside the projection, and logs no errors', async () => {
		const { page, context, problems } = await site.open('/');
		await waitForEngine(page);
		expect(await headlineText(page, 'domesticShare', 2030)).toMatch(/^\d+\.\d%$/);
		expect(await headlineText(page, 'nevShare', 2035)).toMatch(/^\d+\.\d%$/);
		// Four charts' canvases, each with a text alternative that names real values.
		const labels = await page.locator('[role="img"]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
		expect(labels.length).toBeGreaterThanOrEqual(3);
		expect(labels[0]).toMatch(/from \d+\.\d% in 2019 to \d+\.\d% in 2035/);
		// The fit cell reports an RMSE within the stated error, on each basis.
		await showAnalysisCells(page);
		for (const id of ['rmse-domesticShare-domestic_share_retail_cpca', 'rmse-domesticShareCaam-domestic_share_caam']) {
			const rmse = await textOf(page.locator(`[data-testid="${id}"]`));
			expect(parseFloat(rmse), id).toBeLessThanOrEqual(1.5);
		}
		// The year-by-year table: header row starting with "Year", one row per year 2019..2035.
		const table = page.locator('.table-cell table');
		expect(await textOf(table.locator('thead th').first())).toBe('Year');
		expect(await table.locator('tbody tr').count()).toBe(2035 - 2019 + 1);
		expect(problems).toEqual([]);
		await context.close();
	});

	it('arrives with the published figures before any script runs, the same the engine then gives', async () => {
		// Scripts off: what the prerendered page itself says (the build ran the published notebook).
		const bare = await site.browser.newContext({ javaScriptEnabled: false });
		const plain = await bare.newPage();
		await plain.goto(site.url + '/');
		const prerendered = [await headlineText(plain, 'domesticShare', 2030), await headlineText(plain, 'nevShare', 2035)];
		const summary = await plain.locator('figure.chart [role="img"]').first().getAttribute('aria-label');
		await bare.close();
		expect(prerendered[0]).toMatch(/^\d+\.\d%$/);
		expect(summary).toMatch(/from \d+\.\d% in 2019 to \d+\.\d% in 2035/);

		const { page, context, problems } = await site.open('/');
		await waitForEngine(page);
		// The engine's own run of the published notebook, once it has answered (the toolbar then
		// says how long the run took; until then it says 0 µs, or nothing).
		await expect.poll(() => textOf(page.locator('.toolbar > .engine-time'))).toMatch(/^Model run in [1-9]\d* µs$/);
		expect([await headlineText(page, 'domesticShare', 2030), await headlineText(page, 'nevShare', 2035)]).toEqual(prerendered);
		expect(await page.locator('figure.chart [role="img"]').first().getAttribute('aria-label')).toBe(summary);
		expect(problems).toEqual([]);
		await context.close();
	});

	it('a link to other inputs never shows the published figures as its own', async () => {
		// Moving a slider writes the scenario into the address; open that address in a fresh context.
		const { page, context } = await site.open('/');
		await waitForEngine(page);
		const published = await headlineText(page, 'nevShare', 2035);
		const before = page.url();
		await page.locator('#input-electrificationPace').fill('2');
		await expect.poll(() => headlineText(page, 'nevShare', 2035)).not.toBe(published);
		const changed = await headlineText(page, 'nevShare', 2035);
		await expect.poll(() => page.url()).not.toBe(before);
		const link = page.url();
		await context.close();

		const fresh = await site.browser.newContext();
		const opened = await fresh.newPage();
		// Every value the figure shows, frame by frame, from the moment scripts run.
		await opened.addInitScript(() => {
			const seen: string[] = ((window as unknown as { __seen: string[] }).__seen = []);
			const look = () => {
				const figure = document.querySelector('[data-testid="headline-nevShare-2035"] .figure-value');
				const text = figure?.textContent?.trim();
				if (text && seen.at(-1) !== text) seen.push(text);
				requestAnimationFrame(look);
			};
			requestAnimationFrame(look);
		});
		await opened.goto(link);
		await waitForEngine(opened);
		await expect.poll(() => headlineText(opened, 'nevShare', 2035)).toBe(changed);
		const seen = await opened.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
		// The prerendered page shows the published figure; once the script has read the link, that
		// figure gives way to "…" (computing) until the engine answers with the link's own figure.
		// (Were the published figure kept, it would go straight to the link's figure.)
		const afterPublished = seen.slice(seen.lastIndexOf(published) + 1);
		expect(afterPublished[0], JSON.stringify(seen)).toBe('…');
		expect(seen.at(-1)).toBe(changed);
		await fresh.close();
	});

	it('charts draw in the chart worker, answer the pointer, and the published prose arrives rendered', async () => {
		const renderers: string[] = [];
		const { page, context, problems } = await site.open('/', {
			beforeGoto: (p) => {
				p.on('response', async (r) => {
					if (r.url().endsWith('.js') && (await r.text()).includes('DOMPurify')) renderers.push(r.url());
				});
			}
		});
		await waitForEngine(page);
		// The prose is in the page as HTML from the start: no markdown renderer was fetched.
		expect(await page.getByRole('heading', { level: 1, name: /Who sells the cars bought in China/ }).count()).toBe(1);
		expect(renderers).toEqual([]);
		expect(page.workers().some((w) => w.url().includes('chart.worker'))).toBe(true);
		const first = page.locator('.chart canvas').first();
		await first.scrollIntoViewIfNeeded();
		// Wait for the uncertainty bands too, so nothing else changes the picture meanwhile (version 3's
		// 10,000 samples can take over a second on this machine: the same wait as for bands elsewhere).
		await expect.poll(() => page.locator('.chart figcaption').first().innerText(), { timeout: 20_000 }).toContain('Shaded');
		await expect.poll(async () => (await canvasInk(page, '.chart canvas'))[0].inked).toBeGreaterThan(500);
		await page.waitForTimeout(300);
		const quiet = (await canvasInk(page, '.chart canvas'))[0].inked;
		// Hovering draws a tooltip (the pointer is forwarded to Chart.js in the worker); leaving clears it.
		const box = (await first.boundingBox())!;
		await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.4);
		await expect.poll(async () => (await canvasInk(page, '.chart canvas'))[0].inked).not.toBe(quiet);
		await page.mouse.move(0, 0);
		await expect.poll(async () => (await canvasInk(page, '.chart canvas'))[0].inked).toBe(quiet);
		// The legend is on the page: its buttons hide and show a series (by keyboard too).
		const nev = page.locator('.chart').first().getByRole('button', { name: 'NEV share at home', exact: true });
		expect(await nev.getAttribute('aria-pressed')).toBe('true');
		await nev.focus();
		await page.keyboard.press('Enter');
		expect(await nev.getAttribute('aria-pressed')).toBe('false');
		await expect.poll(async () => (await canvasInk(page, '.chart canvas'))[0].inked).toBeLessThan(quiet);
		await page.keyboard.press('Enter');
		await expect.poll(async () => (await canvasInk(page, '.chart canvas'))[0].inked).toBe(quiet);
		// Switching the system to dark redraws the canvas in the dark theme's colours, no input moved.
		const picture = () => page.locator('.chart canvas').first().evaluate((c) => (c as HTMLCanvasElement).toDataURL());
		const light = await picture();
		await page.emulateMedia({ colorScheme: 'dark' });
		await expect.poll(picture).not.toBe(light);
		await page.emulateMedia({ colorScheme: 'light' });
		await expect.poll(picture).toBe(light);
		// Text typed into a cell is rendered in the browser, by the renderer loaded on demand.
		await page.getByRole('toolbar', { name: /^Cell 1:/ }).getByRole('button', { name: 'Edit' }).click();
		await page.getByRole('textbox', { name: 'Text of cell 1 (markdown)' }).fill('## Edited *prose*');
		await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Edited prose' }).count()).toBe(1);
		// (The response listener reads the body asynchronously: poll.)
		await expect.poll(() => renderers.length).toBe(1);
		expect(problems).toEqual([]);
		await context.close();
	});

	it('moving a slider changes the shown figures and the chart, against an unchanged baseline', async () => {
		const { page, context, problems } = await site.open('/');
		await waitForEngine(page);
		const before = await headlineText(page, 'domesticShare', 2030);
		const chartBefore = await page.locator('[role="img"]').first().getAttribute('aria-label');
		const slider = page.getByRole('slider', { name: 'NEV gap Japanese brands close by 2030' });
		await slider.fill('0.9');
		await expect.poll(() => headlineText(page, 'domesticShare', 2030)).not.toBe(before);
		const after = await headlineText(page, 'domesticShare', 2030);
		expect(parseFloat(after)).toBeLessThan(parseFloat(before)); // more localisation, lower domestic share
		const change = await textOf(page.locator('[data-testid="headline-domesticShare-2030"] .figure-change'));
		expect(change).toMatch(/^−\d+\.\d pp vs baseline \(/);
		expect(await page.locator('[role="img"]').first().getAttribute('aria-label')).not.toBe(chartBefore);
		// Keyboard: arrow keys move the focused slider by one step.
		const pace = page.getByRole('slider', { name: 'Electrification pace from 2026' });
		const nevBefore = await headlineText(page, 'nevShare', 2030);
		await pace.focus();
		for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
		await expect.poll(() => headlineText(page, 'nevShare', 2030)).not.toBe(nevBefore);
		expect(await page.getByRole('spinbutton', { name: 'Electrification pace from 2026, value' }).inputValue()).toBe('1.25');
		// Reset brings the defaults back.
		await page.getByRole('button', { name: 'Reset NEV gap Japanese brands close by 2030' }).click();
		await page.getByRole('button', { name: 'Reset Electrification pace from 2026' }).click();
		await expect.poll(() => headlineText(page, 'domesticShare', 2030)).toBe(before);
		expect(problems).toEqual([]);
		await context.close();
	});

	it('a typed value outside the range is clamped with a message; text that is not a number is refused', async () => {
		const { page, context, problems } = await site.open('/');
		await waitForEngine(page);
		const box = page.getByRole('spinbutton', { name: 'Chinese models lost in a shake-out by 2030, value' });
		await box.fill('5');
		await box.press('Enter');
		await expect.poll(() => box.inputValue()).toBe('0.40');
		expect(await page.getByRole('status').filter({ hasText: '5 is outside 0 to 0.4; set to 0.4.' }).count()).toBe(1);
		await box.fill('');
		await box.press('Enter');
		await expect.poll(() => page.getByText('That is not a number: type a value from 0 to 0.4.').count()).toBe(1);
		expect(problems).toEqual([]);
		await context.close();
	});

	it('the horizon selector extends the projection', async () => {
		const { page, context, problems } = await site.open('/');
		await waitForEngine(page);
		await page.getByLabel('Projection horizon').selectOption('2050');
		await expect.poll(() => page.locator('.table-cell tbody tr').count()).toBe(2050 - 2019 + 1);
		await page.getByLabel('Projection horizon').selectOption('2030');
		await expect.poll(() => page.locator('.table-cell tbody tr').count()).toBe(2030 - 2019 + 1);
		expect(await textOf(page.locator('[data-testid="headline-domesticShare-2035"]'))).toContain('beyond the horizon');
		expect(problems).toEqual([]);
		await context.close();
	});

	it('Print first brings charts never scrolled to up to date (charts out of view are not redrawn)', async () => {
		const { page, context, problems } = await site.open('/');
		await waitForEngine(page);
		// Sales by brand origin: far down the page, out of view.
		const volumes = page.locator('[data-cell-id="chart-volumes"] canvas');
		const picture = () => volumes.evaluate((c) => (c as HTMLCanvasElement).toDataURL());
		await expect.poll(async () => (await picture()).length).toBeGreaterThan(5_000);
		expect(await volumes.evaluate((c) => c.getBoundingClientRect().top > innerHeight + 200)).toBe(true);
		const before = await picture();
		const figure = () => headlineText(page, 'domesticShare', 2030);
		const shown = await figure();
		await page.getByRole('slider', { name: 'NEV gap Japanese brands close by 2030' }).fill('0.9');
		await expect.poll(figure).not.toBe(shown);
		await page.waitForTimeout(300);
		expect(await picture()).toBe(before); // out of view: not redrawn
		await page.evaluate(() => {
			const w = window as unknown as { printed: string[] };
			w.printed = [];
			window.print = () => void w.printed.push('printed');
		});
		await page.getByRole('button', { name: 'Print' }).click();
		await expect.poll(() => page.evaluate(() => (window as unknown as { printed: string[] }).printed.length)).toBe(1);
		expect(await picture()).not.toBe(before); // drawn with the new numbers before printing
		expect(problems).toEqual([]);
		await context.close();
	});

	it('the method page lists every data point with its source', async () => {
		const { page, context, problems } = await site.open('/about');
		await expect.poll(() => page.getByRole('heading', { name: 'Method and data' }).count()).toBe(1);
		expect(await page.getByText('nevShare = prev(nevShare, nevShareStart)', { exact: false }).count()).toBeGreaterThan(0);
		expect(await page.locator('section.series').count()).toBeGreaterThan(8);
		expect(problems).toEqual([]);
		await context.close();
	});
});
