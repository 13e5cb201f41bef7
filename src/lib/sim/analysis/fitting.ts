// Calibration as an engine feature: re-estimates chosen inputs so the model reproduces observed
// series. Pure TypeScript, no DOM: it runs in the analysis worker.
//
// The notebook is compiled once and run deterministically for every trial point. Nelder-Mead
// works on each parameter's position within its slider range (0 at min, 1 at max), so parameters
// of very different scales (a year near 2020, a share near 0.05) move alike. Bounds hold by
// clamping plus a penalty (as scripts/calibrate.ts does): the optimiser sees the clamped point and
// a cost for straying, so it is pulled back to the edge rather than stopped at it, and a value
// that belongs outside the range ends exactly on the bound. The search runs in passes, each
// restarting from the best point so far with a fresh simplex and a tighter tolerance, until a
// pass at the final tolerance no longer improves the fit or the run budget is spent.
//
// Objective: the sum of squared residuals (model - observed) over every pair and every year in
// fromYear..toYear where both are finite, each divided by the square of its pair's noise (a pair
// without one weighs 1), so shares in points and volumes in millions can be fitted together.
// A pair whose variable states a basis is fitted only to a series of that basis (sim/basis.ts).

import { basisProblem, type SeriesBasis } from '../basis';
import { variableBases } from '../variableBases';
import { fitStatistics } from './fitStatistics';
import type { FitStatistic } from './fitStatistics';
import { compileNotebook } from '../model';
import type { CompiledModel } from '../model';
import { nelderMead } from './nelderMead';
import { createProgram, runDeterministic } from '../run';
import type { Program } from '../run';
import type { DataTable, HistoryLink, InputCell, Notebook, RunResult } from '../types';
import { w } from '../../i18n/screenWords';

export type { FitStatistic } from './fitStatistics';

/** What to calibrate: which inputs of which notebook, against which series, over which years. */
export interface FitRequest {
	notebook: Notebook;
	/** Central input values (scenario); parameters being fitted start from these (or defaults). */
	inputs: Record<string, number>;
	/** Input names to fit (must be input cells; each kept within its min..max). */
	parameters: string[];
	/** Model variable vs observed series pairs; each observation weighs 1/noise² of its pair (1 without noise). */
	pairs: HistoryLink[];
	fromYear: number;
	toYear: number;
	/** Brought series' points compared: full years only (default), or also months and part years. */
	periods?: 'annual' | 'all';
	/**
	 * What the pairs are compared against, when not the table the notebook compiles with (the
	 * engine passes the annual-only table here, while formulas keep reading every brought point).
	 */
	observed?: DataTable;
	/** Optional extra: stop after this many model runs (default ~4000). */
	maxRuns?: number;
	/** The basis each series is counted on; without it no pair is checked for its basis. */
	seriesBasis?: (id: string) => SeriesBasis | undefined;
}

/** The fitted values, the fit before and after, the runs used and any problems. */
export interface FitResult {
	/** Parameter -> fitted value (the starting value when the fit could not run). */
	fitted: Record<string, number>;
	/** Fit statistics at the starting values. */
	before: FitStatistic[];
	/** At the fitted values (residuals per year, RMSE). */
	after: FitStatistic[];
	/** Model runs used, the before and after runs included. */
	runs: number;
	converged: boolean;
	/** Problems in words (unknown parameter, no data in the years, compile errors ...). */
	problems: string[];
}

/** Model runs a fit of up to eight parameters may use when the request sets no maxRuns. */
export const DEFAULT_MAX_RUNS = 4000;
/**
 * The default budget for `dimensions` parameters: Nelder-Mead's runs grow with the dimension, and
 * version 3's fourteen parameters took 10,000-16,000 runs to converge (npm run calibrate), so a
 * fit cell's Fit stopped short of it at 4,000.
 */
export const defaultMaxRuns = (dimensions: number) => (dimensions <= 8 ? DEFAULT_MAX_RUNS : 1500 * dimensions);
/** Longest span of years a fit will simulate. */
const MAX_YEARS = 1000;
/**
 * Nelder-Mead passes: the tolerance (on the simplex's spread of losses, as a share of the best
 * loss so far) and initial step (share of each parameter's range). The last entry repeats until
 * it no longer improves the loss, up to MAX_PASSES in all.
 */
const PASSES = [
	{ tolerance: 1e-2, step: 0.1 },
	{ tolerance: 1e-3, step: 0.1 },
	{ tolerance: 1e-4, step: 0.1 },
	{ tolerance: 1e-6, step: 0.05 },
	{ tolerance: 1e-8, step: 0.02 },
	{ tolerance: 1e-10, step: 0.01 },
	{ tolerance: 1e-12, step: 0.01 }
];
const MAX_PASSES = 12;
/** A final pass that lowers the loss by less than this share of it counts as no improvement. */
const RELATIVE_IMPROVEMENT = 1e-9;

/** The compiled notebook plus everything a loss evaluation needs, checked against the request. */
interface FitSetup {
	model: CompiledModel;
	program: Program;
	/** Fitted parameters' input cells, in request order (duplicates dropped). */
	cells: InputCell[];
	/** Scenario with the fitted parameters at their (clamped) starting values. */
	start: Record<string, number>;
	/** Per pair: year index into the run, the observed value and its weight (1/noise²), for every comparable year. */
	observations: { variable: string; index: number; observed: number; weight: number }[][];
	problems: string[];
}

/** Re-estimates the requested inputs so the model best reproduces the observed series (least squares). */
export function fitParameters(request: FitRequest, data: DataTable, onProgress?: (fraction: number) => void): FitResult {
	const setup = prepare(request, data);
	const { program, cells, start, problems } = setup;
	const { pairs, fromYear, toYear } = request;
	const yearsOk = problems.length === 0 || yearsAreSane(request, setup.model);
	let runs = 0;
	const run = (inputs: Record<string, number>): RunResult => {
		runs++;
		return runDeterministic(program, { inputs, horizon: toYear });
	};
	const startFitted = Object.fromEntries(cells.map((c) => [c.name, start[c.name]]));
	const startRun = yearsOk ? run(start) : null;
	const before = startRun ? fitStatistics(startRun, request.observed ?? data, pairs, fromYear, toYear) : pairs.map(emptyStatistic);
	if (problems.length || !startRun) {
		onProgress?.(1);
		return { fitted: startFitted, before, after: before, runs, converged: false, problems };
	}

	const maxRuns = Math.max(2, Math.floor(Number.isFinite(request.maxRuns) ? request.maxRuns! : defaultMaxRuns(cells.length)));
	const dim = cells.length;
	// Position in the range -> value; the ends map exactly onto the bounds.
	const toValues = (z: number[]) => z.map((v, i) => (v <= 0 ? cells[i].min : v >= 1 ? cells[i].max : cells[i].min + v * (cells[i].max - cells[i].min)));
	const scenarioAt = (z: number[]) => {
		const scenario = { ...start };
		toValues(z).forEach((v, i) => (scenario[cells[i].name] = v));
		return scenario;
	};
	// Sum of squared residuals. Where the starting point is finite in every compared year, a trial
	// point that is not (a division by zero, say) counts as infinitely bad rather than as a
	// year left out, so the search cannot improve the fit by breaking the model.
	const strict = before.every((s, p) => s.years.length === setup.observations[p].length);
	const sumOfSquares = (result: RunResult) => {
		let sum = 0;
		for (const pair of setup.observations) {
			for (const { variable, index, observed, weight } of pair) {
				const v = result.series[variable][index];
				if (Number.isFinite(v)) sum += weight * (v - observed) ** 2;
				else if (strict) return Infinity;
			}
		}
		return sum;
	};

	// The search, in each parameter's position within its range. Runs one model run per call,
	// keeps the best point seen and stops (by throwing) when the budget is spent.
	const z0 = cells.map((c) => (c.max > c.min ? (start[c.name] - c.min) / (c.max - c.min) : 0));
	let best = { z: z0, loss: sumOfSquares(startRun) };
	const budget = maxRuns - 1; // one run is kept for the fitted values' statistics
	let reported = 0;
	const loss = (z: number[]) => {
		if (runs >= budget) throw BUDGET_SPENT;
		const clamped = z.map((v) => Math.min(1, Math.max(0, v)));
		const penalty = z.reduce((s, v, i) => s + (v - clamped[i]) ** 2, 0);
		const sse = sumOfSquares(run(scenarioAt(clamped)));
		if (sse < best.loss) best = { z: clamped, loss: sse };
		if (onProgress && runs - reported >= 50) {
			reported = runs;
			onProgress(Math.min(1, runs / maxRuns));
		}
		return sse + penalty;
	};
	// Loss differences below this are noise (a perfect fit to synthetic data ends here).
	const floor = 1e-24 * setup.observations.reduce((s, pair) => s + pair.reduce((t, o) => t + o.weight * o.observed ** 2, 0), 0) + 1e-300;

	// Passes: each a Nelder-Mead search from the best point so far with a fresh simplex. Early
	// passes stop loosely and restart often (a restarted simplex escapes the stalls that
	// Nelder-Mead is prone to in several dimensions); later ones tighten the tolerance and shrink
	// the initial simplex. Converged: a pass at the final tolerance no longer improves the loss.
	let converged = false;
	if (dim > 0 && best.loss > floor) {
		try {
			for (let pass = 0; pass < MAX_PASSES; pass++) {
				const previous = best.loss;
				const schedule = PASSES[Math.min(pass, PASSES.length - 1)];
				const tolerance = Math.max(schedule.tolerance * best.loss, floor);
				const steps = best.z.map((v) => (v + schedule.step <= 1 ? schedule.step : -schedule.step));
				nelderMead(loss, best.z, { steps, tolerance, maxIterations: maxRuns });
				const final = pass >= PASSES.length - 1;
				if (best.loss <= floor || (final && previous - best.loss <= RELATIVE_IMPROVEMENT * previous + floor)) {
					converged = true;
					break;
				}
			}
		} catch (err) {
			if (err !== BUDGET_SPENT) throw err;
		}
	} else converged = true;

	const fittedScenario = scenarioAt(best.z);
	const fitted = Object.fromEntries(cells.map((c) => [c.name, fittedScenario[c.name]]));
	const after = fitStatistics(run(fittedScenario), request.observed ?? data, pairs, fromYear, toYear);
	onProgress?.(1);
	return { fitted, before, after, runs, converged, problems: [] };
}

const BUDGET_SPENT = Symbol('budget spent');

function emptyStatistic({ variable, series }: HistoryLink): FitStatistic {
	return { variable, series, years: [], residuals: [], rmse: NaN };
}

function yearsAreSane({ fromYear, toYear }: FitRequest, model: CompiledModel): boolean {
	return Number.isInteger(fromYear) && Number.isInteger(toYear) && toYear >= model.startYear && toYear - model.startYear < MAX_YEARS;
}

const span = (from: number, to: number) => (from === to ? `${from}` : `${from}-${to}`);

/** Compiles the notebook and checks the request; every problem is reported in words. */
function prepare(request: FitRequest, data: DataTable): FitSetup {
	const { notebook, inputs, pairs, fromYear, toYear } = request;
	const problems: string[] = [];
	const model = compileNotebook(notebook, data);
	const program = createProgram(model, 1);
	const errorOf = (name: string) => {
		const cellId = [...model.nameOfCell.entries()].find(([, n]) => n === name)?.[0] ?? notebook.cells.find((c) => c.kind === 'input' && c.name === name)?.id;
		return model.errors.find((e) => e.cellId === cellId);
	};

	if (!Number.isInteger(fromYear) || !Number.isInteger(toYear)) problems.push(w('screen_engine_analysis_fit_years_whole', { from: fromYear, to: toYear }));
	else if (fromYear > toYear) problems.push(w('screen_engine_analysis_fit_years_backwards', { from: fromYear, to: toYear }));
	else if (toYear < model.startYear) problems.push(w('screen_engine_analysis_fit_years_before_start', { span: span(fromYear, toYear), start: model.startYear }));
	else if (toYear - model.startYear >= MAX_YEARS) problems.push(w('screen_engine_analysis_fit_years_too_far', { to: toYear, start: model.startYear }));

	// Parameters: input cells that compiled, each once.
	const cells: InputCell[] = [];
	const formulaNames = new Set(model.nameOfCell.values());
	if (!request.parameters.length) problems.push(w('screen_engine_analysis_fit_no_parameters'));
	for (const name of new Set(request.parameters)) {
		const cell = model.inputs.find((i) => i.name === name);
		if (cell?.control === 'switch') {
			problems.push(w('screen_engine_analysis_fit_switch', { name }));
			continue;
		}
		if (cell) {
			cells.push(cell);
			continue;
		}
		const error = errorOf(name);
		if (error && notebook.cells.some((c) => c.kind === 'input' && c.name === name)) problems.push(w('screen_engine_analysis_fit_input_error', { name, error: error.message }));
		else if (formulaNames.has(name) || name === 'year') problems.push(w('screen_engine_analysis_fit_formula', { name }));
		else problems.push(w('screen_engine_analysis_fit_no_input', { name }));
	}
	const start: Record<string, number> = { ...inputs };
	for (const cell of cells) {
		const given = Object.hasOwn(inputs, cell.name) ? inputs[cell.name] : cell.default;
		const value = Number.isFinite(given) ? given : cell.default;
		start[cell.name] = Math.min(cell.max, Math.max(cell.min, value));
	}

	// Pairs: a variable the model computes and a series with data in the years.
	if (!pairs.length) problems.push(w('screen_engine_analysis_fit_no_pairs'));
	const first = Math.max(fromYear, model.startYear);
	const bases = request.seriesBasis ? variableBases(notebook) : new Map();
	const observations = pairs.map((pair) => {
		const { variable, series } = pair;
		const out: FitSetup['observations'][number] = [];
		const weight = pair.noise && pair.noise > 0 && Number.isFinite(pair.noise) ? 1 / pair.noise ** 2 : 1;
		const wrongBasis = request.seriesBasis && basisProblem(bases, pair, request.seriesBasis);
		if (wrongBasis) {
			problems.push(wrongBasis);
			return out;
		}
		if (!model.variables.includes(variable)) {
			const error = errorOf(variable);
			problems.push(error ? w('screen_engine_analysis_fit_variable_broken', { variable, series, error: error.message }) : w('screen_engine_analysis_fit_no_variable', { variable, series }));
		}
		const compared = request.observed ?? data;
		const observed = Object.hasOwn(compared, series) ? compared[series] : undefined;
		if (!observed) {
			problems.push(w('screen_engine_analysis_no_series', { series }));
			return out;
		}
		if (Number.isInteger(first) && Number.isInteger(toYear)) {
			for (let year = first; year <= Math.min(toYear, first + MAX_YEARS); year++) {
				const value = observed[year];
				if (typeof value === 'number' && Number.isFinite(value)) out.push({ variable, index: year - model.startYear, observed: value, weight });
			}
		}
		if (!out.length && fromYear <= toYear) {
			const years = { series, span: span(fromYear, toYear), start: model.startYear };
			problems.push(w(first > fromYear ? 'screen_engine_analysis_fit_no_data_before' : 'screen_engine_analysis_fit_no_data', years));
		}
		return out;
	});
	return { model, program, cells, start, observations, problems: [...new Set(problems)] };
}
