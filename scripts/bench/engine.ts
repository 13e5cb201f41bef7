// Engine benchmark: the default notebook compiled once, runDeterministic to the default horizon
// timed over many runs, against a naive full-mathjs evaluation of the same notebook (after
// checking both give the same numbers). Run: npx tsx scripts/bench/engine.ts
// Prints progress on stderr and one JSON line of results on stdout.

import '../../src/node/englishWords';
import { annualSeries } from '../../src/lib/data/index';
import { chinaMarketNotebook } from '../../src/lib/notebooks/chinaMarket';
import { chinaMarketNotebookV2 } from '../../src/lib/notebooks/frozen/chinaMarketV2';
import { v2Data } from '../../src/lib/notebooks/frozen/v2Data';
import { compileNotebook, createProgram, runDeterministic } from '../../src/lib/sim/index';
import type { InputCell } from '../../src/lib/sim/types';
import { createNaiveRunner } from './naiveMathjs';
import { emit, log, sig, timeBatches } from './timing';

const notebook = chinaMarketNotebook;
const horizon = notebook.horizon; // 2035
const model = compileNotebook(notebook, annualSeries);
if (model.errors.length) throw new Error(`The default notebook has errors: ${JSON.stringify(model.errors)}`);
const program = createProgram(model, 1);

// Vary one input every run (the Japanese localisation lever through its whole range) so no run can reuse
// the previous one's result.
const varied = notebook.cells.find((c): c is InputCell => c.kind === 'input' && c.name === 'localisationJapanese')!;
const values: number[] = [];
for (let v = varied.min; v <= varied.max + 1e-9; v += varied.step) values.push(Number(v.toFixed(6)));
const inputsFor = (i: number) => ({ [varied.name]: values[i % values.length] });

// --- 1. Same numbers: the naive mathjs runner must agree with the engine everywhere. ---------
const naive = createNaiveRunner(notebook, annualSeries, model);
const TOLERANCE = 1e-9;
let maxDiff = 0;
for (const inputs of [{}, ...values.map((v) => ({ [varied.name]: v })), { electrificationPace: 1.7, shakeout: 0.3, safetyRuleBoost: 2.5 }]) {
	const a = runDeterministic(program, { inputs, horizon });
	const b = naive.run(inputs, horizon);
	if (a.years.join() !== b.years.join()) throw new Error(`Years differ: ${a.years} vs ${b.years}`);
	for (const name of model.variables) {
		const required = name === 'domesticShare' || name === 'nevShare';
		a.series[name].forEach((x, y) => {
			const d = Math.abs(x - b.series[name][y]);
			if (!(d <= TOLERANCE)) {
				const where = `${name} in ${a.years[y]} with ${JSON.stringify(inputs)}: engine ${x}, mathjs ${b.series[name][y]}`;
				if (required) throw new Error(`Engine and naive mathjs disagree on ${where}`);
				log(`warning: engine and naive mathjs disagree on ${where}`);
			}
			maxDiff = Math.max(maxDiff, d);
		});
	}
}
log(`check: engine and naive mathjs agree on all ${model.variables.length} variables, ${values.length + 2} input sets (max |diff| ${maxDiff.toExponential(1)})`);

// --- 2. Engine timing. ----------------------------------------------------------------------
let sink = 0; // results feed a checksum so the runs cannot be optimised away
const engine = timeBatches(
	(i) => {
		const r = runDeterministic(program, { inputs: inputsFor(i), horizon });
		sink += r.series.domesticShare[r.years.length - 1];
	},
	{ warmup: 2000, batches: 30, perBatch: 200 }
);
log(`engine: median ${engine.median.toFixed(1)} µs/run (min ${engine.min.toFixed(1)}, p90 ${engine.p90.toFixed(1)}) over 30 x 200 runs`);

// --- 2b. The previous model (version 2, frozen), timed the same way in the same process, so the
// figure of this version can be read against it whatever the machine's speed today. ---------
const previousModel = compileNotebook(chinaMarketNotebookV2, v2Data);
const previousProgram = createProgram(previousModel, 1);
const previous = timeBatches(
	(i) => {
		const r = runDeterministic(previousProgram, { inputs: { shakeout: (i % 40) / 100 }, horizon });
		sink += r.series.domesticShare[r.years.length - 1];
	},
	{ warmup: 2000, batches: 30, perBatch: 200 }
);
log(`version 2 (frozen, ${previousModel.formulas.length} formulas): median ${previous.median.toFixed(1)} µs/run; version 3 (${model.formulas.length} formulas) / version 2: ${(engine.median / previous.median).toFixed(2)}x`);

// --- 3. Naive mathjs timing (fewer runs: it is slow). ----------------------------------------
const mathjs = timeBatches(
	(i) => {
		const r = naive.run(inputsFor(i), horizon);
		sink += r.series.domesticShare[r.years.length - 1];
	},
	{ warmup: 40, batches: 15, perBatch: 20 }
);
log(`mathjs naive: median ${mathjs.median.toFixed(0)} µs/run (min ${mathjs.min.toFixed(0)}, p90 ${mathjs.p90.toFixed(0)}) over 15 x 20 runs`);
log(`checksum ${sink.toFixed(6)}`);

const years = horizon - notebook.startYear + 1;
emit({
	engine_run_us_median: sig(engine.median),
	engine_run_us_p90: sig(engine.p90),
	mathjs_naive_run_us_median: sig(mathjs.median),
	speedup_vs_mathjs: sig(mathjs.median / engine.median),
	engine_formulas: model.formulas.length,
	engine_v2_run_us_median: sig(previous.median),
	engine_ratio_vs_v2: sig(engine.median / previous.median),
	engine_years: years
});
