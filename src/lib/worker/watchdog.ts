// Caps how long a model run may take. Formulas come from strangers; if a run goes past the
// limit the worker is terminated (the only way to stop a busy worker), a fresh one is started
// and given back the baseline and the last notebook that loaded, and the caller is told which
// call was stopped. The page stays usable throughout.

import type { Attribution, EngineApi, LoadReport, RunRequest, RunResponse, ScenarioRun, ScenarioSpec } from './protocol';
import type { Notebook, RunResult } from '../sim/types';

export interface WorkerHandle {
	api: EngineApi;
	terminate(): void;
}

export class EngineTimeout extends Error {
	constructor(
		readonly what: string,
		readonly limitMs: number
	) {
		super(`The ${what} took longer than ${limitMs >= 1000 ? `${limitMs / 1000} s` : `${limitMs} ms`} and was stopped; the engine was restarted.`);
		this.name = 'EngineTimeout';
	}
}

export interface GuardedEngine extends EngineApi {
	dispose(): void;
}

export function guardEngine(start: () => WorkerHandle, timeLimitMs: number, onRestart: (why: EngineTimeout) => void): GuardedEngine {
	let worker = start();
	let baselineNotebook: Notebook | null = null;
	let loadedNotebook: Notebook | null = null;

	const restart = async (why: EngineTimeout) => {
		worker.terminate();
		worker = start();
		// Replayed without a time limit: the baseline and the last accepted notebook already ran.
		if (baselineNotebook) await worker.api.setBaseline(baselineNotebook);
		if (loadedNotebook) await worker.api.load(loadedNotebook);
		onRestart(why);
	};

	function limited<T>(what: string, call: () => Promise<T>): Promise<T> {
		return new Promise<T>((resolve, reject) => {
			const timer = setTimeout(() => {
				const why = new EngineTimeout(what, timeLimitMs);
				reject(why);
				void restart(why);
			}, timeLimitMs);
			call().then(
				(v) => {
					clearTimeout(timer);
					resolve(v);
				},
				(e) => {
					clearTimeout(timer);
					reject(e);
				}
			);
		});
	}

	return {
		// Compiling is bounded by the notebook's size limits; only runs are timed.
		async setBaseline(notebook: Notebook): Promise<RunResult> {
			const result = await worker.api.setBaseline(notebook);
			baselineNotebook = notebook;
			return result;
		},
		async load(notebook: Notebook, guardCellId?: string): Promise<LoadReport> {
			const report = await worker.api.load(notebook, guardCellId);
			if (report.accepted) loadedNotebook = notebook;
			return report;
		},
		run(request: RunRequest): Promise<RunResponse> {
			return limited(`model run (horizon ${request.horizon})`, () => worker.api.run(request));
		},
		runScenarios(specs: ScenarioRun[]): Promise<RunResult[]> {
			return limited(`run of ${specs.length} scenario${specs.length === 1 ? '' : 's'}`, () => worker.api.runScenarios(specs));
		},
		attribute(a: ScenarioSpec, b: ScenarioSpec, variable: string, year: number): Promise<Attribution> {
			return limited(`attribution of ${variable} in ${year}`, () => worker.api.attribute(a, b, variable, year));
		},
		dispose() {
			worker.terminate();
		}
	};
}
