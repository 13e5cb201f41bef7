// Runs once, when the app's first script runs, before any page hydrates.
import { config } from 'zod/mini';
import { startChartWorker } from '$lib/charts/chartClient';
import { prestartEngineWorkers } from '$lib/worker/prestart';
import { registerServiceWorkerLater } from '$lib/offline/serviceWorker';
import { hasStoredWork } from '$lib/storage/localStorageNotes';
import { pathWithoutLocale } from '$lib/i18n/paths';

// Classic zod's object schemas probe whether eval is allowed (new Function in a try/catch) on first
// use; under our Content Security Policy that probe is refused and reported. The zod/mini objects
// used here never compile, so nothing probes today; jitless mode keeps it so should a schema that
// compiles ever come in.
config({ jitless: true });

// The notebook (/), explore and compare pages need two engine workers and the chart worker: start them
// before the page hydrates (see lib/worker/prestart.ts); the method page needs none.
// (The page's route: /zh/explore is explore.)
const route = pathWithoutLocale(location.pathname);
const drawsCharts = /\/(compare|explore)?$/.test(route);
// Except on a first visit to the notebook (no scenario in the address, nothing saved): the page
// then arrives with the build's results and needs no engine for its first charts, so its engine
// workers start once they are drawn (src/routes/+page.svelte), leaving the second core to the
// chart worker meanwhile. A link or saved work needs the engine at once.
const firstVisitToNotebook = !/\/compare$/.test(route) && location.search.length <= 1 && !hasStoredWork();
if (drawsCharts) {
	if (!firstVisitToNotebook) prestartEngineWorkers(2);
	startChartWorker();
}
// The offline cache is set up after the first chart, not during the page's start (see there).
// An embed (/embed) starts its own workers (src/routes/embed/+page.svelte) but draws a chart too.
registerServiceWorkerLater(drawsCharts || /\/embed$/.test(route));

/**
 * Errors while routing. An unknown address is not a fault (the error page falls back to the
 * notebook, src/routes/+error.svelte), so it is not logged; anything else is, as by default.
 */
export const handleError: import('@sveltejs/kit').HandleClientError = ({ error, status, message }) => {
	if (status !== 404) console.error(error);
	return { message };
};
