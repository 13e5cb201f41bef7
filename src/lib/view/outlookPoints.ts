// The published outlooks a notebook can be matched against: each forecast point its charts draw
// (a chart's history links a forecast series to the variable it speaks to), after the record's
// last actual year. Seen from the page, so the panel can list them with their sources.
import type { Notebook } from '../sim/types';
import type { Observations } from './observations';
import { w } from '../i18n/screenWords';

export interface OutlookPoint {
	/** Stable key: series and year. */
	key: string;
	series: string;
	variable: string;
	year: number;
	value: number;
	/** "NEV share of all new vehicles, CAAM forecast, 2026" (the series' title and year, in the page's words). */
	label: string;
	/** The point's tooltip lines (issued, what it says, basis, source). */
	notes: string[];
}

export function outlookPoints(notebook: Notebook, observations: Observations, afterYear: number): OutlookPoint[] {
	const seen = new Set<string>();
	const points: OutlookPoint[] = [];
	for (const cell of notebook.cells) {
		if (cell.kind !== 'chart') continue;
		for (const { variable, series } of cell.history) {
			const kind = observations.kindOf(series);
			if (kind.kind !== 'forecast') continue;
			for (const p of observations.pointsOf(series)) {
				const key = `${series}:${p.period}`;
				if (p.partial || p.x <= afterYear || seen.has(key)) continue;
				seen.add(key);
				points.push({ key, series, variable, year: p.x, value: p.y, label: w('screen_data_outlook_point', { label: observations.labelOf(series), period: p.period }), notes: p.notes });
			}
		}
	}
	return points.sort((a, b) => a.year - b.year || a.label.localeCompare(b.label));
}
