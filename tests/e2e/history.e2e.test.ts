// Model 2 in a real browser: no lever rewrites 2019-2025, the 2025 actuals and forecasts are
// there with their sources, and a version-1 link opens with the figures it had, until its reader
// moves it to the current model (one undoable step).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useSite, waitForEngine } from './support/site';
import { headlineText, textOf, textsOf } from './support/text';
import { LEVERS, chinaMarketNotebook } from '../../src/lib/notebooks/chinaMarket';
import type { InputCell } from '../../src/lib/sim/types';
import { formatValue } from '../../src/lib/view/format';
import linksV1 from '../fixtures/links-v1.json';

const site = useSite();
const TABLE = 'Year by year, table';

/** The rows of the notebook's year-by-year table, year -> the row's text. */
async function tableRows(page: Page): Promise<Map<number, string>> {
	const rows = await textsOf(page.getByRole('group', { name: TABLE }).locator('tbody tr'));
	return new Map(rows.map((row) => [Number(row.slice(0, 4)), row]));
}

const history = (rows: Map<number, string>) => [...rows].filter(([year]) => year <= 2025).map(([, row]) => row);
const future = (rows: Map<number, string>) => [...rows].filter(([year]) => year > 2025).map(([, row]) => row);

describe('the past is data', () => {
	it('each lever alone at its min and at its max changes the table after 2025 and no row through 2025', async () => {
		const { page, problems } = await site.open('/');
		await waitForEngine(page);
		const baseline = await tableRows(page);
		expect([...baseline.keys()].slice(0, 7)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025]);
		for (const name of LEVERS) {
			const cell = chinaMarketNotebook.cells.find((c): c is InputCell => c.kind === 'input' && c.name === name)!;
			const slider = page.getByRole('slider', { name: cell.label });
			for (const value of [cell.min, cell.max]) {
				if (value === cell.default) continue;
				await slider.fill(String(value));
				// Wait for the run: some row after 2025 changes.
				await expect.poll(async () => future(await tableRows(page)).join('|') !== future(baseline).join('|'), { timeout: 10_000, message: `${name}=${value}` }).toBe(true);
				expect(history(await tableRows(page)), `${name}=${value}`).toEqual(history(baseline));
			}
			await page.getByRole('button', { name: `Reset ${cell.label}` }).click();
			await expect.poll(async () => (await tableRows(page)).get(2035)).toBe(baseline.get(2035));
		}
		expect(problems).toEqual([]);
	});

	it('the Method page holds the 2025 CAAM actuals with their source, and the calibrated parameters', async () => {
		const { page, problems } = await site.open('/about');
		const dom = await textOf(page.locator('#series-domestic_share_caam'));
		expect(dom).toMatch(/2025\s*69\.5%/);
		expect(dom).toContain('CAAM full-year 2025 release (14 Jan 2026)');
		const nev = await textOf(page.locator('#series-nev_share_all_vehicles_caam'));
		expect(nev).toMatch(/2025\s*47\.9%/);
		expect(await textOf(page.locator('#series-nev_share_all_vehicles_forecast_caam'))).toMatch(/54\.7% \(forecast\)/);
		expect(await textOf(page.locator('#series-domestic_share_caam_monthly'))).toMatch(/2026 \(Jan, partial\)\s*66\.9%/);
		const calibrated = await textOf(page.getByRole('group', { name: 'Calibrated parameters' }));
		expect(calibrated).toContain('nevBrandEdge');
		expect(calibrated).toContain('techLeadMidYear');
		expect(problems).toEqual([]);
	});

	it('the shares chart draws the month and the forecast apart from the full years', async () => {
		const { page, problems } = await site.open('/');
		await waitForEngine(page);
		const legend = await textsOf(page.getByRole('list', { name: /Series of “Domestic-brand share and NEV share”/ }).getByRole('button'));
		expect(legend).toContain('Domestic-brand share of passenger-car sales, observed');
		expect(legend).toContain('Domestic-brand share of passenger-car sales, observed, month or part year');
		expect(legend).toContain('NEV share of new-vehicle sales, forecast by CAAM');
		expect(legend).toContain('NEV share of new-vehicle sales, forecast by China EV100');
		expect(problems).toEqual([]);
	});
});

describe('a version-1 link', () => {
	const link = linksV1.links.find((l) => l.name === 'several levers')!;
	const recorded = (variable: 'domesticShare' | 'nevShare', year: number) => formatValue((link.figures as unknown as Record<string, Record<string, number>>)[variable][String(year)], 'percent');

	it('opens with the figures it had, moves to the current model on request, and Undo brings it back', async () => {
		const { page, problems } = await site.open(`/?${link.query}`);
		await waitForEngine(page);
		const notice = page.getByTestId('version-notice');
		expect(await textOf(notice)).toContain('made with version 1 of the notebook');
		expect(await headlineText(page, 'domesticShare', 2030)).toBe(recorded('domesticShare', 2030));
		expect(await headlineText(page, 'nevShare', 2035)).toBe(recorded('nevShare', 2035));
		// The address keeps naming version 1.
		await expect.poll(() => new URL(page.url()).searchParams.get('v')).toBe('1');

		await notice.getByRole('button', { name: 'Open with the current model' }).click();
		await expect.poll(() => new URL(page.url()).searchParams.get('v'), { timeout: 5000 }).toBe('2');
		expect(await page.getByTestId('version-notice').count()).toBe(0);
		expect(await textOf(page.getByTestId('upgrade-notice'))).toContain('Opened with the current model (version 2)');
		// Same lever values, the current model's figures.
		expect(await page.getByRole('slider', { name: 'Technology gap foreign brands close by 2030' }).inputValue()).toBe('0.8');
		await expect.poll(() => headlineText(page, 'domesticShare', 2030)).not.toBe(recorded('domesticShare', 2030));
		// Version 2: the record is the record, 2019 is the calibrated fit, not the lever's rewrite.
		const rows = await tableRows(page);
		expect(rows.get(2019)).not.toBe(undefined);

		await page.getByRole('button', { name: 'Undo', exact: true }).click();
		await expect.poll(() => new URL(page.url()).searchParams.get('v'), { timeout: 5000 }).toBe('1');
		await expect.poll(() => headlineText(page, 'domesticShare', 2030)).toBe(recorded('domesticShare', 2030));
		expect(await page.getByTestId('version-notice').count()).toBe(1);
		expect(problems).toEqual([]);
	});
});
