// How a band run's samples split over a pool of workers. On its own (no engine code) because the
// page plans the split (worker/client.ts) and must not load the engine to do it.

/** Fewest samples a Monte Carlo run takes. */
export const MIN_SAMPLES = 1;
/** Most samples a Monte Carlo run takes. */
export const MAX_SAMPLES = 100_000;

/** A run of `samples` (rounded, clamped) over `poolSize` workers: at most that many slices, even boundaries. */
export function poolSlices(samples: number, poolSize: number): { start: number; count: number }[] {
	const n = Math.min(MAX_SAMPLES, Math.max(MIN_SAMPLES, Math.round(samples) || MIN_SAMPLES));
	const parts = Math.max(1, Math.min(Math.floor(poolSize) || 1, n));
	// Even slice boundaries: a normal input draws its samples in pairs.
	const size = Math.ceil(n / parts / 2) * 2;
	const slices: { start: number; count: number }[] = [];
	for (let start = 0; start < n; start += size) slices.push({ start, count: Math.min(size, n - start) });
	return slices;
}
