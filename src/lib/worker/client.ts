// Browser side of the engine worker. Import it only in the browser (from onMount or an effect):
// workers do not exist during prerendering.

import { wrap } from 'comlink';
import EngineWorker from './engine.worker?worker';
import { latestOnly } from './latestOnly';
import { guardEngine } from './watchdog';
import type { EngineCrashed, EngineTimeout } from './watchdog';
import type { Attribution, EngineApi, LoadReport, RunRequest, RunResponse, ScenarioRun, ScenarioSpec } from './protocol';
import type { Notebook, RunResult } from '../sim/types';

/** About a second: far above any honest run (tens of microseconds), short enough to notice. */
export const DEFAULT_TIME_LIMIT_MS = 1000;
/** Tests lower the limit through this storage key to exercise the watchdog. */
const TIME_LIMIT_OVERRIDE_KEY = 'shiftcast:engineTimeLimitMs';

export interface EngineClient {
	setBaseline(notebook: Notebook): Promise<RunResult>;
	load(notebook: Notebook, guardCellId?: string): Promise<LoadReport>;
	/** Latest wins: resolves null when a newer run replaced this one before it started. */
	run(request: RunRequest): Promise<RunResponse | null>;
	runScenarios(specs: ScenarioRun[]): Promise<RunResult[]>;
	attribute(a: ScenarioSpec, b: ScenarioSpec, variable: string, year: number): Promise<Attribution>;
	dispose(): void;
}

function timeLimit(): number {
	try {
		const override = Number(localStorage.getItem(TIME_LIMIT_OVERRIDE_KEY));
		return override > 0 ? override : DEFAULT_TIME_LIMIT_MS;
	} catch {
		return DEFAULT_TIME_LIMIT_MS;
	}
}

export function startEngine(onRestart: (why: EngineTimeout | EngineCrashed) => void): EngineClient {
	const engine = guardEngine(
		(onCrash) => {
			const worker = new EngineWorker();
			worker.addEventListener('error', (event) => {
				event.preventDefault();
				onCrash(event.message || 'an error in the worker');
			});
			worker.addEventListener('messageerror', () => onCrash('a message that could not be read'));
			return { api: wrap<EngineApi>(worker), terminate: () => worker.terminate() };
		},
		timeLimit(),
		onRestart
	);
	const runs = latestOnly((request: RunRequest) => engine.run(request));
	return {
		setBaseline: (notebook) => engine.setBaseline(notebook),
		load: (notebook, guardCellId) => engine.load(notebook, guardCellId),
		run: (request) => runs.submit(request),
		runScenarios: (specs) => engine.runScenarios(specs),
		attribute: (a, b, variable, year) => engine.attribute(a, b, variable, year),
		dispose: () => engine.dispose()
	};
}
