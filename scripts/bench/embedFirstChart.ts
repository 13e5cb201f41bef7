// An embed's first chart: the time from navigation to the embed's chart drawn with data (the
// 'first-chart' mark, view/perfMarks.ts, as the notebook's first chart in budget.ts), in
// Chromium on build/, the embed opened as a host page would frame it. Two addresses:
//   - the published scenario (/embed?v=3&chart=...): drawn from the build's results;
//   - a scenario with a lever moved: drawn once the embed's own engine has run it.
// Run: npx tsx scripts/bench/embedFirstChart.ts (progress on stderr, one JSON line on stdout).

import type { Browser } from 'playwright-core';
import { findChromium, launchChromium } from '../../tests/e2e/support/chromium';
import { serveDirectory } from '../../tests/e2e/support/staticServer';
import { emit, log, median, sig } from './timing';

const BUILD_DIR = process.env.BENCH_BUILD_DIR ?? 'build';
const LOADS = 7;
const PUBLISHED = '/embed?v=3&chart=chart-shares';
const SCENARIO = '/embed?v=3&shakeout=0.3&localisationJapanese=0.6&chart=chart-shares';

/** Opens `url` in a fresh context (nothing cached, nothing stored) and reads the first-chart mark. */
async function firstChartMs(browser: Browser, url: string): Promise<number> {
	const context = await browser.newContext({ viewport: { width: 700, height: 900 } });
	try {
		const page = await context.newPage();
		await page.goto(url);
		await page.waitForFunction(() => performance.getEntriesByName('first-chart').length > 0, undefined, { timeout: 30_000 });
		return page.evaluate(() => performance.getEntriesByName('first-chart')[0].startTime);
	} finally {
		await context.close();
	}
}

async function main() {
	if (!findChromium()) {
		emit({ skipped: 'Chromium not found (apt-get install -y chromium)' });
		return;
	}
	const server = await serveDirectory(BUILD_DIR);
	const browser = await launchChromium();
	try {
		const published: number[] = [];
		const scenario: number[] = [];
		// Alternated, so a slow moment of the machine falls on both.
		for (let i = 0; i < LOADS; i++) {
			published.push(await firstChartMs(browser, server.url + PUBLISHED));
			scenario.push(await firstChartMs(browser, server.url + SCENARIO));
		}
		const result = {
			embed_first_chart_ms: sig(median(published)),
			embed_first_chart_ms_max: sig(Math.max(...published)),
			embed_first_chart_scenario_ms: sig(median(scenario)),
			embed_first_chart_scenario_ms_max: sig(Math.max(...scenario))
		};
		log(`embed first chart: published ${result.embed_first_chart_ms} ms (max ${result.embed_first_chart_ms_max}), a lever moved ${result.embed_first_chart_scenario_ms} ms (max ${result.embed_first_chart_scenario_ms_max}); median of ${LOADS} loads each`);
		emit(result);
	} finally {
		await browser.close();
		await server.close();
	}
}

await main();
