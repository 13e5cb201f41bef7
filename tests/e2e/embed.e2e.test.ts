// Embeds in the real browser: the code the Embed dialog gives, pasted into a host page on another
// origin (a tiny server this file starts), draws its chart, tells the host its height and is
// resized; it leaves the reader's stored work untouched; "Open in Shiftcast" gives the same
// figures; hostile links and unknown chart ids open with one notice; axe finds nothing serious;
// and at 320 px nothing is wider than the frame.
//
// The host runs on 127.0.0.1 like the site, on another port: another origin, the same site, so
// the embed's frame shares the site's storage (a cross-site frame would get partitioned storage,
// and "untouched" would prove nothing).
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { useSite, waitForEngine } from './support/site';
import { openWith, recordProblems } from './support/checks';
import { axeViolations, failing } from './support/axe';
import { readStore, type StoreName } from './support/storage';
import { textOf } from './support/text';
import { hostileLinks } from '../fixtures/hostile-links';

const site = useSite();

/** The host page's server: serves whatever HTML the test last gave it. */
let host: { url: string; server: Server; html: string };
beforeAll(async () => {
	const server = createServer((req, res) => {
		if ((req.url ?? '/').split('?')[0] !== '/') return void res.writeHead(404).end();
		res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(host.html);
	});
	await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
	const address = server.address();
	host = { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, server, html: '' };
});
afterAll(async () => {
	await new Promise<void>((ok) => host?.server.close(() => ok()));
});

const articlePage = (snippet: string) =>
	`<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>An article</title></head>` +
	`<body><main><h1>An article about cars</h1><p>Before the chart.</p>\n${snippet}\n<p id="after">After the chart.</p></main></body></html>`;

const STORES: StoreName[] = ['workingCopies', 'scenarios', 'setAside', 'meta'];

/** Everything the site keeps in this browser: its database's stores and its localStorage. */
async function storedWork(page: Page): Promise<string> {
	const stores: Record<string, unknown[]> = {};
	for (const name of STORES) stores[name] = await readStore(page, name);
	const local = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)])));
	return JSON.stringify({ stores, local });
}

/** Waits for the embed to show its chart drawn with data, and the engine's own results. */
async function waitForEmbed(target: Page | Frame, figures = false): Promise<void> {
	await target.waitForSelector('.embed[data-engine="ready"] .chart canvas', { timeout: 30_000 });
	await target.waitForFunction(() => performance.getEntriesByName('first-chart').length > 0, undefined, { timeout: 30_000 });
	if (figures) await target.waitForSelector('.embed [data-testid="headline-domesticShare-2030"] .figure-value:not(.muted)', { timeout: 30_000 });
}

/** Every key figure's value, by test id. */
async function figureValues(target: Page | Frame): Promise<Record<string, string>> {
	return target.locator('[data-testid^="headline-"]').evaluateAll((cells) =>
		Object.fromEntries(cells.map((c) => [c.getAttribute('data-testid'), (c.querySelector('.figure-value')?.textContent ?? '').trim()]))
	);
}

/** The key figures once the engine's run is in (the build's numbers and the engine's agree, but wait for the engine). */
async function settledFigures(target: Page | Frame): Promise<Record<string, string>> {
	let last = '';
	await expect
		.poll(
			async () => {
				const now = JSON.stringify(await figureValues(target));
				const same = now === last && !now.includes('…');
				last = now;
				return same;
			},
			{ interval: 300, timeout: 20_000 }
		)
		.toBe(true);
	return JSON.parse(last);
}

describe('an embed on a host page', () => {
	it('comes from the Embed dialog, draws, is sized by its host, writes nothing, and opens the same figures in Shiftcast', async () => {
		const context = await site.browser.newContext({ viewport: { width: 1200, height: 900 } });
		await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
		const notebook = await context.newPage();
		const problems = recordProblems(notebook);
		// A scenario of the reader's own, saved in the library, and a lever moved.
		await notebook.goto(`${site.url}/?v=3&shakeout=0.3&horizon=2040`);
		await waitForEngine(notebook);
		await notebook.getByText('Saved scenarios and presets').click();
		const library = notebook.getByRole('region', { name: 'Saved scenarios' });
		await library.getByLabel('Name').fill('Mine, before the embed');
		await library.getByRole('button', { name: 'Save scenario' }).click();
		await expect.poll(() => library.getByRole('status').innerText()).toContain('Saved “Mine, before the embed”');

		// The Embed dialog under the shares chart, opened from the keyboard.
		const cell = notebook.locator('[data-cell-id="chart-shares"]');
		await cell.scrollIntoViewIfNeeded();
		const embedButton = cell.getByRole('button', { name: 'Embed…' });
		await embedButton.focus();
		await notebook.keyboard.press('Enter');
		const dialog = notebook.getByRole('dialog', { name: /Embed/ });
		await dialog.waitFor();
		expect(await dialog.evaluate((d) => (d as HTMLDialogElement).open && d.matches(':modal'))).toBe(true);
		await dialog.getByLabel('Include the key figures').check();
		const code = await dialog.getByLabel('Code to copy').inputValue();
		expect(code).toContain(`src="${site.url}/embed?v=3&amp;`);
		expect(code).toContain('chart=chart-shares&amp;figures=1');
		expect(code).toMatch(/title="Shiftcast: Chinese brands/);
		expect(code).toContain('loading="lazy"');
		expect(code).toContain(`event.origin !== "${site.url}"`);
		// Copy puts the same code on the clipboard.
		await dialog.getByRole('button', { name: 'Copy code' }).click();
		await expect.poll(() => dialog.getByRole('status').innerText()).toContain('Copied');
		expect(await notebook.evaluate(() => navigator.clipboard.readText())).toBe(code);
		const preview = await dialog.getByRole('link', { name: /Preview the embed/ }).getAttribute('href');
		expect(preview).toBe(/src="([^"]+)"/.exec(code)![1].replace(/&amp;/g, '&'));
		// Escape closes it, and focus is back on the button.
		await notebook.keyboard.press('Escape');
		await dialog.waitFor({ state: 'detached' });
		expect(await embedButton.evaluate((b) => b === document.activeElement)).toBe(true);
		expect(problems).toEqual([]);
		await notebook.close();

		// What the reader keeps, read from a page that keeps nothing itself (the method page).
		const reader = await context.newPage();
		await reader.goto(`${site.url}/about`);
		const before = await storedWork(reader);
		expect(before).toContain('Mine, before the embed');

		// The article, on another origin, with the code pasted in.
		host.html = articlePage(code);
		const article = await context.newPage();
		const articleProblems = recordProblems(article);
		// Every message the article's window receives, as the host sees it.
		await article.addInitScript(() => {
			const seen: { origin: string; data: unknown }[] = [];
			(window as unknown as { __messages: typeof seen }).__messages = seen;
			addEventListener('message', (e) => seen.push({ origin: e.origin, data: e.data }));
		});
		await article.goto(host.url);
		const iframe = article.locator('iframe[data-shiftcast-embed]');
		const frame = await (await iframe.elementHandle())!.contentFrame();
		expect(frame).not.toBeNull();
		await waitForEmbed(frame!, true);
		// The host heard the height from the embed's origin, and sized the frame to it.
		await article.waitForFunction(
			(origin) => (window as unknown as { __messages: { origin: string; data: { type?: string } }[] }).__messages.some((m) => m.origin === origin && m.data?.type === 'shiftcast:embed-height'),
			site.url
		);
		await expect
			.poll(async () => {
				const content = await frame!.evaluate(() => Math.ceil(document.querySelector('main')!.getBoundingClientRect().height));
				const box = await iframe.evaluate((f) => Math.round(f.getBoundingClientRect().height));
				return Math.abs(content - box) <= 1 && box !== 1200;
			}, { timeout: 15_000 })
			.toBe(true);
		// Sized to fit: the frame scrolls no more.
		expect(await frame!.evaluate(() => document.documentElement.scrollHeight <= innerHeight + 1)).toBe(true);
		const embedFigures = await settledFigures(frame!);
		expect(Object.keys(embedFigures).length).toBeGreaterThan(4);
		const open = frame!.getByRole('link', { name: /Open in Shiftcast/ });
		expect(await open.getAttribute('target')).toBe('_blank');
		expect(await open.getAttribute('rel')).toContain('noopener');
		const href = new URL((await open.getAttribute('href'))!, frame!.url()).href;
		// The notebook with the embed's own scenario: its address less the chart and the figures.
		const embedSrc = new URL(/src="([^"]+)"/.exec(code)![1].replace(/&amp;/g, '&'));
		const scenario = embedSrc.search.slice(1).split('&').filter((p) => !/^(chart|figures)=/.test(p)).join('&');
		expect(href).toBe(`${site.url}/?${scenario}`);
		expect(new URLSearchParams(scenario).get('shakeout')).toBe('0.3');
		// The embed opened as the top page of the site too (not framed): it writes nothing either.
		const direct = await context.newPage();
		const directProblems = recordProblems(direct);
		await direct.goto(/src="([^"]+)"/.exec(code)![1].replace(/&amp;/g, '&'));
		await waitForEmbed(direct, true);
		expect(await settledFigures(direct)).toEqual(embedFigures);
		expect([...articleProblems, ...directProblems]).toEqual([]);
		await article.close();
		await direct.close();

		// Nothing the reader keeps has changed: no working copy, no library entry, no tab id.
		await reader.reload();
		expect(await storedWork(reader)).toBe(before);
		await context.close();

		// "Open in Shiftcast" in a fresh browser gives the same figures.
		const fresh = await site.browser.newContext({ viewport: { width: 1200, height: 900 } });
		const full = await fresh.newPage();
		await full.goto(href);
		await waitForEngine(full);
		const headline = full.locator('[data-cell-id="headline"]');
		await headline.scrollIntoViewIfNeeded();
		const notebookFigures = await settledFigures(full);
		expect(notebookFigures).toEqual(embedFigures);
		expect(await textOf(full.locator('[data-testid="headline-nevShare-2035"] .figure-value'))).toBe(embedFigures['headline-nevShare-2035']);
		await fresh.close();
	}, 240_000);
});

describe('an embed offline', () => {
	it('once the site was visited, an embed with another scenario opens in its host page with the network off', async () => {
		// A context of its own: the pages site.open gives run without the service worker.
		const { page, context, problems } = await openWith(site, '/embed?v=3&chart=chart-exports');
		await waitForEmbed(page);
		// The offline cache is registered after the first chart (src/hooks.client.ts) and takes over.
		await page.evaluate(() => navigator.serviceWorker.ready);
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });
		host.html = articlePage('<div id="slot"></div>');
		const article = await context.newPage();
		const articleProblems = recordProblems(article);
		await article.goto(host.url);
		// The host page itself came over the network; from here on nothing can: the embed is pasted in offline.
		await context.setOffline(true);
		await article.evaluate((src) => {
			const frame = document.createElement('iframe');
			frame.src = src;
			frame.title = 'Shiftcast chart';
			document.getElementById('slot')!.append(frame);
		}, `${site.url}/embed?v=3&shakeout=0.3&chart=chart-exports`);
		const frame = await (await article.locator('iframe').elementHandle())!.contentFrame();
		await waitForEmbed(frame!);
		expect(await frame!.locator('.embed').getAttribute('data-chart')).toBe('chart-exports');
		expect(await frame!.evaluate(() => navigator.onLine)).toBe(false);
		expect([...problems, ...articleProblems]).toEqual([]);
		await context.close();
	});
});

describe('bad input in an embed', () => {
	const chosen = [
		'script payloads in markdown, titles, labels and notes',
		'formula using evaluate and import (refused later by the engine)',
		'__proto__ as a query key',
		'decompression bomb',
		'an nb that deletes every cell',
		'a title of 10,000 characters'
	];

	it(`${chosen.length} hostile links open safely, each with at most one notice, nothing fetched elsewhere`, async () => {
		const failures: string[] = [];
		for (const name of chosen) {
			const link = hostileLinks.find((l) => l.name === name);
			if (!link) throw new Error(`no hostile link named ${name}`);
			const query = typeof link.query === 'function' ? await link.query() : link.query;
			const context: BrowserContext = await site.browser.newContext({ viewport: { width: 800, height: 700 } });
			const page = await context.newPage();
			const problems: string[] = [];
			page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
			page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text().slice(0, 200)}`));
			page.on('dialog', (d) => {
				problems.push(`dialog: ${d.message()}`);
				void d.dismiss();
			});
			page.on('request', (r) => !r.url().startsWith(site.url) && !/^(data|blob):/.test(r.url()) && problems.push(`request left the site: ${r.url()}`));
			try {
				await page.goto(`${site.url}/embed?${query}&chart=chart-shares`);
				await page.waitForSelector('.embed[data-engine="ready"], .embed[data-engine="failed"]', { timeout: 30_000 });
				// The link's reading is done once the chart (or the no-chart notice) is there.
				await page.waitForSelector('.embed .chart canvas, [data-testid="embed-notice"]', { timeout: 30_000 });
				const notices = page.getByTestId('embed-notice');
				const expected = link.notices ?? [];
				const refusedLater = /refused later/.test(name);
				if (expected.length || refusedLater) await notices.first().waitFor({ timeout: 10_000 });
				else await page.waitForTimeout(300);
				const count = await notices.count();
				if (count > 1) problems.push(`${count} notices`);
				const text = count ? await textOf(notices.first()) : '';
				for (const e of expected) if (!text.includes(e.replace(/\s+/g, ' ').slice(0, 60))) problems.push(`notice lacks "${e}"`);
				if (refusedLater && !/from the link has an error and does not run/.test(text)) problems.push('the refused formulas are not in the notice');
				if (!expected.length && !refusedLater && count && !/chart/.test(text)) problems.push(`unexpected notice: ${text.slice(0, 200)}`);
				const unsafe = await page.locator('.embed').evaluateAll((roots) =>
					roots.flatMap((root) =>
						[...root.querySelectorAll('*')].flatMap((el) =>
							/^(SCRIPT|IFRAME|IMG|STYLE|FORM|OBJECT|EMBED)$/i.test(el.tagName) ? [el.tagName] : [...el.attributes].filter((a) => /^on/i.test(a.name) || /javascript:/i.test(a.value)).map((a) => `${el.tagName}[${a.name}]`)
						)
					)
				);
				if (unsafe.length) problems.push(`unsafe markup rendered: ${unsafe.join(', ')}`);
				// The rest of the page is there: the way to the full notebook.
				if (!(await page.getByRole('link', { name: /Open in Shiftcast/ }).count())) problems.push('no "Open in Shiftcast"');
				// Not wider than the frame, whatever the link's titles.
				if (await page.evaluate(() => document.documentElement.scrollWidth > innerWidth)) problems.push('wider than the frame');
			} catch (err) {
				problems.push(`did not open: ${(err as Error).message.split('\n')[0]}`);
			}
			if (problems.length) failures.push(`${name}: ${problems.join('; ')}`);
			await context.close();
		}
		expect(failures).toEqual([]);
	}, 300_000);

	it('an unknown chart id opens the first chart with a notice, the rest intact', async () => {
		const { page, context, problems } = await site.open('/embed?v=3&shakeout=0.3&chart=no-such-chart');
		await waitForEmbed(page);
		const notice = page.getByTestId('embed-notice');
		expect(await notice.count()).toBe(1);
		expect(await textOf(notice)).toContain('There is no chart “no-such-chart” in this scenario; showing “Chinese brands, at home and on CAAM’s basis, and NEV share” instead.');
		expect(await page.locator('.embed').getAttribute('data-chart')).toBe('chart-shares');
		expect(await textOf(page.locator('.embed-title'))).toContain('Chinese brands');
		expect(await textOf(page.locator('.chart-source'))).toMatch(/China market model v3/);
		expect(await page.getByRole('link', { name: /Open in Shiftcast/ }).getAttribute('href')).toMatch(/\/\?v=3&shakeout=0\.3$/);
		expect(problems).toEqual([]);
		await context.close();
	});
});

describe('an embed for every reader', () => {
	it('axe finds no serious or critical violation (chart, key figures and data table shown)', async () => {
		const { page, context, problems } = await site.open('/embed?v=3&shakeout=0.3&chart=chart-shares&figures=1');
		await waitForEmbed(page, true);
		await page.getByText(/Data table for/).click();
		await page.locator('.chart-data table').waitFor();
		const violations = await axeViolations(page);
		console.log(`embed: ${violations.length ? JSON.stringify(violations.map((v) => ({ id: v.id, impact: v.impact, html: v.nodes.slice(0, 3).map((n) => n.html.slice(0, 160)) })), null, 1) : 'no axe violations'}`);
		expect(failing(violations)).toEqual([]);
		expect(problems).toEqual([]);
		await context.close();
	});

	it('at 320 px wide nothing is wider than the frame and the text stays readable', async () => {
		const { page, context, problems } = await openWith(site, '/embed?v=3&shakeout=0.3&chart=chart-shares&figures=1', { context: { viewport: { width: 320, height: 640 } } });
		await waitForEmbed(page, true);
		await page.getByText(/Data table for/).click();
		await page.locator('.chart-data table').waitFor();
		const layout = await page.evaluate(() => {
			const visible = [...document.querySelectorAll<HTMLElement>('.embed *')].filter((el) => el.getClientRects().length && [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()));
			// Text inside a box that scrolls on its own (a wide table) may be wider than the frame; the page may not.
			const inScroller = (el: Element) => !!el.closest('.table-scroll');
			const overflowing = visible.filter((el) => !inScroller(el) && el.getBoundingClientRect().right > innerWidth + 0.5).map((el) => `${el.tagName}.${el.className}: ${el.textContent!.slice(0, 40)}`);
			const smallest = Math.min(...visible.map((el) => parseFloat(getComputedStyle(el).fontSize)));
			return { scrollWidth: document.documentElement.scrollWidth, innerWidth, overflowing, smallest };
		});
		expect(layout.scrollWidth).toBeLessThanOrEqual(layout.innerWidth);
		expect(layout.overflowing).toEqual([]);
		expect(layout.smallest).toBeGreaterThanOrEqual(12);
		expect(problems).toEqual([]);
		await context.close();
	});
});
