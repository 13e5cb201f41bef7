// What the main thread sends the chart worker: plain, structured-cloneable descriptions of a
// chart (no functions, no DOM). The worker turns them into Chart.js configurations
// (chartConfig.ts); tooltips and tick labels are formatted there from `format` and the notes.

import type { ChartAnnotation, ValueFormat } from '../sim/types';
import type { ChartModel, ObservationKind, XY } from './chartModel';
import { isFanSeries } from './fanBands';

export interface LineSeriesSpec {
	key: string;
	label: string;
	role: ChartModel['series'][number]['role'];
	colour: string;
	points: XY[];
	/** Extra tooltip lines per point (the source and basis of an observation), by index. */
	notes?: string[][];
	/** Each point's period as people write it ("Jan 2025"), where it is not just the year. */
	periods?: string[];
	/** Turned off in the chart's legend (on the page). */
	hidden?: boolean;
	/** History points: how they are drawn (filled dot, hollow dot, triangle). */
	observation?: ObservationKind;
}

/** Colours the page's theme (light or dark) gives the chart's text, grid and year markers. */
export interface ChartTheme {
	text: string;
	grid: string;
}

export interface LineChartSpec {
	kind: 'line';
	theme: ChartTheme;
	style: 'line' | 'area';
	format: ValueFormat;
	fromYear: number;
	toYear: number;
	series: LineSeriesSpec[];
	markers: { year: number; label: string }[];
	/** The cell's notes within the years shown, values in model units (charts/annotations.ts). */
	annotations?: ChartAnnotation[];
}

export interface BarSpec {
	label: string;
	from: number;
	to: number;
	colour: string;
	/** Tooltip text for the bar. */
	note: string;
}

export interface BarChartSpec {
	kind: 'bars';
	theme: ChartTheme;
	format: ValueFormat;
	/** Accessible summary, also the dataset's label. */
	summary: string;
	bars: BarSpec[];
	/** A value kept in view on the axis (the central value of a tornado). */
	reference?: number;
}

export type ChartSpec = LineChartSpec | BarChartSpec;

/** The size of the canvas on the page, in CSS pixels, and the screen's pixel ratio. */
export interface CanvasSize {
	width: number;
	height: number;
	pixelRatio: number;
}

/** A pointer event on the canvas, forwarded so tooltips work in the worker. */
export interface ForwardedPointer {
	type: 'mousemove' | 'mouseout';
	x: number;
	y: number;
}

/**
 * Datasets are rebuilt only when the chart's shape changes (style, years, which series shown); while
 * a slider moves only the numbers change and are handed over in place. Bands and medians are not
 * datasets (fanBands.ts draws them from the spec), so their arrival changes no shape.
 */
export function shapeOf(spec: ChartSpec): string {
	if (spec.kind === 'bars') return `bars|${spec.bars.length}`;
	const drawn = spec.series.filter((s) => !isFanSeries(s));
	return `${spec.style}|${spec.fromYear}|${spec.toYear}|${drawn.map((s) => `${s.key}:${s.role}:${s.label}:${s.hidden ? 'off' : 'on'}`).join(',')}`;
}
