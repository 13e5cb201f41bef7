// The chart worker: every Chart.js chart on the page draws here, on an OffscreenCanvas handed
// over by the page (canvas.transferControlToOffscreen). Chart.js (~55 kB gzip) thus never loads
// on the main thread, and drawing never competes with a slider being dragged.
//
// Chart.js listens for events through its "platform"; in a worker there is no DOM to listen to,
// so ForwardingPlatform keeps the listeners Chart.js registers and the page forwards pointer
// positions to them (tooltips; the legend is HTML on the page).

import { expose } from 'comlink';
import { BasicPlatform } from 'chart.js';
import type { Chart, ChartEvent } from 'chart.js';
import { annotationElements, applyTheme, barData, chartConfig, lineDatasets } from './chartConfig';
import { chartJs } from './chartSetup';
import { shapeOf } from './chartSpec';
import { datasetSeries } from './fanBands';
import type { CanvasSize, ChartSpec, ForwardedPointer } from './chartSpec';
import { useScreenWords, type ScreenWords } from '../i18n/screenWords';

type Listener = (event: ChartEvent) => void;

class ForwardingPlatform extends BasicPlatform {
	readonly listeners = new Map<string, Listener>();
	addEventListener(_chart: Chart, type: string, listener: Listener): void {
		this.listeners.set(type, listener);
	}
	removeEventListener(_chart: Chart, type: string): void {
		this.listeners.delete(type);
	}
}

interface Entry {
	chart: Chart;
	spec: ChartSpec;
	shape: string;
	/** The notes and theme they were drawn with: the plugin's elements are rebuilt when these change. */
	notes: string;
}

const notesKey = (spec: ChartSpec) => (spec.kind === 'line' && spec.annotations?.length ? JSON.stringify([spec.annotations, spec.theme]) : '');

const charts = new Map<number, Entry>();

/**
 * When a drawing call finished, on the clock every thread of the page shares (time origin +
 * now, ms since the epoch): the page turns it into its own timeline to end the slider-to-chart
 * measure at the moment the chart was drawn. A worker canvas's frames reach the screen without
 * the page's main thread, so the moment the page hears of it can be later than what people see.
 */
const drawnAt = () => performance.timeOrigin + performance.now();

/**
 * A message can arrive for a chart already destroyed (its component went away while the message
 * was on its way): there is nothing left to draw, so it is dropped.
 */
function withChart<T>(id: number, act: (e: Entry) => T): T | null {
	const found = charts.get(id);
	return found ? act(found) : null;
}

/** Chart.js never sizes a canvas below 1 px; a hidden box reports 0. */
const px = (n: number) => Math.max(1, Math.round(n));

function applySpec(e: Entry, spec: ChartSpec): void {
	const chart = e.chart as Chart<'line' | 'bar'>;
	const nextShape = shapeOf(spec);
	if (spec.kind === 'line') {
		if (nextShape === e.shape) {
			// Only the numbers moved: hand Chart.js the new points and nothing else (the fan
			// plugin reads its bands from the spec).
			datasetSeries(spec).forEach((index, i) => (chart.data.datasets[i].data = spec.series[index].points as never));
		} else {
			chart.data.datasets = lineDatasets(spec) as never;
			const x = chart.options.scales!.x!;
			x.min = spec.fromYear;
			x.max = spec.toYear;
			(chart.options.scales!.y as { stacked?: boolean }).stacked = spec.style === 'area';
		}
		const notes = notesKey(spec);
		if (notes !== e.notes) {
			(chart.options.plugins as { annotation: { annotations: unknown } }).annotation.annotations = annotationElements(spec);
			e.notes = notes;
		}
	} else {
		const data = barData(spec);
		chart.data.labels = data.labels;
		chart.data.datasets = data.datasets as never;
		const x = chart.options.scales!.x!;
		x.suggestedMin = spec.reference;
		x.suggestedMax = spec.reference;
	}
	applyTheme(chart.options as Record<string, unknown>, spec.theme);
	e.spec = spec;
	e.shape = nextShape;
}

export const chartWorkerApi = {
	/** Creates and draws a chart on `canvas`. Resolves, once it is drawn, with when (drawnAt). */
	create(id: number, canvas: OffscreenCanvas, spec: ChartSpec, size: CanvasSize): number {
		canvas.width = px(size.width);
		canvas.height = px(size.height);
		const e = { spec, shape: shapeOf(spec), notes: notesKey(spec) } as Entry;
		const Chart = chartJs();
		e.chart = new Chart(canvas as unknown as HTMLCanvasElement, { ...chartConfig(() => e.spec, size.pixelRatio), platform: ForwardingPlatform } as never);
		e.chart.resize(px(size.width), px(size.height));
		charts.set(id, e);
		return drawnAt();
	},
	/** Redraws with new numbers (or a new shape). Resolves, once drawn, with when (drawnAt); null if the chart is gone. */
	update(id: number, spec: ChartSpec): number | null {
		return withChart(id, (e) => {
			applySpec(e, spec);
			e.chart.update('none');
			return drawnAt();
		});
	},
	resize(id: number, size: CanvasSize): void {
		withChart(id, ({ chart }) => {
			chart.options.devicePixelRatio = size.pixelRatio;
			chart.resize(px(size.width), px(size.height));
		});
	},
	pointer(id: number, pointer: ForwardedPointer): void {
		withChart(id, ({ chart }) => {
			const listener = (chart.platform as unknown as ForwardingPlatform).listeners.get(pointer.type);
			// Chart.js filters events by native.type: a stand-in with just that field is enough.
			const native = { type: pointer.type } as Event;
			listener?.({ type: pointer.type, native, x: pointer.x, y: pointer.y });
		});
	},
	destroy(id: number): void {
		charts.get(id)?.chart.destroy();
		charts.delete(id);
	},
	/** The page's words for what this worker writes (axis ticks, tooltips), before the charts that need them. */
	useWords(words: Partial<ScreenWords>): void {
		useScreenWords(() => words as ScreenWords);
	},
	/**
	 * Resolves after this worker's next animation frame: what it drew before has then been
	 * committed to the page's canvases. Printing waits for it; a slider move does not (its measure
	 * ends when the drawing is done, as the screen follows without the page).
	 */
	async framesCommitted(): Promise<void> {
		await new Promise<void>((done) => (typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => done()) : setTimeout(done, 16)));
	}
};

export type ChartWorkerApi = typeof chartWorkerApi;

expose(chartWorkerApi);
