// Accessibility: axe-core on the notebook (engine ready, saved scenarios open), the compare page
// and the method page; any violation of impact 'serious' or 'critical' fails the test, and every
// violation found is printed. Then keyboard-only use: Tab reaches a slider, ArrowRight moves a
// headline figure, and the focused control shows a visible focus indicator.
//
// axe is evaluated into the page when a test audits it (support/axe.ts).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useSite, waitForEngine } from './support/site';
import { axeViolations, type AxeViolation } from './support/axe';

const site = useSite();
const FAILING = new Set(['serious', 'critical']);

function describeViolations(where: string, violations: AxeViolation[]): string {
	if (!violations.length) return `${where}: no axe violations`;
	return [
		`${where}: ${violations.length} axe violation(s)`,
		...violations.map((v) =>
			[
				`  [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} node${v.nodes.length === 1 ? '' : 's'}) ${v.helpUrl}`,
				...v.nodes.slice(0, 5).map((n) => `      ${JSON.stringify(n.target)}  ${n.html.replace(/\s+/g, ' ').slice(0, 220)}`),
				...(v.nodes[0]?.failureSummary ? [`      why: ${v.nodes[0].failureSummary.replace(/\s+/g, ' ').slice(0, 400)}`] : [])
			].join('\n')
		)
	].join('\n');
}

async function audit(page: Page, where: string): Promise<void> {
	const violations = await axeViolations(page);
	expect(await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe)).toBe('object');
	const report = describeViolations(where, violations);
	console.log(report);
	const failing = violations.filter((v) => FAILING.has(v.impact ?? ''));
	expect(failing.map((v) => `${v.impact} ${v.id}`), report).toEqual([]);
}

const open = (path: string) => site.open(path);
/** A page at another viewport and colour scheme from its first paint (the shared tab sets them back). */
const openAt = (path: string, viewport: { width: number; height: number }, colorScheme: 'light' | 'dark') =>
	site.open(path, { beforeGoto: (page) => Promise.all([page.setViewportSize(viewport), page.emulateMedia({ colorScheme })]) });

async function waitForCompare(page: Page): Promise<void> {
	await page.waitForSelector('[data-ready="true"] [data-testid="column-1"]', { timeout: 20_000 });
	await expect.poll(() => page.getByTestId('figure-1-domesticShare-2030').innerText()).toMatch(/%$/);
	await page.waitForTimeout(300);
}

async function openAllDetails(page: Page): Promise<void> {
	await page.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
	await page.waitForTimeout(500);
}

describe('axe-core finds no serious or critical violation', () => {
	it('on the notebook page, engine ready, saved scenarios open', async () => {
		const { page, context } = await open('/');
		await waitForEngine(page);
		await page.locator('details.library-box > summary').click();
		await expect.poll(() => page.locator('details.library-box').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
		await page.getByRole('region', { name: 'Saved scenarios' }).waitFor(); // its code loads when first opened
		await page.waitForTimeout(500); // the panel computes a figure per scenario
		await audit(page, 'notebook (saved scenarios open)');
		await context.close();
	});

	it('on the notebook page with every data table open', async () => {
		const { page, context } = await open('/');
		await waitForEngine(page);
		await openAllDetails(page);
		await audit(page, 'notebook (all <details> open)');
		await context.close();
	});

	it('on a data cell: its editor with a report of bad rows, and the series it brings', async () => {
		const { page, context } = await open('/');
		await waitForEngine(page);
		const intro = page.locator('[data-cell-id="md-intro"]');
		await intro.getByRole('button', { name: 'Add a cell' }).click();
		await intro.getByRole('combobox', { name: 'Kind of cell to add' }).selectOption('data');
		await intro.getByRole('button', { name: 'Add cell' }).click();
		const box = page.locator('[data-cell-id="data-1"]');
		await box.getByRole('button', { name: 'Edit' }).click();
		await box.getByRole('textbox', { name: /^Data/ }).fill('series,period,value,unit\nmy_nev,2024,0.45,share\nmy_nev,2025,abc,share\n');
		await box.getByRole('button', { name: 'Apply' }).click();
		await box.getByRole('status').waitFor();
		await audit(page, 'notebook (data cell being edited)');
		await context.close();
	});

	it('on a version-1 link: its version notice, then the notice after moving it to the current model', async () => {
		const { page, context } = await open('/?v=1&localisation=0.6');
		await waitForEngine(page);
		await page.getByTestId('version-notice').waitFor();
		await audit(page, 'notebook (version-1 link)');
		await page.getByRole('button', { name: 'Open with the current model' }).click();
		await page.getByTestId('upgrade-notice').waitFor();
		await audit(page, 'notebook (moved to the current model)');
		await context.close();
	});

	it('on the compare page (data tables open too)', async () => {
		const { page, context } = await open('/compare');
		await waitForCompare(page);
		await audit(page, 'compare');
		await openAllDetails(page);
		await audit(page, 'compare (all <details> open)');
		await context.close();
	});

	it('on the method page', async () => {
		const { page, context } = await open('/about');
		await page.waitForLoadState('networkidle');
		await audit(page, 'method (about)');
		await context.close();
	});

	for (const [width, height] of [[1280, 800], [375, 740]]) {
		for (const colorScheme of ['light', 'dark'] as const) {
			it(`on /explore at ${width} px, ${colorScheme}, tools and disclosures open too`, async () => {
				const { page, context } = await openAt('/explore', { width, height }, colorScheme);
				await waitForEngine(page);
				await audit(page, `explore (${width} px, ${colorScheme})`);
				await openAllDetails(page);
				await audit(page, `explore (${width} px, ${colorScheme}, all <details> open)`);
				expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
				await context.close();
			});
		}
	}

	for (const path of ['/', '/compare', '/about']) {
		it(`on ${path} at phone width in dark mode, every <details> open`, async () => {
			const { page, context } = await openAt(path, { width: 375, height: 812 }, 'dark');
			if (path === '/') await waitForEngine(page);
			else if (path === '/compare') await waitForCompare(page);
			else await page.waitForLoadState('networkidle');
			await openAllDetails(page);
			await audit(page, `${path} (375 px, dark, all <details> open)`);
			// Usable at 375 px: nothing pushes the page sideways (wide tables scroll in their own box).
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
			await context.close();
		});
	}
});

describe('keyboard only', () => {
	it('Tab reaches a slider, ArrowRight changes a headline figure, and focus is visible', async () => {
		const { page, context, problems } = await open('/');
		await waitForEngine(page);
		await page.locator('body').focus();
		const trail: string[] = [];
		let onSlider = false;
		for (let i = 0; i < 120 && !onSlider; i++) {
			await page.keyboard.press('Tab');
			const active = await page.evaluate(() => {
				const el = document.activeElement as HTMLElement | null;
				return { tag: el?.tagName ?? '', type: (el as HTMLInputElement | null)?.type ?? '', name: el?.getAttribute('aria-label') ?? el?.id ?? el?.textContent?.trim().slice(0, 30) ?? '' };
			});
			trail.push(`${active.tag}${active.type ? `[${active.type}]` : ''} ${active.name}`);
			onSlider = active.tag === 'INPUT' && active.type === 'range';
		}
		expect(onSlider, `Tab never reached a slider; focus went: ${trail.join(' → ')}`).toBe(true);

		// Focus is visible on the slider: a real outline or a box-shadow.
		const ring = await page.evaluate(() => {
			const el = document.activeElement as HTMLElement;
			const s = getComputedStyle(el);
			return { outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth), boxShadow: s.boxShadow, focusVisible: el.matches(':focus-visible') };
		});
		expect(ring.focusVisible).toBe(true);
		expect(ring.outlineStyle !== 'none' && ring.outlineWidth > 0 || ring.boxShadow !== 'none', JSON.stringify(ring)).toBe(true);

		// ArrowRight moves the slider and a headline figure follows.
		const figures = () => page.locator('[data-testid^="headline-"] .figure-value').allInnerTexts();
		const before = await figures();
		const sliderBefore = await page.evaluate(() => (document.activeElement as HTMLInputElement).value);
		for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
		expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).not.toBe(sliderBefore);
		await expect.poll(async () => (await figures()).join('|')).not.toBe(before.join('|'));

		expect(problems).toEqual([]);
		await context.close();
	});
});
