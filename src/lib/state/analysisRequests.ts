// What the notebook's analysis cells (and the library's figures) ask of the engine, with the
// scenario's current inputs: sensitivity, fit, back-test, posterior, Sobol indices, goal seek. Part of the notebook session
// (it lends the engine, the inputs and the horizon); the calls themselves, each answering with
// a result or problems in words, are in analysisCalls.ts.

import type { EngineClient } from '../worker/client';
import type { GoalSeekRequest, OutlookTarget } from '../worker/protocol';
import { backtestOf, discoveryOf, outlookMatchOf, fitOf, goalSeekOf, leversReachingOf, posteriorOf, scenarioRunsOf, sensitivityOf, sobolOf } from './analysisCalls';
import type { WorkingDocument } from './autosave';
import type { BacktestCell, DiscoveryCell, FitCell, RunResult } from '../sim/types';

export interface AnalysisHost {
	readonly engine: EngineClient | null;
	/** A plain copy of the scenario's inputs (only those changed from their defaults). */
	readonly inputs: Record<string, number>;
	readonly horizon: number;
	/** A failure the person should hear of (the session's notice). */
	onProblem(message: string): void;
}

export class AnalysisRequests {
	#host: AnalysisHost;

	constructor(host: AnalysisHost) {
		this.#host = host;
	}

	sensitivity(variable: string, year: number) {
		return sensitivityOf(this.#host.engine, this.#host.inputs, this.#host.horizon, variable, year);
	}

	fit(cell: FitCell) {
		return fitOf(this.#host.engine, this.#host.inputs, cell);
	}

	backtest(cell: BacktestCell) {
		return backtestOf(this.#host.engine, this.#host.inputs, cell);
	}

	/** Samples a fit cell's posterior in the analysis worker (stop it with cancel()). */
	posterior(cell: FitCell, onProgress: (fraction: number) => void) {
		return posteriorOf(this.#host.engine, this.#host.inputs, cell, onProgress);
	}

	/** Sobol indices of `variable` in `year` (stop them with cancel()). */
	sobol(variable: string, year: number, onProgress: (fraction: number) => void) {
		return sobolOf(this.#host.engine, this.#host.inputs, this.#host.horizon, variable, year, onProgress);
	}

	/** A discovery cell's question over every scenario lever (stop it with cancel()). */
	discover(cell: DiscoveryCell, runs: number, onProgress: (fraction: number) => void) {
		const { variable, year, condition, value, upper } = cell;
		const horizon = Math.max(year, this.#host.horizon);
		return discoveryOf(this.#host.engine, { variable, year, condition, value, upper, runs, inputs: this.#host.inputs, horizon }, onProgress);
	}

	/** The lever values (of `levers`) closest to every target at once: several-target goal seek. */
	matchOutlooks(targets: OutlookTarget[], levers: string[]) {
		return outlookMatchOf(this.#host.engine, this.#host.inputs, this.#host.horizon, targets, levers);
	}

	goalSeek(request: Omit<GoalSeekRequest, 'inputs'>) {
		return goalSeekOf(this.#host.engine, this.#host.inputs, request);
	}

	leversReaching(request: Omit<GoalSeekRequest, 'inputs' | 'lever'>, levers: string[]) {
		return leversReachingOf(this.#host.engine, this.#host.inputs, request, levers);
	}

	/** Runs whole scenarios (the library's figures); [] before the engine starts or on failure (said). */
	async scenarios(docs: WorkingDocument[]): Promise<RunResult[]> {
		const { results, problem } = await scenarioRunsOf(this.#host.engine, docs);
		if (problem) this.#host.onProblem(problem);
		return results;
	}

	/** Stops a posterior or Sobol run (it restarts the analysis workers, as Cancel of the bands does). */
	cancel(): void {
		this.#host.engine?.cancelAnalysis();
	}
}
