// Performance marks for "slider input to chart updated". The end-to-end harness and the
// benchmark read the 'slider-to-chart' (and 'slider-to-chart-reported') measures through the
// Performance API.

/** From the input event to the moment the chart worker finished drawing the charts in view. */
export const SLIDER_TO_CHART = 'slider-to-chart';
/** From the input event to the moment the page heard that the charts were drawn (later, when its main thread was busy). */
export const SLIDER_TO_CHART_REPORTED = 'slider-to-chart-reported';

/** `drawnAt`: when the charts were drawn, on this page's timeline (null: nothing was redrawn). */
export function measureSliderToChart(inputAt: number, drawnAt: number | null): void {
	if (typeof performance === 'undefined' || typeof performance.measure !== 'function') return;
	const now = performance.now();
	// Two clocks meet here: never let a drawing time fall outside [input, now].
	const drawn = drawnAt === null ? now : Math.min(now, Math.max(inputAt, drawnAt));
	performance.measure(SLIDER_TO_CHART, { start: inputAt, end: drawn });
	performance.measure(SLIDER_TO_CHART_REPORTED, { start: inputAt, end: now });
}

export const FIRST_CHART = 'first-chart';

let firstChartSeen: () => void = () => {};
/** Settles when the page has drawn its first chart with data. */
export const firstChartDrawn = new Promise<void>((done) => (firstChartSeen = done));

/** Settles when the first chart is drawn, or after `maxWaitMs` if none is (the engine failed, no chart). */
export function firstChartDrawnOr(maxWaitMs: number): Promise<void> {
	return Promise.race([firstChartDrawn, new Promise<void>((done) => setTimeout(done, maxWaitMs))]);
}

/** Marks the moment the first chart with data is drawn (time since navigation start). */
export function markFirstChart(): void {
	firstChartSeen();
	if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
	if (performance.getEntriesByName(FIRST_CHART).length === 0) performance.mark(FIRST_CHART);
}
