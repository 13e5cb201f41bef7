// The tab the tests of a file share (support/sharedTab.ts) reaches each test as a new visitor's:
// what one test leaves behind (storage, listeners, pages, a changed viewport) the next never sees.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useSite } from './support/site';

const site = useSite();

describe('the tab the tests share', () => {
	let first: Page;
	let leakedListenerCalls = 0;

	it('a test leaves storage, a listener and a second page behind', async () => {
		const { page, context } = await site.open('/about');
		first = page;
		await page.evaluate(
			() =>
				new Promise((done) => {
					localStorage.setItem('left-behind', '1');
					sessionStorage.setItem('left-behind', '1');
					const request = indexedDB.open('left-behind');
					request.onsuccess = () => {
						request.result.close();
						done(null);
					};
				})
		);
		page.on('console', () => leakedListenerCalls++);
		await context.newPage();
		// No context.close(): the test's end releases the tab all the same.
	});

	it('the next test gets the same tab, as a new visitor finds it', async () => {
		const { page, context, problems } = await site.open('/about');
		expect(page).toBe(first);
		expect(context.pages()).toEqual([page]);
		const left = await page.evaluate(async () => ({
			local: localStorage.getItem('left-behind'),
			session: sessionStorage.getItem('left-behind'),
			databases: (await indexedDB.databases()).map((d) => d.name).filter((name) => name === 'left-behind')
		}));
		expect(left).toEqual({ local: null, session: null, databases: [] });
		await page.evaluate(() => console.log('heard only by this test'));
		expect(leakedListenerCalls).toBe(0);
		// A second page while this test holds the tab is a page of a fresh context.
		const other = await site.open('/about');
		expect(other.page).not.toBe(page);
		await other.context.close();
		// A viewport and emulated media are set back for the next test.
		await page.setViewportSize({ width: 400, height: 600 });
		await page.emulateMedia({ colorScheme: 'dark' });
		await context.close();
		expect(problems).toEqual([]);
	});

	it('a changed viewport and colour scheme are set back; an init script taints the tab', async () => {
		const { page, context } = await site.open('/about');
		expect(page).toBe(first);
		expect(page.viewportSize()).toEqual({ width: 1200, height: 900 });
		expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(false);
		await page.addInitScript(() => localStorage.setItem('from-an-init-script', '1'));
		await context.close();
	});

	it('a tainted tab is replaced by a new one', async () => {
		const { page, context } = await site.open('/about');
		expect(page).not.toBe(first);
		expect(await page.evaluate(() => localStorage.getItem('from-an-init-script'))).toBeNull();
		await context.close();
	});

	it('a test that asks for a cold start gets a fresh context', async () => {
		const shared = await site.open('/about');
		await shared.context.close();
		const cold = await site.open('/about', { fresh: true });
		expect(cold.page).not.toBe(shared.page);
		await cold.context.close();
	});
});
