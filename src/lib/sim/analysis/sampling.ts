// Samples of one uncertain input for Monte Carlo runs.
//
// An input's uncertainty range describes the uncertainty around its DEFAULT value. When a person
// moves the slider, the whole distribution moves with it (by central - default); every sample is
// then clamped to the slider's [min, max].
//   uniform     low..high
//   triangular  low..high, mode at the (moved) default
//   normal      mean at the (moved) default; low and high are its 5th and 95th percentiles
// Each input draws from its own random stream, derived from (seed, input name), so adding,
// removing or reordering inputs never changes another input's samples.

import { seededRandom } from './random';
import type { Random } from './random';
import type { InputCell, UncertaintyRange } from '../types';

/** z of the 95th percentile of the standard normal: low..high spans 2 × Z95 standard deviations. */
export const Z95 = 1.6448536269514722;

/** The cell's range if it can be sampled: finite ends, high above low, a known distribution. */
export function usableUncertainty(cell: InputCell): UncertaintyRange | null {
	const u = cell.uncertainty;
	if (!u || !Number.isFinite(u.low) || !Number.isFinite(u.high)) return null;
	if (u.distribution !== 'uniform' && u.distribution !== 'triangular' && u.distribution !== 'normal') return null;
	const low = Math.min(u.low, u.high);
	const high = Math.max(u.low, u.high);
	return high > low ? { low, high, distribution: u.distribution } : null;
}

/** The range moved with the slider: [low, high] + (central - default), clamped to [min, max]. */
export function shiftedRange(cell: InputCell, central: number): { low: number; high: number } | null {
	const u = usableUncertainty(cell);
	if (!u) return null;
	const shift = central - cell.default;
	const clamp = (x: number) => Math.min(cell.max, Math.max(cell.min, x));
	return { low: clamp(u.low + shift), high: clamp(u.high + shift) };
}

/** 32-bit seed of one input's stream: a hash of the run's seed and the input's name. */
export function streamSeed(seed: number, name: string): number {
	// FNV-1a over the name, then mixed with the seed through murmur3's finaliser.
	let h = 0x811c9dc5;
	for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
	h ^= Math.imul((Math.trunc(seed) | 0) ^ 0x5bd1e995, 0x9e3779b1);
	h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
	h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
	return (h ^ (h >>> 16)) >>> 0;
}

/** The random stream of one input in a run with `seed`. */
export function inputStream(seed: number, name: string): Random {
	return seededRandom(streamSeed(seed, name));
}

/**
 * `n` samples of `cell` around `central` (the slider value), written into `out` if given.
 * Inputs without a usable uncertainty range get `central` in every sample. Deterministic for a
 * given `random` stream.
 */
export function sampleInput(cell: InputCell, central: number, n: number, random: Random, out: Float64Array = new Float64Array(n)): Float64Array {
	const u = usableUncertainty(cell);
	if (!u || !Number.isFinite(central)) return out.fill(central, 0, n);
	const { min, max } = cell;
	const shift = central - cell.default;
	const a = u.low + shift;
	const b = u.high + shift;
	switch (u.distribution) {
		case 'uniform': {
			const width = b - a;
			for (let i = 0; i < n; i++) {
				const x = a + width * random();
				out[i] = x < min ? min : x > max ? max : x;
			}
			break;
		}
		case 'triangular': {
			// Inverse of the CDF; the mode is the slider value, kept inside the range.
			const c = central < a ? a : central > b ? b : central;
			const width = b - a;
			const split = (c - a) / width;
			const left = width * (c - a);
			const right = width * (b - c);
			for (let i = 0; i < n; i++) {
				const r = random();
				const x = r < split ? a + Math.sqrt(r * left) : b - Math.sqrt((1 - r) * right);
				out[i] = x < min ? min : x > max ? max : x;
			}
			break;
		}
		case 'normal': {
			// Box-Muller: two independent standard normals from two uniforms. 1 - r lies in
			// (0, 1], so the logarithm is finite (|z| <= 6.7 with 32-bit uniforms).
			const mean = central;
			const sd = (b - a) / (2 * Z95);
			for (let i = 0; i < n; i += 2) {
				const radius = sd * Math.sqrt(-2 * Math.log(1 - random()));
				const angle = 2 * Math.PI * random();
				const x = mean + radius * Math.cos(angle);
				out[i] = x < min ? min : x > max ? max : x;
				if (i + 1 < n) {
					const y = mean + radius * Math.sin(angle);
					out[i + 1] = y < min ? min : y > max ? max : y;
				}
			}
			break;
		}
	}
	return out;
}
