// One of the worker_threads of the split Monte Carlo experiment in scripts/bench/monteCarlo.ts.
// Holds a program for its share of the samples (samples start..start+count of the run), draws
// the same samples the single-threaded run would (the full stream, then its slice), simulates,
// and sends back the requested variables' values for every year (transferred, not copied).

import { parentPort } from 'node:worker_threads';
import { annualSeries } from '../../src/lib/data/index';
import { chinaMarketNotebook } from '../../src/lib/notebooks/chinaMarket';
import { compileNotebook, createProgram, inputValues, simulate } from '../../src/lib/sim/index';
import type { Program } from '../../src/lib/sim/index';
import { prunedModel } from '../../src/lib/sim/monteCarlo';
import { inputStream, sampleInput } from '../../src/lib/sim/sampling';

export interface SliceRequest {
	inputs: Record<string, number>;
	seed: number;
	samples: number;
	start: number;
	count: number;
	horizon: number;
	variables: string[];
}

const model = compileNotebook(chinaMarketNotebook, annualSeries);
let cached: { key: string; program: Program; filled: string[]; full: Float64Array } | null = null;

parentPort!.on('message', (request: SliceRequest) => {
	const { samples, start, count, horizon, variables } = request;
	const pruned = prunedModel(model, variables);
	const key = `${samples}|${start}|${count}|${variables.join(',')}`;
	if (cached?.key !== key) cached = { key, program: createProgram(pruned, count), filled: [], full: new Float64Array(samples) };
	const { program, filled, full } = cached;
	const centrals = inputValues(model, request.inputs);
	model.inputs.forEach((cell, i) => {
		const sampleKey = `${request.seed}|${centrals[i]}`;
		if (filled[i] === sampleKey) return;
		sampleInput(cell, centrals[i], samples, inputStream(request.seed, cell.name), full);
		program.inputBuffers[i].set(full.subarray(start, start + count));
		filled[i] = sampleKey;
	});
	const slots = variables.map((v) => program.model.variables.indexOf(v));
	const years = horizon - model.startYear + 1;
	const out = new Float64Array(variables.length * years * count);
	simulate(program, horizon, (y) => {
		slots.forEach((slot, j) => out.set(program.ctx.cur[slot], (j * years + y) * count));
	});
	parentPort!.postMessage(out, [out.buffer]);
});
