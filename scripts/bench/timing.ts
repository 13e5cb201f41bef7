// Small timing helpers shared by the benchmark parts.

export interface BatchTiming {
	/** Per-run time of each batch, microseconds (batch time / runs per batch). */
	perRunUs: number[];
	median: number;
	min: number;
	p90: number;
}

export function quantile(values: number[], q: number): number {
	if (!values.length) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const pos = (sorted.length - 1) * q;
	const lo = Math.floor(pos);
	const hi = Math.ceil(pos);
	return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export const median = (values: number[]) => quantile(values, 0.5);

/**
 * Calls `run(i)` `warmup` times, then `batches` batches of `perBatch` calls, timing each batch
 * as a whole. `i` keeps counting across all calls so callers can vary inputs per run.
 */
export function timeBatches(run: (i: number) => void, opts: { warmup: number; batches: number; perBatch: number }): BatchTiming {
	let i = 0;
	for (let w = 0; w < opts.warmup; w++) run(i++);
	const perRunUs: number[] = [];
	for (let b = 0; b < opts.batches; b++) {
		const start = process.hrtime.bigint();
		for (let r = 0; r < opts.perBatch; r++) run(i++);
		const ns = Number(process.hrtime.bigint() - start);
		perRunUs.push(ns / 1000 / opts.perBatch);
	}
	return { perRunUs, median: median(perRunUs), min: Math.min(...perRunUs), p90: quantile(perRunUs, 0.9) };
}

/** Rounds to `digits` significant figures (keeps JSON readable without losing meaning). */
export function sig(x: number, digits = 3): number {
	if (!Number.isFinite(x) || x === 0) return x;
	return Number(x.toPrecision(digits));
}

/** Parts print progress on stderr and their results as one JSON line on stdout. */
export function emit(result: Record<string, unknown>): void {
	process.stdout.write(JSON.stringify(result) + '\n');
}

export function log(message: string): void {
	process.stderr.write(message + '\n');
}
