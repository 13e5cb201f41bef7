// The posterior in a real browser: the bands of the published notebook agree with the data
// (measured from the notebook's own CSV), the fit cell says which posterior is in use and how
// many actuals its bands hold, a recomputed posterior is used in one undoable step and travels
// with the notebook, and Cancel leaves the page usable.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { showAnalysisCells, useSite, waitForEngine } from './support/site';
import { headlineText } from './support/text';
import { observedSeries } from '../../src/lib/data/index';
import { CALIBRATED, CALIBRATION_PAIRS, LEVERS, chinaMarketNotebook } from '../../src/lib/notebooks/chinaMarket';
import { encodeScenario } from '../../src/lib/scenario/encode';
import shipped from '../../src/lib/notebooks/posterior-v3.json';
import type { FitCell, PosteriorSample } from '../../src/lib/sim/types';

const site = useSite();

async function waitForBands(page: Page) {
	await expect.poll(() => page.getByTestId('mc-status').innerText().catch(() => ''), { timeout: 20_000 }).toContain('10,000 samples in');
}

async function openPosterior(page: Page) {
	await page.locator('.fit-cell .posterior-box > summary').click();
	await page.locator('.posterior-panel').waitFor();
}

describe('posterior and bands', () => {
	it('the CSV bands hold >= 80% of the 2019-2025 actuals, 5-95% width <= 4 pp for each share series; the fit cell says so', async () => {
		const { page, context, problems } = await site.open('/');
		await waitForEngine(page);
		await showAnalysisCells(page);
		await waitForBands(page);
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download results (CSV)' }).click()]);
		const lines = readFileSync((await download.path())!, 'utf8').trim().split(/\r?\n/);
		const header = lines[0].split(',');
		const rows = lines.slice(1).map((l) => l.split(',')).filter((r) => r[0] === 'This scenario');
		const column = (name: string) => header.indexOf(name);
		// The CSV has bands for the charted and key-figure variables: every calibration pair whose
		// variable has band columns is held to the bands' targets, over the years its series has data.
		const banded = CALIBRATION_PAIRS.filter(({ variable }) => column(`${variable}_p5`) >= 0 && column(`${variable}_p95`) >= 0);
		expect(banded.map((p) => p.variable)).toEqual(
			expect.arrayContaining(['domesticShare', 'domesticShareCaam', 'nevShare', 'germanShare', 'japaneseShare', 'usShare', 'otherShare'])
		);
		let inside = 0;
		let count = 0;
		for (const { variable, series } of banded) {
			let width = 0;
			let years = 0;
			let share = true;
			for (let year = 2019; year <= 2025; year++) {
				const actual = observedSeries[series][year];
				if (actual === undefined) continue;
				const row = rows.find((r) => Number(r[column('year')]) === year)!;
				const [low, high] = [Number(row[column(`${variable}_p5`)]), Number(row[column(`${variable}_p95`)])];
				expect(Number.isFinite(low) && Number.isFinite(high), `${variable} ${year} band`).toBe(true);
				count++;
				if (actual >= low && actual <= high) inside++;
				if (actual > 1) share = false;
				width += high - low;
				years++;
			}
			expect(years, `${series} has actuals in 2019-2025`).toBeGreaterThan(0);
			// Volumes (millions) have no width target; shares do.
			if (share) expect(width / years, `${variable} mean 5-95% width`).toBeLessThanOrEqual(0.04);
		}
		expect(inside / count).toBeGreaterThanOrEqual(0.8);
		// The chart's caption names the fan for what it is; the fit cell names its posterior.
		expect(await page.locator('figcaption').first().innerText()).toContain('posterior predictive');
		await openPosterior(page);
		expect(await page.getByTestId('posterior-in-use').innerText()).toMatch(/300 posterior draws \(shipped with the published notebook/);
		expect(await page.getByTestId('posterior-parameters').locator('tbody tr').count()).toBe(Object.keys(CALIBRATED).length);
		expect(await page.getByTestId('coverage-total').innerText()).toMatch(/^Over 2019-2025, \d+ of \d+ actuals .*fall inside their 5-95% band \(target: at least 80%\)/);
		expect(await page.getByTestId('coverage-domesticShare').locator('caption').innerText()).toMatch(/\d of 5 actuals inside the 5-95% band/);
		expect(await page.getByTestId('coverage-domesticShareCaam').locator('caption').innerText()).toMatch(/\d of 7 actuals inside the 5-95% band/);
		await context.close();
		expect(problems).toEqual([]);
	});

	it('a recomputed posterior is used in one undoable step and travels in the link', async () => {
		const { page, context, problems } = await site.open('/', {
			beforeGoto: (p) => p.addInitScript(() => localStorage.setItem('shiftcast:posteriorSteps', '400'))
		});
		await waitForEngine(page);
		await showAnalysisCells(page);
		await openPosterior(page);
		await page.getByRole('button', { name: 'Recompute the posterior' }).click();
		await expect.poll(() => page.getByTestId('posterior-new').innerText().catch(() => ''), { timeout: 30_000 }).toMatch(/^New posterior, 300 draws in [\d.]+ s\. 56 walkers × 400 steps/);
		// 400 steps are too few, and it says so.
		expect(await page.getByTestId('posterior-new').innerText()).toContain('Not converged');
		await page.getByRole('button', { name: 'Use this posterior' }).click();
		await expect.poll(() => page.getByTestId('posterior-in-use').innerText(), { timeout: 10_000 }).toContain('computed in this notebook');
		await expect.poll(() => new URL(page.url()).searchParams.has('nb'), { timeout: 5000 }).toBe(true);
		const link = new URL(page.url());
		await page.getByRole('button', { name: 'Undo' }).click();
		await expect.poll(() => page.getByTestId('posterior-in-use').innerText(), { timeout: 10_000 }).toContain('shipped with the published notebook');
		// The link with the posterior reopens with it.
		const fresh = await site.open(link.pathname + link.search);
		await waitForEngine(fresh.page);
		await showAnalysisCells(fresh.page);
		await openPosterior(fresh.page);
		await expect.poll(() => fresh.page.getByTestId('posterior-in-use').innerText(), { timeout: 10_000 }).toContain('computed in this notebook');
		await fresh.context.close();
		expect(fresh.problems).toEqual([]);
		await context.close();
		expect(problems).toEqual([]);
	});

	it('Cancel stops a long run; the page keeps working', async () => {
		const { page, context, problems } = await site.open('/', {
			beforeGoto: (p) => p.addInitScript(() => localStorage.setItem('shiftcast:posteriorSteps', '400000'))
		});
		await waitForEngine(page);
		await showAnalysisCells(page);
		await openPosterior(page);
		await page.getByRole('button', { name: 'Recompute the posterior' }).click();
		await page.getByRole('progressbar', { name: 'Posterior sampling progress' }).waitFor();
		await page.locator('.posterior-panel').getByRole('button', { name: 'Cancel' }).click();
		await expect.poll(() => page.locator('.posterior-panel').innerText()).toContain('The posterior run was cancelled; nothing changed.');
		const before = await headlineText(page, 'domesticShare', 2030);
		await page.getByRole('slider', { name: 'NEV gap Japanese brands close by 2030' }).fill('0.9');
		await expect.poll(() => headlineText(page, 'domesticShare', 2030)).not.toBe(before);
		await context.close();
		expect(problems).toEqual([]);
	});

	it('Sobol indices in the sensitivity cell: first-order and total with intervals; the quick estimate is labelled', async () => {
		const { page, context, problems } = await site.open('/');
		await waitForEngine(page);
		await showAnalysisCells(page);
		const cell = page.locator('.sensitivity-cell');
		await cell.scrollIntoViewIfNeeded();
		await cell.locator('.variance-table').waitFor({ timeout: 20_000 });
		expect((await cell.locator('.variance-table caption').textContent())?.trim()).toMatch(/^Quick estimate/);
		await cell.locator('.sobol-box > summary').click();
		await cell.getByRole('button', { name: 'Compute Sobol indices' }).click();
		const table = cell.getByTestId('sobol-table');
		await table.waitFor({ timeout: 30_000 });
		expect(await table.locator('caption').innerText()).toMatch(/Sobol indices of .* in \d{4}: [\d,]+ runs/);
		const rows = await table.locator('tbody tr').allInnerTexts();
		expect(rows.length).toBeGreaterThan(5);
		expect(rows.some((r) => r.startsWith('Calibrated parameters (14, joint posterior)'))).toBe(true);
		for (const row of rows) expect(row).toMatch(/\d+\.\d%\t-?\d+\.\d% to \d+\.\d%\t\d+\.\d%\t-?\d+\.\d% to \d+\.\d%/);
		await context.close();
		expect(problems).toEqual([]);
	});

	it('goal seek: finds a lever value, applies it (undoable), says when a target is out of reach or not a share', async () => {
		const { page, context, problems } = await site.open('/');
		await waitForEngine(page);
		await showAnalysisCells(page);
		const cell = page.locator('.sensitivity-cell');
		await cell.scrollIntoViewIfNeeded();
		await cell.locator('.goal-seek-box > summary').click();
		const form = page.getByRole('form', { name: 'Find the value' });
		await form.getByLabel('Output').selectOption('foreignShare');
		await form.getByLabel('Year', { exact: true }).fill('2030');
		await form.getByLabel('Target (%)').fill('27');
		await form.getByLabel('Lever').selectOption('localisationJapanese');
		await form.getByRole('button', { name: 'Find the value' }).click();
		const result = page.getByTestId('goal-seek-result');
		await expect.poll(() => result.innerText().catch(() => '')).toMatch(/^NEV gap Japanese brands close by 2030 = [\d.]+ share of gap gives .* in 2030 of 27\.0%\.$/);
		await page.getByRole('button', { name: /^Apply: set NEV gap Japanese brands/ }).click();
		const slider = page.getByRole('slider', { name: 'NEV gap Japanese brands close by 2030' });
		await expect.poll(() => slider.inputValue()).not.toBe('0.4');
		await page.getByRole('button', { name: 'Undo' }).click();
		await expect.poll(() => slider.inputValue()).toBe('0.4');
		await form.getByLabel('Target (%)').fill('90');
		await form.getByRole('button', { name: 'Find the value' }).click();
		await expect.poll(() => result.innerText().catch(() => '')).toMatch(/^No value of .* in its range reaches 90\.0%: .* spans [\d.]+% to [\d.]+%; closest: /);
		await form.getByLabel('Target (%)').fill('150');
		await form.getByRole('button', { name: 'Find the value' }).click();
		await expect.poll(() => cell.getByRole('alert').innerText().catch(() => '')).toContain("A share's target must be between 0% and 100%");
		await form.getByLabel('Target (%)').fill('20');
		await form.getByRole('button', { name: 'Which levers alone reach it?' }).click();
		await expect.poll(() => page.getByTestId('goal-seek-levers').locator('li').count()).toBe(LEVERS.length);
		await context.close();
		expect(problems).toEqual([]);
	});

	it('a pool of 2 or 4 analysis workers gives the bands (CSV) and the Sobol indices of one, to the digit', async () => {
		const csvWithPool = async (size: number) => {
			const { page, context, problems } = await site.open('/?v=3&localisationJapanese=0.6', {
				beforeGoto: (p) =>
					p.addInitScript((n) => {
						localStorage.setItem('shiftcast:analysisPool', String(n));
						// Count the workers the page starts: the pool's helpers are among them.
						const Original = window.Worker;
						(window as unknown as { __workers: number }).__workers = 0;
						window.Worker = class extends Original {
							constructor(...args: ConstructorParameters<typeof Worker>) {
								super(...args);
								(window as unknown as { __workers: number }).__workers++;
							}
						};
					}, size)
			});
			await waitForEngine(page);
		await showAnalysisCells(page);
			await waitForBands(page);
			workers.push(await page.evaluate(() => (window as unknown as { __workers: number }).__workers));
			const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download results (CSV)' }).click()]);
			const text = readFileSync((await download.path())!, 'utf8');
			// The Sobol indices too: their runs are shared over the pool.
			const cell = page.locator('.sensitivity-cell');
			await cell.scrollIntoViewIfNeeded();
			await cell.locator('.sobol-box > summary').click();
			await cell.getByRole('button', { name: 'Compute Sobol indices' }).click();
			await cell.getByTestId('sobol-table').waitFor({ timeout: 30_000 });
			sobol.push(await cell.getByTestId('sobol-table').locator('tbody').innerText());
			await context.close();
			expect(problems).toEqual([]);
			return text;
		};
		const workers: number[] = [];
		const sobol: string[] = [];
		const one = await csvWithPool(1);
		expect(one).toContain('domesticShare_p95');
		expect(await csvWithPool(2)).toBe(one);
		expect(await csvWithPool(4)).toBe(one);
		expect(sobol[1]).toBe(sobol[0]);
		expect(sobol[2]).toBe(sobol[0]);
		// One more worker per helper: the pools were really there.
		expect([workers[1] - workers[0], workers[2] - workers[0]]).toEqual([1, 3]);
	});

	it('a link whose posterior does not fit the notebook opens with the fitted values, says so, and the rest holds', async () => {
		const notebook = structuredClone(chinaMarketNotebook);
		const fit = notebook.cells.find((c) => c.kind === 'fit') as FitCell;
		const posterior = structuredClone(shipped as PosteriorSample);
		posterior.draws[0][0] = 99; // nevSteepness far outside its range
		fit.posterior = posterior;
		const query = await encodeScenario({ notebook, inputs: { localisationJapanese: 0.6 }, horizon: 2035 }, chinaMarketNotebook);
		const { page, context, problems } = await site.open(`/?${query}`);
		await waitForEngine(page);
		await showAnalysisCells(page);
		await expect.poll(() => page.getByTestId('link-notice').innerText().catch(() => '')).toContain('The posterior sample set does not fit this notebook (draw 1 puts "nevSteepness" at 99');
		expect(await page.getByRole('slider', { name: 'NEV gap Japanese brands close by 2030' }).inputValue()).toBe('0.6');
		await openPosterior(page);
		expect(await page.locator('.posterior-panel').innerText()).toContain('No posterior is in use for this cell');
		await context.close();
		expect(problems).toEqual([]);
	});
});
