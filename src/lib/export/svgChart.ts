// A chart as an SVG file: vector, for reports and print. Written here from the chart's spec (the
// same plain description the chart worker draws), not traced from the canvas, so lines stay
// lines at any size and every text stays text. Drawn as the chart draws it (chartConfig.ts,
// fanBands.ts, chartSetup.ts): lines with the baseline dashed and the reference dash-dotted,
// history points as dots, hollow dots and triangles, fan bands and medians, stacked areas, year
// markers and the cell's notes; a series turned off in the legend is left out. Around it: the
// title, a legend, the source line, and <title>, <desc> (the text alternative) and <metadata>
// (the scenario's link and the source, Dublin Core). Dark text on white: a printable file.
// Loaded when "Download chart (SVG)" is pressed.

import type { LineChartSpec, LineSeriesSpec } from '../charts/chartSpec';
import type { XY } from '../charts/chartModel';
import type { ChartAnnotation } from '../sim/types';
import { datasetSeries, fansOf } from '../charts/fanBands';
import { spanEdges, SPAN_FILL, wrapText } from '../charts/chartConfig';
import { formatValue } from '../view/format';
import { downloadText } from './download';

export interface SvgChartInput {
	spec: LineChartSpec;
	title: string;
	/** The one-line source (charts/sourceLine.ts). */
	source: string;
	/** The scenario's notebook link, written into the SVG's metadata; null when it has none. */
	link: string | null;
	/** The chart's text alternative (its <desc>). */
	summary: string;
}

const WIDTH = 960;
const HEIGHT = 560;
const TEXT = '#333333';
const MUTED = '#5a6470';
const GRID = '#e2e5e9';
const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif';

/** Text for XML: the five special characters escaped, characters XML 1.0 forbids removed. */
export function xmlEscape(text: string): string {
	return text
		.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
		.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

const n = (v: number) => (Math.round(v * 10) / 10).toString();

/**
 * A colour as SVG paint: "rgba(r, g, b, a)" and "#rrggbbaa" become a colour and an opacity
 * (older SVG tools know no alpha), times `opacity`.
 */
export function paint(colour: string, kind: 'fill' | 'stroke', opacity = 1): string {
	let value = colour;
	let alpha = 1;
	const rgba = /^rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*(?:,\s*([\d.]+)\s*)?\)$/.exec(colour);
	const hex = /^#([0-9a-f]{6})([0-9a-f]{2})?$/i.exec(colour);
	if (rgba) {
		value = `rgb(${rgba[1]},${rgba[2]},${rgba[3]})`;
		alpha = rgba[4] === undefined ? 1 : Number(rgba[4]);
	} else if (hex) {
		value = `#${hex[1]}`;
		alpha = hex[2] ? parseInt(hex[2], 16) / 255 : 1;
	}
	const total = Math.round(alpha * opacity * 1000) / 1000;
	return `${kind}="${xmlEscape(value)}"${total < 1 ? ` ${kind}-opacity="${total}"` : ''}`;
}

/** Round tick values between min and max, about `count` of them (as an axis would pick). */
export function niceTicks(min: number, max: number, count = 6): { min: number; max: number; ticks: number[] } {
	if (!(max > min)) max = min + 1;
	const raw = (max - min) / Math.max(1, count - 1);
	const power = 10 ** Math.floor(Math.log10(raw));
	const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
	const lo = Math.floor(min / step + 1e-9) * step;
	const hi = Math.ceil(max / step - 1e-9) * step;
	const ticks: number[] = [];
	for (let v = lo; v <= hi + step / 2; v += step) ticks.push(Number(v.toPrecision(12)));
	return { min: lo, max: hi, ticks };
}

/** Years to label on the axis: every year on a short chart, every 2, 5 or 10 on a long one. */
export function yearTicks(from: number, to: number): number[] {
	const span = to - from;
	const step = [1, 2, 5, 10, 20, 50].find((s) => span / s <= 12) ?? 100;
	const out: number[] = [];
	for (let y = Math.ceil(from / step) * step; y <= to; y += step) out.push(y);
	// The first year too, unless a round year crowds it.
	if (step > 1 && out[0] - from >= step * 0.6) out.unshift(from);
	return out;
}

interface Drawn {
	series: LineSeriesSpec;
	points: XY[];
	/** For a stacked area: the points it fills down to (the area before it), or null for zero. */
	floor?: XY[] | null;
}

/** The datasets as drawn: in a stacked area chart, each role's series add up (as Chart.js stacks them by role). */
function drawnSeries(spec: LineChartSpec): Drawn[] {
	const shown = datasetSeries(spec)
		.map((i) => spec.series[i])
		.filter((s) => !s.hidden);
	if (spec.style !== 'area') return shown.map((series) => ({ series, points: series.points }));
	const sums = new Map<string, Map<number, number>>();
	const lastScenario: { points: XY[] | null } = { points: null };
	return shown.map((series) => {
		const sum = sums.get(series.role) ?? new Map<number, number>();
		sums.set(series.role, sum);
		const points = series.points.map((p) => {
			const y = (sum.get(p.x) ?? 0) + p.y;
			sum.set(p.x, y);
			return { x: p.x, y };
		});
		if (series.role !== 'scenario') return { series, points };
		const floor = lastScenario.points;
		lastScenario.points = points;
		return { series, points, floor };
	});
}

function valueRange(spec: LineChartSpec, drawn: Drawn[]): { min: number; max: number } {
	// Like the chart: from zero, to at least 100% on a share chart, taking in the bands and the notes.
	let min = 0;
	let max = spec.format === 'percent' ? 1 : -Infinity;
	const take = (y: number) => {
		if (!Number.isFinite(y)) return;
		if (y < min) min = y;
		if (y > max) max = y;
	};
	for (const d of drawn) d.points.forEach((p) => take(p.y));
	const { bands, medians } = fansOf(spec);
	for (const b of bands) [...b.low, ...b.high].forEach((p) => take(p.y));
	for (const m of medians) m.points.forEach((p) => take(p.y));
	for (const a of spec.annotations ?? []) if (a.kind === 'label') take(a.value);
	if (!(max > min)) max = min + 1;
	return { min, max };
}

function dashOf(role: LineSeriesSpec['role']): string {
	return role === 'baseline' ? ' stroke-dasharray="6 4"' : role === 'reference' ? ' stroke-dasharray="10 3 2 3"' : '';
}

const widthOf = (role: LineSeriesSpec['role']) => (role === 'baseline' ? 1.5 : role === 'reference' ? 2 : 2.5);

/** Roughly how wide a text is, in px (SVG has no measuring without a renderer). */
const textWidth = (text: string, size: number) => text.length * size * 0.56;

const LEGEND_ROLES = new Set(['scenario', 'baseline', 'reference', 'history']);

function legendSymbol(s: LineSeriesSpec, x: number, y: number): string {
	if (s.role === 'history') {
		if (s.observation === 'forecast') return `<polygon points="${n(x + 10)},${n(y - 5)} ${n(x + 15)},${n(y + 4)} ${n(x + 5)},${n(y + 4)}" ${paint(s.colour, 'fill')}/>`;
		if (s.observation === 'part-year') return `<circle cx="${n(x + 10)}" cy="${n(y)}" r="3.5" fill="none" ${paint(s.colour, 'stroke')} stroke-width="1.5"/>`;
		return `<circle cx="${n(x + 10)}" cy="${n(y)}" r="4" ${paint(s.colour, 'fill')}/>`;
	}
	return `<line x1="${n(x)}" y1="${n(y)}" x2="${n(x + 20)}" y2="${n(y)}" ${paint(s.colour, 'stroke')} stroke-width="${widthOf(s.role)}"${dashOf(s.role)}/>`;
}

/** The legend, wrapped into rows across the width. Returns its markup and its bottom edge. */
function legend(spec: LineChartSpec, top: number): { svg: string; bottom: number } {
	const items = spec.series.filter((s) => LEGEND_ROLES.has(s.role) && !s.hidden);
	const banded = spec.series.some((s) => s.role === 'band-high' && !s.hidden);
	const parts: string[] = [];
	let x = 24;
	let y = top + 8;
	const place = (width: number) => {
		if (x > 24 && x + width > WIDTH - 24) {
			x = 24;
			y += 20;
		}
		const at = x;
		x += width + 18;
		return at;
	};
	for (const s of items) {
		const at = place(26 + textWidth(s.label, 12));
		parts.push(`<g class="legend-item">${legendSymbol(s, at, y)}<text x="${n(at + 26)}" y="${n(y + 4)}">${xmlEscape(s.label)}</text></g>`);
	}
	if (banded) {
		const text = 'Shaded: middle half (darker) and nine in ten (lighter) of the uncertainty samples; dotted: their median';
		const at = place(26 + textWidth(text, 12));
		parts.push(`<g class="legend-item"><rect x="${n(at)}" y="${n(y - 5)}" width="20" height="10" fill="${GRID}"/><text x="${n(at + 26)}" y="${n(y + 4)}">${xmlEscape(text)}</text></g>`);
	}
	return { svg: `<g class="legend" font-size="12" fill="${TEXT}">${parts.join('')}</g>`, bottom: items.length || banded ? y + 14 : top };
}

/**
 * The SVG document for a line or stacked-area chart: pure (no DOM), so it is tested in Node.
 */
export function chartSvg(input: SvgChartInput): string {
	const { spec } = input;
	const drawn = drawnSeries(spec);
	const titleLines = wrapText(input.title || 'Chart', 80);
	const titleBottom = 20 + titleLines.length * 24;
	const leg = legend(spec, titleBottom + 4);
	const plot = { left: 72, right: WIDTH - 28, top: leg.bottom + 18, bottom: HEIGHT - 64 };
	const range = valueRange(spec, drawn);
	const y = niceTicks(range.min, range.max);
	const from = spec.fromYear;
	const to = spec.toYear > from ? spec.toYear : from + 1;
	const px = (year: number) => plot.left + ((year - from) / (to - from)) * (plot.right - plot.left);
	const py = (value: number) => plot.bottom - ((value - y.min) / (y.max - y.min)) * (plot.bottom - plot.top);
	const pathOf = (points: XY[]) => points.map((p, i) => `${i ? 'L' : 'M'}${n(px(p.x))} ${n(py(p.y))}`).join(' ');
	const out: string[] = [];

	out.push(
		`<?xml version="1.0" encoding="UTF-8"?>`,
		`<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="chart-title chart-desc" font-family="${FONT}">`,
		`<title id="chart-title">${xmlEscape(input.title)}</title>`,
		`<desc id="chart-desc">${xmlEscape(input.summary)}</desc>`,
		metadata(input),
		`<defs><clipPath id="plot-area"><rect x="${n(plot.left)}" y="${n(plot.top)}" width="${n(plot.right - plot.left)}" height="${n(plot.bottom - plot.top)}"/></clipPath></defs>`,
		`<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
		`<text class="chart-title" x="24" y="${n(20)}" font-size="20" font-weight="600" fill="${TEXT}">${titleLines.map((line, i) => `<tspan x="24" dy="${i ? 24 : 18}">${xmlEscape(line)}</tspan>`).join('')}</text>`,
		leg.svg
	);

	// Axes: gridlines and ticks.
	const grid: string[] = [];
	for (const v of y.ticks) {
		grid.push(`<line x1="${n(plot.left)}" y1="${n(py(v))}" x2="${n(plot.right)}" y2="${n(py(v))}"/>`);
	}
	const years = yearTicks(from, to);
	for (const year of years) grid.push(`<line x1="${n(px(year))}" y1="${n(plot.top)}" x2="${n(px(year))}" y2="${n(plot.bottom)}"/>`);
	out.push(`<g class="grid" stroke="${GRID}" stroke-width="1">${grid.join('')}</g>`);
	out.push(
		`<g class="axis axis-y" font-size="12" fill="${MUTED}" text-anchor="end">${y.ticks.map((v) => `<text x="${n(plot.left - 8)}" y="${n(py(v) + 4)}">${xmlEscape(formatValue(v, spec.format))}</text>`).join('')}</g>`,
		`<g class="axis axis-x" font-size="12" fill="${MUTED}" text-anchor="middle">${years.map((year) => `<text x="${n(px(year))}" y="${n(plot.bottom + 18)}">${year}</text>`).join('')}</g>`,
		`<line x1="${n(plot.left)}" y1="${n(plot.bottom)}" x2="${n(plot.right)}" y2="${n(plot.bottom)}" stroke="${MUTED}" stroke-width="1"/>`
	);

	// The plot, clipped to its area, in the chart's drawing order.
	const body: string[] = [];
	const notes = spec.annotations ?? [];
	for (const a of notes) if (a.kind === 'span') body.push(spanSvg(a, px, plot));
	const { bands, medians } = fansOf(spec);
	for (const band of bands) {
		if (!band.low.length || !band.high.length) continue;
		const outline = [...band.high, ...[...band.low].reverse()];
		body.push(`<path class="band" d="${pathOf(outline)} Z" ${paint(band.colour, 'fill')}/>`);
	}
	for (const m of medians) if (m.points.length) body.push(`<path class="median" d="${pathOf(m.points)}" fill="none" ${paint(m.colour, 'stroke')} stroke-width="1.5" stroke-dasharray="2 3"/>`);
	for (const d of drawn) {
		const s = d.series;
		if (!d.points.length) continue;
		const attrs = `data-series="${xmlEscape(s.key)}" data-role="${s.role}"`;
		if (s.role === 'history') {
			body.push(`<g class="series points" ${attrs}>${d.points.map((p) => pointSvg(s, px(p.x), py(p.y))).join('')}</g>`);
			continue;
		}
		if (d.floor !== undefined) {
			// A stacked area: down to the area before it, or to zero for the first.
			const floor = d.floor ?? d.points.map((p) => ({ x: p.x, y: 0 }));
			const outline = `${pathOf(d.points)} ${[...floor].reverse().map((p) => `L${n(px(p.x))} ${n(py(p.y))}`).join(' ')} Z`;
			body.push(`<path class="area" d="${outline}" ${paint(s.colour, 'fill', 0.33)}/>`);
		}
		body.push(`<path class="series" ${attrs} d="${pathOf(d.points)}" fill="none" ${paint(s.colour, 'stroke')} stroke-width="${widthOf(s.role)}"${dashOf(s.role)} stroke-linejoin="round"/>`);
	}
	for (const marker of spec.markers) {
		if (marker.year < from || marker.year > to) continue;
		const x = px(marker.year);
		body.push(`<g class="marker"><line x1="${n(x)}" y1="${n(plot.top)}" x2="${n(x)}" y2="${n(plot.bottom)}" stroke="${MUTED}" stroke-dasharray="4 4"/><text x="${n(x + 4)}" y="${n(plot.top + 12)}" font-size="11" fill="${TEXT}">${xmlEscape(marker.label)}</text></g>`);
	}
	for (const a of notes) if (a.kind === 'label') body.push(labelSvg(a, px(a.year), py(a.value)));
	out.push(`<g class="plot" clip-path="url(#plot-area)">${body.join('')}</g>`);

	// The source line, and the link written out small under it (a printed file keeps where it came from).
	out.push(`<text class="chart-source" x="24" y="${HEIGHT - 30}" font-size="12" fill="${MUTED}">${xmlEscape(input.source)}</text>`);
	if (input.link) out.push(`<text class="chart-link" x="24" y="${HEIGHT - 12}" font-size="9" fill="${MUTED}">${xmlEscape(shorten(input.link, 180))}</text>`);
	out.push('</svg>');
	return out.join('\n') + '\n';
}

function shorten(text: string, max: number): string {
	return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function metadata(input: SvgChartInput): string {
	const link = input.link ? `<dc:source>${xmlEscape(input.link)}</dc:source>` : '';
	return (
		`<metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
		`<rdf:Description rdf:about="${xmlEscape(input.link ?? '')}"><dc:title>${xmlEscape(input.title)}</dc:title>${link}` +
		`<dc:description>${xmlEscape(input.source)}</dc:description><dc:creator>Shiftcast</dc:creator><dc:format>image/svg+xml</dc:format></rdf:Description></rdf:RDF></metadata>`
	);
}

function pointSvg(s: LineSeriesSpec, x: number, y: number): string {
	if (s.observation === 'forecast') return `<polygon points="${n(x)},${n(y - 5)} ${n(x + 4.5)},${n(y + 3.5)} ${n(x - 4.5)},${n(y + 3.5)}" ${paint(s.colour, 'fill')}/>`;
	if (s.observation === 'part-year') return `<circle cx="${n(x)}" cy="${n(y)}" r="4" fill="#ffffff" ${paint(s.colour, 'stroke')} stroke-width="2"/>`;
	return `<circle cx="${n(x)}" cy="${n(y)}" r="4" ${paint(s.colour, 'fill')}/>`;
}

function spanSvg(a: Extract<ChartAnnotation, { kind: 'span' }>, px: (year: number) => number, plot: { top: number; bottom: number }): string {
	const [from, to] = spanEdges(a);
	const x1 = px(from);
	const x2 = px(to);
	const lines = wrapText(a.text);
	const text = lines.map((line, i) => `<tspan x="${n((x1 + x2) / 2)}" dy="${i ? 13 : 0}">${xmlEscape(line)}</tspan>`).join('');
	return `<g class="annotation annotation-span"><rect x="${n(x1)}" y="${n(plot.top)}" width="${n(Math.max(1, x2 - x1))}" height="${n(plot.bottom - plot.top)}" ${paint(SPAN_FILL, 'fill')}/><text x="${n((x1 + x2) / 2)}" y="${n(plot.top + 14)}" font-size="11" fill="${TEXT}" text-anchor="middle">${text}</text></g>`;
}

function labelSvg(a: Extract<ChartAnnotation, { kind: 'label' }>, x: number, y: number): string {
	const lines = wrapText(a.text);
	const top = y - 8 - (lines.length - 1) * 13;
	const text = lines.map((line, i) => `<tspan x="${n(x)}" dy="${i ? 13 : 0}">${xmlEscape(line)}</tspan>`).join('');
	return `<g class="annotation annotation-label"><circle cx="${n(x)}" cy="${n(y)}" r="3.5" fill="${TEXT}"/><text x="${n(x)}" y="${n(top)}" font-size="11" fill="${TEXT}" text-anchor="middle">${text}</text></g>`;
}

/** Saves the chart as shiftcast-<title>.svg. */
export function downloadChartSvg(input: SvgChartInput): void {
	const name = input.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80) || 'chart';
	downloadText(`shiftcast-${name}.svg`, chartSvg(input), 'image/svg+xml;charset=utf-8');
}
