// Helpers for the CSP, offline and accessibility tests. They add to site.ts and change nothing
// in it: openWith() is site.open() with scripts installed before the first navigation.
import type { BrowserContext, BrowserContextOptions, ConsoleMessage, Page } from 'playwright-core';
import type { Site } from './site';

export interface OpenOptions {
	/** Scripts run in every document before its own scripts (CDP: they bypass the page's CSP). */
	initScripts?: string[];
	context?: BrowserContextOptions;
}

/** Like site.open(), but installs init scripts first and records CSP messages too. */
export async function openWith(
	site: Site,
	path = '/',
	options: OpenOptions = {}
): Promise<{ page: Page; context: BrowserContext; problems: string[] }> {
	const context = await site.browser.newContext({ viewport: { width: 1200, height: 900 }, ...options.context });
	const page = await context.newPage();
	const problems = recordProblems(page);
	for (const content of options.initScripts ?? []) await page.addInitScript({ content });
	await page.goto(site.url + path);
	return { page, context, problems };
}

/** Playwright's word when a context made with `serviceWorkers: 'block'` (site.open's) stops a registration: the harness's, not the site's. */
const BLOCKED_SERVICE_WORKER = 'Service Worker registration blocked by Playwright';

/** Console errors and warnings, uncaught errors and dialogs, as site.open() records them. */
export function recordProblems(page: Page): string[] {
	const problems: string[] = [];
	page.on('console', (m: ConsoleMessage) => {
		if (m.type() === 'error' || (m.type() === 'warning' && m.text() !== BLOCKED_SERVICE_WORKER)) problems.push(`${m.type()}: ${m.text()}`);
	});
	page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
	page.on('dialog', (d) => {
		problems.push(`dialog: ${d.message()}`);
		void d.dismiss();
	});
	return problems;
}

/**
 * An init script that keeps every `securitypolicyviolation` event of the document in
 * `window.__cspViolations` (read them with cspViolations()).
 */
export const RECORD_CSP_VIOLATIONS = `(() => {
	const list = (window.__cspViolations = []);
	document.addEventListener('securitypolicyviolation', (e) => {
		list.push([e.violatedDirective, e.effectiveDirective, e.blockedURI || '(inline)', e.sourceFile ? e.sourceFile + ':' + e.lineNumber : '', e.sample].filter(Boolean).join(' | '));
	}, true);
})();`;

export async function cspViolations(page: Page): Promise<string[]> {
	return page.evaluate(() => ((window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []).slice());
}

/** Console messages mentioning the Content Security Policy, whatever their level. */
export function recordCspConsole(page: Page): string[] {
	const found: string[] = [];
	page.on('console', (m) => /content security policy/i.test(m.text()) && found.push(`${m.type()}: ${m.text()}`));
	return found;
}

/** For each canvas matching `selector`: its size and how many pixels are not fully transparent. */
export async function canvasInk(page: Page, selector = 'canvas'): Promise<{ width: number; height: number; inked: number; dataUrlLength: number }[]> {
	return page.locator(selector).evaluateAll((canvases) =>
		(canvases as HTMLCanvasElement[]).map((c) => {
			// Read a copy, so the chart's own canvas is never read back (Chrome warns when one is, often).
			let inked = 0;
			const copy = document.createElement('canvas');
			copy.width = c.width;
			copy.height = c.height;
			const ctx = copy.getContext('2d', { willReadFrequently: true });
			if (ctx && c.width && c.height) {
				ctx.drawImage(c, 0, 0);
				const data = ctx.getImageData(0, 0, c.width, c.height).data;
				for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) inked++;
			}
			return { width: c.width, height: c.height, inked, dataUrlLength: c.toDataURL('image/png').length };
		})
	);
}

/** Text of a headline figure on the notebook page. */
export const headlineFigure = (variable: string, year: number) => `[data-testid="headline-${variable}-${year}"] .figure-value`;
