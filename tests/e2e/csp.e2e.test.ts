// Content Security Policy: every prerendered page carries a strict policy in a <meta> tag (no
// 'unsafe-eval', no inline script), and under it the notebook, the engine worker, the charts
// and the compare page all work with no violation reported.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { canvasToPng } from '../../src/lib/export/image';
import { useSite, waitForEngine } from './support/site';
import { RECORD_CSP_VIOLATIONS, canvasInk, cspViolations, headlineFigure, openWith, recordCspConsole } from './support/checks';

const site = useSite();

/** Shown when a violation is found; the one known cause so far is spelt out. */
const NO_VIOLATION =
	'CSP violations. An "eval" one from the chunk holding zod is zod\'s JIT probe (`Function("")` in a try/catch): ' +
	'call `z.config({ jitless: true })` (import { config } from "zod/mini") before the first parse, e.g. in src/hooks.client.ts';

/** The policy of a built page, as directive -> sources. */
function parsePolicy(html: string): { raw: string; directives: Map<string, string[]> } {
	const metas = [...html.matchAll(/<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"/gi)];
	expect(metas, 'exactly one CSP <meta>').toHaveLength(1);
	const raw = metas[0][1].replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
	const directives = new Map<string, string[]>();
	for (const part of raw.split(';')) {
		const [name, ...sources] = part.trim().split(/\s+/);
		if (name) directives.set(name.toLowerCase(), sources);
	}
	return { raw, directives };
}

async function openUnderWatch(path: string) {
	const opened = await openWith(site, path, { initScripts: [RECORD_CSP_VIOLATIONS] });
	const cspConsole = recordCspConsole(opened.page);
	return { ...opened, cspConsole };
}

describe('the Content Security Policy of the built pages', () => {
	for (const file of ['index.html', 'compare.html', 'about.html']) {
		it(`${file} carries a strict policy in a <meta> tag before any script`, async () => {
			const html = await readFile(`build/${file}`, 'utf8');
			const { raw, directives } = parsePolicy(html);
			expect(raw).not.toContain('unsafe-eval');
			expect(directives.get('default-src')).toEqual(["'self'"]);
			expect(directives.get('object-src')).toEqual(["'none'"]);
			expect(directives.get('base-uri')).toEqual(["'self'"]);
			expect(directives.get('form-action')).toEqual(["'self'"]);
			expect(directives.get('worker-src')).toEqual(["'self'"]);
			expect(directives.get('connect-src')).toEqual(["'self'"]);
			expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
			// Scripts: this site and the hashes of SvelteKit's own inline bootstrap, nothing inline else.
			const scripts = directives.get('script-src')!;
			expect(scripts[0]).toBe("'self'");
			expect(scripts.slice(1).every((s) => /^'sha256-[A-Za-z0-9+/]+=*'$/.test(s))).toBe(true);
			expect(scripts).not.toContain("'unsafe-inline'");
			// Styles: files from this site; style attributes only by exact hash.
			expect(directives.get('style-src')).toEqual(["'self'"]);
			expect(raw).not.toContain("'unsafe-inline'");
			// The meta tag comes before any script and any stylesheet, so it governs them all.
			const at = html.search(/<meta\s+http-equiv="content-security-policy"/i);
			expect(at).toBeGreaterThan(0);
			expect(at).toBeLessThan(html.search(/<script|<link[^>]+(modulepreload|stylesheet)/i));
			// frame-ancestors cannot be delivered by <meta> (browsers ignore it there).
			expect(directives.has('frame-ancestors')).toBe(false);
		});
	}

	it('every inline script in the pages is covered by a hash in the policy', async () => {
		for (const file of ['index.html', 'compare.html', 'about.html']) {
			const html = await readFile(`build/${file}`, 'utf8');
			const scripts = parsePolicy(html).directives.get('script-src')!;
			const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]);
			expect(inline.length).toBeGreaterThan(0);
			for (const body of inline) expect(scripts).toContain(`'sha256-${createHash('sha256').update(body).digest('base64')}'`);
		}
	});
});

describe('the app under its Content Security Policy', () => {
	it('the notebook: the engine worker answers, a slider changes a figure, the charts draw, no violation', async () => {
		const { page, context, problems, cspConsole } = await openUnderWatch('/');
		await waitForEngine(page);
		// The policy really is in force in this document.
		const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
		expect(policy).toContain("script-src 'self'");
		expect(policy).not.toContain('unsafe-eval');
		expect(await page.evaluate(() => typeof Worker)).toBe('function');

		const before = await page.locator(headlineFigure('domesticShare', 2030)).innerText();
		expect(before).toMatch(/^\d+\.\d%$/);
		await page.getByRole('slider', { name: 'NEV gap Japanese brands close by 2030' }).fill('0.9');
		await expect.poll(() => page.locator(headlineFigure('domesticShare', 2030)).innerText()).not.toBe(before);

		// Chart.js canvases have pixels drawn on them (not blank), and a PNG copy with a background works.
		await expect.poll(async () => (await canvasInk(page, '.chart canvas')).filter((c) => c.inked > 500).length).toBeGreaterThanOrEqual(3);
		const ink = await canvasInk(page, '.chart canvas');
		expect(ink.every((c) => c.width > 0 && c.height > 0)).toBe(true);
		const png = await page.evaluate(`(${canvasToPng.toString()})(document.querySelector('.chart canvas'), '#ffffff')`);
		expect(String(png)).toMatch(/^data:image\/png;base64,/);
		expect(String(png).length).toBeGreaterThan(ink[0].dataUrlLength * 0.5);

		// Nothing so far was refused by the policy.
		await page.waitForTimeout(300);
		expect(await cspViolations(page), NO_VIOLATION).toEqual([]);
		expect(cspConsole).toEqual([]);
		expect(problems).toEqual([]);

		// And the policy is enforced, not merely present: an injected inline script does not run.
		const ran = await page.evaluate(() => {
			const s = document.createElement('script');
			s.textContent = 'window.__inlineRan = true';
			document.head.append(s);
			return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
		});
		expect(ran).toBe(false);
		await expect.poll(async () => (await cspViolations(page)).some((v) => v.startsWith('script-src'))).toBe(true);
		await context.close();
	});

	it('the compare page: scenarios run in the worker and chart, no violation', async () => {
		const { page, context, problems, cspConsole } = await openUnderWatch('/compare');
		await page.waitForSelector('[data-ready="true"] [data-testid="column-1"]');
		await expect.poll(() => page.getByTestId('figure-1-domesticShare-2030').innerText()).toMatch(/^\d+\.\d%$/);
		// The charts draw a second or two after the figures (measured 1.1-2.0 s, this build and the one before).
		await expect.poll(async () => (await canvasInk(page, '.chart canvas')).filter((c) => c.inked > 500).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
		await page.waitForTimeout(300);
		expect(await cspViolations(page), NO_VIOLATION).toEqual([]);
		expect(cspConsole).toEqual([]);
		expect(problems).toEqual([]);
		await context.close();
	});

	it('the method page, and a client-side navigation to the notebook, report no violation', async () => {
		const { page, context, problems, cspConsole } = await openUnderWatch('/about');
		await page.waitForLoadState('networkidle');
		await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Notebook' }).click();
		await waitForEngine(page);
		await page.waitForTimeout(300);
		expect(await cspViolations(page), NO_VIOLATION).toEqual([]);
		expect(cspConsole).toEqual([]);
		expect(problems).toEqual([]);
		await context.close();
	});
});
