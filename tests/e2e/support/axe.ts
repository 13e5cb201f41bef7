// axe-core in a page, for the accessibility checks of every end-to-end file. axe is evaluated over
// the DevTools protocol the first time a page is checked: the pages' CSP refuses inline <script>
// (addScriptTag), protocol evaluation is not subject to it, and unlike an init script it does not
// taint the tab the tests share (support/sharedTab.ts).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const FAILING = new Set(['serious', 'critical']);

export interface AxeViolation {
	id: string;
	impact: string | null;
	help: string;
	helpUrl: string;
	nodes: { target: unknown[]; html: string; failureSummary?: string }[];
}

/** Every axe violation in the page, or inside `selector` (its first match). */
export async function axeViolations(page: Page | Frame, selector?: string): Promise<AxeViolation[]> {
	if ((await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe)) !== 'object') await page.evaluate(AXE_SOURCE);
	return page.evaluate(async (sel) => {
		const axe = (window as unknown as { axe: { run: (ctx: Element | Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
		const result = await axe.run(sel ? document.querySelector(sel)! : document, { resultTypes: ['violations'] });
		return result.violations.map((v) => ({
			id: v.id,
			impact: v.impact,
			help: v.help,
			helpUrl: v.helpUrl,
			nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary }))
		}));
	}, selector);
}

/** The serious and critical ones, one line each: impact, rule and the first nodes' markup. */
export function failing(violations: AxeViolation[]): string[] {
	return violations.filter((v) => FAILING.has(v.impact ?? '')).map((v) => `${v.impact} ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.html.slice(0, 160)).join(' | ')}`);
}

/** Serious and critical violations in the page, or inside `selector`. */
export async function seriousViolations(page: Page | Frame, selector?: string): Promise<string[]> {
	return failing(await axeViolations(page, selector));
}
