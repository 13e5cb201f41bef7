// Offline: after one visit the service worker holds the whole build, so with the network cut the
// notebook (also opened from a link with inputs) and the compare page open, the engine worker
// runs, and a slider still changes the figures.
import { describe, expect, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { useSite, waitForEngine } from './support/site';
import { headlineFigure, openWith } from './support/checks';

const site = useSite();
const SLIDER = 'NEV gap Japanese brands close by 2030';
/** Version 1's one localisation lever (a frozen version opens with its own notebook). */
const SLIDER_V1 = 'Technology gap foreign brands close by 2030';

/** Waits until a service worker is active and controls this page (clients.claim on first visit). */
async function waitForServiceWorker(page: Page): Promise<{ scope: string; caches: string[]; cached: string[] }> {
	await page.evaluate(() => navigator.serviceWorker.ready);
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15_000 });
	return page.evaluate(async () => {
		const registration = await navigator.serviceWorker.ready;
		const names = await caches.keys();
		const cached = (await Promise.all(names.map(async (n) => (await (await caches.open(n)).keys()).map((r) => new URL(r.url).pathname)))).flat();
		return { scope: registration.scope, caches: names, cached };
	});
}

async function slideAndSeeChange(page: Page, label = SLIDER): Promise<void> {
	const before = await page.locator(headlineFigure('domesticShare', 2030)).innerText();
	const slider = page.getByRole('slider', { name: label });
	const value = Number(await slider.inputValue());
	await slider.fill(value >= 0.9 ? '0.1' : '0.95');
	await expect.poll(() => page.locator(headlineFigure('domesticShare', 2030)).innerText()).not.toBe(before);
}

/**
 * Clicks a site-navigation link and waits for its page. This navigation, offline, once in a few
 * full e2e runs never arrived (not reproduced alone, nor under load): a failure says what the page
 * asked for after the click, for whoever meets it next.
 */
async function followLink(page: Page, name: string, url: string): Promise<void> {
	const seen: string[] = [];
	const started = Date.now();
	const note = (what: string) => seen.push(`+${Date.now() - started} ms ${what}`);
	const requested = (r: Request) => note(`request ${r.url()}`);
	const finished = (r: Request) => note(`finished ${r.url()}`);
	const failed = (r: Request) => note(`failed ${r.url()} ${r.failure()?.errorText}`);
	page.on('request', requested).on('requestfinished', finished).on('requestfailed', failed);
	await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name }).click();
	try {
		await page.waitForURL(url, { timeout: 15_000 });
	} catch (err) {
		throw new Error(`No navigation to ${url}; the page is at ${page.url()}. After the click:\n${seen.join('\n')}`, { cause: err });
	} finally {
		page.off('request', requested).off('requestfinished', finished).off('requestfailed', failed);
	}
}

describe('offline, after one visit', () => {
	it('the notebook, a link with inputs and the compare page open and run with the network off', async () => {
		const { page, context, problems } = await openWith(site, '/');
		await waitForEngine(page);
		const baseline = await page.locator(headlineFigure('domesticShare', 2030)).innerText();
		const sw = await waitForServiceWorker(page);
		expect(sw.scope).toBe(`${site.url}/`);
		expect(sw.caches).toHaveLength(1);
		expect(sw.caches[0]).toMatch(/^shiftcast-/);
		// The precache: the three pages, the engine worker, scripts, styles and static files.
		expect(sw.cached).toEqual(expect.arrayContaining(['/', '/compare', '/about', '/favicon.svg']));
		expect(sw.cached.some((p) => /^\/_app\/immutable\/workers\/engine\.worker-[\w-]+\.js$/.test(p))).toBe(true);
		expect(sw.cached.some((p) => p.endsWith('.css'))).toBe(true);
		expect(sw.cached.filter((p) => p.endsWith('.js')).length).toBeGreaterThan(5);

		await context.setOffline(true);
		const failed: string[] = [];
		page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`));
		// The network really is gone for this context, service worker included: what is not stored fails.
		expect(await page.evaluate(() => navigator.onLine)).toBe(false);
		const seen = problems.length;
		expect(await page.evaluate(() => fetch('/not-stored.txt').then(() => 'answered', () => 'failed'))).toBe('failed');
		await expect.poll(() => problems.length).toBe(seen + 1);
		expect(problems.splice(seen)).toEqual(['error: Failed to load resource: net::ERR_FAILED']);
		expect(failed.splice(0)).toEqual([`${site.url}/not-stored.txt net::ERR_FAILED`]);

		// 1. Reload the notebook.
		const reload = await page.reload();
		expect(reload?.fromServiceWorker()).toBe(true);
		await waitForEngine(page);
		expect(await page.locator(headlineFigure('domesticShare', 2030)).innerText()).toMatch(/^\d+\.\d%$/);
		await slideAndSeeChange(page);

		// 2. A link with inputs (the query string is the scenario, not a different page).
		const linked = await page.goto(`${site.url}/?v=3&localisationJapanese=0.6`);
		expect(linked?.fromServiceWorker()).toBe(true);
		await waitForEngine(page);
		expect(await page.getByRole('slider', { name: SLIDER }).inputValue()).toBe('0.6');
		await expect.poll(() => page.locator(headlineFigure('domesticShare', 2030)).innerText()).not.toBe(baseline);
		await slideAndSeeChange(page);
		// A link of an older version opens its frozen notebook, offline too.
		const old = await page.goto(`${site.url}/?v=1&localisation=0.6`);
		expect(old?.fromServiceWorker()).toBe(true);
		await waitForEngine(page);
		expect(await page.getByRole('slider', { name: SLIDER_V1 }).inputValue()).toBe('0.6');
		await page.getByTestId('version-notice').waitFor();
		await slideAndSeeChange(page, SLIDER_V1);

		// 3. The compare page: scenarios run in the worker.
		const compare = await page.goto(`${site.url}/compare`);
		expect(compare?.fromServiceWorker()).toBe(true);
		await page.waitForSelector('[data-ready="true"] [data-testid="column-1"]', { timeout: 20_000 });
		await expect.poll(() => page.getByTestId('figure-1-domesticShare-2030').innerText()).toMatch(/^\d+\.\d%$/);

		// 4. And back to the notebook by a link in the page (client-side navigation), still offline.
		// That navigation reads the notebook page's build-time data (the published prose), stored
		// like the pages and answered whatever SvelteKit puts in its query string.
		expect(
			await page.evaluate(() => fetch('/__data.json?x-sveltekit-invalidated=01').then(async (r) => `${r.status} ${(await r.text()).includes('publishedMarkdown')}`))
		).toBe('200 true');
		await followLink(page, 'Method and data', `${site.url}/about`);
		await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Notebook' }).click();
		await waitForEngine(page);

		// Nothing else failed to load, and nothing went wrong. (A data preload that SvelteKit starts
		// when the pointer passes over a link is cancelled, net::ERR_ABORTED, if a navigation
		// overtakes it: that is not a failure to load.)
		expect(failed.filter((f) => !f.endsWith('net::ERR_ABORTED'))).toEqual([]);
		expect(problems).toEqual([]);
		await context.close();
	});

	it('on activation the service worker deletes older caches of this app, and only those', async () => {
		// Caches from an "older build" and from something else on the same origin, made before
		// the service worker installs.
		const seed = `caches.open('shiftcast-0-old').then((c) => c.put('/stale', new Response('old')));
			caches.open('not-ours').then((c) => c.put('/keep', new Response('keep')));`;
		const { page, context, problems } = await openWith(site, '/about', { initScripts: [seed] });
		const sw = await waitForServiceWorker(page);
		expect(sw.caches).toHaveLength(2);
		expect(sw.caches).toEqual(expect.arrayContaining(['not-ours', expect.stringMatching(/^shiftcast-\d+$/)]));
		expect(sw.cached).not.toContain('/stale');
		expect(problems).toEqual([]);
		await context.close();
	});
});
