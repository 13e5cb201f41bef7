// Performance marks for "slider input to chart updated". The end-to-end harness and the
// benchmark read the 'slider-to-chart' measures through the Performance API.

export const SLIDER_TO_CHART = 'slider-to-chart';

export function measureSliderToChart(inputAt: number): void {
	if (typeof performance === 'undefined' || typeof performance.measure !== 'function') return;
	performance.measure(SLIDER_TO_CHART, { start: inputAt, end: performance.now() });
}

export const FIRST_CHART = 'first-chart';

let firstChartSeen: () => void = () => {};
/** Settles when the page has drawn its first chart with data. */
export const firstChartDrawn = new Promise<void>((done) => (firstChartSeen = done));

/** Marks the moment the first chart with data is drawn (time since navigation start). */
export function markFirstChart(): void {
	firstChartSeen();
	if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
	if (performance.getEntriesByName(FIRST_CHART).length === 0) performance.mark(FIRST_CHART);
}
