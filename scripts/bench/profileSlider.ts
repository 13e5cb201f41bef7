// Investigation aid (not part of npm run bench): where does slider-to-chart time go?
// Usage: npx tsx scripts/bench/profileSlider.ts [buildDir=build] [moves=60]
// - splits each move into phases by watching the engine worker's messages from the page:
//   input event -> run posted to the worker -> reply arrives -> 'slider-to-chart' measure ends
// - records a CPU profile of the main thread over the moves (Chrome DevTools Protocol) and prints
//   the functions with the most self time, and the time per script file.
// For readable function names, build without minification into another directory, e.g. a copy
// of the project built with `npx vite build --minify false`, and pass its build directory.

import type { CDPSession } from 'playwright-core';
import { launchChromium } from '../../tests/e2e/support/chromium';
import { serveDirectory } from '../../tests/e2e/support/staticServer';
import { waitForEngine } from '../../tests/e2e/support/site';
import { log, median, quantile } from './timing';

const dir = process.argv[2] ?? 'build';
const MOVES = Number(process.argv[3] ?? 60);
const SLIDERS = [
	...(process.env.BENCH_SLIDERS === 'shared' ? [] : [{ id: 'input-localisationJapanese', values: [0.1, 0.5, 0.9, 0.6, 0.2] }]),
	{ id: 'input-electrificationPace', values: [0.6, 1.4, 1.9, 1.2, 0.8] },
	{ id: 'input-safetyValue', values: [0.1, 0.7, 1.3, 0.9, 0.3] }
];

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
	children?: number[];
}
interface Profile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
}

// Runs in the page before its scripts: timestamps the worker traffic.
const INSTRUMENT = `(() => {
	const log = (window.__workerLog = []);
	const post = Worker.prototype.postMessage;
	Worker.prototype.postMessage = function (...args) {
		log.push({ kind: 'post', at: performance.now() });
		return post.apply(this, args);
	};
	const add = Worker.prototype.addEventListener;
	Worker.prototype.addEventListener = function (type, listener, ...rest) {
		if (type !== 'message') return add.call(this, type, listener, ...rest);
		return add.call(this, type, function (event) {
			const at = performance.now();
			const r = listener.call(this, event);
			log.push({ kind: 'reply', at, handlerMs: performance.now() - at });
			return r;
		}, ...rest);
	};
})();`;

async function main() {
	const server = await serveDirectory(dir);
	const browser = await launchChromium();
	try {
		const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, bypassCSP: !!process.env.BENCH_CSS });
		await context.addInitScript(INSTRUMENT);
		const page = await context.newPage();
		await page.goto(server.url + (process.env.BENCH_PATH ?? '/'));
		await waitForEngine(page);
		if (process.env.BENCH_CSS) await page.addStyleTag({ content: process.env.BENCH_CSS });
		const cdp: CDPSession = await context.newCDPSession(page);
		const phases: { sync: number; toPost: number; roundTrip: number; afterReply: number; total: number }[] = [];

		const doMove = async (k: number) => {
			const s = SLIDERS[k % SLIDERS.length];
			const value = s.values[Math.floor(k / SLIDERS.length) % s.values.length];
			return page.evaluate(
				async ({ id, value }) => {
					const w = window as unknown as { __workerLog: { kind: string; at: number; handlerMs?: number }[] };
					w.__workerLog.length = 0;
					const el = document.getElementById(id) as HTMLInputElement;
					const before = performance.getEntriesByName('slider-to-chart').length;
					el.value = String(value);
					const t0 = performance.now();
					el.dispatchEvent(new Event('input', { bubbles: true }));
					const sync = performance.now() - t0;
					while (performance.getEntriesByName('slider-to-chart').length === before) await new Promise((ok) => setTimeout(ok, 0));
					const m = performance.getEntriesByName('slider-to-chart').at(-1)!;
					const end = m.startTime + m.duration;
					const posts = w.__workerLog.filter((e) => e.kind === 'post');
					const replies = w.__workerLog.filter((e) => e.kind === 'reply');
					const post = posts[0]?.at ?? NaN;
					const reply = replies.at(-1)?.at ?? NaN;
					await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
					return { sync, toPost: post - m.startTime, roundTrip: reply - post, afterReply: end - reply, total: m.duration };
				},
				{ id: s.id, value }
			);
		};

		for (let k = 0; k < 15; k++) await doMove(k);
		await cdp.send('Profiler.enable');
		await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
		await cdp.send('Profiler.start');
		for (let k = 0; k < MOVES; k++) phases.push(await doMove(k + 15));
		const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };

		const col = (key: keyof (typeof phases)[0]) => phases.map((p) => p[key]);
		const fmt = (xs: number[]) => `median ${median(xs).toFixed(2)}  p95 ${quantile(xs, 0.95).toFixed(2)}`;
		log(`phases over ${phases.length} moves (ms):`);
		log(`  input handler (synchronous)      ${fmt(col('sync'))}`);
		log(`  input -> run posted to worker    ${fmt(col('toPost'))}`);
		log(`  worker round trip (incl. engine) ${fmt(col('roundTrip'))}`);
		log(`  reply -> charts updated          ${fmt(col('afterReply'))}`);
		log(`  total (slider-to-chart)          ${fmt(col('total'))}`);

		// Self time per function and per script.
		const self = new Map<number, number>();
		profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
		const byFn = new Map<string, number>();
		const byUrl = new Map<string, number>();
		for (const node of profile.nodes) {
			const us = self.get(node.id) ?? 0;
			if (!us) continue;
			const f = node.callFrame;
			const file = f.url.split('/').pop() || '(native)';
			const key = `${f.functionName || '(anonymous)'}  ${file}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
			byFn.set(key, (byFn.get(key) ?? 0) + us);
			byUrl.set(file, (byUrl.get(file) ?? 0) + us);
		}
		const total = [...byFn.values()].reduce((a, b) => a + b, 0);
		log(`\nCPU profile of the main thread: ${(total / 1000).toFixed(0)} ms sampled over ${MOVES} moves`);
		log('self time per script:');
		for (const [k, v] of [...byUrl].sort((a, b) => b[1] - a[1]).slice(0, 12)) log(`  ${(v / 1000 / MOVES).toFixed(2).padStart(7)} ms/move  ${k}`);
		log('top functions by self time:');
		for (const [k, v] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, 40)) log(`  ${(v / 1000 / MOVES).toFixed(3).padStart(7)} ms/move  ${k}`);

		// Inclusive time of selected functions (by name), to see which subtree dominates.
		const parent = new Map<number, number>();
		for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
		const nodeById = new Map(profile.nodes.map((n) => [n.id, n]));
		const inclusive = new Map<string, number>();
		for (const [id, us] of self) {
			const seen = new Set<string>();
			for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
				const f = nodeById.get(cur)!.callFrame;
				if (!f.functionName) continue;
				const key = `${f.functionName}  ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
				if (seen.has(key)) continue;
				seen.add(key);
				inclusive.set(key, (inclusive.get(key) ?? 0) + us);
			}
		}
		log('top functions by inclusive time:');
		for (const [k, v] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 40)) log(`  ${(v / 1000 / MOVES).toFixed(3).padStart(7)} ms/move  ${k}`);

		// Call counts over further moves (precise coverage), for the functions that matter here.
		const COUNTED = /^(update|render|draw|datasets|measureSliderToChart|_updateLayout|buildOrUpdateScales|_updateDatasets|describeChart|flush_sync|flushSync|tick)$/;
		const COUNT_MOVES = 30;
		await cdp.send('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
		await cdp.send('Profiler.takePreciseCoverage'); // reset the counters
		for (let k = 0; k < COUNT_MOVES; k++) await doMove(k);
		const coverage = (await cdp.send('Profiler.takePreciseCoverage')) as unknown as {
			result: { url: string; functions: { functionName: string; ranges: { startOffset: number; count: number }[] }[] }[];
		};
		await cdp.send('Profiler.stopPreciseCoverage');
		log(`calls per move (over ${COUNT_MOVES} moves; functions named ${COUNTED.source}):`);
		for (const script of coverage.result) {
			for (const fn of script.functions) {
				const count = fn.ranges[0]?.count ?? 0;
				if (!COUNTED.test(fn.functionName) || !count) continue;
				log(`  ${(count / COUNT_MOVES).toFixed(2).padStart(7)}  ${fn.functionName}  ${script.url.split('/').pop()}@${fn.ranges[0].startOffset}`);
			}
		}
		await context.close();
	} finally {
		await browser.close();
		await server.close();
	}
}

main().catch((err) => {
	log(String(err?.stack ?? err));
	process.exit(1);
});
