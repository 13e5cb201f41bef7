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
import { screenWordsInUse, w, wordsStartingWith } from '../i18n/screenWords';

let worker: Worker | null = null;
let remote: Remote<ChartWorkerApi> | null = null;
let nextId = 1;
/** Messages sent and not yet answered: chartsDrawn() waits for them. */
const inFlight = new Set<Promise<unknown>>();
/** Told when the chart worker failed and a fresh one replaced it: each chart re-mounts. */
const restartListeners = new Set<(why: string) => void>();

function chartWorker(): Remote<ChartWorkerApi> {
	if (!remote) {
		const fresh = new ChartWorker({ name: 'charts' });
		fresh.addEventListener('error', (event) => {
			event.preventDefault();
			if (fresh === worker) restart(event.message || w('screen_analysis_chart_worker_error'));
		});
		worker = fresh;
		remote = wrap<ChartWorkerApi>(fresh);
	}
	return remote;
}

/**
 * An uncaught error in the chart worker leaves its charts in an unknown state: replace the
 * worker and let every chart hand over a new canvas (a canvas can be transferred only once).
 */
function restart(why: string): void {
	wordsSent = undefined;
	worker?.terminate();
	worker = null;
	remote = null;
	inFlight.clear(); // calls to the old worker will never answer
	chartWorker();
	for (const listener of restartListeners) listener(why);
}

/** Calls `listener` whenever the chart worker was replaced after a failure. Returns an unsubscribe. */
export function onChartWorkerRestart(listener: (why: string) => void): () => void {
	restartListeners.add(listener);
	return () => restartListeners.delete(listener);
}

/** What the person is told after a restart. */
export const chartRestartNotice = (why: string) => w('screen_analysis_chart_restarted', { why });

/**
 * Starts the chart worker now rather than when the first chart mounts, so fetching and compiling
 * Chart.js overlaps with the page's start (called from src/hooks.client.ts). Idempotent.
 */
export function startChartWorker(): void {
	if (typeof Worker !== 'undefined') chartWorker();
}

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

/** The words the chart worker writes: values (view/format.ts) and the fan bands' tooltip lines (fanBands.ts). */
const CHART_WORKER_WORDS = ['screen_format_', 'screen_analysis_fan_'];

/** The words the worker last got (undefined: none yet, or a new worker). */
let wordsSent: unknown;

/**
 * Gives the worker the page's words it writes with (a volume's unit, a fan's tooltip) when they
 * are new: the worker starts before the page has its words, and the language switch changes them.
 * Sent before the drawing call that needs them (a worker's messages arrive in order).
 */
function sendWords(api: Remote<ChartWorkerApi>): void {
	const words = screenWordsInUse();
	if (!words || words === wordsSent) return;
	wordsSent = words;
	api.useWords(wordsStartingWith(words, CHART_WORKER_WORDS)).catch(() => (wordsSent = undefined));
}

/** Hands `canvas` to the chart worker, which draws `spec` on it from now on. */
export function mountChart(canvas: HTMLCanvasElement, spec: ChartSpec, size: CanvasSize): MountedChart {
	const api = chartWorker();
	const id = nextId++;
	const offscreen = canvas.transferControlToOffscreen();
	sendWords(api);
	const ready = track(api.create(id, transfer(offscreen, [offscreen]), spec, size)).then(() => undefined);
	const updates = latestOnly((next: ChartSpec) => {
		sendWords(api);
		return api.update(id, next);
	});
	const fail = (err: unknown) => console.warn('Chart worker:', err);
	ready.catch(fail);
	let destroyed = false;
	let created = false;
	void ready.then(() => (created = true), () => {});
	/**
	 * Sends once the chart exists, and never after it was destroyed. Once it exists the message
	 * goes out at once, not from a microtask: a spec sent from a pre-effect would otherwise wait
	 * for the rest of the page's update (measured 2-5 ms) before the chart worker could start.
	 */
	const send = <T>(call: () => Promise<T>) => {
		if (destroyed) return;
		const sent = created ? call() : ready.then(() => (destroyed ? undefined : call()));
		track(sent).catch(fail);
	};
	return {
		ready,
		update: (next) => void send(() => updates.submit(next)),
		resize: (next) => void send(() => api.resize(id, next)),
		pointer: (pointer) => void ready.then(() => (destroyed ? undefined : api.pointer(id, pointer))).catch(fail),
		destroy: () => {
			destroyed = true;
			void ready.then(() => api.destroy(id)).catch(fail);
		}
	};
}

/** A time on the clock every thread shares (ms since the epoch), as a time on this page's timeline. */
const onPageTimeline = (epochMs: number) => epochMs - performance.timeOrigin;

/**
 * Resolves when every chart message sent so far has been handled, with when the last of those
 * drawings was finished in the chart worker, on this page's timeline (null if none drew: no chart
 * in view had anything new). That moment, not the later one when the page hears of it, is when
 * the chart changes on screen: a worker canvas's frames go to the compositor without the main
 * thread (README, "Where the slider measure ends").
 */
export async function chartsDrawn(): Promise<number | null> {
	let latest: number | null = null;
	for (const outcome of await Promise.allSettled([...inFlight])) {
		if (outcome.status === 'fulfilled' && typeof outcome.value === 'number') latest = Math.max(latest ?? -Infinity, outcome.value);
	}
	return latest === null ? null : Math.min(onPageTimeline(latest), performance.now());
}

/**
 * Resolves once every chart drawn so far is on the page's canvases: the drawings done
 * (chartsDrawn), the chart worker's frame committed, and the page's next two frames, in which
 * its canvases take the new pictures. Printing needs the pictures themselves, which follow the
 * drawing by a frame or more (40-120 ms were seen under load).
 */
export async function chartsOnPage(): Promise<void> {
	await chartsDrawn();
	if (remote) await remote.framesCommitted();
	await new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
}
