// Monte Carlo bands: the notebook run once over many samples of its uncertain inputs, in ONE
// vectorised program (createProgram(model, samples)): every formula closure processes all the
// samples of a year in one call, so the interpretation cost is paid per node and year, not per
// sample. After each year the requested variables are summarised (5th, 25th, 50th, 75th and
// 95th percentiles and the mean over the samples).
//
// A runner per compiled model keeps its programs (the last two, up to 20,000 samples each) and
// the samples of each input, which are drawn again only when that input's slider, range, the
// seed or the sample count changed: moving one slider re-samples one input.
//
// Only the formulas the requested variables depend on (now or through prev) are compiled and
// run; the others cannot change them.
//
// With a posterior sample set (model.posterior), the calibrated parameters are drawn jointly:
// sample i takes draw d(i) for all of them (moved with their sliders, as ranges are), and over
// the years the set was fitted to, each fitted variable's band gets draw d(i)'s noise added, so
// there the fan is the posterior predictive: where the observed figure could fall. Every random
// number of sample i comes from streams read in sample order, so a run split by sample index
// gives the same numbers.

import { currentReferences, laggedReferences } from '../parse';
import type { CompiledModel } from '../model';
import { quantilesInto } from './quantiles';
import { createProgram, inputValues, simulate, simulateByYear } from '../run';
import type { Program } from '../run';
import { inputStream, streamSeed, usableUncertainty } from './sampling';
import { sampleInput } from './sampling';
import { seededRandom } from './random';
import { MAX_SAMPLES, MIN_SAMPLES, poolSlices } from './poolSlices';
import type { Bands, MonteCarloOptions, MonteCarloResult } from '../types';
import { w } from '../../i18n/screenWords';

/** The percentiles every band reports, in the order of Bands' p5..p95. */
export const BAND_PERCENTILES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;
export { MAX_SAMPLES, MIN_SAMPLES, poolSlices } from './poolSlices';
/** Programs up to this many samples stay cached between runs (larger ones hold 100+ MB). */
const CACHE_SAMPLES_LIMIT = 20_000;

/** One output's values in one year with the sampled inputs that produced them, sample by sample. */
export interface SampleMatrix {
	variable: string;
	year: number;
	samples: number;
	seed: number;
	/** The output in `year`, one value per sample. */
	output: Float64Array;
	/** Every sampled input (those with an uncertainty range), one value per sample. */
	inputs: { name: string; label: string; values: Float64Array }[];
}

/** Runs one compiled model's Monte Carlo bands and sample matrices, keeping programs and samples between runs. */
export interface MonteCarloRunner {
	run(options: MonteCarloOptions, onProgress?: (fraction: number) => void): MonteCarloResult;
	/** The same run, one step per simulated year, so a caller can pause between years. */
	runByYear(options: MonteCarloOptions, onProgress?: (fraction: number) => void): Generator<void, MonteCarloResult, void>;
	sampleMatrix(options: MonteCarloOptions, variable: string, year: number): SampleMatrix;
	/**
	 * Samples start..start+count of the run `options` describes (the same samples the whole run
	 * draws: every stream is read in full, then cut), simulated: the requested variables' values,
	 * variable by variable, year by year, `count` each. What one worker of a pool computes.
	 */
	slice(options: MonteCarloOptions, start: number, count: number): Float64Array;
	/** Bands from the whole run's samples (`values(j, yearIndex)`: variable j's samples that year, in sample order). */
	bandsFrom(options: MonteCarloOptions, values: (j: number, yearIndex: number) => Float64Array, elapsedMs: number): MonteCarloResult;
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** A requested sample count rounded and clamped to MIN_SAMPLES..MAX_SAMPLES; throws RangeError if not finite. */
export function sampleCount(samples: number): number {
	if (!Number.isFinite(samples)) throw new RangeError(`The number of samples must be a number, not ${samples}.`);
	return Math.min(MAX_SAMPLES, Math.max(MIN_SAMPLES, Math.round(samples)));
}

/** The model cut down to the formulas `wanted` depend on, this year or through prev(). */
export function prunedModel(model: CompiledModel, wanted: Iterable<string>): CompiledModel {
	const byName = new Map(model.formulas.map((f) => [f.name, f]));
	const needed = new Set<string>();
	const stack = [...wanted].filter((n) => byName.has(n));
	while (stack.length) {
		const name = stack.pop()!;
		if (needed.has(name)) continue;
		needed.add(name);
		const expr = byName.get(name)!.expr;
		for (const r of [...currentReferences(expr), ...laggedReferences(expr)]) if (byName.has(r) && !needed.has(r)) stack.push(r);
	}
	if (needed.size === model.formulas.length) return model;
	const formulas = model.formulas.filter((f) => needed.has(f.name));
	return { ...model, formulas, variables: [...model.inputs.map((i) => i.name), ...formulas.map((f) => f.name)] };
}

interface CachedProgram {
	key: string;
	program: Program;
	/** Per input slot: what its buffer currently holds (null: unknown, must be filled). */
	filled: (string | null)[];
}

/** Year `y` of band `b` from that year's samples (`q`: scratch for the percentiles). */
function summariseInto(b: Bands, y: number, values: Float64Array, q: Float64Array): void {
	b.mean[y] = quantilesInto(values, BAND_PERCENTILES, q);
	b.p5[y] = q[0];
	b.p25[y] = q[1];
	b.p50[y] = q[2];
	b.p75[y] = q[3];
	b.p95[y] = q[4];
}

/** Creates the Monte Carlo runner for `model`. */
export function monteCarloRunner(model: CompiledModel): MonteCarloRunner {
	let cache: CachedProgram[] = [];

	/**
	 * A program of `samples` for the formulas behind `wanted`. The two most recently used are
	 * kept (bands and a sensitivity ranking alternate); programs above CACHE_SAMPLES_LIMIT
	 * samples are built for one run and not kept.
	 */
	function programFor(wanted: string[], samples: number): CachedProgram {
		const pruned = prunedModel(model, wanted);
		const key = `${samples}|${pruned.formulas.map((f) => f.name).join(',')}`;
		let entry = cache.find((c) => c.key === key);
		if (!entry) {
			if (samples > CACHE_SAMPLES_LIMIT) cache = []; // let the small ones go too before a big allocation
			entry = { key, program: createProgram(pruned, samples), filled: pruned.inputs.map(() => null) };
			if (samples > CACHE_SAMPLES_LIMIT) return entry;
		}
		cache = [entry, ...cache.filter((c) => c !== entry)].slice(0, 2);
		return entry;
	}

	/** Which posterior draw each sample takes (one stream, read in sample order). */
	let drawsCache: { key: string; index: Uint32Array } | null = null;
	function drawIndex(seed: number, samples: number): Uint32Array {
		const posterior = model.posterior!;
		const key = `${seed}|${samples}|${posterior.draws.length}`;
		if (drawsCache?.key === key) return drawsCache.index;
		const random = inputStream(seed, '\u0000posterior draw');
		const index = new Uint32Array(samples);
		for (let i = 0; i < samples; i++) index[i] = Math.floor(random() * posterior.draws.length);
		drawsCache = { key, index };
		return index;
	}

	/** Fills the input buffers with this run's samples (skipping inputs whose samples are unchanged). */
	function fillInputs(entry: CachedProgram, options: MonteCarloOptions, samples: number): string[] {
		const centrals = inputValues(model, options.inputs);
		const uncertain: string[] = [];
		const posterior = model.posterior;
		model.inputs.forEach((cell, i) => {
			const p = posterior ? posterior.parameters.indexOf(cell.name) : -1;
			if (posterior && p >= 0) {
				uncertain.push(cell.name);
				const key = `posterior|${options.seed}|${centrals[i]}|${cell.default}|${cell.min}|${cell.max}`;
				if (entry.filled[i] === key) return;
				const index = drawIndex(options.seed, samples);
				const shift = centrals[i] - cell.default;
				const out = entry.program.inputBuffers[i];
				for (let k = 0; k < samples; k++) {
					const x = posterior.draws[index[k]][p] + shift;
					out[k] = x < cell.min ? cell.min : x > cell.max ? cell.max : x;
				}
				entry.filled[i] = key;
				return;
			}
			const u = usableUncertainty(cell);
			if (u) uncertain.push(cell.name);
			const key = u
				? `${options.seed}|${centrals[i]}|${cell.default}|${u.low}|${u.high}|${u.distribution}|${cell.min}|${cell.max}`
				: `${centrals[i]}`;
			if (entry.filled[i] === key) return;
			sampleInput(cell, centrals[i], samples, inputStream(options.seed, cell.name), entry.program.inputBuffers[i]);
			entry.filled[i] = key;
		});
		return uncertain;
	}

	function* runByYear(options: MonteCarloOptions, onProgress?: (fraction: number) => void): Generator<void, MonteCarloResult, void> {
		// Time spent computing; pauses between years (while the caller waits) do not count.
		let computeMs = 0;
		let resumed = now();
		const samples = sampleCount(options.samples);
		const years: number[] = [];
		for (let y = model.startYear; y <= options.horizon; y++) years.push(y);
		const known = new Set(model.variables);
		const variables = [...new Set(options.variables)].filter((v) => known.has(v));
		const entry = programFor(variables, samples);
		const { program } = entry;
		const uncertainInputs = fillInputs(entry, options, samples);

		const slots = new Map(program.model.variables.map((name, i) => [name, i]));
		const bandSlots = variables.map((v) => slots.get(v)!);
		const bands: Record<string, Bands> = {};
		const columns = variables.map((v) => {
			const b: Bands = { p5: [], p25: [], p50: [], p75: [], p95: [], mean: [] };
			bands[v] = b;
			return b;
		});
		const q = new Float64Array(BAND_PERCENTILES.length);
		const cur = program.ctx.cur;
		const predictive = predictiveNoise(variables, options.seed, samples);
		for (const y of simulateByYear(program, options.horizon)) {
			for (let j = 0; j < bandSlots.length; j++) {
				const b = columns[j];
				const values = predictive?.(j, model.startYear + y, cur[bandSlots[j]]) ?? cur[bandSlots[j]];
				summariseInto(b, y, values, q);
			}
			onProgress?.((y + 1) / years.length);
			computeMs += now() - resumed;
			yield;
			resumed = now();
		}
		const result: MonteCarloResult = { years, samples, seed: options.seed, bands, uncertainInputs, elapsedMs: computeMs + (now() - resumed) };
		if (model.posterior) result.predictive = { fromYear: model.posterior.fromYear, toYear: model.posterior.toYear, draws: model.posterior.draws.length };
		return result;
	}

	/**
	 * With a posterior: a function giving, for band j in `year`, the samples plus each one's
	 * draw's noise when the year is one the posterior was fitted to and the variable carries
	 * noise; null (no change) otherwise. Noise of a (variable, year) comes from its own stream,
	 * read in sample order.
	 */
	function predictiveNoise(variables: string[], seed: number, samples: number) {
		const posterior = model.posterior;
		if (!posterior) return null;
		const index = drawIndex(seed, samples);
		const P = posterior.parameters.length;
		const noiseOf = variables.map((v) => posterior.noise.indexOf(v));
		const scratch = new Float64Array(samples);
		return (j: number, year: number, values: Float64Array): Float64Array | null => {
			const s = noiseOf[j];
			if (s < 0 || year < posterior.fromYear || year > posterior.toYear) return null;
			const random = seededRandom(streamSeed(seed, `\u0000noise ${variables[j]} ${year}`));
			for (let i = 0; i < samples; i++) {
				// Box-Muller, one normal per pair of uniforms: sample i reads uniforms 2i and 2i + 1.
				const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
				scratch[i] = values[i] + posterior.draws[index[i]][P + s] * z;
			}
			return scratch;
		};
	}

	function run(options: MonteCarloOptions, onProgress?: (fraction: number) => void): MonteCarloResult {
		const steps = runByYear(options, onProgress);
		for (;;) {
			const step = steps.next();
			if (step.done) return step.value;
		}
	}

	function sampleMatrix(options: MonteCarloOptions, variable: string, year: number): SampleMatrix {
		if (!model.variables.includes(variable)) throw new Error(w('screen_engine_analysis_no_variable', { variable }));
		if (!(year >= model.startYear && Number.isInteger(year))) {
			throw new RangeError(w('screen_engine_analysis_year_from_not', { start: model.startYear, year }));
		}
		const samples = sampleCount(options.samples);
		const entry = programFor([variable], samples);
		const { program } = entry;
		fillInputs(entry, options, samples);
		const slot = program.model.variables.indexOf(variable);
		const output = new Float64Array(samples);
		const last = year - model.startYear;
		simulate(program, year, (y) => {
			if (y === last) output.set(program.ctx.cur[slot]);
		});
		const inputs = model.inputs.flatMap((cell, i) =>
			usableUncertainty(cell) ? [{ name: cell.name, label: cell.label, values: program.inputBuffers[i].slice() }] : []
		);
		return { variable, year, samples, seed: options.seed, output, inputs };
	}

	/** The program a slice runs on, kept for the next slice of the same size (a pool worker's). */
	let slicePrograms: { key: string; program: Program } | null = null;

	function requested(options: MonteCarloOptions): string[] {
		const known = new Set(model.variables);
		return [...new Set(options.variables)].filter((v) => known.has(v));
	}

	function slice(options: MonteCarloOptions, start: number, count: number): Float64Array {
		const samples = sampleCount(options.samples);
		const variables = requested(options);
		// The whole run's samples, drawn by a program of the whole size (inputs only, never simulated).
		const whole = programFor(variables, samples);
		fillInputs(whole, options, samples);
		const partKey = `${whole.key}|${count}`;
		if (slicePrograms?.key !== partKey) slicePrograms = { key: partKey, program: createProgram(whole.program.model, count) };
		const part = slicePrograms.program;
		whole.program.inputBuffers.forEach((buffer, i) => part.inputBuffers[i].set(buffer.subarray(start, start + count)));
		const slots = variables.map((v) => part.model.variables.indexOf(v));
		const years = options.horizon - model.startYear + 1;
		const out = new Float64Array(variables.length * years * count);
		simulate(part, options.horizon, (y) => {
			slots.forEach((slot, j) => out.set(part.ctx.cur[slot], (j * years + y) * count));
		});
		return out;
	}

	function bandsFrom(options: MonteCarloOptions, values: (j: number, yearIndex: number) => Float64Array, elapsedMs: number): MonteCarloResult {
		const samples = sampleCount(options.samples);
		const variables = requested(options);
		const years: number[] = [];
		for (let y = model.startYear; y <= options.horizon; y++) years.push(y);
		const bands: Record<string, Bands> = {};
		const q = new Float64Array(BAND_PERCENTILES.length);
		const predictive = predictiveNoise(variables, options.seed, samples);
		variables.forEach((v, j) => {
			const b: Bands = { p5: [], p25: [], p50: [], p75: [], p95: [], mean: [] };
			bands[v] = b;
			years.forEach((year, y) => {
				const raw = values(j, y);
				summariseInto(b, y, predictive?.(j, year, raw) ?? raw, q);
			});
		});
		const uncertainInputs = model.inputs.filter((cell) => usableUncertainty(cell) || model.posterior?.parameters.includes(cell.name)).map((c) => c.name);
		const result: MonteCarloResult = { years, samples, seed: options.seed, bands, uncertainInputs, elapsedMs };
		if (model.posterior) result.predictive = { fromYear: model.posterior.fromYear, toYear: model.posterior.toYear, draws: model.posterior.draws.length };
		return result;
	}

	return { run, runByYear, sampleMatrix, slice, bandsFrom };
}

const runners = new WeakMap<CompiledModel, MonteCarloRunner>();

/** The runner of `model`, kept as long as the model is (the worker keeps the loaded one). */
export function runnerOf(model: CompiledModel): MonteCarloRunner {
	let runner = runners.get(model);
	if (!runner) {
		runner = monteCarloRunner(model);
		runners.set(model, runner);
	}
	return runner;
}

/**
 * Bands of `options.variables` from `options.samples` samples of the uncertain inputs around
 * the given central values. `onProgress` gets the fraction of years done after each year.
 */
export function runMonteCarlo(model: CompiledModel, options: MonteCarloOptions, onProgress?: (fraction: number) => void): MonteCarloResult {
	return runnerOf(model).run(options, onProgress);
}

/**
 * runMonteCarlo, awaiting `betweenYears()` after each simulated year: the analysis worker
 * passes a gate that holds the run while a slider's lines are being drawn.
 */
export async function runMonteCarloPausable(
	model: CompiledModel,
	options: MonteCarloOptions,
	betweenYears: () => Promise<void>,
	onProgress?: (fraction: number) => void
): Promise<MonteCarloResult> {
	const steps = runnerOf(model).runByYear(options, onProgress);
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
		await betweenYears();
	}
}

/** Per-sample values of one output in one year and of every sampled input (for variance ranking). */
export function sampleMatrix(model: CompiledModel, options: MonteCarloOptions, variable: string, year: number): SampleMatrix {
	return runnerOf(model).sampleMatrix(options, variable, year);
}

/** Runs one slice of samples somewhere (a worker of a pool, or in this thread). */
export type SliceRunner = (start: number, count: number) => Promise<Float64Array>;

/**
 * The samples split in `poolSize` slices by sample index, each run by `runSlice` (workers of a
 * pool), then merged in sample order and summarised here. Every random number belongs to a
 * sample, not to a worker, so the bands are the same to the bit whatever the pool size, and the
 * same as runMonteCarlo's.
 */
export async function poolMonteCarlo(model: CompiledModel, options: MonteCarloOptions, poolSize: number, runSlice: SliceRunner): Promise<MonteCarloResult> {
	const started = now();
	const slices = poolSlices(options.samples, poolSize);
	const outputs = await Promise.all(slices.map((s) => runSlice(s.start, s.count)));
	return bandsFromSlices(model, options, outputs, now() - started);
}

/** The bands of a run from its slices' outputs (poolSlices order), merged in sample order. */
export function bandsFromSlices(model: CompiledModel, options: MonteCarloOptions, outputs: Float64Array[], elapsedMs: number): MonteCarloResult {
	const samples = sampleCount(options.samples);
	const slices = poolSlices(samples, outputs.length);
	if (slices.length !== outputs.length) throw new Error(`${outputs.length} slices do not split ${samples} samples.`);
	const years = options.horizon - model.startYear + 1;
	const merged = new Float64Array(samples);
	const values = (j: number, y: number) => {
		slices.forEach((s, k) => merged.set(outputs[k].subarray((j * years + y) * s.count, (j * years + y + 1) * s.count), s.start));
		return merged;
	};
	return runnerOf(model).bandsFrom(options, values, elapsedMs);
}

/** One slice of `options`'s samples, run in this thread (what each pool worker calls). */
export function monteCarloSlice(model: CompiledModel, options: MonteCarloOptions, start: number, count: number): Float64Array {
	return runnerOf(model).slice(options, start, count);
}
