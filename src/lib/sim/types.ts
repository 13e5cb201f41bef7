// The notebook document and the engine's results. Plain data only: these objects cross the
// worker boundary (structured clone) and travel in links, so no classes and no functions.

/** A cell's id, unique within its notebook. */
export type CellId = string;

/** A cell of Markdown text. */
export interface MarkdownCell {
	id: CellId;
	kind: 'markdown';
	text: string;
}

/** How an input's value is uncertain: used by Monte Carlo (issue 5); optional everywhere else. */
export interface UncertaintyRange {
	low: number;
	high: number;
	distribution: 'uniform' | 'triangular' | 'normal';
}

/** A model input the reader sets with a slider or switch. */
export interface InputCell {
	id: CellId;
	kind: 'input';
	/** The identifier formulas use, e.g. `localisation`. Also the key in scenario links. */
	name: string;
	label: string;
	unit: string;
	min: number;
	max: number;
	step: number;
	default: number;
	description: string;
	control: 'slider' | 'switch';
	uncertainty?: UncertaintyRange;
}

/** How values are shown: as percentages, plain numbers or millions. */
export type ValueFormat = 'percent' | 'number' | 'millions';

/**
 * How a variable's figures are counted, as data sources count them: `retail`, cars sold in China
 * (as CPCA counts); `wholesale`, makers' shipments with exports included (as CAAM and MarkLines
 * count); `exports`, cars shipped abroad. A fit compares a variable only with series of its basis.
 */
export type MeasureBasis = 'retail' | 'wholesale' | 'exports';
export const MEASURE_BASES: readonly MeasureBasis[] = ['retail', 'wholesale', 'exports'];

/** A cell that defines one model variable by a formula. */
export interface FormulaCell {
	id: CellId;
	kind: 'formula';
	/** `name = expression`, in mathjs syntax. */
	formula: string;
	/** Optional human description shown beside the formula. */
	note?: string;
	format?: ValueFormat;
	/** The basis the variable is counted on; a fit refuses data of another (or no known) basis for it. */
	basis?: MeasureBasis;
}

/** Pairs a model variable with an observed data series drawn as points beside it. */
export interface HistoryLink {
	variable: string;
	series: string;
	/**
	 * In a fit: the typical error of the series against the model, in the variable's units (0.01 is
	 * one point of a share). The fit weighs each residual by 1/noise², so series of different
	 * units and reliability can be fitted together; the posterior's noise per series is never
	 * below half of it. Without it every observation weighs the same.
	 */
	noise?: number;
}

/** A chart of variables over the years, optionally with observed history beside them. */
export interface ChartCell {
	id: CellId;
	kind: 'chart';
	title: string;
	variables: string[];
	history: HistoryLink[];
	style: 'line' | 'area';
	showHistory: boolean;
	format?: ValueFormat;
	fromYear?: number;
	toYear?: number;
	/** Notes drawn on the chart and read in its text alternative (charts/annotations.ts). */
	annotations?: ChartAnnotation[];
}

/**
 * A note on a chart: a label at a year and value, or a shaded span of years. A label's `value`
 * is in model units (a share of 0.45, not 45): the editor converts what people type.
 */
export type ChartAnnotation = { kind: 'label'; year: number; value: number; text: string } | { kind: 'span'; from: number; to: number; text: string };

/** A table of variables' values by year. */
export interface TableCell {
	id: CellId;
	kind: 'table';
	title: string;
	variables: string[];
	format?: ValueFormat;
}

/** Key figures at chosen years, with the change against the baseline scenario. */
export interface HeadlineCell {
	id: CellId;
	kind: 'headline';
	title: string;
	variables: string[];
	years: number[];
	format?: ValueFormat;
}

/**
 * Shows how closely the model reproduces observed series (root-mean-square error per pair) and
 * can re-fit the named parameters (input names) to them, in the worker.
 */
export interface FitCell {
	id: CellId;
	kind: 'fit';
	title: string;
	pairs: HistoryLink[];
	fromYear: number;
	toYear: number;
	/** Inputs a "Fit" re-estimates; empty: the cell only reports the fit. */
	parameters?: string[];
	/**
	 * Which brought (data-cell) points the fit compares: full years only (the default), or also
	 * the months and part years of a brought series that has no full-year point at all (each
	 * year's latest period, as formulas read it).
	 */
	periods?: 'annual' | 'all';
	/** What RMSE each variable should stay within, shown beside the measured one. */
	targets?: RmseTarget[];
	/**
	 * A posterior sample set of the parameters, computed in the app ("Use this posterior").
	 * Without one, a published notebook's fit cell uses the set shipped with its version.
	 */
	posterior?: PosteriorSample;
}

/** A root-mean-square error a variable's fit (or back-test) should stay within, in the variable's units. */
export interface RmseTarget {
	variable: string;
	rmse: number;
}

/** Draws from the joint posterior of a fit cell's parameters and the noise of each fitted series. */
export interface PosteriorSample {
	/** The parameters, in the order of each draw's first values. */
	parameters: string[];
	/** Model variables whose observations carry fitted noise, in the order of each draw's last values. */
	noise: string[];
	/** Each draw: the parameters' values, then each noise scale (a standard deviation, in the variable's units). */
	draws: number[][];
	/** The years of data the posterior was fitted to (the fan is predictive over them). */
	fromYear: number;
	toYear: number;
	diagnostics: PosteriorDiagnostics;
}

/** How the sampler went: read before trusting the draws. */
export interface PosteriorDiagnostics {
	walkers: number;
	steps: number;
	/** Steps discarded before the draws were taken. */
	burnIn: number;
	/** Mean share of proposals accepted (0.2 to 0.5 is healthy for the stretch move). */
	acceptance: number;
	/** Integrated autocorrelation time per dimension (parameters, then noise), in steps. */
	tau: number[];
	/** Effective sample size: kept walker-steps over the largest tau. */
	ess: number;
	/** Split R-hat per dimension (below 1.1: the walkers agree). */
	rhat: number[];
	/** Acceptance healthy, R-hat below 1.1 and the kept chain at least 50 tau long. */
	converged: boolean;
	seed: number;
}

/** Calibrates with data up to `throughYear` and shows the projection against the years held back. */
export interface BacktestCell {
	id: CellId;
	kind: 'backtest';
	title: string;
	pairs: HistoryLink[];
	parameters: string[];
	fromYear: number;
	throughYear: number;
	checkThroughYear: number;
	/** What RMSE each variable's projection should stay within over the years held back. */
	targets?: RmseTarget[];
}

/** A tornado chart and a variance ranking of the inputs, for one output in one year. */
export interface SensitivityCell {
	id: CellId;
	kind: 'sensitivity';
	title: string;
	variable: string;
	year: number;
}

/** Which runs count as cases: the output at least, at most, or between two values. */
export type DiscoveryConditionKind = 'atLeast' | 'atMost' | 'between';

/**
 * Scenario discovery: every scenario lever swept over its range, the runs where `variable` in
 * `year` meets the condition marked, and boxes of lever ranges found by PRIM. The chosen step of
 * the peeling trajectory is part of the cell, so a link carries the box a person chose.
 */
export interface DiscoveryCell {
	id: CellId;
	kind: 'discovery';
	title: string;
	variable: string;
	year: number;
	condition: DiscoveryConditionKind;
	/** The bound: the lower one for 'between'. In the variable's units (a share as a fraction). */
	value: number;
	/** The upper bound, for 'between' only. */
	upper?: number;
	/** Runs of the Latin hypercube (default 10,000). */
	runs?: number;
	/** The chosen step of the peeling trajectory (default: the last); set, the cell runs on opening. */
	step?: number;
}

/**
 * Units a brought series may be in. Values are stored in these units (a percentage is read as a
 * share, thousands of vehicles as millions) so `data("id")` compares with the model's variables.
 */
export type DataUnit = 'share' | 'million vehicles' | 'rank' | 'USD million' | 'number';

/** One observation a person brought: a series' value for a year, a month or a span of months. */
export interface DataRow {
	/** snake_case id; `data("id")` reads it. Never one of the seeded series. */
	series: string;
	/** "2025" (the full year), "2025-01" (a month) or "2025-01..2025-04" (months of one year). */
	period: string;
	value: number;
	unit: DataUnit;
	/** Who measured it and how, in the person's words ("CPCA retail, passenger cars"). */
	basis?: string;
	source?: string;
	note?: string;
}

/** A table of series a person pasted or imported; its series join the seeded ones. */
export interface DataCell {
	id: CellId;
	kind: 'data';
	title: string;
	rows: DataRow[];
}

/** Any notebook cell, told apart by `kind`. */
export type Cell = MarkdownCell | InputCell | FormulaCell | ChartCell | TableCell | HeadlineCell | FitCell | BacktestCell | SensitivityCell | DataCell | DiscoveryCell;
/** The `kind` of a cell. */
export type CellKind = Cell['kind'];

/** A notebook document: identity and version, years simulated, and its cells. */
export interface Notebook {
	/** Stable identifier of the published notebook this one derives from. */
	id: string;
	/** Version of the published notebook; links carry it so old links can be migrated. */
	version: number;
	title: string;
	startYear: number;
	horizon: number;
	cells: Cell[];
}

/** Observed data for formula look-ups: series id -> year -> value. */
export type DataTable = Record<string, Record<number, number>>;

/** What kind of problem a cell has. */
export type CellErrorKind =
	| 'syntax'
	| 'unknown-name'
	| 'unknown-series'
	| 'cycle'
	| 'not-allowed'
	| 'duplicate-name'
	| 'bad-name'
	| 'depends-on-error'
	| 'too-long'
	| 'not-finite'
	| 'bad-posterior';

/** A problem found in one cell, with a message for people. */
export interface CellError {
	cellId: CellId;
	kind: CellErrorKind;
	message: string;
}

/** What a deterministic run needs: input values and the last year. */
export interface RunOptions {
	/** Input name -> value. Missing inputs take their default. */
	inputs: Record<string, number>;
	/** Last simulated year (inclusive). */
	horizon: number;
}

/** A run's years, every variable's values per year, and its cell errors. */
export interface RunResult {
	years: number[];
	/** Variable name -> one value per year. Inputs included, as constant series. */
	series: Record<string, number[]>;
	/** Compile errors and run-time warnings (non-finite values), at most one per cell. */
	errors: CellError[];
}

// ---- Monte Carlo (uncertainty) -------------------------------------------------------------

/** Percentile bands of one variable, one value per year. */
export interface Bands {
	p5: number[];
	p25: number[];
	p50: number[];
	p75: number[];
	p95: number[];
	mean: number[];
}

/** What a Monte Carlo run needs: central inputs, horizon, sample count, seed and the variables to summarise. */
export interface MonteCarloOptions {
	/** Central values (the sliders); missing inputs take their default. */
	inputs: Record<string, number>;
	horizon: number;
	/** 1,000 to 100,000. */
	samples: number;
	seed: number;
	/** Variables to summarise as bands (others are computed but not kept). */
	variables: string[];
}

/** A Monte Carlo run's bands per variable, with its sample count, seed, sampled inputs and time taken. */
export interface MonteCarloResult {
	years: number[];
	samples: number;
	seed: number;
	bands: Record<string, Bands>;
	/** Inputs that were sampled (those with an uncertainty range). */
	uncertainInputs: string[];
	elapsedMs: number;
	/**
	 * Set when calibrated parameters were drawn jointly from a posterior sample set: over these
	 * years (those with data) the bands are posterior predictive (parameters plus fitted noise).
	 */
	predictive?: { fromYear: number; toYear: number; draws: number };
}

/** One bar of a tornado chart: the output at the input's low and high values. */
export interface TornadoBar {
	input: string;
	label: string;
	low: number;
	high: number;
	/** Output at the low and high input values. */
	outputAtLow: number;
	outputAtHigh: number;
}

/** Share of the Monte Carlo variance of an output attributed to each sampled input. */
export interface VarianceShare {
	input: string;
	label: string;
	/** Spearman rank correlation between the input's samples and the output. */
	rankCorrelation: number;
	/** rankCorrelation² normalised over all inputs, 0..1. */
	share: number;
}
