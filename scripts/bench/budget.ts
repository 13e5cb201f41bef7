// The speed budget, measured on the built site in Chromium: JavaScript the notebook page loads
// (gzip), the engine worker (gzip), and the time from navigation to the first chart drawn.
// Run: npx tsx scripts/bench/budget.ts (prints progress on stderr, one JSON line on stdout).

import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { findChromium, launchChromium } from '../../tests/e2e/support/chromium';
import { serveDirectory } from '../../tests/e2e/support/staticServer';
import { waitForEngine } from '../../tests/e2e/support/site';
import { emit, log, median, sig } from './timing';

const BUILD_DIR = process.env.BENCH_BUILD_DIR ?? 'build';
const LOADS = 7;

const gzipKb = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length / 1024;

async function main() {
	if (!findChromium()) {
		emit({ skipped: 'Chromium not found (apt-get install -y chromium)' });
		return;
	}
	const server = await serveDirectory(BUILD_DIR);
	const browser = await launchChromium();
	try {
		const firstChart: number[] = [];
		let mainJs = new Set<string>();
		let workerJs = new Set<string>();
		for (let i = 0; i < LOADS; i++) {
			const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
			const page = await context.newPage();
			const scripts = new Set<string>();
			page.on('response', (r) => {
				const url = new URL(r.url());
				if (url.pathname.endsWith('.js')) scripts.add(url.pathname);
			});
			await page.goto(`${server.url}/`);
			await waitForEngine(page);
			// The charts draw in their own worker, possibly after the engine's first answer.
			await page.waitForFunction(() => performance.getEntriesByName('first-chart').length > 0, undefined, { timeout: 10_000 });
			firstChart.push(await page.evaluate(() => performance.getEntriesByName('first-chart')[0]?.startTime ?? NaN));
			// The worker file (and anything it imports) counts against the worker budget.
			workerJs = new Set([...scripts].filter((p) => p.includes('/workers/')));
			mainJs = new Set([...scripts].filter((p) => !p.includes('/workers/')));
			await context.close();
		}
		const sum = (paths: Iterable<string>) => [...paths].reduce((kb, p) => kb + gzipKb(join(BUILD_DIR, p)), 0);
		const ofWorker = (name: string) => [...workerJs].filter((p) => p.includes(`/workers/${name}.worker`));
		const result = {
			main_js_gzip_kb: sig(sum(mainJs)),
			// The engine worker (mathjs parser + model): the "worker" budget.
			worker_js_gzip_kb: sig(sum(ofWorker('engine'))),
			// The chart worker (Chart.js draws every chart there, on OffscreenCanvas).
			chart_worker_js_gzip_kb: sig(sum(ofWorker('chart'))),
			all_js_gzip_kb: sig(sum(mainJs) + sum(workerJs)),
			first_chart_ms: sig(median(firstChart)),
			first_chart_ms_max: sig(Math.max(...firstChart)),
			main_js_files: mainJs.size
		};
		log(`budget: main page JS ${result.main_js_gzip_kb} kB gzip in ${mainJs.size} files; engine worker ${result.worker_js_gzip_kb} kB gzip; chart worker ${result.chart_worker_js_gzip_kb} kB gzip; all JS ${result.all_js_gzip_kb} kB; first chart ${result.first_chart_ms} ms (median of ${LOADS} loads, max ${result.first_chart_ms_max})`);
		emit(result);
	} finally {
		await browser.close();
		await server.close();
	}
}

await main();
