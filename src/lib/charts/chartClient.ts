// Page side of the chart worker. One worker draws every chart on the page; a chart component
// hands over its canvas once (mountChart) and then sends only new specs, sizes and pointer
// positions. Updates are latest-wins per chart: while a slider is dragged, a chart never queues
// more than one redraw behind the one being drawn.

import { transfer, wrap } from 'comlink';
import type { Remote } from 'comlink';
import ChartWorker from './chart.worker?worker';
import type { ChartWorkerApi } from './chart.worker';
import type { CanvasSize, ChartSpec, ForwardedPointer } from './chartSpec';
import { latestOnly } from '../worker/latestOnly';

let remote: Remote<ChartWorkerApi> | null = null;
let nextId = 1;
/** Messages sent and not yet answered: chartsDrawn() waits for them. */
const inFlight = new Set<Promise<unknown>>();

function chartWorker(): Remote<ChartWorkerApi> {
	remote ??= wrap<ChartWorkerApi>(new ChartWorker({ name: 'charts' }));
	return remote;
}

// Start the worker as soon as the page's script runs, not when the first chart mounts: fetching
// and compiling Chart.js then overlaps with hydration and the engine's first run.
if (typeof window !== 'undefined' && typeof Worker !== 'undefined') chartWorker();

function track<T>(promise: Promise<T>): Promise<T> {
	inFlight.add(promise);
	const done = () => inFlight.delete(promise);
	promise.then(done, done);
	return promise;
}

/** Whether this browser can draw in a worker (every current browser; Safari from 16.4). */
export const canDrawInWorker = (): boolean =>
	typeof HTMLCanvasElement !== 'undefined' && 'transferControlToOffscreen' in HTMLCanvasElement.prototype && typeof Worker !== 'undefined';

export interface MountedChart {
	/** Resolves when the first frame is drawn. */
	readonly ready: Promise<void>;
	update(spec: ChartSpec): void;
	resize(size: CanvasSize): void;
	pointer(pointer: ForwardedPointer): void;
	destroy(): void;
}

/** Hands `canvas` to the chart worker, which draws `spec` on it from now on. */
export function mountChart(canvas: HTMLCanvasElement, spec: ChartSpec, size: CanvasSize): MountedChart {
	const api = chartWorker();
	const id = nextId++;
	const offscreen = canvas.transferControlToOffscreen();
	const ready = track(api.create(id, transfer(offscreen, [offscreen]), spec, size));
	const updates = latestOnly((next: ChartSpec) => api.update(id, next));
	const fail = (err: unknown) => console.warn('Chart worker:', err);
	ready.catch(fail);
	return {
		ready,
		update: (next) => void track(ready.then(() => updates.submit(next))).catch(fail),
		resize: (next) => void track(ready.then(() => api.resize(id, next))).catch(fail),
		pointer: (pointer) => void ready.then(() => api.pointer(id, pointer)).catch(fail),
		destroy: () => void ready.then(() => api.destroy(id)).catch(fail)
	};
}

/** Resolves when every chart message sent so far has been drawn (for the input-to-chart measure). */
export async function chartsDrawn(): Promise<void> {
	await Promise.allSettled([...inFlight]);
}
