// Browser side of the engine worker. Import it only in the browser (from onMount or an effect):
// workers do not exist during prerendering.

import { wrap } from 'comlink';
import type { Remote } from 'comlink';
import EngineWorker from './engine.worker?worker';
import { latestOnly } from './latestOnly';
import type { EngineApi, LoadReport, RunRequest, RunResponse } from './protocol';
import type { Notebook } from '../sim/types';

export interface EngineClient {
	load(notebook: Notebook): Promise<LoadReport>;
	/** Latest wins: resolves null when a newer run replaced this one before it started. */
	run(request: RunRequest): Promise<RunResponse | null>;
	dispose(): void;
}

export function startEngine(): EngineClient {
	const worker = new EngineWorker();
	const api: Remote<EngineApi> = wrap<EngineApi>(worker);
	const runs = latestOnly((request: RunRequest) => api.run(request));
	return {
		load: (notebook) => api.load(notebook),
		run: (request) => runs.submit(request),
		dispose: () => worker.terminate()
	};
}
