// Scenario discovery in a real browser: the published notebook's discovery cell sweeps every
// scenario lever and draws PRIM's boxes; a step is chosen (an undoable edit), a scenario opens at
// the box's centre in one undoable step, the box's link reopens the same box; a question no run
// meets says so; a link with a step past the trajectory opens with a notice; explore reaches it.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useSite, waitForEngine } from './support/site';
import { chinaMarketNotebook } from '../../src/lib/notebooks/chinaMarket';
import { encodeScenario } from '../../src/lib/scenario/encode';
import type { DiscoveryCell, Notebook } from '../../src/lib/sim/types';

const site = useSite();

/** The published notebook with its discovery cell changed by `patch`, as a link's query. */
async function linkWith(patch: Partial<DiscoveryCell>): Promise<string> {
	const notebook: Notebook = {
		...chinaMarketNotebook,
		cells: chinaMarketNotebook.cells.map((c) => (c.kind === 'discovery' ? { ...c, ...patch } : c))
	};
	return encodeScenario({ notebook, inputs: {}, horizon: notebook.horizon }, chinaMarketNotebook);
}

async function findBoxes(page: Page) {
	const cell = page.locator('.cell-discovery');
	await cell.scrollIntoViewIfNeeded();
	await cell.getByRole('button', { name: /^Find boxes/ }).click();
	await cell.getByTestId('discovery-summary').waitFor({ timeout: 60_000 });
	return cell;
}

describe('scenario discovery', () => {
	it('finds a box for the published question, picks a step (undoable), opens its centre in one step, and its link reopens the same box', async () => {
		const { page, context, problems } = await site.open('/');
		await waitForEngine(page);
		const cell = await findBoxes(page);
		expect(await cell.getByTestId('discovery-summary').innerText()).toMatch(/^[\d,]+ of 10,000 runs \(\d+\.\d%\) give .* in 2030 at most 67\.0%/);
		const table = cell.getByTestId('discovery-box');
		await table.waitFor();
		const rows = await table.locator('tbody tr').allInnerTexts();
		expect(rows.length).toBeGreaterThan(0);
		expect(await cell.getByTestId('discovery-box-figures').innerText()).toMatch(/coverage \d+\.\d%.*density \d+\.\d%.*mass \d+\.\d%/);

		// An earlier step of the peeling: a wider box, chosen as an edit that Undo takes back.
		const picker = cell.getByTestId('discovery-step');
		const steps = await picker.locator('option').count();
		expect(steps).toBeGreaterThan(2);
		await picker.selectOption(String(2));
		await expect.poll(() => picker.inputValue()).toBe('2');
		// The address follows the edit (the notebook's changed cell travels in `nb`).
		await expect.poll(() => page.evaluate(() => location.search)).toContain('nb=');
		const withStep = await page.evaluate(() => location.href);

		// Open a scenario in this box: restricted levers to the centre, one undo step.
		const before = await page.evaluate(() => location.search);
		await cell.getByRole('button', { name: 'Open a scenario in this box' }).click();
		await expect.poll(() => cell.getByRole('status').first().innerText()).toMatch(/^Opened the box's centre/);
		await expect.poll(() => page.evaluate(() => location.search)).not.toBe(before);
		await page.getByRole('button', { name: 'Undo' }).first().click();
		await expect.poll(() => page.evaluate(() => location.search)).toBe(before);

		// The link with the step reopens the question and shows the same box without a click.
		const again = await context.newPage();
		await again.goto(withStep);
		await waitForEngine(again);
		const reopened = again.locator('.cell-discovery');
		// Cells off screen skip rendering (content-visibility): bring it into view to read it.
		await reopened.scrollIntoViewIfNeeded();
		await reopened.getByTestId('discovery-box').waitFor({ timeout: 60_000 });
		expect(await reopened.getByTestId('discovery-step').inputValue()).toBe('2');
		expect(await reopened.getByTestId('discovery-box').locator('tbody tr').allInnerTexts()).toEqual(
			await (async () => {
				await picker.selectOption('2');
				return table.locator('tbody tr').allInnerTexts();
			})()
		);
		await context.close();
		expect(problems).toEqual([]);
	});

	it('a condition no run meets says so and draws no box; a step past the trajectory opens with a notice', async () => {
		const { page, context, problems } = await site.open(`/?${await linkWith({ value: 0.01 })}`);
		await waitForEngine(page);
		const cell = await findBoxes(page);
		await expect.poll(() => cell.getByTestId('discovery-verdict').innerText()).toMatch(/^No run meets the condition/);
		expect(await cell.getByTestId('discovery-box').count()).toBe(0);
		await context.close();

		const far = await site.open(`/?${await linkWith({ step: 999 })}`);
		await waitForEngine(far.page);
		const farCell = far.page.locator('.cell-discovery');
		await farCell.scrollIntoViewIfNeeded();
		await expect.poll(() => farCell.locator('.notice').first().innerText().catch(() => ''), { timeout: 60_000 }).toMatch(/asked for step 999/);
		await farCell.getByTestId('discovery-box').waitFor();
		await far.context.close();

		// A link naming an output the notebook lacks: the cell says so; the rest of the page works.
		const unknown = await site.open(`/?${await linkWith({ variable: 'noSuchOutput', step: 1 })}`);
		await waitForEngine(unknown.page);
		const unknownCell = unknown.page.locator('.cell-discovery');
		await unknownCell.scrollIntoViewIfNeeded();
		await expect.poll(() => unknownCell.getByTestId('discovery-unanswerable').innerText().catch(() => '')).toMatch(/does not have \(“noSuchOutput”\)/);
		expect(await unknown.page.getByRole('slider').count()).toBeGreaterThan(5);
		await unknown.context.close();
		expect([...problems, ...far.problems, ...unknown.problems]).toEqual([]);
	});

	it('explore reaches the same cell: runs, and Cancel leaves the page usable', async () => {
		const { page, context, problems } = await site.open('/explore');
		await waitForEngine(page);
		await page.locator('.explore-discovery > summary').click();
		const cell = page.locator('.explore-discovery');
		await cell.getByRole('button', { name: 'Find boxes' }).click();
		await cell.getByRole('button', { name: 'Cancel' }).click();
		await expect.poll(() => cell.getByRole('status').first().innerText().catch(() => '')).toMatch(/cancelled/);
		await cell.getByRole('button', { name: /^Find boxes/ }).click();
		await cell.getByTestId('discovery-box').waitFor({ timeout: 60_000 });
		const slider = page.getByRole('slider').first();
		await slider.focus();
		await page.keyboard.press('ArrowRight');
		await context.close();
		expect(problems).toEqual([]);
	});

	it('what an outlook implies: IEA and AlixPartners matched with three levers, applied in one undoable step; an unreachable outlook says how close it gets', async () => {
		const { page, context, problems } = await site.open('/');
		await waitForEngine(page);
		const cell = page.locator('.cell-discovery');
		await cell.scrollIntoViewIfNeeded();
		const panel = cell.locator('.outlook-match');
		await panel.locator('summary').click();
		await panel.getByLabel(/IEA outlook.*2030/).check();
		await panel.getByLabel(/Chinese brands’ share of China’s market, AlixPartners.*2030/).check();
		// Only three levers may move.
		for (const box of await panel.locator('fieldset').nth(1).getByRole('checkbox').all()) await box.uncheck();
		for (const name of ['Electrification pace from 2026', 'Long-run NEV share ceiling', 'shake-out by 2030']) await panel.locator('fieldset').nth(1).getByLabel(new RegExp(name, 'i')).first().check();
		await panel.getByRole('button', { name: 'Find the closest setting' }).click();
		await expect.poll(() => panel.getByTestId('outlook-verdict').innerText().catch(() => '')).toMatch(/^Every outlook picked is reached/);
		expect(await panel.getByTestId('outlook-levers').locator('tbody tr').count()).toBe(3);
		const before = await page.evaluate(() => location.search);
		await panel.getByRole('button', { name: 'Apply these lever values' }).click();
		await expect.poll(() => page.evaluate(() => location.search)).not.toBe(before);
		await page.getByRole('button', { name: 'Undo' }).first().click();
		await expect.poll(() => page.evaluate(() => location.search)).toBe(before);

		// The IEA alone with the NEV ceiling held low: out of reach, and it says by how much.
		await panel.getByLabel(/Chinese brands’ share of China’s market, AlixPartners.*2030/).uncheck();
		for (const box of await panel.locator('fieldset').nth(1).getByRole('checkbox').all()) await box.uncheck();
		await panel.locator('fieldset').nth(1).getByLabel(/shake-out by 2030/i).first().check();
		await panel.getByRole('button', { name: 'Find the closest setting' }).click();
		await expect.poll(() => panel.getByTestId('outlook-verdict').innerText().catch(() => '')).toMatch(/^No setting of these levers reaches every outlook picked/);
		expect(await panel.getByTestId('outlook-misses').innerText()).toMatch(/pp \(not reached\)/);
		await context.close();
		expect(problems).toEqual([]);
	});

	it('a pool of two analysis workers finds the same runs and the same box as one', async () => {
		const boxWith = async (pool: number) => {
			const { page, context, problems } = await site.open('/', {
				beforeGoto: (p) => p.addInitScript((n) => localStorage.setItem('shiftcast:analysisPool', String(n)), pool)
			});
			await waitForEngine(page);
			const cell = await findBoxes(page);
			await cell.getByTestId('discovery-box').waitFor();
			const out = {
				summary: (await cell.getByTestId('discovery-summary').innerText()).replace(/; [\d.]+ s\.$/, ''),
				steps: await cell.getByTestId('discovery-step').locator('option').allInnerTexts(),
				box: await cell.getByTestId('discovery-box').locator('tbody tr').allInnerTexts()
			};
			await context.close();
			expect(problems).toEqual([]);
			return out;
		};
		const one = await boxWith(1);
		const two = await boxWith(2);
		expect(two).toEqual(one);
	});
});
