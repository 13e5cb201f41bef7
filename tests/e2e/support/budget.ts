// The speed budget's measurements of one page load, shared by the benchmark
// (scripts/bench/budget.ts) and the end-to-end harness (tests/e2e/budget.e2e.test.ts): which
// scripts the page loads (main page vs each worker), their gzip sizes, and when the first chart
// was drawn.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { waitForEngine } from './site';

export interface LoadMeasure {
	/** Pathnames of the scripts the page itself loaded. */
	mainScripts: string[];
	/** Pathnames of worker scripts, by worker name (engine, chart). */
	workerScripts: Record<string, string[]>;
	/** Navigation start to the first chart with data drawn, ms. */
	firstChartMs: number;
}

/**
 * Opens `url` in a fresh context, waits for the engine and the first chart, and closes it.
 * `locale`: the browser's language (a /zh/ page stays Chinese only for a Chinese-speaking browser).
 */
export async function measureLoad(browser: Browser, url: string, locale?: string): Promise<LoadMeasure> {
	const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale });
	try {
		const page = await context.newPage();
		const scripts = new Set<string>();
		page.on('response', (r) => {
			const path = new URL(r.url()).pathname;
			if (path.endsWith('.js')) scripts.add(path);
		});
		await page.goto(url);
		await waitForEngine(page);
		// The charts draw in their own worker, possibly after the engine's first answer.
		await page.waitForFunction(() => performance.getEntriesByName('first-chart').length > 0, undefined, { timeout: 10_000 });
		const firstChartMs = await page.evaluate(() => performance.getEntriesByName('first-chart')[0].startTime);
		const workerScripts: Record<string, string[]> = {};
		for (const path of scripts) {
			const worker = /\/workers\/(\w+)\.worker/.exec(path)?.[1];
			if (worker) (workerScripts[worker] ??= []).push(path);
		}
		return { mainScripts: [...scripts].filter((p) => !p.includes('/workers/')), workerScripts, firstChartMs };
	} finally {
		await context.close();
	}
}

/** Total gzip size (level 9) of the built files at `paths`, kB. */
export function gzipKb(buildDir: string, paths: Iterable<string>): number {
	let bytes = 0;
	for (const path of paths) bytes += gzipSync(readFileSync(join(buildDir, path)), { level: 9 }).length;
	return bytes / 1024;
}
