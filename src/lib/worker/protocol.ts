// The one typed boundary between the page and the engine worker. Everything crossing it is
// plain data (structured clone): notebooks in, results out.

import type { CellError, Notebook, RunResult } from '../sim/types';

export const MIN_HORIZON = 2030;
export const MAX_HORIZON = 2050;

export interface LoadReport {
	/** Compile errors, per cell. */
	errors: CellError[];
	/** Variables the notebook defines (inputs, then formulas in evaluation order). */
	variables: string[];
	/**
	 * The run at every input's default, to MAX_HORIZON: the faint line on every chart. Runs are
	 * causal (a year never depends on later ones), so shorter horizons just show fewer years.
	 */
	baseline: RunResult;
}

export interface RunRequest {
	inputs: Record<string, number>;
	horizon: number;
}

export interface RunResponse {
	result: RunResult;
	/** Time the engine spent in the worker, microseconds. */
	engineMicros: number;
}

export interface EngineApi {
	/** Compiles a notebook; later runs use it. */
	load(notebook: Notebook): Promise<LoadReport>;
	run(request: RunRequest): Promise<RunResponse>;
}
