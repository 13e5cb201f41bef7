// The slider-to-chart measures (src/lib/view/perfMarks.ts): where each ends, and how a drawing
// time from the chart worker's clock is kept within [input, now].
import { afterEach, describe, expect, it } from 'vitest';
import { measureSliderToChart, SLIDER_TO_CHART, SLIDER_TO_CHART_REPORTED } from '../src/lib/view/perfMarks';

const last = (name: string) => performance.getEntriesByName(name).at(-1)!;

afterEach(() => {
	performance.clearMeasures(SLIDER_TO_CHART);
	performance.clearMeasures(SLIDER_TO_CHART_REPORTED);
});

describe('slider-to-chart measures', () => {
	it('ends the chart measure when the charts were drawn, the reported one when the page heard', () => {
		const now = performance.now();
		measureSliderToChart(now - 20, now - 8);
		expect(last(SLIDER_TO_CHART).duration).toBeCloseTo(12, 6);
		expect(last(SLIDER_TO_CHART_REPORTED).duration).toBeGreaterThanOrEqual(20);
	});

	it('ends both at once when nothing was redrawn', () => {
		measureSliderToChart(performance.now() - 5, null);
		expect(last(SLIDER_TO_CHART).duration).toBeGreaterThanOrEqual(5);
		expect(last(SLIDER_TO_CHART).duration).toBeLessThanOrEqual(last(SLIDER_TO_CHART_REPORTED).duration);
	});

	it('never lets a drawing time from another clock fall before the input or after now', () => {
		const now = performance.now();
		measureSliderToChart(now - 10, now - 50);
		expect(last(SLIDER_TO_CHART).duration).toBe(0);
		measureSliderToChart(now - 10, now + 1_000);
		expect(last(SLIDER_TO_CHART).duration).toBeLessThanOrEqual(last(SLIDER_TO_CHART_REPORTED).duration);
	});
});
