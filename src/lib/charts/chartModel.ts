// Chart cell + results -> plain series for Chart.js. Pure and DOM-free so it can be tested in
// Node; Chart.js itself only sees the arrays this returns.

import type { Bands, ChartCell, MonteCarloResult, RunResult, ValueFormat } from '../sim/types';
import type { ObservationKind, Observations } from '../view/observations';
import { colourAt, faint } from './palette';
import { w, type ScreenWordKey } from '../i18n/screenWords';
import { shown } from '../i18n/publishedTexts';

export type { ObservationKind } from '../view/observations';

export interface XY {
	x: number;
	y: number;
}

export interface ChartSeries {
	/** Stable key, so the chart can update datasets in place. */
	key: string;
	label: string;
	/** band-low / band-high come in adjacent pairs: the area between them is filled. */
	role: 'scenario' | 'baseline' | 'reference' | 'history' | 'band-low' | 'band-high' | 'median';
	colour: string;
	points: XY[];
	/** For history points: the data series id, to name the source in the tooltip. */
	series?: string;
	/** For history points: full years, a month or part of a year, or a forecast (drawn differently). */
	observation?: ObservationKind;
	/** For history points: each point's period ("Jan 2025") and tooltip lines (its source). */
	periods?: string[];
	notes?: string[][];
}

export interface ChartModel {
	series: ChartSeries[];
	format: ValueFormat;
	fromYear: number;
	toYear: number;
	/** Years over which the fan is posterior predictive (where an observation could fall), if it is. */
	predictive?: { fromYear: number; toYear: number };
}

/** A reference scenario's run and name, drawn as a second comparison line beside the baseline. */
export interface ReferenceRun {
	run: RunResult | null;
	label: string;
}

export function buildChartModel(
	cell: ChartCell,
	result: RunResult | null,
	baseline: RunResult | null,
	observations: Pick<Observations, 'pointsOf' | 'kindOf'>,
	labels: Map<string, string>,
	horizon: number,
	uncertainty: MonteCarloResult | null = null,
	reference: ReferenceRun | null = null
): ChartModel {
	const fromYear = cell.fromYear ?? result?.years[0] ?? 2019;
	const toYear = Math.min(cell.toYear ?? horizon, horizon);
	const within = (year: number) => year >= fromYear && year <= toYear;
	const pointsOf = (run: RunResult | null, variable: string): XY[] => {
		const values = run?.series[variable];
		if (!run || !values) return [];
		return run.years.flatMap((x, i) => (within(x) && Number.isFinite(values[i]) ? [{ x, y: values[i] }] : []));
	};
	// Scenario lines first, then baselines, then observations: a stacked area chart fills each
	// scenario area down to the one before it.
	const labelOf = (variable: string) => labels.get(variable) ?? variable;
	const series: ChartSeries[] = cell.variables.map((variable, i) => ({
		key: `s:${variable}`,
		label: labelOf(variable),
		role: 'scenario',
		colour: colourAt(i),
		points: pointsOf(result, variable)
	}));
	cell.variables.forEach((variable, i) => {
		series.push({ key: `b:${variable}`, label: w('screen_chart_baseline_series', { label: labelOf(variable) }), role: 'baseline', colour: faint(colourAt(i)), points: pointsOf(baseline, variable) });
	});
	if (reference) {
		cell.variables.forEach((variable, i) => {
			const points = pointsOf(reference.run, variable);
			series.push({ key: `r:${variable}`, label: w('screen_chart_reference_series', { label: labelOf(variable), name: reference.label }), role: 'reference', colour: faint(colourAt(i), 0.75), points });
		});
	}
	// Fan: 5-95% and 25-75% bands and the median, beside the deterministic line (lines only).
	if (uncertainty && cell.style === 'line') {
		cell.variables.forEach((variable, i) => {
			const bands = uncertainty.bands[variable];
			if (!bands) return;
			const colour = colourAt(i);
			const along = (values: number[]): XY[] =>
				uncertainty.years.flatMap((x, j) => (within(x) && Number.isFinite(values[j]) ? [{ x, y: values[j] }] : []));
			const label = labelOf(variable);
			const band = (key: keyof Bands, role: ChartSeries['role'], word: ScreenWordKey, alpha: number): ChartSeries => ({
				key: `${key}:${variable}`,
				label: w('screen_chart_series_detail', { label, what: w(word) }),
				role,
				colour: faint(colour, alpha),
				points: along(bands[key])
			});
			series.push(
				band('p5', 'band-low', 'screen_chart_band_p5', 0.15),
				band('p95', 'band-high', 'screen_chart_band_p95', 0.15),
				band('p25', 'band-low', 'screen_chart_band_p25', 0.3),
				band('p75', 'band-high', 'screen_chart_band_p75', 0.3),
				band('p50', 'median', 'screen_chart_band_median', 0.9)
			);
		});
	}
	// Observations are levels, so they make no sense on top of a stack.
	if (cell.showHistory && cell.style === 'line') {
		for (const link of cell.history) {
			const index = cell.variables.indexOf(link.variable);
			const all = observations.pointsOf(link.series).filter((p) => within(Math.floor(p.x)));
			const { kind, by } = observations.kindOf(link.series);
			// Full years are filled dots; a series' months and part years are a second, hollow set
			// (a series of part years only is that set alone), so neither passes for the other.
			const groups = kind === 'full-year' ? [all.filter((p) => !p.partial), all.filter((p) => p.partial)] : [all, []];
			groups.forEach((points, part) => {
				if (part === 1 && !points.length) return;
				const observation: ObservationKind = part === 1 ? 'part-year' : kind;
				const what =
					observation === 'forecast'
						? by
							? w('screen_chart_forecast_by', { by: shown(by) })
							: w('screen_chart_forecast')
						: w(observation === 'part-year' ? 'screen_chart_observed_part' : 'screen_chart_observed');
				series.push({
					key: `${part === 1 ? 'hp' : 'h'}:${link.series}`,
					label: w('screen_chart_series_detail', { label: labelOf(link.variable), what }),
					role: 'history',
					colour: colourAt(Math.max(0, index)),
					points: points.map((p) => ({ x: p.x, y: p.y })),
					series: link.series,
					observation,
					periods: points.map((p) => p.period),
					notes: points.map((p) => p.notes)
				});
			});
		}
	}
	const model: ChartModel = { series, format: cell.format ?? 'number', fromYear, toYear };
	if (uncertainty?.predictive && cell.style === 'line') model.predictive = { fromYear: uncertainty.predictive.fromYear, toYear: uncertainty.predictive.toYear };
	return model;
}

/** Series listed in the chart's legend; bands and medians go with their scenario line. */
export const inLegend = (s: ChartSeries): boolean => s.role === 'scenario' || s.role === 'baseline' || s.role === 'reference' || s.role === 'history';

/** What a series key names after its "<kind>:" prefix: the variable (an observation's: the data series). */
export const keyedName = (key: string): string => key.slice(key.indexOf(':') + 1);

/** The legend entry that shows or hides `s`: its own, or for a band or median its scenario line's. */
export function legendKeyOf(s: ChartSeries): string {
	return inLegend(s) ? s.key : `s:${keyedName(s.key)}`;
}

/** A short text alternative describing what the chart shows at its last year. */
export function describeChart(title: string, model: ChartModel, formatter: (v: number) => string): string {
	const parts = model.series
		.filter((s) => s.role === 'scenario' && s.points.length)
		.map((s) => {
			const first = s.points[0];
			const last = s.points[s.points.length - 1];
			return w('screen_chart_describe_series', { label: s.label, first: formatter(first.y), firstYear: first.x, last: formatter(last.y), lastYear: last.x });
		});
	return w('screen_chart_describe', { title, series: parts.join(w('screen_chart_describe_join')) });
}
