// The pieces of work a thread pool shares: a slice of a band run's samples, a share of a Sobol
// analysis's runs, a slice of a discovery's runs. The same function runs them in this thread and
// in a worker thread (poolWorker.ts), on an engine service (the browser's worker code) loaded
// with the notebook, so a split gives what the browser's pool gives, to the bit.
import type { EngineApi, DiscoveryRequest } from '../lib/worker/protocol';
import type { MonteCarloOptions, Notebook } from '../lib/sim/types';

export type Task =
	| { kind: 'bands'; options: MonteCarloOptions; start: number; count: number }
	| { kind: 'sobol'; options: MonteCarloOptions & { baseSamples?: number }; variable: string; year: number; part: number; parts: number }
	| { kind: 'discovery'; request: DiscoveryRequest; start: number; count: number };

/** An engine service with a notebook loaded, and the variables that notebook defines. */
export interface LoadedEngine {
	engine: EngineApi;
	/** Inputs, then formulas in evaluation order (the order of the browser's CSV columns). */
	variables: string[];
}

/** The last notebook's engine, kept while the same notebook (by content) is asked for: a run sends the same one for every task. */
export function engineLoader(create: () => EngineApi) {
	let loaded: { key: string; value: LoadedEngine } | null = null;
	return async (notebook: Notebook, key = JSON.stringify(notebook)): Promise<LoadedEngine> => {
		if (loaded?.key === key) return loaded.value;
		const engine = create();
		const report = await engine.load(notebook);
		loaded = { key, value: { engine, variables: report.variables } };
		return loaded.value;
	};
}

/** Runs one task on a loaded engine. */
export async function runTask(engine: EngineApi, task: Task): Promise<unknown> {
	switch (task.kind) {
		case 'bands':
			return engine.monteCarloSlice(task.options, task.start, task.count);
		case 'sobol':
			return engine.sobolRuns(task.options, task.variable, task.year, task.part, task.parts);
		case 'discovery':
			return engine.discoveryRuns(task.request, task.start, task.count);
	}
}

/** The buffers of a task's result, moved (not copied) back to the main thread. */
export function transferables(result: unknown): ArrayBuffer[] {
	const out = new Set<ArrayBuffer>();
	const add = (v: unknown) => {
		if (ArrayBuffer.isView(v) && v.buffer instanceof ArrayBuffer) out.add(v.buffer);
	};
	if (ArrayBuffer.isView(result)) add(result);
	else if (result && typeof result === 'object') {
		const r = result as Record<string, unknown>;
		if (r.outputs instanceof Map) for (const v of r.outputs.values()) add(v);
		for (const v of Object.values(r)) {
			if (Array.isArray(v)) v.forEach(add);
			else add(v);
		}
	}
	return [...out];
}
