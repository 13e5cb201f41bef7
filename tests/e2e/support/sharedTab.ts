// One browser tab that the tests of a file take turns in. A notebook load in a fresh context
// costs this 2-core machine about 2.7 s (a new renderer process, every script compiled cold); the
// same load in a tab that has loaded the site before costs about 1.5 s with the reset below
// (docs/performance.md, "how long npm test takes, and why"). Between tests the tab is put back
// as a new visitor finds it: the previous page unloaded, the origin's storage cleared (IndexedDB,
// localStorage, caches, service workers, cookies) and sessionStorage too, its listeners removed,
// any other page of its context closed.
//
// The tab runs without the service worker (the offline copy): a new visitor's page installs it
// once the first chart is drawn, and after each reset it would fetch and compile the whole build
// again, about 0.5 s of CPU a visit that no test reads (docs/performance.md). The offline and
// embed tests that check the worker open their own contexts, which allow it.
//
// A changed viewport or emulated media (colour scheme, print) is set back. A test that changes the
// tab in a way a reset cannot undo (an init script, a route, permissions, offline, an exposed
// function...) taints it: the tab is then thrown away when the test ends and the next test gets
// a new one. Tests that need a cold start (first
// load timings) ask site.open for { fresh: true }.
import type { Browser, BrowserContext, Page } from 'playwright-core';

const VIEWPORT = { width: 1200, height: 900 };

/** The options of the contexts site.open gives: a new visitor's window, without the service worker. */
export const SITE_CONTEXT = { viewport: VIEWPORT, serviceWorkers: 'block' } as const;

/** Calls after which a reset cannot give a new visitor's tab back. */
const PAGE_TAINTS = ['addInitScript', 'route', 'routeFromHAR', 'routeWebSocket', 'exposeFunction', 'exposeBinding', 'setExtraHTTPHeaders', 'setDefaultTimeout', 'setDefaultNavigationTimeout'] as const;
const CONTEXT_TAINTS = ['addInitScript', 'route', 'routeFromHAR', 'routeWebSocket', 'exposeFunction', 'exposeBinding', 'grantPermissions', 'clearPermissions', 'setOffline', 'setGeolocation', 'setExtraHTTPHeaders', 'setHTTPCredentials', 'setDefaultTimeout', 'setDefaultNavigationTimeout'] as const;

export class SharedTab {
	private context: BrowserContext | null = null;
	private page: Page | null = null;
	private tainted = false;
	/** The viewport or emulated media were changed: the reset sets them back. */
	private changed = { viewport: false, media: false };
	/** A test holds the tab (from open until it closes the context or the test ends). */
	inUse = false;

	constructor(
		private readonly browser: () => Browser,
		private readonly origin: () => string
	) {}

	/** The tab, reset to a new visitor's, at about:blank. */
	async take(): Promise<{ page: Page; context: BrowserContext }> {
		if (this.tainted || !this.page || this.page.isClosed()) await this.replace();
		else await this.reset();
		this.inUse = true;
		return { page: this.page!, context: this.context! };
	}

	/** The test is done with the tab (the reset waits for the next take: it may never come). */
	release(): void {
		this.inUse = false;
	}

	/** Closes the tab's context for good (a test's context.close() only releases it). */
	async close(): Promise<void> {
		await this.closeContext?.().catch(() => {});
		this.context = this.page = this.closeContext = null;
	}

	private closeContext: (() => Promise<void>) | null = null;

	private async replace(): Promise<void> {
		await this.close();
		const context = await this.browser().newContext(SITE_CONTEXT);
		const page = await context.newPage();
		this.tainted = false;
		for (const name of PAGE_TAINTS) this.markTaint(page, name);
		for (const name of CONTEXT_TAINTS) this.markTaint(context, name);
		this.markChange(page, 'setViewportSize', 'viewport');
		this.markChange(page, 'emulateMedia', 'media');
		// A test closes "its" context when done: for the shared tab that is a release.
		this.closeContext = context.close.bind(context);
		Object.assign(context, { close: async () => this.release() });
		this.context = context;
		this.page = page;
	}

	private markTaint(target: object, name: string): void {
		const original = (target as Record<string, unknown>)[name];
		if (typeof original !== 'function') return;
		Object.assign(target, {
			[name]: (...args: unknown[]) => {
				this.tainted = true;
				return (original as (...a: unknown[]) => unknown).apply(target, args);
			}
		});
	}

	private markChange(page: Page, name: 'setViewportSize' | 'emulateMedia', what: 'viewport' | 'media'): void {
		const original = page[name] as (...a: unknown[]) => Promise<void>;
		Object.assign(page, {
			[name]: (...args: unknown[]) => {
				this.changed[what] = true;
				return original.apply(page, args);
			}
		});
	}

	private async reset(): Promise<void> {
		const page = this.page!;
		const context = this.context!;
		page.removeAllListeners();
		for (const other of context.pages()) if (other !== page) await other.close();
		// sessionStorage belongs to the tab: clear it while the site's page is still there to reach it.
		if (page.url().startsWith(this.origin())) await page.evaluate(() => sessionStorage.clear()).catch(() => {});
		// Unload the previous page first (its pagehide may still write), then clear what it left.
		await page.goto('about:blank');
		if (this.changed.viewport) await page.setViewportSize(VIEWPORT);
		if (this.changed.media) await page.emulateMedia({ media: null, colorScheme: null, reducedMotion: null, forcedColors: null, contrast: null });
		this.changed = { viewport: false, media: false };
		const cdp = await context.newCDPSession(page);
		await cdp.send('Storage.clearDataForOrigin', { origin: this.origin(), storageTypes: 'all' });
		await cdp.detach();
	}
}
