// Registers the service worker (src/service-worker.ts: the offline cache) only once the page has
// drawn its first chart. On a first visit the new worker fetches and stores the whole build, and
// Chromium compiles every stored script to cache its code: 150-200 ms of CPU that, registered at
// the load event (SvelteKit's default), landed exactly while the engine and the chart worker were
// getting the first chart out on a two-core machine (seen in a Chromium trace of a first load).

import { base } from '$app/paths';
import { dev } from '$app/environment';
import { firstChartDrawnOr } from '../view/perfMarks';

/** Register anyway after this long without a chart (the engine failed, or the page has none). */
export const MAX_WAIT_FOR_CHART_MS = 5_000;

function loaded(): Promise<void> {
	return new Promise((done) => {
		if (document.readyState === 'complete') done();
		else addEventListener('load', () => done(), { once: true });
	});
}

/** `afterFirstChart`: this page draws charts (the notebook, the compare page). */
export function registerServiceWorkerLater(afterFirstChart: boolean): void {
	if (!('serviceWorker' in navigator)) return;
	const chart = afterFirstChart ? firstChartDrawnOr(MAX_WAIT_FOR_CHART_MS) : Promise.resolve();
	void Promise.all([loaded(), chart])
		.then(() => navigator.serviceWorker.register(`${base}/service-worker.js`, { type: dev ? 'module' : 'classic' }))
		// The app works without it; only the offline copy is missing.
		.catch((err: Error) => console.warn(`Offline use is not available: ${err.message}`));
}
