// Out-of-sample check of a calibration: fit the parameters with data up to one year only, project
// the following years and compare the projection with the actuals that were held back.
// Pure TypeScript, no DOM: it runs in the analysis worker.

import { basisProblem } from '../basis';
import { variableBases } from '../variableBases';
import { fitParameters } from './fitting';
import type { FitRequest, FitResult } from './fitting';
import { compileNotebook } from '../model';
import { createProgram, runDeterministic } from '../run';
import type { DataTable } from '../types';
import { w } from '../../i18n/screenWords';

/** A fit request that calibrates through `throughYear` and checks the projection up to `checkThroughYear`. */
export interface BacktestRequest extends Omit<FitRequest, 'toYear'> {
	/** Calibrate with data up to and including this year. */
	throughYear: number;
	/** Compare with actuals held back up to this year. */
	checkThroughYear: number;
}

/** One pair's projection against its held-back actuals, year by year, with the RMSE. */
export interface HeldBack {
	variable: string;
	series: string;
	/** Held-back years with both a projection and an actual value. */
	years: number[];
	projected: number[];
	actual: number[];
	/** projected - actual, per year. */
	errors: number[];
	/** Root-mean-square of the errors; NaN when no year could be compared. */
	rmse: number;
}

/** The fit on the earlier years and, per pair, how its projection compares with the held-back years. */
export interface BacktestResult {
	/** Fitted on fromYear..throughYear. Its problems include the back-test's own. */
	fit: FitResult;
	/** Per pair: the projection against the held-back actuals, per year. */
	heldBack: HeldBack[];
}

/** Longest stretch of held-back years a back-test projects. */
const MAX_CHECK_YEARS = 200;

/**
 * Fits on data through `throughYear`, projects the following years and compares them with the
 * actuals held back. A pair whose series starts after `throughYear` (a figure first published
 * for a later year) cannot be fitted; it is left out of the fit and still checked, provided
 * another pair has data to fit.
 */
export function backtest(request: BacktestRequest, data: DataTable, onProgress?: (fraction: number) => void): BacktestResult {
	const { throughYear, checkThroughYear, ...rest } = request;
	const observed = request.observed ?? data;
	const hasDataThrough = ({ series }: { series: string }) =>
		Object.entries(observed[series] ?? {}).some(([year, v]) => Number(year) >= request.fromYear && Number(year) <= throughYear && Number.isFinite(v));
	const fitted = request.pairs.filter(hasDataThrough);
	const fit = fitParameters({ ...rest, pairs: fitted.length ? fitted : request.pairs, toYear: throughYear }, data, onProgress);
	if (fit.problems.length) return { fit, heldBack: [] };
	// The pairs left out of the fit are checked as the fit checks its own: a variable the model
	// computes, a series that exists, of the variable's basis.
	const leftOut = request.pairs.filter((p) => !fitted.includes(p));
	const model = compileNotebook(request.notebook, data);
	const bases = request.seriesBasis ? variableBases(request.notebook) : new Map();
	const pairProblems = leftOut.flatMap((pair) => {
		if (!model.variables.includes(pair.variable)) return [w('screen_engine_analysis_backtest_no_variable', { variable: pair.variable, series: pair.series })];
		if (!Object.hasOwn(observed, pair.series)) return [w('screen_engine_analysis_no_series', { series: pair.series })];
		const wrong = request.seriesBasis && basisProblem(bases, pair, request.seriesBasis);
		return wrong ? [wrong] : [];
	});
	if (pairProblems.length) return { fit: { ...fit, problems: pairProblems }, heldBack: [] };

	const problems: string[] = [];
	if (!Number.isInteger(checkThroughYear) || checkThroughYear <= throughYear) {
		problems.push(w('screen_engine_analysis_backtest_years_order', { through: throughYear, check: checkThroughYear }));
	} else if (checkThroughYear - throughYear > MAX_CHECK_YEARS) {
		problems.push(w('screen_engine_analysis_backtest_too_many_years', { max: MAX_CHECK_YEARS, first: throughYear + 1, last: checkThroughYear }));
	}
	if (problems.length) return { fit: { ...fit, problems }, heldBack: [] };

	// The fit compiled and ran this notebook without problems, so the projection can run too.
	const program = createProgram(model, 1);
	const projection = runDeterministic(program, { inputs: { ...request.inputs, ...fit.fitted }, horizon: checkThroughYear });
	const heldBack = request.pairs.map(({ variable, series }): HeldBack => {
		const model = projection.series[variable];
		const observed = (request.observed ?? data)[series] ?? {};
		const out: HeldBack = { variable, series, years: [], projected: [], actual: [], errors: [], rmse: NaN };
		projection.years.forEach((year, i) => {
			if (year <= throughYear || year > checkThroughYear) return;
			const actual = observed[year];
			if (typeof actual !== 'number' || !Number.isFinite(actual) || !Number.isFinite(model[i])) return;
			out.years.push(year);
			out.projected.push(model[i]);
			out.actual.push(actual);
			out.errors.push(model[i] - actual);
		});
		if (out.errors.length) out.rmse = Math.sqrt(out.errors.reduce((s, e) => s + e * e, 0) / out.errors.length);
		return out;
	});
	// A pair with nothing held back is only worth a word when no pair has anything to check.
	if (heldBack.every((h) => !h.years.length)) {
		for (const { variable, series } of request.pairs) problems.push(w('screen_engine_analysis_backtest_no_data', { series, first: throughYear + 1, last: checkThroughYear, variable }));
	}
	return { fit: problems.length ? { ...fit, problems } : fit, heldBack };
}
