// How closely a run reproduces observed data: residuals and root-mean-square error per pair
// of (model variable, data series), over the years both have.

import type { DataTable, HistoryLink, RunResult } from '../types';

/** How closely one model variable matches one observed series: residuals per year and RMSE. */
export interface FitStatistic {
	variable: string;
	series: string;
	/** Years compared (both model and data have a finite value). */
	years: number[];
	/** model - observed, per compared year. */
	residuals: number[];
	rmse: number;
}

/** Residuals and RMSE per pair over fromYear..toYear, in the years both model and data have a finite value. */
export function fitStatistics(result: RunResult, data: DataTable, pairs: HistoryLink[], fromYear: number, toYear: number): FitStatistic[] {
	return pairs.map(({ variable, series }) => {
		const years: number[] = [];
		const residuals: number[] = [];
		const model = result.series[variable];
		const observed = data[series];
		if (model && observed) {
			result.years.forEach((year, i) => {
				const obs = observed[year];
				if (year < fromYear || year > toYear || obs === undefined) return;
				if (!Number.isFinite(model[i])) return;
				years.push(year);
				residuals.push(model[i] - obs);
			});
		}
		const rmse = residuals.length ? Math.sqrt(residuals.reduce((s, r) => s + r * r, 0) / residuals.length) : NaN;
		return { variable, series, years, residuals, rmse };
	});
}
