// The chart worker's side that needs no canvas: spec -> Chart.js configuration, tooltips, and
// when a redraw may reuse the datasets.
import { describe, expect, it } from 'vitest';
import { barConfig, chartConfig, lineConfig, lineDatasets, lineTooltip } from '../src/lib/charts/chartConfig';
import { shapeOf } from '../src/lib/charts/chartSpec';
import { inLegend, legendKeyOf } from '../src/lib/charts/chartModel';
import type { ChartSeries } from '../src/lib/charts/chartModel';
import type { BarChartSpec, LineChartSpec } from '../src/lib/charts/chartSpec';

const line = (overrides: Partial<LineChartSpec> = {}): LineChartSpec => ({
	kind: 'line',
	theme: { text: '#5a6470', grid: '#d5dae0' },
	style: 'line',
	format: 'percent',
	fromYear: 2019,
	toYear: 2035,
	markers: [{ year: 2026, label: '2026 battery rules' }],
	series: [
		{ key: 's', label: 'NEV share', role: 'scenario', colour: '#0072B2', points: [{ x: 2030, y: 0.7 }] },
		{ key: 'lo', label: 'NEV share, 5th percentile', role: 'band-low', colour: '#0072B233', points: [{ x: 2030, y: 0.6 }] },
		{ key: 'hi', label: 'NEV share, 95th percentile', role: 'band-high', colour: '#0072B233', points: [{ x: 2030, y: 0.8 }] },
		{
			key: 'h',
			label: 'NEV share, observed',
			role: 'history',
			colour: '#0072B2',
			points: [{ x: 2024, y: 0.409 }],
			notes: [['Source: CAAM via Caixin', 'Basis: CAAM, wholesale, all vehicles']]
		}
	],
	...overrides
});

describe('line chart configuration', () => {
	it('makes datasets of lines and observations only (the fan plugin draws bands), observations as points', () => {
		const sets = lineDatasets(line());
		expect(sets.map((d) => d.label)).toEqual(['NEV share', 'NEV share, observed']);
		expect(sets.every((d) => d.fill === false)).toBe(true);
		expect(sets[1].showLine).toBe(false);
		expect(sets[1].pointRadius).toBe(4);
		expect(sets[0].data).toEqual([{ x: 2030, y: 0.7 }]);
		expect(lineConfig(line, 1).plugins?.map((p) => p.id)).toEqual(['fanBands']);
	});

	it('stacks scenario areas in an area chart, each down to the one before', () => {
		const spec = line({ style: 'area', series: line().series.slice(0, 1).concat({ ...line().series[0], key: 't', label: 'Other' }) });
		const sets = lineDatasets(spec);
		expect(sets.map((s) => s.fill)).toEqual(['origin', '-1']);
		expect((lineConfig(() => spec, 2).options!.scales!.y as { stacked: boolean }).stacked).toBe(true);
	});

	it('names an observation\'s source in its tooltip and formats by the chart\'s unit', () => {
		expect(lineTooltip(line(), 1, 0)).toEqual(['NEV share, observed: 40.9% (2024)', 'Source: CAAM via Caixin', 'Basis: CAAM, wholesale, all vehicles']);
		expect(lineTooltip(line(), 0, 0)).toEqual(['NEV share: 70.0% (2030)']);
		expect(lineTooltip(line(), 9, 0)).toEqual([]);
		const title = lineConfig(line, 1).options!.plugins!.tooltip!.callbacks!.title as unknown as (items: { parsed: { x: number } }[]) => string;
		expect(title([{ parsed: { x: 2026 } }])).toBe('2026');
	});

	it('callbacks follow the current spec, so a data-only update needs no new options', () => {
		let spec = line();
		const config = lineConfig(() => spec, 1);
		spec = line({ format: 'millions' });
		const tick = config.options!.scales!.y!.ticks!.callback as (v: number) => string;
		expect(tick.call(null as never, 12.5)).toBe('12.50 M');
		expect(config.options!.devicePixelRatio).toBe(1);
		expect(config.options!.responsive).toBe(false); // the worker sizes the canvas itself
	});

	it('gives text, grid and year markers the theme\'s colours', () => {
		const config = chartConfig(() => line({ theme: { text: '#a2acb8', grid: '#333a42' } }), 1);
		const options = config.options as { color: string; scales: Record<string, { ticks: { color: string }; grid: { color: string } }>; plugins: { yearMarkers: { color: string } } };
		expect(options.color).toBe('#a2acb8');
		expect(options.scales.x.ticks.color).toBe('#a2acb8');
		expect(options.scales.y.grid.color).toBe('#333a42');
		expect(options.plugins.yearMarkers.color).toBe('#a2acb8');
		// Tick callbacks survive the theming.
		expect((options.scales.y.ticks as unknown as { callback: (v: number) => string }).callback(0.5)).toBe('50.0%');
	});

	it('draws no legend on the canvas (the page has one) and leaves out the series turned off there', () => {
		const spec = line({ series: line().series.map((s) => (s.key === 's' ? { ...s, hidden: true } : s)) });
		const config = lineConfig(() => spec, 1);
		expect((config.options!.plugins as Record<string, unknown>).legend).toBeUndefined();
		expect(lineDatasets(spec).map((d) => d.hidden)).toEqual([true, false]);
		expect(shapeOf(spec)).not.toBe(shapeOf(line())); // showing or hiding rebuilds the datasets
	});

	it('reuses datasets when only numbers change, rebuilds when series, years or style change', () => {
		const moved = line({ series: line().series.map((s) => ({ ...s, points: s.points.map((p) => ({ ...p, y: p.y + 0.01 })) })) });
		expect(shapeOf(moved)).toBe(shapeOf(line()));
		expect(shapeOf(line({ toYear: 2040 }))).not.toBe(shapeOf(line()));
		expect(shapeOf(line({ style: 'area' }))).not.toBe(shapeOf(line()));
		expect(shapeOf(line({ series: line().series.slice(1) }))).not.toBe(shapeOf(line()));
		// Bands coming or going are drawn by the fan plugin: the datasets stay.
		expect(shapeOf(line({ series: line().series.filter((s) => s.role !== 'band-low' && s.role !== 'band-high') }))).toBe(shapeOf(line()));
	});
});

describe('floating bar configuration', () => {
	const bars: BarChartSpec = {
		kind: 'bars',
		theme: { text: '#a2acb8', grid: '#333a42' },
		format: 'percent',
		summary: 'Tornado',
		reference: 0.7,
		bars: [
			{ label: 'Localisation', from: 0.68, to: 0.74, colour: '#009E73', note: 'low 68.0%, high 74.0%' },
			{ label: 'Shake-out', from: 0.69, to: 0.71, colour: '#D55E00', note: 'low 69.0%, high 71.0%' }
		]
	};
	it('draws each bar from..to, horizontally, keeping the reference value in view', () => {
		const config = barConfig(() => bars, 2);
		expect(config.data.labels).toEqual(['Localisation', 'Shake-out']);
		expect(config.data.datasets[0].data).toEqual([
			[0.68, 0.74],
			[0.69, 0.71]
		]);
		expect(config.options!.indexAxis).toBe('y');
		expect(config.options!.scales!.x!.suggestedMin).toBe(0.7);
		const label = (config.options!.plugins!.tooltip!.callbacks!.label as (item: { dataIndex: number }) => string)({ dataIndex: 1 });
		expect(label).toBe('low 69.0%, high 71.0%');
	});
});

describe('the page legend', () => {
	const series = (key: string, role: ChartSeries['role']): ChartSeries => ({ key, label: key, role, colour: '#000', points: [] });
	it('lists lines and observations; a band or median is shown and hidden with its scenario line', () => {
		expect(['scenario', 'baseline', 'history', 'band-low', 'band-high', 'median'].map((r) => inLegend(series('x', r as ChartSeries['role'])))).toEqual([true, true, true, false, false, false]);
		expect(legendKeyOf(series('p95:nevShare', 'band-high'))).toBe('s:nevShare');
		expect(legendKeyOf(series('p50:nevShare', 'median'))).toBe('s:nevShare');
		expect(legendKeyOf(series('b:nevShare', 'baseline'))).toBe('b:nevShare');
		expect(legendKeyOf(series('h:nev_share_caam', 'history'))).toBe('h:nev_share_caam');
	});
});
