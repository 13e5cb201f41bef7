// What the worker exposes, kept free of worker globals so tests and benchmarks can call it
// directly in Node.

import { annualSeries } from '../data/index';
import { compileNotebook, createProgram, runDeterministic } from '../sim/index';
import type { Program } from '../sim/index';
import type { Notebook } from '../sim/types';
import { MAX_HORIZON } from './protocol';
import type { EngineApi, LoadReport, RunRequest, RunResponse } from './protocol';

export function createEngineService(): EngineApi {
	let program: Program | null = null;
	return {
		async load(notebook: Notebook): Promise<LoadReport> {
			const model = compileNotebook(notebook, annualSeries);
			program = createProgram(model, 1);
			const baseline = runDeterministic(program, { inputs: {}, horizon: MAX_HORIZON });
			return { errors: model.errors, variables: model.variables, baseline };
		},
		async run(request: RunRequest): Promise<RunResponse> {
			if (!program) throw new Error('No notebook loaded');
			const started = performance.now();
			const result = runDeterministic(program, request);
			return { result, engineMicros: (performance.now() - started) * 1000 };
		}
	};
}
