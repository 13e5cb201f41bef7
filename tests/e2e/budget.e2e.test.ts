// The speed budget in the end-to-end harness. Sizes are facts of the build and are held to the
// budget here; timings are printed, never asserted (the machines are noisy): npm run bench
// measures them properly.
import { describe, expect, it } from 'vitest';
import { gzipKb, measureLoad } from './support/budget';
import { useSite, waitForEngine } from './support/site';

const site = useSite();

describe('speed budget', () => {
	it('main page at most 100 kB of JavaScript (gzip), each worker at most 80 kB; prints the timings', async () => {
		const load = await measureLoad(site.browser, `${site.url}/`);
		const main = gzipKb('build', load.mainScripts);
		const engine = gzipKb('build', load.workerScripts.engine ?? []);
		const chart = gzipKb('build', load.workerScripts.chart ?? []);
		// Chart.js and the markdown renderer must not be among the page's own scripts.
		expect(load.workerScripts.engine?.length).toBeGreaterThan(0);
		expect(load.workerScripts.chart?.length).toBeGreaterThan(0);
		expect(main).toBeLessThanOrEqual(100);
		expect(engine).toBeLessThanOrEqual(80);
		expect(chart).toBeLessThanOrEqual(80);

		// Slider input to charts drawn, over 40 moves (printed only).
		const { page, context } = await site.open('/');
		await waitForEngine(page);
		// As in the benchmark: after the first bands, sensitivity and fit have run.
		await expect.poll(() => page.getByTestId('mc-status').innerText(), { timeout: 20_000 }).toContain('samples in');
		const durations: number[] = [];
		for (let k = 0; k < 40; k++) {
			durations.push(
				await page.evaluate(async (value) => {
					const slider = document.querySelector<HTMLInputElement>('input[type=range]')!;
					const count = performance.getEntriesByName('slider-to-chart').length;
					slider.value = String(value);
					slider.dispatchEvent(new Event('input', { bubbles: true }));
					const started = performance.now();
					while (performance.getEntriesByName('slider-to-chart').length === count && performance.now() - started < 2000) await new Promise((r) => setTimeout(r, 1));
					return performance.getEntriesByName('slider-to-chart').at(-1)!.duration;
				}, k % 2 ? 0.3 : 0.6)
			);
		}
		await context.close();
		const sorted = durations.sort((a, b) => a - b);
		const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(1);
		console.log(
			`speed budget: main page JS ${main.toFixed(1)} kB gzip (<= 100), engine worker ${engine.toFixed(1)} kB (<= 80), ` +
				`chart worker ${chart.toFixed(1)} kB (<= 80); first chart ${load.firstChartMs.toFixed(0)} ms after navigation (<= 1000); ` +
				`slider to chart median ${at(0.5)} ms, p95 ${at(0.95)} ms over ${sorted.length} moves (p95 <= 16). Timings printed, not asserted.`
		);
	});
});
