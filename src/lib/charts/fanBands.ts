// Fan charts without extra Chart.js datasets. The 5-95% and 25-75% bands and the median of the
// samples are drawn by a small plugin straight from the spec, under the lines. As datasets they
// were ten more per two-line chart, each with its options resolved and its points laid out on
// every slider move: the chart worker took about 1.3 ms more per draw (median, measured in the
// browser). Their values now show in the scenario line's tooltip instead.
//
// The chart model (chartModel.ts) lists a band as a band-low series followed by its band-high
// series; the median follows them. A band's keys end in ":<variable>", like its scenario line's
// key "s:<variable>".

import type { Plugin, Scale } from 'chart.js';
import { formatValue } from '../view/format';
import { keyedName } from './chartModel';
import type { XY } from './chartModel';
import type { LineChartSpec, LineSeriesSpec } from './chartSpec';
import { w } from '../i18n/screenWords';

const FAN_ROLES = new Set<LineSeriesSpec['role']>(['band-low', 'band-high', 'median']);

export const isFanSeries = (s: LineSeriesSpec): boolean => FAN_ROLES.has(s.role);

/** Indexes in spec.series of the series Chart.js draws as datasets, in dataset order. */
export function datasetSeries(spec: LineChartSpec): number[] {
	const out: number[] = [];
	spec.series.forEach((s, i) => isFanSeries(s) || out.push(i));
	return out;
}

export interface Fan {
	low: XY[];
	high: XY[];
	colour: string;
}

export interface FanMedian {
	points: XY[];
	colour: string;
}

/** The bands and medians to draw: those not turned off in the legend. */
export function fansOf(spec: LineChartSpec): { bands: Fan[]; medians: FanMedian[] } {
	const bands: Fan[] = [];
	const medians: FanMedian[] = [];
	spec.series.forEach((s, i) => {
		if (s.hidden) return;
		const low = spec.series[i - 1];
		if (s.role === 'band-high' && low?.role === 'band-low') bands.push({ low: low.points, high: s.points, colour: s.colour });
		if (s.role === 'median') medians.push({ points: s.points, colour: s.colour });
	});
	return { bands, medians };
}

/** The lowest and highest value the shown bands reach (the y axis must take them in). */
export function fanExtent(spec: LineChartSpec): { min: number; max: number } | null {
	let min = Infinity;
	let max = -Infinity;
	const { bands, medians } = fansOf(spec);
	for (const points of [...bands.flatMap((b) => [b.low, b.high]), ...medians.map((m) => m.points)]) {
		for (const p of points) {
			if (p.y < min) min = p.y;
			if (p.y > max) max = p.y;
		}
	}
	return min <= max ? { min, max } : null;
}

/** Tooltip lines for a scenario line's point: its bands in that year, if it has any. */
export function fanTooltip(spec: LineChartSpec, series: LineSeriesSpec, year: number): string[] {
	if (series.role !== 'scenario') return [];
	const variable = keyedName(series.key);
	const at = (key: string) => spec.series.find((s) => s.key === `${key}:${variable}`)?.points.find((p) => p.x === year)?.y;
	const f = (v: number) => formatValue(v, spec.format);
	const [p5, p25, p50, p75, p95] = ['p5', 'p25', 'p50', 'p75', 'p95'].map(at);
	// In the page's language: the chart worker is handed these words (chartClient.ts sendWords).
	const lines: string[] = [];
	if (p5 !== undefined && p95 !== undefined) lines.push(w('screen_analysis_fan_outer', { low: f(p5), high: f(p95) }));
	if (p25 !== undefined && p75 !== undefined) lines.push(w('screen_analysis_fan_inner', { low: f(p25), high: f(p75) }));
	if (p50 !== undefined) lines.push(w('screen_analysis_fan_median', { median: f(p50) }));
	return lines;
}

function trace(ctx: CanvasRenderingContext2D, x: Scale, y: Scale, points: XY[], start: boolean): void {
	points.forEach((p, i) => {
		const px = x.getPixelForValue(p.x);
		const py = y.getPixelForValue(p.y);
		if (i === 0 && start) ctx.moveTo(px, py);
		else ctx.lineTo(px, py);
	});
}

/** The plugin, for one chart: `current` gives that chart's current spec. */
export function fanBandsPlugin(current: () => LineChartSpec): Plugin<'line'> {
	return {
		id: 'fanBands',
		afterDataLimits(_chart, args) {
			const scale = args.scale;
			if (scale.axis !== 'y') return;
			const extent = fanExtent(current());
			if (!extent) return;
			scale.min = Math.min(scale.min, extent.min);
			scale.max = Math.max(scale.max, extent.max);
		},
		beforeDatasetsDraw(chart) {
			const { bands, medians } = fansOf(current());
			if (!bands.length && !medians.length) return;
			const { ctx, chartArea: area, scales } = chart;
			const x = scales.x;
			const y = scales.y;
			ctx.save();
			ctx.beginPath();
			ctx.rect(area.left, area.top, area.right - area.left, area.bottom - area.top);
			ctx.clip();
			for (const band of bands) {
				if (!band.high.length || !band.low.length) continue;
				ctx.beginPath();
				trace(ctx, x, y, band.high, true);
				trace(ctx, x, y, [...band.low].reverse(), false);
				ctx.closePath();
				ctx.fillStyle = band.colour;
				ctx.fill();
			}
			ctx.lineWidth = 1.5;
			ctx.setLineDash([2, 3]);
			for (const median of medians) {
				if (!median.points.length) continue;
				ctx.beginPath();
				trace(ctx, x, y, median.points, true);
				ctx.strokeStyle = median.colour;
				ctx.stroke();
			}
			ctx.restore();
		}
	};
}
