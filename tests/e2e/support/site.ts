// One browser and one server per test file: started in beforeAll, stopped in afterAll. The
// pages site.open gives share one tab, reset between tests (support/sharedTab.ts).
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { recordProblems } from './checks';
import { launchChromium } from './chromium';
import { SITE_CONTEXT, SharedTab } from './sharedTab';
import { serveDirectory } from './staticServer';
import type { RunningServer } from './staticServer';

export interface Site {
	url: string;
	browser: Browser;
	/**
	 * A page as a new visitor's (no storage, no listeners), recording problems. It is the file's
	 * shared tab when no other page of the test holds it, else a page of a fresh context;
	 * `fresh: true` asks for the fresh context (a cold start). Closing the context releases the tab.
	 * Neither runs the service worker (support/sharedTab.ts says why); a test of the offline copy
	 * opens its own context (support/checks.ts openWith).
	 * `beforeGoto` runs on the page before it navigates (to listen from the first request); a
	 * promise it returns (an init script being added) is awaited first.
	 */
	open(path?: string, options?: { beforeGoto?: (page: Page) => unknown; fresh?: boolean }): Promise<{ page: Page; context: BrowserContext; problems: string[] }>;
}

export function useSite(): Site {
	let server: RunningServer;
	let browser: Browser;
	const site = {
		get url() {
			return server.url;
		},
		get browser() {
			return browser;
		},
		async open(path = '/', options: { beforeGoto?: (page: Page) => unknown; fresh?: boolean } = {}) {
			const { page, context } =
				options.fresh || tab.inUse
					? await browser.newContext(SITE_CONTEXT).then(async (c) => ({ context: c, page: await c.newPage() }))
					: await tab.take();
			const problems = recordProblems(page);
			try {
				await options.beforeGoto?.(page);
				await page.goto(server.url + path);
			} catch (err) {
				await context.close();
				throw err;
			}
			return { page, context, problems };
		}
	} as Site;
	const tab = new SharedTab(() => browser, () => server.url);
	beforeAll(async () => {
		server = await serveDirectory('build');
		browser = await launchChromium();
	}, 60_000);
	afterEach(() => tab.release());
	afterAll(async () => {
		await tab.close();
		await browser?.close();
		await server?.close();
	});
	return site;
}

/** Waits until the engine has produced the first result. */
export async function waitForEngine(page: Page): Promise<void> {
	await page.waitForSelector('[data-engine="ready"] [data-testid="headline-domesticShare-2030"] .figure-value:not(.muted)', { timeout: 20_000 });
	await page.waitForFunction(() => !document.querySelector('.chart-placeholder'), undefined, { timeout: 20_000 });
}

/**
 * The analysis cells (fit, back-test, sensitivity, discovery) render their views, and start their
 * analyses, only once they near the screen (components/analysisViews.svelte.ts): scroll each into
 * view until its view is there, then back to the top, where the tests' charts are.
 */
export async function showAnalysisCells(page: Page): Promise<void> {
	const views: Record<string, string> = { fit: '.fit-cell', backtest: '.backtest-cell', sensitivity: '.sensitivity-cell', discovery: '.discovery' };
	for (const [kind, view] of Object.entries(views)) {
		const cells = page.locator(`.cell-${kind}`);
		for (let i = 0; i < (await cells.count()); i++) {
			// Cells above may render taller than their placeholder size (content-visibility: auto) once
			// they come into view, and push this one off the screen again: scroll until its view is there.
			const shown = cells.nth(i).locator(view).first();
			for (let tries = 1; ; tries++) {
				await cells.nth(i).scrollIntoViewIfNeeded();
				const there = await shown.waitFor({ state: 'attached', timeout: 1_000 }).then(() => true, () => false);
				if (there) break;
				if (tries === 20) throw new Error(`the ${kind} cell's view did not load`);
			}
		}
	}
	await page.evaluate(() => window.scrollTo(0, 0));
	// Cells skip rendering off screen (content-visibility): give the top of the page two frames
	// to render again before a test reads its text.
	await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/** The address once the debounced URL update has caught up with the page. */
export async function settledUrl(page: Page): Promise<string> {
	let last = '';
	await expect.poll(async () => {
		const now = page.url();
		const same = now === last;
		last = now;
		return same;
	}, { interval: 400, timeout: 10_000 }).toBe(true);
	return last;
}
