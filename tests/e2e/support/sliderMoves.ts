// Slider moves as the benchmark (scripts/bench/sliderToChart.ts) and the end-to-end speed budget
// (tests/e2e/budget.e2e.test.ts) make them, so both print figures measured the same way: one
// slider move at a time, each waiting for its charts, then for the browser's next two frames,
// as between two real pointer moves (Chrome delivers those at most once a frame).

import type { Page } from 'playwright-core';
import { chinaMarketNotebook } from '../../../src/lib/notebooks/chinaMarket';
import type { InputCell } from '../../../src/lib/sim/types';
import { SLIDER_TO_CHART, SLIDER_TO_CHART_REPORTED } from '../../../src/lib/view/perfMarks';

/** The sliders moved in turn. */
export const MOVED_SLIDERS = ['localisationJapanese', 'electrificationPace', 'safetyValue'];

export const inputCell = (name: string) =>
	chinaMarketNotebook.cells.find((c): c is InputCell => c.kind === 'input' && c.name === name)!;

/** Every value a slider can take, in order. */
export function sliderValues(name: string): number[] {
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

/** The next move, in turn over `sliders`, each walking back and forth over its values; `total` moves at most. */
export function sliderWalk(total: number, sliders = MOVED_SLIDERS): () => { name: string; value: number } {
	const walks = sliders.map((name, s) => pingPong(sliderValues(name), 1 + s, Math.ceil(total / sliders.length) + 1));
	let k = 0;
	return () => {
		const s = k % sliders.length;
		const value = walks[s][Math.floor(k / sliders.length)];
		k++;
		return { name: sliders[s], value };
	};
}

/** Sets a range input's value and fires `input` as a drag would; waits for that move's measure, then two frames. */
export async function moveSlider(page: Page, name: string, value: number): Promise<void> {
	const before = await page.evaluate(
		({ id, value, measure }) => {
			const el = document.getElementById(id) as HTMLInputElement | null;
			if (!el) throw new Error(`No slider #${id}`);
			const count = performance.getEntriesByName(measure).length;
			el.value = String(value);
			el.dispatchEvent(new Event('input', { bubbles: true }));
			return count;
		},
		{ id: `input-${name}`, value, measure: SLIDER_TO_CHART }
	);
	await page.waitForFunction(
		({ measure, before }) => performance.getEntriesByName(measure).length > before,
		{ measure: SLIDER_TO_CHART, before },
		{ polling: 'raf', timeout: 10_000 }
	);
	// Let the browser paint the frame before the next move, as between two real pointer moves.
	await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
}

export async function clearSliderMeasures(page: Page): Promise<void> {
	await page.evaluate((names) => names.forEach((name) => performance.clearMeasures(name)), [SLIDER_TO_CHART, SLIDER_TO_CHART_REPORTED]);
}

/** The durations recorded since the last clear: to the charts drawn, and to the page being told. */
export async function sliderMeasures(page: Page): Promise<{ drawn: number[]; reported: number[] }> {
	const read = (name: string) => page.evaluate((n) => performance.getEntriesByName(n).map((e) => e.duration), name);
	return { drawn: await read(SLIDER_TO_CHART), reported: await read(SLIDER_TO_CHART_REPORTED) };
}
