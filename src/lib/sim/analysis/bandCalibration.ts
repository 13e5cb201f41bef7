// How well the uncertainty bands agree with the record: for each fitted pair, the actuals of the
// years the posterior was fitted to that fall inside the 5-95% band, and the band's mean width
// over those years. A predictive band that holds few actuals is overconfident; one many points
// wide says little. The fit cell's posterior panel, `npm run calibrate` and the tests read it.

import type { DataTable, HistoryLink, MonteCarloResult } from '../types';

/** One fitted year: the actual, the 5-95% band and whether the actual is inside. */
export interface CoveredYear {
	year: number;
	actual: number;
	low: number;
	high: number;
	inside: boolean;
}

export interface PairCoverage {
	pair: HistoryLink;
	years: CoveredYear[];
	inside: number;
	/** Mean width of the 5-95% band over the compared years, in the variable's units. */
	meanWidth: number;
}

/** Per pair, the years in fromYear..toYear with an actual and a band. */
export function bandCoverage(bands: MonteCarloResult, pairs: HistoryLink[], data: DataTable, fromYear: number, toYear: number): PairCoverage[] {
	return pairs.map((pair) => {
		const years: CoveredYear[] = [];
		const b = bands.bands[pair.variable];
		for (let year = fromYear; year <= toYear; year++) {
			const actual = data[pair.series]?.[year];
			const i = bands.years.indexOf(year);
			if (!b || i < 0 || typeof actual !== 'number' || !Number.isFinite(actual) || !Number.isFinite(b.p5[i]) || !Number.isFinite(b.p95[i])) continue;
			years.push({ year, actual, low: b.p5[i], high: b.p95[i], inside: actual >= b.p5[i] && actual <= b.p95[i] });
		}
		const meanWidth = years.length ? years.reduce((s, y) => s + (y.high - y.low), 0) / years.length : NaN;
		return { pair, years, inside: years.filter((y) => y.inside).length, meanWidth };
	});
}

/** Every pair's actuals together: how many fall inside their band. */
export function totalInside(coverage: PairCoverage[]): { inside: number; count: number } {
	return coverage.reduce((t, c) => ({ inside: t.inside + c.inside, count: t.count + c.years.length }), { inside: 0, count: 0 });
}
