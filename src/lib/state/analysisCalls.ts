// The notebook's analysis cells asking the engine: the sensitivity ranking, a fit, a back-test.
// Each answers with its result or with problems in words (never throws), so a cell can always
// show something. Kept apart from the session's document and run loop (notebookSession.svelte.ts).

import type { BacktestCell, FitCell } from '../sim/types';
import type { BacktestResult, FitResult, SensitivityReport } from '../worker/protocol';
import type { EngineClient } from '../worker/client';

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

const NOT_STARTED = 'The engine has not started yet.';

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
		return { tornado: [], shares: [], samples: 0, problem: `The sensitivity could not be computed: ${(err as Error).message}` };
	}
}

/** Fits a fit cell's parameters on its pairs and years, from the scenario's inputs. */
export async function fitOf(engine: EngineClient | null, inputs: Record<string, number>, cell: FitCell): Promise<FitOutcome> {
	if (!engine) return { fit: null, problems: [NOT_STARTED] };
	try {
		const fit = await engine.fit({ inputs, parameters: cell.parameters ?? [], pairs: cell.pairs, fromYear: cell.fromYear, toYear: cell.toYear });
		return { fit, problems: fit.problems };
	} catch (err) {
		return { fit: null, problems: [`The fit failed: ${(err as Error).message}`] };
	}
}

/** Fits through a back-test cell's year and checks the years held back. */
export async function backtestOf(engine: EngineClient | null, inputs: Record<string, number>, cell: BacktestCell): Promise<BacktestOutcome> {
	if (!engine) return { result: null, problems: [NOT_STARTED] };
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
		return { result: null, problems: [`The back-test failed: ${(err as Error).message}`] };
	}
}
