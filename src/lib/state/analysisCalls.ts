// The notebook's analysis cells asking the engine: the sensitivity ranking, a fit, a back-test.
// Each answers with its result or with problems in words (never throws), so a cell can always
// show something. Kept apart from the session's document and run loop (notebookSession.svelte.ts).

import type { BacktestCell, FitCell, Notebook, PosteriorSample, RunResult } from '../sim/types';
import type { WorkingDocument } from './autosave';
import type { BacktestResult, DiscoveryReport, DiscoveryRequest, OutlookMatchResult, OutlookTarget, FitResult, GoalSeekRequest, GoalSeekResult, SensitivityReport, SobolReport } from '../worker/protocol';
import type { EngineClient } from '../worker/client';
import { w } from '../i18n/screenWords';

export interface FitOutcome {
	fit: FitResult | null;
	problems: string[];
}

export interface BacktestOutcome {
	result: BacktestResult | null;
	problems: string[];
}

/** Samples behind the sensitivity ranking: fewer than the bands need, enough for a ranking. */
const SENSITIVITY_SAMPLES = 5_000;

/** Worded when said (the page's words are not there when this module loads). */
const notStarted = () => w('screen_analysis_not_started');
/** An error's message: the reason given after a failed analysis's sentence. */
const reason = (err: unknown) => ({ reason: (err as Error).message });

/** The tornado and variance shares of `variable` in `year`; null before the engine starts. */
export async function sensitivityOf(
	engine: EngineClient | null,
	inputs: Record<string, number>,
	horizon: number,
	variable: string,
	year: number
): Promise<(SensitivityReport & { problem: string | null }) | null> {
	if (!engine) return null;
	try {
		const options = { inputs, horizon: Math.max(year, horizon), samples: SENSITIVITY_SAMPLES, seed: 1, variables: [variable] };
		return { ...(await engine.sensitivity(options, variable, year)), problem: null };
	} catch (err) {
		return { tornado: [], shares: [], samples: 0, problem: w('screen_analysis_sensitivity_failed', reason(err)) };
	}
}

/** Fits a fit cell's parameters on its pairs and years, from the scenario's inputs. */
export async function fitOf(engine: EngineClient | null, inputs: Record<string, number>, cell: FitCell): Promise<FitOutcome> {
	if (!engine) return { fit: null, problems: [notStarted()] };
	try {
		const fit = await engine.fit({ inputs, parameters: cell.parameters ?? [], pairs: cell.pairs, fromYear: cell.fromYear, toYear: cell.toYear, periods: cell.periods });
		return { fit, problems: fit.problems };
	} catch (err) {
		return { fit: null, problems: [w('screen_analysis_fit_failed', reason(err))] };
	}
}

/** Fits through a back-test cell's year and checks the years held back. */
export async function backtestOf(engine: EngineClient | null, inputs: Record<string, number>, cell: BacktestCell): Promise<BacktestOutcome> {
	if (!engine) return { result: null, problems: [notStarted()] };
	try {
		const result = await engine.backtest({
			inputs,
			parameters: cell.parameters,
			pairs: cell.pairs,
			fromYear: cell.fromYear,
			throughYear: cell.throughYear,
			checkThroughYear: cell.checkThroughYear
		});
		return { result, problems: result.fit.problems };
	} catch (err) {
		return { result: null, problems: [w('screen_analysis_backtest_failed', reason(err))] };
	}
}

export interface PosteriorCallOutcome {
	posterior: PosteriorSample | null;
	problems: string[];
	cancelled: boolean;
	elapsedMs: number;
}

/** Tests shorten the chain through this storage key (a real run takes about 15 s). */
const POSTERIOR_STEPS_OVERRIDE_KEY = 'shiftcast:posteriorSteps';

function stepsOverride(): { steps?: number } {
	try {
		const steps = Number(localStorage.getItem(POSTERIOR_STEPS_OVERRIDE_KEY));
		return steps > 0 ? { steps: Math.round(steps) } : {};
	} catch {
		return {};
	}
}

/** Samples the joint posterior of a fit cell's parameters (the default walkers and steps). */
export async function posteriorOf(
	engine: EngineClient | null,
	inputs: Record<string, number>,
	cell: FitCell,
	onProgress: (fraction: number) => void
): Promise<PosteriorCallOutcome> {
	if (!engine) return { posterior: null, problems: [notStarted()], cancelled: false, elapsedMs: 0 };
	try {
		const request = { inputs, parameters: cell.parameters ?? [], pairs: cell.pairs, fromYear: cell.fromYear, toYear: cell.toYear, periods: cell.periods, ...stepsOverride() };
		const out = await engine.posterior(request, onProgress);
		return { posterior: out.posterior, problems: out.problems, cancelled: out.stopped, elapsedMs: out.elapsedMs };
	} catch (err) {
		const cancelled = (err as Error).name === 'EngineRestarted';
		return { posterior: null, problems: cancelled ? [] : [w('screen_analysis_posterior_failed', reason(err))], cancelled, elapsedMs: 0 };
	}
}

/** Base samples of the Sobol indices (sim/analysis/sobol.ts's default; not imported: the page must not load the engine's code). */
const SOBOL_SAMPLES = 4096;

/** Sobol indices of a sensitivity cell's output (N = 4,096 base samples, seed 1); null before the engine starts. */
export async function sobolOf(
	engine: EngineClient | null,
	inputs: Record<string, number>,
	horizon: number,
	variable: string,
	year: number,
	onProgress: (fraction: number) => void
): Promise<{ report: SobolReport | null; problem: string | null; cancelled: boolean }> {
	if (!engine) return { report: null, problem: notStarted(), cancelled: false };
	try {
		const options = { inputs, horizon: Math.max(year, horizon), samples: 0, seed: 1, variables: [variable], baseSamples: SOBOL_SAMPLES };
		return { report: await engine.sobol(options, variable, year, onProgress), problem: null, cancelled: false };
	} catch (err) {
		const cancelled = (err as Error).name === 'EngineRestarted';
		return { report: null, problem: cancelled ? null : w('screen_analysis_sobol_failed', reason(err)), cancelled };
	}
}

/** Scenario discovery: every scenario lever swept, PRIM's boxes; cancelled by a restart of the analysis worker. */
export async function discoveryOf(
	engine: EngineClient | null,
	request: Omit<DiscoveryRequest, 'seed'>,
	onProgress: (fraction: number) => void
): Promise<{ report: DiscoveryReport | null; problem: string | null; cancelled: boolean }> {
	if (!engine) return { report: null, problem: notStarted(), cancelled: false };
	try {
		// One seed: the same question gives the same runs and boxes, for a colleague opening the link too.
		return { report: await engine.discover({ ...request, seed: 1 }, onProgress), problem: null, cancelled: false };
	} catch (err) {
		const cancelled = (err as Error).name === 'EngineRestarted';
		return { report: null, problem: cancelled ? null : w('screen_analysis_discovery_failed', reason(err)), cancelled };
	}
}

/** The lever values that come closest to every target at once; null with a message when it cannot run. */
export async function outlookMatchOf(
	engine: EngineClient | null,
	inputs: Record<string, number>,
	horizon: number,
	targets: OutlookTarget[],
	levers: string[]
): Promise<{ result: OutlookMatchResult | null; problem: string | null }> {
	if (!engine) return { result: null, problem: notStarted() };
	try {
		const latest = Math.max(horizon, ...targets.map((t) => t.year));
		return { result: await engine.matchOutlooks({ targets, levers, inputs, horizon: latest }), problem: null };
	} catch (err) {
		return { result: null, problem: w('screen_analysis_outlooks_failed', reason(err)) };
	}
}

/** The lever's value that reaches a target (sim/analysis/goalSeek.ts); null with a message when it cannot run. */
export async function goalSeekOf(
	engine: EngineClient | null,
	inputs: Record<string, number>,
	request: Omit<GoalSeekRequest, 'inputs'>
): Promise<{ result: GoalSeekResult | null; problem: string | null }> {
	if (!engine) return { result: null, problem: notStarted() };
	try {
		return { result: await engine.goalSeek({ ...request, inputs }), problem: null };
	} catch (err) {
		return { result: null, problem: w('screen_analysis_goal_seek_failed', reason(err)) };
	}
}

/** Goal seek for each of `levers` alone. */
export async function leversReachingOf(
	engine: EngineClient | null,
	inputs: Record<string, number>,
	request: Omit<GoalSeekRequest, 'inputs' | 'lever'>,
	levers: string[]
): Promise<{ results: GoalSeekResult[]; problem: string | null }> {
	if (!engine) return { results: [], problem: notStarted() };
	try {
		return { results: await engine.leversReaching({ ...request, inputs }, levers), problem: null };
	} catch (err) {
		return { results: [], problem: w('screen_analysis_goal_seek_failed', reason(err)) };
	}
}

/** A published notebook's baseline from the engine; null (and no problem) before it starts or after a restart. */
export async function baselineOf(engine: EngineClient | null, published: Notebook): Promise<{ baseline: RunResult | null; problem: string | null }> {
	if (!engine) return { baseline: null, problem: null };
	try {
		return { baseline: await engine.setBaseline(published), problem: null };
	} catch (err) {
		return { baseline: null, problem: (err as Error).name === 'EngineRestarted' ? null : (err as Error).message };
	}
}

/** Whole scenarios run to 2035 at least (library figures, comparisons); [] before the engine starts. */
export async function scenarioRunsOf(engine: EngineClient | null, docs: WorkingDocument[]): Promise<{ results: RunResult[]; problem: string | null }> {
	if (!engine) return { results: [], problem: null };
	try {
		return { results: await engine.runScenarios(docs.map((d) => ({ notebook: d.notebook, inputs: d.inputs, horizon: Math.max(d.horizon, 2035) }))), problem: null };
	} catch (err) {
		return { results: [], problem: (err as Error).message };
	}
}
