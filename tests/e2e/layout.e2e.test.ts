// A quieter notebook: cell tools float and show on hover or keyboard focus (Tab still reaches
// them), and on a wide screen the key figures stay in view in the sticky top bar while a lever
// far down the page is moved.
import { describe, expect, it } from 'vitest';
import { useSite, waitForEngine } from './support/site';
import { textOf } from './support/text';

const site = useSite();

describe('a quieter notebook', () => {
	it('shows a cell\'s tools on hover and on keyboard focus only', async () => {
		const { page, problems } = await site.open('/');
		await waitForEngine(page);
		const cell = page.locator('#cell-md-levers');
		const toolbar = cell.getByRole('toolbar');
		const opacity = () => toolbar.evaluate((el) => getComputedStyle(el).opacity);
		await page.mouse.move(0, 0);
		await expect.poll(opacity).toBe('0');
		await cell.hover();
		await expect.poll(opacity).toBe('1');
		await page.mouse.move(0, 0);
		await expect.poll(opacity).toBe('0');
		// Keyboard: focus lands on a tool, and the tools show.
		await toolbar.getByRole('button', { name: 'Duplicate cell' }).focus();
		await expect.poll(opacity).toBe('1');
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.closest('[role="toolbar"]') !== null)).toBe(true);
		expect(problems).toEqual([]);
	});

	it('keeps the key figures in view on a wide screen while a lever far down is moved', async () => {
		const { page, context, problems } = await site.open('/');
		await page.setViewportSize({ width: 1280, height: 800 });
		await waitForEngine(page);
		const slider = page.getByRole('slider', { name: 'Chinese models lost in a shake-out by 2030' });
		await slider.scrollIntoViewIfNeeded();
		const summary = page.getByTestId('sticky-summary');
		const inView = async () => {
			const box = await summary.boundingBox();
			return box !== null && box.y >= 0 && box.y + box.height <= 800 && box.height > 0;
		};
		expect(await inView()).toBe(true);
		const before = await textOf(summary);
		expect(before).toMatch(/2030 \d+\.\d% \(±0\.0 pp\)/);
		await slider.fill('0.3');
		await expect.poll(() => textOf(summary)).not.toBe(before);
		expect(await textOf(summary)).toMatch(/−\d+\.\d pp/);
		expect(await inView()).toBe(true);
		await context.close();
		expect(problems).toEqual([]);
	});

	it('leaves the summary out on a phone, where the top bar must stay small', async () => {
		const { page, problems } = await site.open('/');
		await page.setViewportSize({ width: 375, height: 740 });
		await waitForEngine(page);
		expect(await page.getByTestId('sticky-summary').isVisible()).toBe(false);
		expect(problems).toEqual([]);
	});
});
