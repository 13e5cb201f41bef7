// Fan charts drawn by a plugin from the spec (src/lib/charts/fanBands.ts): which bands, the
// axis taking them in, their values in the line's tooltip, and what reaches the canvas.
import { describe, expect, it } from 'vitest';
import type { Chart, Scale } from 'chart.js';
import { datasetSeries, fanBandsPlugin, fanExtent, fansOf, fanTooltip } from '../src/lib/charts/fanBands';
import { lineTooltip } from '../src/lib/charts/chartConfig';
import type { LineChartSpec, LineSeriesSpec } from '../src/lib/charts/chartSpec';

const pts = (...ys: number[]) => ys.map((y, i) => ({ x: 2030 + i, y }));
const band = (key: string, role: LineSeriesSpec['role'], ...ys: number[]): LineSeriesSpec => ({ key: `${key}:nevShare`, label: key, role, colour: `c-${key}`, points: pts(...ys) });

const spec = (hidden = false): LineChartSpec => ({
	kind: 'line',
	theme: { text: '#000', grid: '#ccc' },
	style: 'line',
	format: 'percent',
	fromYear: 2030,
	toYear: 2031,
	markers: [],
	series: [
		{ key: 's:nevShare', label: 'NEV share', role: 'scenario', colour: '#0072B2', points: pts(0.7, 0.75), hidden },
		{ key: 'b:nevShare', label: 'NEV share (baseline)', role: 'baseline', colour: '#999', points: pts(0.68, 0.7) },
		...[band('p5', 'band-low', 0.55, 0.5), band('p95', 'band-high', 0.82, 0.9), band('p25', 'band-low', 0.64, 0.66), band('p75', 'band-high', 0.74, 0.8), band('p50', 'median', 0.69, 0.73)].map(
			(s) => ({ ...s, hidden })
		)
	]
});

describe('fan bands', () => {
	it('pairs each lower edge with its upper edge, and leaves bands out of the datasets', () => {
		const { bands, medians } = fansOf(spec());
		expect(bands.map((b) => [b.low[0].y, b.high[0].y, b.colour])).toEqual([
			[0.55, 0.82, 'c-p95'],
			[0.64, 0.74, 'c-p75']
		]);
		expect(medians.map((m) => m.points.map((p) => p.y))).toEqual([[0.69, 0.73]]);
		expect(datasetSeries(spec())).toEqual([0, 1]);
	});

	it('draws nothing of a line turned off in the legend, and the axis ignores its bands', () => {
		expect(fansOf(spec(true))).toEqual({ bands: [], medians: [] });
		expect(fanExtent(spec(true))).toBeNull();
		expect(fanExtent(spec())).toEqual({ min: 0.5, max: 0.9 });
	});

	it("puts a year's bands in the scenario line's tooltip", () => {
		const s = spec();
		expect(fanTooltip(s, s.series[0], 2031)).toEqual(['5-95% of samples: 50.0% to 90.0%', '25-75%: 66.0% to 80.0%', 'Median of samples: 73.0%']);
		expect(fanTooltip(s, s.series[1], 2031)).toEqual([]); // a baseline has no bands
		expect(lineTooltip(s, 0, 1)).toEqual(['NEV share: 75.0% (2031)', '5-95% of samples: 50.0% to 90.0%', '25-75%: 66.0% to 80.0%', 'Median of samples: 73.0%']);
		expect(lineTooltip(s, 1, 1)).toEqual(['NEV share (baseline): 70.0% (2031)']);
	});

	it('widens the y axis to the bands, not the x axis', () => {
		const plugin = fanBandsPlugin(() => spec());
		const y = { axis: 'y', min: 0, max: 0.8 } as Scale;
		const x = { axis: 'x', min: 2030, max: 2031 } as Scale;
		const hook = plugin.afterDataLimits as unknown as (chart: Chart, args: { scale: Scale }) => void;
		hook({} as Chart, { scale: y });
		hook({} as Chart, { scale: x });
		expect([y.min, y.max]).toEqual([0, 0.9]);
		expect([x.min, x.max]).toEqual([2030, 2031]);
	});

	it('fills each band and strokes each median inside the plot area', () => {
		const calls: string[] = [];
		const ctx = new Proxy({} as Record<string, unknown>, {
			get: (target, name: string) => (name in target ? target[name] : (...args: unknown[]) => calls.push(`${name}(${args.length})`)),
			set: (target, name: string, value) => {
				target[name] = value;
				if (name === 'fillStyle' || name === 'strokeStyle') calls.push(`${name}=${value}`);
				return true;
			}
		});
		const scale = { getPixelForValue: (v: number) => v };
		const chart = { ctx, chartArea: { left: 0, top: 0, right: 100, bottom: 100 }, scales: { x: scale, y: scale } } as unknown as Chart;
		(fanBandsPlugin(() => spec()).beforeDatasetsDraw as unknown as (c: Chart) => void)(chart);
		expect(calls.filter((c) => /^(clip|fill|stroke)\(|Style=/.test(c))).toEqual([
			'clip(0)',
			'fillStyle=c-p95',
			'fill(0)',
			'fillStyle=c-p75',
			'fill(0)',
			'strokeStyle=c-p50',
			'stroke(0)'
		]);
		calls.length = 0;
		(fanBandsPlugin(() => spec(true)).beforeDatasetsDraw as unknown as (c: Chart) => void)(chart);
		expect(calls).toEqual([]);
	});
});
