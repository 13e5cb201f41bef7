// Chart.js, registered with only the parts we draw (tree-shaken), plus one small plugin that
// marks years of note (the 2026 battery-safety rules) with a vertical line, and the annotation
// plugin for the notes people put on a chart.

import {
	BarController,
	BarElement,
	CategoryScale,
	Chart,
	Filler,
	LinearScale,
	LineController,
	LineElement,
	PointElement,
	Tooltip
} from 'chart.js';
import type { Plugin } from 'chart.js';
// Chart notes (labels, shaded spans): Chart.js's own plugin draws them (chartConfig.annotationElements).
import annotationPlugin from 'chartjs-plugin-annotation';

export interface YearMarker {
	year: number;
	label: string;
}

export const yearMarkers: Plugin<'line', { markers?: YearMarker[]; color?: string }> = {
	id: 'yearMarkers',
	afterDatasetsDraw(chart, _args, options) {
		const x = chart.scales.x;
		const { top, bottom } = chart.chartArea;
		const ctx = chart.ctx;
		for (const marker of options.markers ?? []) {
			if (marker.year < x.min || marker.year > x.max) continue;
			const px = x.getPixelForValue(marker.year);
			ctx.save();
			// The theme's text colour (chartConfig.applyTheme), so the marker reads on dark too.
			ctx.strokeStyle = options.color ?? 'rgba(90, 90, 90, 0.8)';
			ctx.setLineDash([4, 4]);
			ctx.beginPath();
			ctx.moveTo(px, top);
			ctx.lineTo(px, bottom);
			ctx.stroke();
			ctx.setLineDash([]);
			ctx.fillStyle = options.color ?? 'rgba(60, 60, 60, 0.9)';
			ctx.font = '11px system-ui, sans-serif';
			ctx.fillText(marker.label, px + 4, top + 12);
			ctx.restore();
		}
	}
};

let registered = false;

export function chartJs(): typeof Chart {
	if (!registered) {
		Chart.register(LineController, LineElement, PointElement, LinearScale, Tooltip, Filler, yearMarkers, BarController, BarElement, CategoryScale, annotationPlugin);
		registered = true;
	}
	return Chart;
}
