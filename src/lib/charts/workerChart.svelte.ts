// A chart component's link to the chart worker, as runes: attaches the component's canvas once
// it exists, sends a new spec whenever the spec changes while the chart is in view, and after a
// chart-worker restart attaches a fresh canvas (the component renders its canvas inside
// {#key chart.generation}). Out of view, the spec is not even built: a slider move would
// otherwise copy every chart's points (and look up every observation's source) for nothing.

import { tick, untrack } from 'svelte';
import { attachWorkerCanvas } from './workerCanvas';
import { chartsOnPage } from './chartClient';
import type { WorkerCanvas } from './workerCanvas';
import type { ChartSpec } from './chartSpec';

export interface WorkerChart {
	/** Bumped when the canvas must be replaced (key the <canvas> on it). */
	readonly generation: number;
	/** Why the chart cannot be drawn, if it cannot ('' otherwise). */
	readonly failure: string;
}

/** While on, every chart draws as if in view: for printing, where all of them are on paper. */
const everyChart = $state({ on: false });
let printListeners = false;

function listenForPrinting(): void {
	if (printListeners || typeof addEventListener === 'undefined') return;
	printListeners = true;
	// The browser's own print command (Ctrl+P) cannot wait: the charts are brought up to date as
	// fast as the chart worker draws them. The Print button waits (printWithChartsDrawn).
	addEventListener('beforeprint', () => (everyChart.on = true));
	addEventListener('afterprint', () => (everyChart.on = false));
}

/** Brings every chart up to date, including those never scrolled to, then prints. */
export async function printWithChartsDrawn(print: () => void = () => window.print()): Promise<void> {
	everyChart.on = true;
	await tick();
	await chartsOnPage();
	try {
		print();
	} finally {
		everyChart.on = false;
	}
}

/** Call during component initialisation. `onDrawn` runs after each first frame of a canvas. */
export function workerChart(canvas: () => HTMLCanvasElement | undefined, spec: () => ChartSpec, onDrawn?: () => void): WorkerChart {
	const state = $state({ generation: 0, failure: '' });
	let attached: WorkerCanvas | null = $state.raw(null);
	let visible = $state(true);
	listenForPrinting();

	$effect(() => {
		void state.generation;
		const element = canvas();
		if (!element) return;
		const current = attachWorkerCanvas(
			element,
			untrack(spec),
			() => state.generation++,
			(inView) => (visible = inView)
		);
		// Not after the component is gone (its props and derived values with it): a chart shown
		// for a moment, as the build's results give way to a link's, is destroyed before it is drawn.
		let live = true;
		current.ready.then(
			() => live && onDrawn?.(),
			(err: Error) => live && (state.failure = `${err.message}; the tables hold every value.`)
		);
		attached = current;
		return () => {
			live = false;
			current.destroy();
		};
	});

	// A pre-effect runs as the update reaches this component, not after every other component's
	// DOM is updated: the chart worker starts drawing while the page updates the rest.
	$effect.pre(() => {
		// Not read while out of view: the effect then depends on `visible` (and printing) alone.
		if (!(visible || everyChart.on) || !attached) return;
		attached.update(spec());
	});

	return state;
}
