// Chart specs -> Chart.js configurations. Runs in the chart worker; pure (no DOM, no canvas) so
// it is tested in Node. Callbacks read the chart's current spec through `current`, so a data-only
// update never has to rebuild the options. No canvas legend: the page shows one in HTML (it wraps
// on a phone instead of eating the plot, and its buttons work by keyboard).

import type { ChartConfiguration, ChartDataset, TooltipItem } from 'chart.js';
import { formatValue } from '../view/format';
import type { BarChartSpec, ChartSpec, ChartTheme, LineChartSpec } from './chartSpec';
import { datasetSeries, fanBandsPlugin, fanTooltip } from './fanBands';
import type { ChartAnnotation } from '../sim/types';

type LinePoint = { x: number; y: number };
type LineConfig = ChartConfiguration<'line', LinePoint[]>;
type BarConfig = ChartConfiguration<'bar', [number, number][], string>;

export function lineDatasets(spec: LineChartSpec): ChartDataset<'line', LinePoint[]>[] {
	const stacked = spec.style === 'area';
	// Bands and medians are not datasets: fanBands.ts draws them.
	return datasetSeries(spec).map((index, i) => {
		const s = spec.series[index];
		return {
			label: s.label,
			data: s.points.map((p) => ({ x: p.x, y: p.y })),
			borderColor: s.colour,
			backgroundColor: stacked && s.role === 'scenario' ? s.colour + '55' : s.colour,
			stack: s.role,
			borderWidth: s.role === 'baseline' ? 1.5 : s.role === 'reference' ? 2 : 2.5,
			// Baseline dashed, reference dash-dot: told apart without colour.
			borderDash: s.role === 'baseline' ? [6, 4] : s.role === 'reference' ? [10, 3, 2, 3] : [],
			// A stacked area fills down to the area before it.
			fill: stacked && s.role === 'scenario' ? (i === 0 ? 'origin' : '-1') : false,
			showLine: s.role !== 'history',
			pointRadius: s.role === 'history' ? 4 : 0,
			pointHoverRadius: s.role === 'history' ? 6 : 3,
			// Full years a filled dot, a month or part year a hollow dot, a forecast a triangle.
			pointStyle: s.role !== 'history' ? false : s.observation === 'forecast' ? 'triangle' : 'circle',
			pointBackgroundColor: s.role === 'history' && s.observation === 'part-year' ? 'rgba(0, 0, 0, 0)' : s.colour,
			pointBorderWidth: s.role === 'history' && s.observation !== 'full-year' && s.observation ? 2 : 1,
			tension: 0,
			hidden: s.hidden ?? false
		};
	});
}

/**
 * Tooltip lines for one point: "label: value (year)", then any notes (an observation's
 * source), then for a scenario line its bands in that year.
 */
export function lineTooltip(spec: LineChartSpec, datasetIndex: number, dataIndex: number): string[] {
	const s = spec.series[datasetSeries(spec)[datasetIndex]];
	const point = s?.points[dataIndex];
	if (!s || !point) return [];
	return [`${s.label}: ${formatValue(point.y, spec.format)} (${s.periods?.[dataIndex] ?? point.x})`, ...(s.notes?.[dataIndex] ?? []), ...fanTooltip(spec, s, point.x)];
}

export function lineConfig(current: () => LineChartSpec, pixelRatio: number): LineConfig {
	const spec = current();
	return {
		type: 'line',
		data: { datasets: lineDatasets(spec) },
		plugins: [fanBandsPlugin(current)],
		options: {
			animation: false,
			// The worker sizes the canvas itself (resize messages from the page).
			responsive: false,
			maintainAspectRatio: false,
			devicePixelRatio: pixelRatio,
			parsing: false,
			normalized: true,
			interaction: { mode: 'nearest', intersect: false },
			scales: {
				x: { type: 'linear', min: spec.fromYear, max: spec.toYear, ticks: { stepSize: 1, callback: (v) => String(v) } },
				y: {
					stacked: spec.style === 'area',
					beginAtZero: true,
					suggestedMax: spec.format === 'percent' ? 1 : undefined,
					ticks: { callback: (v) => formatValue(Number(v), current().format) }
				}
			},
			plugins: {
				tooltip: {
					callbacks: {
						// The year as a year ("2026", not Chart.js's locale-formatted "2,026").
						title: (items: TooltipItem<'line'>[]) => (items.length ? String(items[0].parsed.x) : ''),
						label: (item: TooltipItem<'line'>) => lineTooltip(current(), item.datasetIndex, item.dataIndex)
					}
				},
				yearMarkers: { markers: spec.markers },
				annotation: { annotations: annotationElements(spec) }
			} as never
		}
	};
}

/** Splits a note's text into lines of about `width` characters (the plugin does not wrap). */
export function wrapText(text: string, width = 36): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/)) {
		if (line && line.length + 1 + word.length > width) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	if (line) lines.push(line);
	return lines;
}

/** Where a shaded span begins and ends on the year axis: a single year is given some width. */
export function spanEdges(a: Extract<ChartAnnotation, { kind: 'span' }>): [number, number] {
	return a.from === a.to ? [a.from - 0.4, a.to + 0.4] : [a.from, a.to];
}

/** The shaded band's fill: grey at low opacity reads on a light and a dark page alike. */
export const SPAN_FILL = 'rgba(128, 128, 128, 0.16)';

/**
 * The chart's notes as chartjs-plugin-annotation elements: a span is a box over its years, the
 * full height, with its text at the top; a label is a dot at its year and value with its text
 * above. Keys are positions, so a changed list replaces the elements.
 */
export function annotationElements(spec: LineChartSpec): Record<string, Record<string, unknown>> {
	const out: Record<string, Record<string, unknown>> = {};
	const font = { size: 11, family: 'system-ui, sans-serif' };
	(spec.annotations ?? []).forEach((a, i) => {
		if (a.kind === 'span') {
			const [xMin, xMax] = spanEdges(a);
			out[`span${i}`] = {
				type: 'box',
				xMin,
				xMax,
				backgroundColor: SPAN_FILL,
				borderWidth: 0,
				drawTime: 'beforeDatasetsDraw',
				adjustScaleRange: false,
				label: { display: true, content: wrapText(a.text), position: { x: 'center', y: 'start' }, color: spec.theme.text, font, padding: 4 }
			};
		} else {
			out[`dot${i}`] = { type: 'point', xValue: a.year, yValue: a.value, radius: 3.5, backgroundColor: spec.theme.text, borderWidth: 0 };
			out[`label${i}`] = { type: 'label', xValue: a.year, yValue: a.value, content: wrapText(a.text), color: spec.theme.text, font, position: { x: 'center', y: 'end' }, yAdjust: -6, padding: 2 };
		}
	});
	return out;
}

export function barData(spec: BarChartSpec): BarConfig['data'] {
	return {
		labels: spec.bars.map((b) => b.label),
		datasets: [{ label: spec.summary, data: spec.bars.map((b) => [b.from, b.to] as [number, number]), backgroundColor: spec.bars.map((b) => b.colour) }]
	};
}

export function barConfig(current: () => BarChartSpec, pixelRatio: number): BarConfig {
	const spec = current();
	return {
		type: 'bar',
		data: barData(spec),
		options: {
			animation: false,
			responsive: false,
			maintainAspectRatio: false,
			devicePixelRatio: pixelRatio,
			indexAxis: 'y',
			scales: {
				// Keep the central value in view even when every bar sits on one side of it.
				x: { suggestedMin: spec.reference, suggestedMax: spec.reference, ticks: { callback: (v) => formatValue(Number(v), current().format) } }
			},
			plugins: {
				tooltip: { callbacks: { label: (item: { dataIndex: number }) => current().bars[item.dataIndex]?.note ?? '' } },
				yearMarkers: { markers: [] }
			} as never
		}
	};
}

/** Puts the theme's colours on a chart's text, axes, grid and year markers (at creation and on every update). */
export function applyTheme(options: Record<string, unknown>, theme: ChartTheme): void {
	const o = options as { color?: string; scales?: Record<string, { ticks?: { color?: string }; grid?: { color?: string } }>; plugins?: Record<string, Record<string, unknown>> };
	o.color = theme.text;
	// Set in place: on a live chart these are Chart.js's option proxies, holding the tick callbacks.
	for (const scale of Object.values(o.scales ?? {})) {
		if (scale.ticks) scale.ticks.color = theme.text;
		else scale.ticks = { color: theme.text };
		if (scale.grid) scale.grid.color = theme.grid;
		else scale.grid = { color: theme.grid };
	}
	if (o.plugins?.yearMarkers) o.plugins.yearMarkers.color = theme.text;
}

export function chartConfig(current: () => ChartSpec, pixelRatio: number): LineConfig | BarConfig {
	const spec = current();
	const config = spec.kind === 'line' ? lineConfig(current as () => LineChartSpec, pixelRatio) : barConfig(current as () => BarChartSpec, pixelRatio);
	applyTheme(config.options as Record<string, unknown>, spec.theme);
	return config;
}
