// Browser benchmark: slider input to charts updated, in Debian's Chromium against the built site.
// The page records a Performance API measure 'slider-to-chart' from a slider's input event to
// the moment the chart worker finished drawing the new result, and 'slider-to-chart-reported'
// to the later moment the page heard of it (src/lib/view/perfMarks.ts); this script moves
// sliders and reads both. Run: npx tsx scripts/bench/sliderToChart.ts
// Measures build/ (runs npm run build when build/index.html is missing). Prints progress on
// stderr and one JSON line on stdout; when Chromium is missing it prints {"skipped": "..."}.

import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { findChromium, launchChromium } from '../../tests/e2e/support/chromium';
import { serveDirectory } from '../../tests/e2e/support/staticServer';
import type { RunningServer } from '../../tests/e2e/support/staticServer';
import { waitForEngine } from '../../tests/e2e/support/site';
import { chinaMarketNotebook } from '../../src/lib/notebooks/chinaMarket';
import type { InputCell } from '../../src/lib/sim/types';
import { emit, log, median, quantile, sig } from './timing';

const MEASURE = 'slider-to-chart';
/** The same moves, ending when the page heard the charts were drawn (src/lib/view/perfMarks.ts). */
const REPORTED = 'slider-to-chart-reported';
/**
 * For experiments: BENCH_BUILD_DIR=/tmp/other/build measures another build (side by side with
 * this one, run alternately); BENCH_NO_BANDS=1 switches the uncertainty bands off first.
 */
const BUILD_DIR = process.env.BENCH_BUILD_DIR ?? 'build';
const WARMUP_MOVES = 20;
const MOVES = 120;
const SLIDERS = ['localisation', 'electrificationPace', 'safetyValue'];
const DRAG_SLIDER = 'techLeadMax';
const DRAG_EVENTS = 60;
const DRAG_GAP_MS = 8;

const inputCell = (name: string) =>
	chinaMarketNotebook.cells.find((c): c is InputCell => c.kind === 'input' && c.name === name)!;

/** Every value a slider can take, in order. */
function sliderValues(name: string): number[] {
	const c = inputCell(name);
	const out: number[] = [];
	const count = Math.round((c.max - c.min) / c.step);
	for (let k = 0; k <= count; k++) out.push(Number((c.min + k * c.step).toFixed(6)));
	return out;
}

/** A walk back and forth over the slider's values: consecutive moves of one slider never repeat a value. */
function pingPong(values: number[], start: number, length: number): number[] {
	const cycle = [...values, ...values.slice(1, -1).reverse()];
	return Array.from({ length }, (_, k) => cycle[(start + k) % cycle.length]);
}

async function measureCount(page: Page): Promise<number> {
	return page.evaluate((name) => performance.getEntriesByName(name).length, MEASURE);
}

/** Sets a range input's value and fires `input` as a drag would; waits for that move's measure. */
async function move(page: Page, name: string, value: number): Promise<void> {
	const before = await page.evaluate(
		({ id, value, measure }) => {
			const el = document.getElementById(id) as HTMLInputElement | null;
			if (!el) throw new Error(`No slider #${id}`);
			const count = performance.getEntriesByName(measure).length;
			el.value = String(value);
			el.dispatchEvent(new Event('input', { bubbles: true }));
			return count;
		},
		{ id: `input-${name}`, value, measure: MEASURE }
	);
	await page.waitForFunction(
		({ measure, before }) => performance.getEntriesByName(measure).length > before,
		{ measure: MEASURE, before },
		{ polling: 'raf', timeout: 10_000 }
	);
	// Let the browser paint the frame before the next move, as between two real pointer moves.
	await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
}

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
		await page.goto(server.url + '/');
		await page.evaluate(() => window.scrollTo(0, 0));
		await waitForEngine(page);
		if (process.env.BENCH_NO_BANDS) {
			// Experiment knob: the same moves with the uncertainty bands switched off.
			await page.getByLabel('Show uncertainty bands').uncheck();
			log('browser: uncertainty bands switched off (BENCH_NO_BANDS)');
		}

		// Warm-up: the same kind of moves, not recorded.
		const walks = SLIDERS.map((name, s) => pingPong(sliderValues(name), 1 + s, Math.ceil((WARMUP_MOVES + MOVES) / SLIDERS.length) + 1));
		let k = 0;
		const nextMove = () => {
			const s = k % SLIDERS.length;
			const value = walks[s][Math.floor(k / SLIDERS.length)];
			k++;
			return { name: SLIDERS[s], value };
		};
		for (let i = 0; i < WARMUP_MOVES; i++) {
			const m = nextMove();
			await move(page, m.name, m.value);
		}
		await page.evaluate((names) => names.forEach((name) => performance.clearMeasures(name)), [MEASURE, REPORTED]);

		for (let i = 0; i < MOVES; i++) {
			const m = nextMove();
			await move(page, m.name, m.value);
		}
		const durations = await page.evaluate((name) => performance.getEntriesByName(name).map((e) => e.duration), MEASURE);
		const reported = await page.evaluate((name) => performance.getEntriesByName(name).map((e) => e.duration), REPORTED);
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
