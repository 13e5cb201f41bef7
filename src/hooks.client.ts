// Runs once, when the app's first script runs, before any page hydrates.
import { config } from 'zod/mini';
import { startChartWorker } from '$lib/charts/chartClient';
import { prestartEngineWorkers } from '$lib/worker/prestart';
import { registerServiceWorkerLater } from '$lib/offline/serviceWorker';

// Classic zod's object schemas probe whether eval is allowed (new Function in a try/catch) on first
// use; under our Content Security Policy that probe is refused and reported. The zod/mini objects
// used here never compile, so nothing probes today; jitless mode keeps it so should a schema that
// compiles ever come in.
config({ jitless: true });

// The notebook (/) and compare pages need two engine workers and the chart worker: start them
// before the page hydrates (see lib/worker/prestart.ts); the method page needs none.
const drawsCharts = /\/(compare)?$/.test(location.pathname);
if (drawsCharts) {
	prestartEngineWorkers(2);
	startChartWorker();
}
// The offline cache is set up after the first chart, not during the page's start (see there).
registerServiceWorkerLater(drawsCharts);
