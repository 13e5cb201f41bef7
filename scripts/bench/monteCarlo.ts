// Monte Carlo benchmark: 10,000 samples of the default notebook to 2035, bands (5th-95th
// percentiles and mean) of the chart variables, against
//   - a hand-written TypeScript version of the same model (src/lib/sim/handwrittenModel.ts), in
//     the same pipeline (same sampling, same band summaries): ratio = ours / hand-written;
//   - the naive full-mathjs evaluation of the notebook (scripts/bench/naiveMathjs.ts), one run
//     per sample: its per-sample cost is measured on 50 samples and multiplied by 10,000
//     (running all 10,000 would take minutes): ratio = mathjs estimate / ours;
//   - the same run split over 2 worker_threads (each simulates half the samples; the main
//     thread computes the bands).
// Checks first that the hand-written model gives the engine's numbers (1e-9) and that the
// split run gives the single-threaded bands exactly.
// Run: npx tsx scripts/bench/monteCarlo.ts. Progress on stderr, one JSON line on stdout.

import '../../src/node/englishWords';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { annualSeries } from '../../src/lib/data/index';
import { chinaMarketNotebook } from '../../src/lib/notebooks/chinaMarket';
import { compileNotebook, createProgram, inputValues, runDeterministic, simulate } from '../../src/lib/sim/index';
import type { Bands, ChartCell, InputCell, MonteCarloOptions } from '../../src/lib/sim/index';
import { handwrittenMonteCarlo, HANDWRITTEN_VARIABLES, simulateHandwritten } from '../../src/lib/sim/handwrittenModel';
import { BAND_PERCENTILES, monteCarloRunner, poolMonteCarlo, prunedModel } from '../../src/lib/sim/analysis/monteCarlo';
import { quantilesInto } from '../../src/lib/sim/analysis/quantiles';
import { inputStream, sampleInput } from '../../src/lib/sim/analysis/sampling';
import type { SliceRequest } from './mcWorker';
import { createNaiveRunner } from './naiveMathjs';
import { emit, log, median, quantile, sig } from './timing';

const SAMPLES = 10_000;
const RUNS = 15;
const WARMUP = 5;
const notebook = chinaMarketNotebook;
const horizon = notebook.horizon; // 2035
const model = compileNotebook(notebook, annualSeries);
if (model.errors.length) throw new Error(`The default notebook has errors: ${JSON.stringify(model.errors)}`);
const cells = notebook.cells.filter((c): c is InputCell => c.kind === 'input');
const variables = [...new Set(notebook.cells.filter((c): c is ChartCell => c.kind === 'chart').flatMap((c) => c.variables))];
const years = horizon - notebook.startYear + 1;
/** Run i moves the localisation slider (one input re-sampled, as when a person drags it). */
const moved = (i: number, seed = 1): MonteCarloOptions => ({
	inputs: { localisationJapanese: Number((0.05 + 0.05 * (i % 18)).toFixed(2)) },
	horizon,
	samples: SAMPLES,
	seed,
	variables
});
let sink = 0;
const time = (f: () => void) => {
	const t0 = performance.now();
	f();
	return performance.now() - t0;
};
const summary = (ms: number[]) => `median ${median(ms).toFixed(1)} ms (min ${Math.min(...ms).toFixed(1)}, p90 ${quantile(ms, 0.9).toFixed(1)})`;
log(`monte carlo: ${SAMPLES.toLocaleString('en')} samples, ${years} years, bands of ${variables.join(', ')}; ${cells.filter((c) => c.uncertainty).length} uncertain inputs`);

// --- 1. Checks. -------------------------------------------------------------------------------
const TOLERANCE = 1e-9;
let maxDiff = 0;
const deterministic = createProgram(model, 1);
for (const given of [{}, { localisationGerman: 0.9, localisationOther: 0.5, exportGrowth: 0.15, exportDomesticShare: 0.7, electrificationPace: 1.7, shakeout: 0.3, marketGrowth: -0.02 }, { safetyHalfLife: 3, nevCeiling: 0.7 }] as Record<string, number>[]) {
	const det = runDeterministic(deterministic, { inputs: given, horizon });
	const one = Object.fromEntries(cells.map((c, i) => [c.name, Float64Array.of(inputValues(model, given)[i])]));
	simulateHandwritten(one, 1, notebook.startYear, horizon, annualSeries, (y, values) => {
		for (const v of HANDWRITTEN_VARIABLES) {
			const d = Math.abs(values[v][0] - det.series[v][y]);
			if (!(d <= TOLERANCE)) throw new Error(`Hand-written model and engine disagree on ${v} in ${notebook.startYear + y}: ${values[v][0]} vs ${det.series[v][y]}`);
			maxDiff = Math.max(maxDiff, d);
		}
	});
}
const runner = monteCarloRunner(model);
const reference = runner.run(moved(0));
const handwrittenReference = handwrittenMonteCarlo(cells, notebook.startYear, annualSeries, moved(0));
let maxBandDiff = 0;
for (const v of variables) {
	for (const k of ['p5', 'p25', 'p50', 'p75', 'p95', 'mean'] as const) {
		reference.bands[v][k].forEach((x, y) => (maxBandDiff = Math.max(maxBandDiff, Math.abs(x - handwrittenReference.bands[v][k][y]))));
	}
}
if (!(maxBandDiff <= TOLERANCE)) throw new Error(`Hand-written and engine bands differ by ${maxBandDiff}`);
log(`check: hand-written model = engine (deterministic, ${HANDWRITTEN_VARIABLES.length} variables, max |diff| ${maxDiff.toExponential(1)}; bands max |diff| ${maxBandDiff.toExponential(1)})`);

// --- 2. Ours and the hand-written pipeline, interleaved run by run (so a busy moment on the
// machine hits both alike). -------------------------------------------------------------------
const handwrittenRun = (options: MonteCarloOptions) => handwrittenMonteCarlo(cells, notebook.startYear, annualSeries, options);
for (let i = 0; i < WARMUP; i++) {
	sink += runner.run(moved(i + 1)).bands.domesticShare.p50[years - 1];
	sink += runner.run(moved(i + 1, 50 + i)).bands.domesticShare.p50[years - 1];
	sink += handwrittenRun(moved(i + 1)).bands.domesticShare.p50[years - 1];
}
const warm: number[] = [];
const cold: number[] = [];
const handwritten: number[] = [];
for (let i = 0; i < RUNS; i++) {
	warm.push(time(() => (sink += runner.run(moved(i)).bands.domesticShare.p50[years - 1])));
	cold.push(time(() => (sink += runner.run(moved(i, 100 + i)).bands.domesticShare.p50[years - 1])));
	handwritten.push(time(() => (sink += handwrittenRun(moved(i)).bands.domesticShare.p50[years - 1])));
}
log(`ours, one slider moved per run (one input re-sampled): ${summary(warm)}`);
log(`ours, new seed per run (every input re-sampled):        ${summary(cold)}`);
log(`hand-written pipeline (samples every input each run):  ${summary(handwritten)}`);

// Where the time goes: the simulation alone (engine and hand-written), sampling alone, the bands alone.
const pruned = prunedModel(model, variables);
const simProgram = createProgram(pruned, SAMPLES);
const centrals = inputValues(model, {});
model.inputs.forEach((cell, i) => sampleInput(cell, centrals[i], SAMPLES, inputStream(1, cell.name), simProgram.inputBuffers[i]));
const handInputs = Object.fromEntries(cells.map((c, i) => [c.name, sampleInput(c, centrals[i], SAMPLES, inputStream(1, c.name))]));
const handSimulate = () => simulateHandwritten(handInputs, SAMPLES, notebook.startYear, horizon, annualSeries, () => {});
for (let i = 0; i < WARMUP; i++) {
	simulate(simProgram, horizon, () => {});
	handSimulate();
}
const simOnly: number[] = [];
const handSimOnly: number[] = [];
for (let i = 0; i < RUNS; i++) {
	simOnly.push(time(() => simulate(simProgram, horizon, () => {})));
	handSimOnly.push(time(handSimulate));
}
const scratch = new Float64Array(SAMPLES);
const sampleOnly = Array.from({ length: RUNS }, (_, r) =>
	time(() => model.inputs.forEach((cell, i) => sampleInput(cell, centrals[i], SAMPLES, inputStream(r, cell.name), scratch)))
);
const q = new Float64Array(BAND_PERCENTILES.length);
const bandsOnly = Array.from({ length: RUNS }, () =>
	time(() => {
		for (let b = 0; b < variables.length * years; b++) sink += quantilesInto(simProgram.ctx.cur[pruned.inputs.length + (b % pruned.formulas.length)], BAND_PERCENTILES, q);
	})
);
log(
	`  simulation alone: engine ${median(simOnly).toFixed(1)} ms, hand-written ${median(handSimOnly).toFixed(1)} ms; ` +
		`sampling all ${model.inputs.length} inputs ${median(sampleOnly).toFixed(1)} ms; ${variables.length * years} band summaries ${median(bandsOnly).toFixed(1)} ms`
);

// --- 4. Naive mathjs, per sample. ---------------------------------------------------------------
const naive = createNaiveRunner(notebook, annualSeries, model);
const matrix = runner.sampleMatrix(moved(0), 'domesticShare', horizon);
const sampleInputs = (s: number) => Object.fromEntries(matrix.inputs.map((input) => [input.name, input.values[s]]));
{
	// Same numbers for the samples: the engine's output of sample s equals the naive run's.
	for (const s of [0, 1, 2, 9999]) {
		const d = Math.abs(naive.run(sampleInputs(s), horizon).series.domesticShare[years - 1] - matrix.output[s]);
		if (!(d <= TOLERANCE)) throw new Error(`mathjs and the engine disagree on sample ${s}: |diff| ${d}`);
	}
}
const NAIVE_SAMPLES = 50;
for (let s = 0; s < 10; s++) sink += naive.run(sampleInputs(s), horizon).series.domesticShare[years - 1];
const naiveBatches = Array.from({ length: 3 }, (_, b) =>
	time(() => {
		for (let s = 0; s < NAIVE_SAMPLES; s++) sink += naive.run(sampleInputs(b * NAIVE_SAMPLES + s), horizon).series.domesticShare[years - 1];
	})
);
const naivePerSampleMs = median(naiveBatches) / NAIVE_SAMPLES;
const naiveTotalMs = naivePerSampleMs * SAMPLES;
log(
	`naive mathjs: ${(naivePerSampleMs * 1000).toFixed(0)} µs per sample (median of 3 batches of ${NAIVE_SAMPLES}); ` +
		`× ${SAMPLES.toLocaleString('en')} = ${(naiveTotalMs / 1000).toFixed(1)} s estimated (measured per-sample cost × 10,000, simulation only)`
);

// --- 5. The pool: the same run over 1 and over 2 worker_threads (the pool's code). -----------------
async function poolExperiment(size: number) {
	const started = performance.now();
	const workers = Array.from({ length: size }, () => new Worker(new URL('./mcWorker.mjs', import.meta.url)));
	const ask = (w: Worker, request: SliceRequest) =>
		new Promise<Float64Array>((resolve, reject) => {
			const onMessage = (values: Float64Array) => {
				w.off('error', onError);
				resolve(values);
			};
			const onError = (err: Error) => {
				w.off('message', onMessage);
				reject(err);
			};
			w.once('message', onMessage);
			w.once('error', onError);
			w.postMessage(request);
		});
	const poolRun = (options: MonteCarloOptions) => {
		let k = 0;
		return poolMonteCarlo(model, options, size, (start, count) => ask(workers[k++ % size], { ...options, start, count }));
	};
	try {
		const first = await poolRun(moved(0));
		const startupMs = performance.now() - started;
		if (JSON.stringify(first.bands) !== JSON.stringify(reference.bands)) throw new Error(`The pool of ${size} gives other bands than the single-threaded run`);
		for (let i = 0; i < WARMUP; i++) sink += (await poolRun(moved(i + 1))).bands.domesticShare.p50[years - 1];
		const times: number[] = [];
		for (let i = 0; i < RUNS; i++) {
			const t0 = performance.now();
			sink += (await poolRun(moved(i))).bands.domesticShare.p50[years - 1];
			times.push(performance.now() - t0);
		}
		log(`pool of ${size} worker_thread${size === 1 ? '' : 's'} (same bands, checked): ${summary(times)}; first run with start-up ${startupMs.toFixed(0)} ms`);
		return { times, startupMs };
	} finally {
		await Promise.all(workers.map((w) => w.terminate()));
	}
}
const pool1 = await poolExperiment(1);
const { times: split, startupMs } = await poolExperiment(2);
log(`checksum ${sink.toFixed(6)}`);

const ours = median(warm);
emit({
	mc10k_ms_median: sig(ours),
	mc10k_ms_p90: sig(quantile(warm, 0.9)),
	mc10k_cold_ms_median: sig(median(cold)),
	mc10k_engine_sim_ms_median: sig(median(simOnly)),
	mc10k_bands_ms_median: sig(median(bandsOnly)),
	mc10k_sampling_all_inputs_ms_median: sig(median(sampleOnly)),
	mc10k_handwritten_ms_median: sig(median(handwritten)),
	mc10k_handwritten_sim_ms_median: sig(median(handSimOnly)),
	// Like for like: the hand-written pipeline samples every input each run, so compare it
	// with ours when every input is re-sampled too.
	mc_ratio_vs_handwritten: sig(median(cold) / median(handwritten)),
	mc_sim_ratio_vs_handwritten: sig(median(simOnly) / median(handSimOnly)),
	mc_mathjs_per_sample_us: sig(naivePerSampleMs * 1000),
	mc10k_mathjs_estimated_ms: sig(naiveTotalMs),
	mc_speedup_vs_mathjs: sig(naiveTotalMs / ours),
	mc10k_2workers_ms_median: sig(median(split)),
	mc_2workers_speedup: sig(ours / median(split)),
	mc_2workers_startup_ms: sig(startupMs),
	mc10k_pool1_ms_median: sig(median(pool1.times)),
	// The key: the same run, pool of 1 worker_thread / pool of 2 (same code, same bands).
	mc_pool_speedup: sig(median(pool1.times) / median(split)),
	mc_samples: SAMPLES,
	mc_variables: variables.length,
	mc_years: years,
	mc_uncertain_inputs: reference.uncertainInputs.length,
	mc_cpus: os.availableParallelism?.() ?? os.cpus().length
});
