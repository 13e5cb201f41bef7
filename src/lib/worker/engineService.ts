// What the worker exposes, kept free of worker globals so tests and benchmarks can call it
// directly in Node.

import { annualSeries } from '../data/index';
import { compileNotebook, createProgram, runDeterministic } from '../sim/index';
import type { Program } from '../sim/index';
import type { Notebook, RunResult } from '../sim/types';
import { attribute, programCache } from '../sim/attribution';
import { MAX_HORIZON, OWN_ERROR_KINDS } from './protocol';
import type { EngineApi, LoadReport, RunRequest, RunResponse, ScenarioRun, ScenarioSpec } from './protocol';

export function createEngineService(): EngineApi {
	let program: Program | null = null;
	const programFor = programCache(annualSeries);
	return {
		async setBaseline(notebook: Notebook): Promise<RunResult> {
			const baseline = createProgram(compileNotebook(notebook, annualSeries), 1);
			return runDeterministic(baseline, { inputs: {}, horizon: MAX_HORIZON });
		},
		async load(notebook: Notebook, guardCellId?: string): Promise<LoadReport> {
			const model = compileNotebook(notebook, annualSeries);
			const rejected = guardCellId !== undefined && model.errors.some((e) => e.cellId === guardCellId && OWN_ERROR_KINDS.has(e.kind));
			if (!rejected || !program) program = createProgram(model, 1);
			return { accepted: !rejected, errors: model.errors, variables: model.variables };
		},
		async run(request: RunRequest): Promise<RunResponse> {
			if (!program) throw new Error('No notebook loaded');
			const started = performance.now();
			const result = runDeterministic(program, request);
			return { result, engineMicros: (performance.now() - started) * 1000 };
		},
		async runScenarios(specs: ScenarioRun[]): Promise<RunResult[]> {
			return specs.map((s) => runDeterministic(programFor(s.notebook), { inputs: s.inputs, horizon: s.horizon }));
		},
		async attribute(a: ScenarioSpec, b: ScenarioSpec, variable: string, year: number) {
			return attribute(a, b, variable, year, programFor);
		}
	};
}
