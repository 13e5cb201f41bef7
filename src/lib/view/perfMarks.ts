// Performance marks for "slider input to chart updated". The end-to-end harness and the
// benchmark read the 'slider-to-chart' measures through the Performance API.

export const SLIDER_TO_CHART = 'slider-to-chart';

export function measureSliderToChart(inputAt: number): void {
	if (typeof performance === 'undefined' || typeof performance.measure !== 'function') return;
	performance.measure(SLIDER_TO_CHART, { start: inputAt, end: performance.now() });
}
