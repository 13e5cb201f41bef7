// Model 3 in a real browser: no lever rewrites 2019-2025, the 2025 actuals and forecasts are
// there with their sources, and a link of an older version (1 or 2) opens with the figures it had,
// until its reader moves it to the current model (one undoable step).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useSite, waitForEngine } from './support/site';
import { headlineText, textOf, textsOf } from './support/text';
import { LEVERS, chinaMarketNotebook } from '../../src/lib/notebooks/chinaMarket';
import type { InputCell } from '../../src/lib/sim/types';
import { formatValue } from '../../src/lib/view/format';
import linksV1 from '../fixtures/links-v1.json';
import linksV2 from '../fixtures/links-v2.json';

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
		expect(await textOf(page.locator('#series-nev_share_all_vehicles_forecast_caam'))).toMatch(/54\.7% \(forecast, issued Jan 2026\)/);
		expect(await textOf(page.locator('#series-domestic_share_caam_monthly'))).toMatch(/2026 \(Jan, partial\)\s*66\.9%/);
		// Version 3 fits the retail shares at home (CPCA) too: their 2025 actuals, with their source.
		const retail = await textOf(page.locator('#series-domestic_share_retail_cpca'));
		expect(retail).toMatch(/2025\s*about 65\.0%/);
		expect(retail).toContain('CPCA monthly and full-year 2025 retail releases');
		expect(await textOf(page.locator('#series-nev_share_passenger_retail_cpca'))).toMatch(/2025\s*54\.0%/);
		const calibrated = await textOf(page.getByRole('group', { name: 'Calibrated parameters' }));
		expect(calibrated).toContain('japaneseNevPull');
		expect(calibrated).toContain('exportDomesticShareSoFar');
		expect(calibrated).toContain('techLeadMidYear');
		// Version 2's parameters are gone from the current model's list.
		expect(calibrated).not.toContain('nevBrandEdge');
		expect(problems).toEqual([]);
	});

	it('the shares chart draws the months apart from the full years, on each basis', async () => {
		const { page, problems } = await site.open('/');
		await waitForEngine(page);
		const legend = await textsOf(page.getByRole('list', { name: /Series of “Chinese brands, at home and on CAAM’s basis, and NEV share”/ }).getByRole('button'));
		// Version 3's chart has no forecast series (the forecasts are on the Method page, above): each
		// of its three lines has its full years and its single months as separate entries.
		for (const line of ['Chinese brands at home', "Chinese brands on CAAM's basis", 'NEV share at home']) {
			expect(legend).toContain(`${line}, observed`);
			expect(legend).toContain(`${line}, observed, month or part year`);
		}
		expect(problems).toEqual([]);
	});
});

for (const [version, fixture, name] of [
	[1, linksV1, 'several levers'],
	[2, linksV2, 'every lever moved']
] as const) {
	describe(`a version-${version} link`, () => {
		const link = fixture.links.find((l) => l.name === name)!;
		const recorded = (variable: 'domesticShare' | 'nevShare', year: number) => formatValue((link.figures as unknown as Record<string, Record<string, number>>)[variable][String(year)], 'percent');

		it('opens with the figures it had, moves to the current model on request, and Undo brings it back', async () => {
			expect(new URLSearchParams(link.query).get('localisation')).toBe('0.8');
			const { page, problems } = await site.open(`/?${link.query}`);
			await waitForEngine(page);
			const notice = page.getByTestId('version-notice');
			expect(await textOf(notice)).toContain(`made with version ${version} of the notebook`);
			expect(await headlineText(page, 'domesticShare', 2030)).toBe(recorded('domesticShare', 2030));
			expect(await headlineText(page, 'nevShare', 2035)).toBe(recorded('nevShare', 2035));
			// The address keeps naming its version.
			await expect.poll(() => new URL(page.url()).searchParams.get('v')).toBe(String(version));

			await notice.getByRole('button', { name: 'Open with the current model' }).click();
			await expect.poll(() => new URL(page.url()).searchParams.get('v'), { timeout: 5000 }).toBe('3');
			expect(await page.getByTestId('version-notice').count()).toBe(0);
			expect(await textOf(page.getByTestId('upgrade-notice'))).toContain(`Opened with the current model (version 3) instead of version ${version}`);
			// Same lever values, the current model's figures: the one localisation lever's value went to each origin's.
			for (const label of ['NEV gap Japanese brands close by 2030', 'NEV gap German brands close by 2030', 'NEV gap US brands close by 2030', 'NEV gap Korean and other brands close by 2030']) {
				expect(await page.getByRole('slider', { name: label }).inputValue(), label).toBe('0.8');
			}
			await expect.poll(() => headlineText(page, 'domesticShare', 2030)).not.toBe(recorded('domesticShare', 2030));
			// Version 3: the record is the record, 2019 is the calibrated fit, not the lever's rewrite.
			const rows = await tableRows(page);
			expect(rows.get(2019)).not.toBe(undefined);

			await page.getByRole('button', { name: 'Undo', exact: true }).click();
			await expect.poll(() => new URL(page.url()).searchParams.get('v'), { timeout: 5000 }).toBe(String(version));
			await expect.poll(() => headlineText(page, 'domesticShare', 2030)).toBe(recorded('domesticShare', 2030));
			expect(await page.getByTestId('version-notice').count()).toBe(1);
			expect(problems).toEqual([]);
		});
	});
}
