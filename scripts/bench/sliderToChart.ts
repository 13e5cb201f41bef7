// Browser benchmark: slider input to charts updated, in Debian's Chromium against the built site.
// The page records a Performance API measure 'slider-to-chart' from a slider's input event to
// the moment the chart worker finished drawing the new result, and 'slider-to-chart-reported'
// to the later moment the page heard of it (src/lib/view/perfMarks.ts); this script moves
// sliders and reads both. Run: npx tsx scripts/bench/sliderToChart.ts
// Measures build/ (runs npm run build when build/index.html is missing). Prints progress on
// stderr and one JSON line on stdout; when Chromium is missing it prints {"skipped": "..."}.

import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { findChromium, launchChromium } from '../../tests/e2e/support/chromium';
import { serveDirectory } from '../../tests/e2e/support/staticServer';
import type { RunningServer } from '../../tests/e2e/support/staticServer';
import { waitForEngine } from '../../tests/e2e/support/site';
import { SLIDER_TO_CHART } from '../../src/lib/view/perfMarks';
import { clearSliderMeasures, inputCell, MOVED_SLIDERS, moveSlider, sliderMeasures, sliderValues, sliderWalk } from '../../tests/e2e/support/sliderMoves';
import { emit, log, median, quantile, sig } from './timing';

/** The drag and burst below read the same measure as the moves. */
const MEASURE = SLIDER_TO_CHART;
/**
 * For experiments: BENCH_BUILD_DIR=/tmp/other/build measures another build (side by side with
 * this one, run alternately); BENCH_NO_BANDS=1 switches the uncertainty bands off first;
 * BENCH_PATH=/explore measures the explore view instead of the notebook; BENCH_SLIDERS=a,b,c moves
 * those sliders instead (by input name: for a build of an older version, the ones both versions
 * have, such as electrificationPace,safetyValue,nevCeiling).
 */
const BUILD_DIR = process.env.BENCH_BUILD_DIR ?? 'build';
const SLIDERS = process.env.BENCH_SLIDERS ? process.env.BENCH_SLIDERS.split(',') : MOVED_SLIDERS;
const WARMUP_MOVES = 20;
const MOVES = 120;
const DRAG_SLIDER = 'techLeadMax';
const DRAG_EVENTS = 60;
const DRAG_GAP_MS = 8;

async function main(): Promise<void> {
	if (!findChromium()) {
		const why = 'Chromium not found (apt-get update && apt-get install -y chromium, or set CHROMIUM_PATH)';
		log(`\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n!!! ${why}.\n!!! Skipping the browser benchmark (slider to chart); engine figures are still written.\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n`);
		emit({ skipped: why });
		return;
	}
	if (BUILD_DIR === 'build' && !existsSync('build/index.html')) {
		log('browser: build/index.html is missing; running npm run build');
		const built = spawnSync('npm', ['run', 'build'], { stdio: ['ignore', process.stderr, 'inherit'] });
		if (built.status !== 0 || !existsSync('build/index.html')) throw new Error('npm run build failed');
	}
	log(`browser: measuring ${BUILD_DIR}/ built ${statSync(`${BUILD_DIR}/index.html`).mtime.toISOString()}`);

	let server: RunningServer | null = null;
	let browser: Browser | null = null;
	try {
		server = await serveDirectory(BUILD_DIR);
		browser = await launchChromium();
		const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
		const page = await context.newPage();
		const problems: string[] = [];
		page.on('console', (m) => {
			if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
		});
		page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
		await page.goto(server.url + (process.env.BENCH_PATH ?? '/'));
		await page.evaluate(() => window.scrollTo(0, 0));
		await waitForEngine(page);
		if (process.env.BENCH_NO_BANDS) {
			// Experiment knob: the same moves with the uncertainty bands switched off.
			await page.getByLabel('Show uncertainty bands').uncheck();
			log('browser: uncertainty bands switched off (BENCH_NO_BANDS)');
		}

		// Warm-up: the same kind of moves, not recorded.
		const nextMove = sliderWalk(WARMUP_MOVES + MOVES, SLIDERS);
		for (let i = 0; i < WARMUP_MOVES; i++) {
			const m = nextMove();
			await moveSlider(page, m.name, m.value);
		}
		await clearSliderMeasures(page);

		for (let i = 0; i < MOVES; i++) {
			const m = nextMove();
			await moveSlider(page, m.name, m.value);
		}
		const { drawn: durations, reported } = await sliderMeasures(page);
		if (durations.length !== MOVES) log(`warning: ${durations.length} measures for ${MOVES} moves`);
		const engineMicros = await page.locator('.engine-time').innerText().catch(() => '');
		log(
			`slider to chart: ${durations.length} moves over ${SLIDERS.join(', ')}: median ${median(durations).toFixed(2)} ms, ` +
				`p95 ${quantile(durations, 0.95).toFixed(2)} ms, max ${Math.max(...durations).toFixed(2)} ms` +
				(engineMicros ? ` (page says: ${engineMicros})` : '')
		);
		log(
			`slider to page told the charts are drawn: median ${median(reported).toFixed(2)} ms, p95 ${quantile(reported, 0.95).toFixed(2)} ms, ` +
				`max ${Math.max(...reported).toFixed(2)} ms (later than the chart on screen whenever the main thread was busy)`
		);

		// Drag: events every ~8 ms without waiting for results; latest-wins keeps at most one run
		// in flight and one waiting, so fewer runs complete than events were fired.
		await page.evaluate((name) => performance.clearMeasures(name), MEASURE);
		const dragValues = sliderValues(DRAG_SLIDER).filter((v) => v !== inputCell(DRAG_SLIDER).default).slice(0, DRAG_EVENTS);
		const drag = await page.evaluate(
			async ({ id, values, gap, measure }) => {
				const el = document.getElementById(id) as HTMLInputElement;
				const firstAt = performance.now();
				let lastAt = 0;
				for (let i = 0; i < values.length; i++) {
					if (i > 0) await new Promise((ok) => setTimeout(ok, gap));
					lastAt = performance.now();
					el.value = String(values[i]);
					el.dispatchEvent(new Event('input', { bubbles: true }));
				}
				const dispatchedMs = performance.now() - firstAt;
				// The last event's run always completes (it can be replaced only by a newer one).
				const deadline = performance.now() + 10_000;
				// (No named helper functions in here: tsx would wrap them in a __name() the page lacks.)
				while (!performance.getEntriesByName(measure).some((e) => e.startTime >= lastAt) && performance.now() < deadline) {
					await new Promise((ok) => requestAnimationFrame(ok));
				}
				// Give a straggler a moment, then count.
				await new Promise((ok) => setTimeout(ok, 100));
				const entries = performance.getEntriesByName(measure);
				const last = entries.reduce((a, e) => (e.startTime + e.duration > a.startTime + a.duration ? e : a), entries[0]);
				return {
					events: values.length,
					runs: entries.length,
					settled: entries.some((e) => e.startTime >= lastAt),
					settleMs: last ? last.startTime + last.duration - lastAt : NaN,
					dispatchedMs,
					durations: entries.map((e) => e.duration)
				};
			},
			{ id: `input-${DRAG_SLIDER}`, values: dragValues, gap: DRAG_GAP_MS, measure: MEASURE }
		);
		if (!drag.settled) log('warning: the drag never produced a result for its last event within 10 s');
		log(
			`drag: ${drag.events} input events over ${drag.dispatchedMs.toFixed(0)} ms -> ${drag.runs} runs completed; ` +
				`settled ${drag.settleMs.toFixed(2)} ms after the last event (per-run median ${median(drag.durations).toFixed(2)} ms)`
		);
		// Burst: the same number of events in one synchronous loop (no yielding at all), so every
		// request but the first meets a run in flight: latest-wins should run only the first and the last.
		await page.evaluate((name) => performance.clearMeasures(name), MEASURE);
		const burst = await page.evaluate(
			async ({ id, values, measure }) => {
				const el = document.getElementById(id) as HTMLInputElement;
				let lastAt = 0;
				for (const v of values) {
					lastAt = performance.now();
					el.value = String(v);
					el.dispatchEvent(new Event('input', { bubbles: true }));
				}
				const deadline = performance.now() + 10_000;
				while (!performance.getEntriesByName(measure).some((e) => e.startTime >= lastAt) && performance.now() < deadline) {
					await new Promise((ok) => requestAnimationFrame(ok));
				}
				await new Promise((ok) => setTimeout(ok, 100));
				return { runs: performance.getEntriesByName(measure).length };
			},
			{ id: `input-${DRAG_SLIDER}`, values: [...dragValues].reverse(), measure: MEASURE }
		);
		log(`burst: ${dragValues.length} input events in one synchronous loop -> ${burst.runs} runs completed`);
		const finalValue = await page.locator(`#input-${DRAG_SLIDER}`).inputValue();
		if (Number(finalValue) !== dragValues[0]) log(`warning: slider ended at ${finalValue}, expected ${dragValues[0]}`);
		if (problems.length) log(`page problems:\n  ${problems.join('\n  ')}`);
		await context.close();

		emit({
			slider_to_chart_ms_median: sig(median(durations)),
			slider_to_chart_ms_p95: sig(quantile(durations, 0.95)),
			slider_to_chart_ms_max: sig(Math.max(...durations)),
			slider_to_chart_moves: durations.length,
			slider_to_chart_reported_ms_median: sig(median(reported)),
			slider_to_chart_reported_ms_p95: sig(quantile(reported, 0.95)),
			drag_events: drag.events,
			drag_runs_completed: drag.runs,
			drag_settle_ms: sig(drag.settleMs),
			drag_burst_runs_completed: burst.runs,
			page_problems: problems.length
		});
	} finally {
		await browser?.close().catch(() => {});
		await server?.close().catch(() => {});
	}
}

main().catch((err) => {
	log(`browser benchmark failed: ${(err as Error).stack ?? err}`);
	process.exit(1);
});
