// Wires one <canvas> on the page to the chart worker: hands it over, keeps its size in step with
// its box, forwards the pointer (tooltips), and says when the chart comes into or goes out of
// view: the caller sends no specs while it is out of view, and the latest when it comes back.
// Used by every chart component (through workerChart.svelte.ts).

import { canDrawInWorker, mountChart, onChartWorkerRestart } from './chartClient';
import type { ChartSpec, ForwardedPointer } from './chartSpec';

export interface WorkerCanvas {
	/** Resolves when the first frame is drawn; rejects if this browser cannot draw in a worker. */
	readonly ready: Promise<void>;
	/** Draws `spec` (unless it is the one last drawn). */
	update(spec: ChartSpec): void;
	destroy(): void;
}

/**
 * `onLost` is called if the chart worker fails and is replaced: this canvas then shows nothing
 * more, and the caller attaches a new canvas (a canvas can be handed over only once).
 * `onVisible` hears whether the canvas is in (or within 200 px of) the viewport.
 */
export function attachWorkerCanvas(
	canvas: HTMLCanvasElement,
	initial: ChartSpec,
	onLost?: () => void,
	onVisible?: (visible: boolean) => void
): WorkerCanvas {
	if (!canDrawInWorker()) {
		return { ready: Promise.reject(new Error('This browser cannot draw charts in a worker')), update() {}, destroy() {} };
	}
	const box = canvas.parentElement ?? canvas;
	const size = () => ({ width: box.clientWidth, height: box.clientHeight, pixelRatio: window.devicePixelRatio || 1 });
	const chart = mountChart(canvas, initial, size());

	let drawn = initial;
	const update = (spec: ChartSpec) => {
		if (spec === drawn) return;
		drawn = spec;
		chart.update(spec);
	};

	const resizer = new ResizeObserver(() => chart.resize(size()));
	resizer.observe(box);
	const watcher = new IntersectionObserver(([entry]) => onVisible?.(entry.isIntersecting), { rootMargin: '200px' });
	watcher.observe(canvas);

	const forward = (type: ForwardedPointer['type']) => (event: MouseEvent) => chart.pointer({ type, x: event.offsetX, y: event.offsetY });
	const listeners: [string, (event: MouseEvent) => void][] = [
		['pointermove', forward('mousemove')],
		['pointerleave', forward('mouseout')]
	];
	for (const [type, listener] of listeners) canvas.addEventListener(type, listener as EventListener);
	const unsubscribe = onChartWorkerRestart(() => onLost?.());

	return {
		ready: chart.ready,
		update,
		destroy() {
			unsubscribe();
			resizer.disconnect();
			watcher.disconnect();
			for (const [type, listener] of listeners) canvas.removeEventListener(type, listener as EventListener);
			chart.destroy();
		}
	};
}
