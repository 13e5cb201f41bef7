// The speed budget, measured on the built site in Chromium: JavaScript the notebook page loads
// (gzip), the engine and chart workers (gzip), and the time from navigation to the first chart drawn.
// Run: npx tsx scripts/bench/budget.ts (prints progress on stderr, one JSON line on stdout).

import { findChromium, launchChromium } from '../../tests/e2e/support/chromium';
import { serveDirectory } from '../../tests/e2e/support/staticServer';
import { gzipKb, measureLoad } from '../../tests/e2e/support/budget';
import type { LoadMeasure } from '../../tests/e2e/support/budget';
import { emit, log, median, sig } from './timing';

const BUILD_DIR = process.env.BENCH_BUILD_DIR ?? 'build';
const LOADS = 7;

async function main() {
	if (!findChromium()) {
		emit({ skipped: 'Chromium not found (apt-get install -y chromium)' });
		return;
	}
	const server = await serveDirectory(BUILD_DIR);
	const browser = await launchChromium();
	try {
		const loads: LoadMeasure[] = [];
		for (let i = 0; i < LOADS; i++) loads.push(await measureLoad(browser, `${server.url}/`));
		const last = loads[loads.length - 1];
		const firstChart = loads.map((l) => l.firstChartMs);
		const worker = (name: string) => gzipKb(BUILD_DIR, last.workerScripts[name] ?? []);
		const main = gzipKb(BUILD_DIR, last.mainScripts);
		// A first visit to the Chinese notebook, by a reader whose browser speaks Chinese.
		const chinese = await measureLoad(browser, `${server.url}/zh`, 'zh-CN');
		const result = {
			main_js_gzip_kb: sig(main),
			main_js_gzip_kb_zh: sig(gzipKb(BUILD_DIR, chinese.mainScripts)),
			// The engine worker (mathjs parser + model): the "worker" budget.
			worker_js_gzip_kb: sig(worker('engine')),
			// The chart worker (Chart.js draws every chart there, on OffscreenCanvas).
			chart_worker_js_gzip_kb: sig(worker('chart')),
			all_js_gzip_kb: sig(main + Object.keys(last.workerScripts).reduce((kb, name) => kb + worker(name), 0)),
			first_chart_ms: sig(median(firstChart)),
			first_chart_ms_max: sig(Math.max(...firstChart)),
			main_js_files: last.mainScripts.length
		};
		log(`budget: main page JS ${result.main_js_gzip_kb} kB gzip in ${result.main_js_files} files (/zh: ${result.main_js_gzip_kb_zh} kB); engine worker ${result.worker_js_gzip_kb} kB gzip; chart worker ${result.chart_worker_js_gzip_kb} kB gzip; all JS ${result.all_js_gzip_kb} kB; first chart ${result.first_chart_ms} ms (median of ${LOADS} loads, max ${result.first_chart_ms_max})`);
		emit(result);
	} finally {
		await browser.close();
		await server.close();
	}
}

await main();
