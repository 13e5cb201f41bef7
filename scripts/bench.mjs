// npm run bench: engine and browser figures measured side by side in one run.
//   1. scripts/bench/engine.ts         runDeterministic on the default notebook vs a naive
//                                      full-mathjs evaluation of the same notebook
//   2. scripts/bench/monteCarlo.ts     10,000-sample Monte Carlo bands of the default notebook vs
//                                      a hand-written model, naive mathjs per sample, and the
//                                      same run split over 2 worker_threads
//      scripts/bench/analysis.ts       Sobol indices (N = 4,096) and the posterior (32 x 2,000)
//      scripts/bench/discovery.ts      scenario discovery: 10,000-run sweep of every lever + PRIM
//      scripts/bench/outlookMatch.ts   two published outlooks matched with three levers
//      scripts/bench/cli.ts            the command line, whole process: a 10,000-scenario batch
//                                      and 100,000-sample bands on 2 threads (dist/, built if stale)
//   3. scripts/bench/sliderToChart.ts  slider input -> charts updated, in Chromium on build/
//   4. scripts/bench/budget.ts         the speed budget: JS the page loads and the worker (gzip),
//                                      navigation to first chart, in Chromium on build/
//   5. scripts/bench/embedFirstChart.ts an embed's first chart (/embed), published scenario and a
//                                      lever moved, in Chromium on build/
// Prints a table and merges the figures into bench-results.json (one flat object; keys other
// benchmarks wrote are kept). Timings never fail the run: the exit code is non-zero only when
// a part crashes.

import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';

const RESULTS_FILE = 'bench-results.json';
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');

/** Runs one part under tsx; its stderr (progress) passes through, its last stdout line is JSON. */
function runPart(file) {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [tsxCli, file], { stdio: ['ignore', 'pipe', 'inherit'] });
		let out = '';
		child.stdout.on('data', (chunk) => (out += chunk));
		child.on('close', (code) => {
			const last = out.trim().split('\n').filter(Boolean).at(-1);
			let result = null;
			try {
				result = last ? JSON.parse(last) : null;
			} catch {
				result = null;
			}
			if (code !== 0 || !result) resolve({ ok: false, error: `${file} exited with code ${code}${result ? '' : ' and no result'}` });
			else resolve({ ok: true, result });
		});
		child.on('error', (err) => resolve({ ok: false, error: `${file}: ${err.message}` }));
	});
}

const num = (x, digits = 1) =>
	typeof x === 'number' && Number.isFinite(x) ? x.toLocaleString('en-US', { maximumFractionDigits: digits }) : 'n/a';

const started = Date.now();
console.log('== engine: default notebook, horizon 2035 ==');
const engine = await runPart('scripts/bench/engine.ts');
console.log('\n== monte carlo: 10,000 samples of the default notebook to 2035 ==');
const monteCarlo = await runPart('scripts/bench/monteCarlo.ts');
console.log('\n== analysis: Sobol indices and the posterior ==');
const analysis = await runPart('scripts/bench/analysis.ts');
console.log('\n== discovery: 10,000-run sweep of every scenario lever and PRIM ==');
const discovery = await runPart('scripts/bench/discovery.ts');
console.log('\n== outlook matching: two outlook points, three levers ==');
const outlookMatch = await runPart('scripts/bench/outlookMatch.ts');
console.log('\n== command line: shiftcast batch (10,000 scenarios) and bands (100,000 samples, 2 threads) ==');
const cliPart = await runPart('scripts/bench/cli.ts');
console.log('\n== browser: slider to chart (Chromium, build/) ==');
const browser = await runPart('scripts/bench/sliderToChart.ts');
console.log('\n== speed budget (Chromium, build/) ==');
const budgetPart = await runPart('scripts/bench/budget.ts');
console.log("\n== embed: an embed's first chart (Chromium, build/) ==");
const embedPart = await runPart('scripts/bench/embedFirstChart.ts');

const BROWSER_KEYS = [
	'slider_to_chart_ms_median',
	'slider_to_chart_ms_p95',
	'slider_to_chart_ms_max',
	'slider_to_chart_moves',
	'slider_to_chart_reported_ms_median',
	'slider_to_chart_reported_ms_p95',
	'drag_events',
	'drag_runs_completed',
	'drag_settle_ms',
	'drag_burst_runs_completed',
	'page_problems'
];

let previous = {};
if (existsSync(RESULTS_FILE)) {
	try {
		const parsed = JSON.parse(readFileSync(RESULTS_FILE, 'utf8'));
		if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) previous = parsed;
		else console.warn(`warning: ${RESULTS_FILE} is not a JSON object; starting afresh`);
	} catch (err) {
		console.warn(`warning: ${RESULTS_FILE} could not be read (${err.message}); starting afresh`);
	}
}
const cpus = os.cpus();
const results = { ...previous };
if (engine.ok) Object.assign(results, engine.result);
if (monteCarlo.ok) Object.assign(results, monteCarlo.result);
if (analysis.ok) Object.assign(results, analysis.result);
if (discovery.ok) Object.assign(results, discovery.result);
if (outlookMatch.ok) Object.assign(results, outlookMatch.result);
if (cliPart.ok) Object.assign(results, cliPart.result);
if (budgetPart.ok && !budgetPart.result.skipped) Object.assign(results, budgetPart.result);
if (embedPart.ok && !embedPart.result.skipped) Object.assign(results, embedPart.result);
delete results.browser_skipped;
if (browser.ok && browser.result.skipped) {
	// Figures from an earlier run would not be "side by side" with this one: drop them.
	for (const key of BROWSER_KEYS) delete results[key];
	results.browser_skipped = browser.result.skipped;
} else if (browser.ok) Object.assign(results, browser.result);
Object.assign(results, {
	measured_at: new Date().toISOString(),
	node: process.version,
	machine: `${cpus[0]?.model ?? 'unknown CPU'} x ${cpus.length}`
});
writeFileSync(RESULTS_FILE, JSON.stringify(results, null, 2) + '\n');

// The table: figure, value, target, ratio (value / target; below 1 is within target).
const rows = [];
const row = (figure, value, target = '', ratio = '') => rows.push([figure, value, target, ratio]);
const budget = (value, limit) => (typeof value === 'number' ? `${(value / limit).toFixed(2)} of target` : '');
if (engine.ok) {
	const e = engine.result;
	row('engine run (median)', `${num(e.engine_run_us_median)} µs`, '< 100 µs', budget(e.engine_run_us_median, 100));
	row('mathjs naive run (median)', `${num(e.mathjs_naive_run_us_median, 0)} µs`);
	row('speedup vs mathjs', `${num(e.speedup_vs_mathjs, 0)}x`);
} else row('engine', `FAILED: ${engine.error}`);
if (monteCarlo.ok) {
	const m = monteCarlo.result;
	row('MC 10k samples, bands (median)', `${num(m.mc10k_ms_median)} ms`, '<= 30 ms', budget(m.mc10k_ms_median, 30));
	// Timed in a loop of its own (no sampling, no bands), so it is not a part of the figure above.
	row('MC engine simulation alone', `${num(m.mc10k_engine_sim_ms_median)} ms`);
	row('MC hand-written simulation alone', `${num(m.mc10k_handwritten_sim_ms_median)} ms`);
	row('MC 10k, every input re-sampled', `${num(m.mc10k_cold_ms_median)} ms`);
	row('MC hand-written model (median)', `${num(m.mc10k_handwritten_ms_median)} ms`);
	row('MC ours / hand-written', `${num(m.mc_ratio_vs_handwritten, 2)}x`, '<= 1.5x', budget(m.mc_ratio_vs_handwritten, 1.5));
	row('MC mathjs (per-sample cost x 10k)', `${num(m.mc10k_mathjs_estimated_ms / 1000, 1)} s`);
	row('MC speedup vs mathjs', `${num(m.mc_speedup_vs_mathjs, 0)}x`, '>= 300x', typeof m.mc_speedup_vs_mathjs === 'number' ? `${(300 / m.mc_speedup_vs_mathjs).toFixed(2)} of target` : '');
	row('MC on 2 worker_threads (median)', `${num(m.mc10k_2workers_ms_median)} ms`, '', `${num(m.mc_2workers_speedup, 2)}x faster`);
	row('MC pool: 1 worker_thread / 2 (same code)', `${num(m.mc_pool_speedup, 2)}x`, '>= 1.5x', typeof m.mc_pool_speedup === 'number' ? `${(1.5 / m.mc_pool_speedup).toFixed(2)} of target` : '');
} else row('monte carlo', `FAILED: ${monteCarlo.error}`);
if (analysis.ok) {
	const a = analysis.result;
	row('Sobol indices, N = 4,096 (median)', `${num(a.sobol_ms_median, 0)} ms`, '<= 1,500 ms', budget(a.sobol_ms_median, 1500));
	row('posterior, 32 walkers x 2,000 steps', `${num(a.posterior_ms_median, 0)} ms`, '<= 5,000 ms', budget(a.posterior_ms_median, 5000));
} else row('analysis', `FAILED: ${analysis.error}`);
if (discovery.ok) {
	const d = discovery.result;
	row('discovery: 10k-run sweep + PRIM (median)', `${num(d.discovery_ms_median, 0)} ms`, '<= 1,000 ms', budget(d.discovery_ms_median, 1000));
	row('PRIM alone on those runs (median)', `${num(d.prim_ms_median, 1)} ms`, '<= 100 ms', budget(d.prim_ms_median, 100));
} else row('discovery', `FAILED: ${discovery.error}`);
if (outlookMatch.ok) {
	const o = outlookMatch.result;
	row('outlook match: 2 outlooks, 3 levers (median)', `${num(o.outlook_match_ms_median, 1)} ms`, '<= 500 ms', budget(o.outlook_match_ms_median, 500));
} else row('outlook matching', `FAILED: ${outlookMatch.error}`);
if (cliPart.ok) {
	const c = cliPart.result;
	row('shiftcast batch, 10k scenarios (whole process)', `${num(c.cli_batch_10k_ms, 0)} ms`, '<= 3,000 ms', budget(c.cli_batch_10k_ms, 3000));
	row('shiftcast bands, 100k samples, 2 threads', `${num(c.cli_bands_100k_ms, 0)} ms`, '<= 2,000 ms', budget(c.cli_bands_100k_ms, 2000));
} else row('command line', `FAILED: ${cliPart.error}`);
if (browser.ok && browser.result.skipped) row('slider to chart', `SKIPPED: ${browser.result.skipped}`);
else if (browser.ok) {
	const b = browser.result;
	row('slider to chart (median)', `${num(b.slider_to_chart_ms_median, 2)} ms`);
	row('slider to chart (p95)', `${num(b.slider_to_chart_ms_p95, 2)} ms`, '<= 16 ms', budget(b.slider_to_chart_ms_p95, 16));
	// The same moves, ending when the page's main thread heard of the drawing (shown for comparison).
	row('slider to page told (median / p95)', `${num(b.slider_to_chart_reported_ms_median, 2)} / ${num(b.slider_to_chart_reported_ms_p95, 2)} ms`);
	row('drag: runs completed / events', `${b.drag_runs_completed} / ${b.drag_events}`, '', `${num(b.drag_runs_completed / b.drag_events, 2)}`);
	row('drag: last event to chart', `${num(b.drag_settle_ms, 1)} ms`);
	row('burst: runs completed / events', `${b.drag_burst_runs_completed} / ${b.drag_events}`, '', `${num(b.drag_burst_runs_completed / b.drag_events, 2)}`);
} else row('slider to chart', `FAILED: ${browser.error}`);

if (budgetPart.ok && !budgetPart.result.skipped) {
	const g = budgetPart.result;
	row('main page JS (gzip)', `${num(g.main_js_gzip_kb)} kB`, '<= 100 kB', budget(g.main_js_gzip_kb, 100));
	row('engine worker JS (gzip)', `${num(g.worker_js_gzip_kb)} kB`, '<= 80 kB', budget(g.worker_js_gzip_kb, 80));
	// Chart.js draws in a worker of its own (OffscreenCanvas); held to the same worker budget.
	row('chart worker JS (gzip)', `${num(g.chart_worker_js_gzip_kb)} kB`, '<= 80 kB', budget(g.chart_worker_js_gzip_kb, 80));
	row('first chart after navigation', `${num(g.first_chart_ms, 0)} ms`, '<= 1000 ms', budget(g.first_chart_ms, 1000));
} else row('speed budget', budgetPart.ok ? `SKIPPED: ${budgetPart.result.skipped}` : `FAILED: ${budgetPart.error}`);
if (embedPart.ok && !embedPart.result.skipped) {
	const m = embedPart.result;
	row('embed first chart (published scenario)', `${num(m.embed_first_chart_ms, 0)} ms`, '<= 1000 ms', budget(m.embed_first_chart_ms, 1000));
	row('embed first chart (a lever moved)', `${num(m.embed_first_chart_scenario_ms, 0)} ms`);
} else row('embed first chart', embedPart.ok ? `SKIPPED: ${embedPart.result.skipped}` : `FAILED: ${embedPart.error}`);
const header = ['figure', 'value', 'target', 'ratio'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
for (const r of rows) console.log(line(r));
if (engine.ok && browser.ok && !browser.result.skipped) {
	const e = engine.result;
	const b = browser.result;
	console.log(
		`\nengine run: ${num(e.engine_run_us_median)} µs (target < 100 µs); mathjs naive: ${num(e.mathjs_naive_run_us_median, 0)} µs; ` +
			`speedup ${num(e.speedup_vs_mathjs, 0)}x; slider to chart: median ${num(b.slider_to_chart_ms_median, 1)} ms, ` +
			`p95 ${num(b.slider_to_chart_ms_p95, 1)} ms (target p95 <= 16 ms)`
	);
}
console.log(`\n${results.machine}, Node ${results.node}; wrote ${RESULTS_FILE} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
process.exitCode = engine.ok && monteCarlo.ok && discovery.ok && outlookMatch.ok && cliPart.ok && browser.ok && budgetPart.ok && embedPart.ok ? 0 : 1;
