// Samples of uncertain inputs: moments against the distributions' known answers (100,000
// samples), the shift with the slider, clamping, determinism and independent streams.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../src/lib/sim/analysis/random';
import { inputStream, sampleInput, shiftedRange, streamSeed, usableUncertainty, Z95 } from '../src/lib/sim/analysis/sampling';
import type { InputCell, UncertaintyRange } from '../src/lib/sim/types';

const N = 100_000;

function cell(uncertainty: UncertaintyRange | undefined, spec: { default?: number; min?: number; max?: number } = {}): InputCell {
	const { default: value = 0.5, min = -10, max = 10 } = spec;
	return { id: 'in-x', kind: 'input', name: 'x', label: 'x', unit: '', min, max, step: 0.01, default: value, description: '', control: 'slider', uncertainty };
}

function moments(x: Float64Array) {
	let mean = 0;
	for (const v of x) mean += v / x.length;
	let variance = 0;
	for (const v of x) variance += (v - mean) ** 2 / (x.length - 1);
	return { mean, variance, sd: Math.sqrt(variance) };
}
const fractionBelow = (x: Float64Array, t: number) => x.reduce((n, v) => n + (v < t ? 1 : 0), 0) / x.length;
const draw = (c: InputCell, central = c.default, seed = 7) => sampleInput(c, central, N, seededRandom(seed));

describe('distributions: moments of 100,000 samples', () => {
	it('uniform low..high: mean (a+b)/2, variance (b-a)²/12, all within the range', () => {
		const x = draw(cell({ low: 0.2, high: 0.8, distribution: 'uniform' }));
		const m = moments(x);
		expect(Math.abs(m.mean - 0.5)).toBeLessThan(0.003); // standard error 0.00055
		expect(m.variance / (0.36 / 12)).toBeCloseTo(1, 1);
		expect(Math.min(...x)).toBeGreaterThanOrEqual(0.2);
		expect(Math.max(...x)).toBeLessThan(0.8);
		expect(fractionBelow(x, 0.35)).toBeCloseTo(0.25, 2);
	});

	it('triangular with the mode at the default: mean (a+b+c)/3, variance (a²+b²+c²-ab-ac-bc)/18', () => {
		const [a, b, c] = [0, 3, 1];
		const x = draw(cell({ low: a, high: b, distribution: 'triangular' }, { default: c }));
		const m = moments(x);
		expect(Math.abs(m.mean - (a + b + c) / 3)).toBeLessThan(0.01); // standard error 0.002
		expect(m.variance / ((a * a + b * b + c * c - a * b - a * c - b * c) / 18)).toBeCloseTo(1, 1);
		// CDF at the mode: (c - a) / (b - a).
		expect(fractionBelow(x, c)).toBeCloseTo(1 / 3, 2);
		expect(Math.min(...x)).toBeGreaterThanOrEqual(a);
		expect(Math.max(...x)).toBeLessThanOrEqual(b);
	});

	it('normal: mean at the default, low and high at the 5th and 95th percentiles', () => {
		const x = draw(cell({ low: -1, high: 3, distribution: 'normal' }, { default: 1, min: -100, max: 100 }));
		const m = moments(x);
		const sd = 4 / (2 * Z95);
		expect(Math.abs(m.mean - 1)).toBeLessThan(0.03); // standard error 0.004
		expect(m.sd / sd).toBeCloseTo(1, 1);
		expect(Math.abs(fractionBelow(x, -1) - 0.05)).toBeLessThan(0.004);
		expect(Math.abs(fractionBelow(x, 3) - 0.95)).toBeLessThan(0.004);
		expect(Math.abs(fractionBelow(x, 1) - 0.5)).toBeLessThan(0.006);
		// Tails: about 2.3% beyond two standard deviations on either side.
		expect(Math.abs(fractionBelow(x, 1 - 2 * sd) - 0.02275)).toBeLessThan(0.003);
	});

	it('odd sample counts fill every sample (Box-Muller makes pairs)', () => {
		const x = sampleInput(cell({ low: 0, high: 1, distribution: 'normal' }), 0.5, 7, seededRandom(1), new Float64Array(7).fill(NaN));
		expect(x.every(Number.isFinite)).toBe(true);
	});
});

describe('the slider moves the distribution; samples stay within min..max', () => {
	it('shifts every distribution by central - default', () => {
		for (const distribution of ['uniform', 'triangular', 'normal'] as const) {
			const c = cell({ low: 0.2, high: 0.8, distribution }, { default: 0.4 });
			const at = sampleInput(c, 0.4, 1000, seededRandom(3));
			const moved = sampleInput(c, 1.4, 1000, seededRandom(3));
			// Same stream: each sample moves by exactly the shift (triangular's mode moves with it).
			const worst = Math.max(...moved.map((v, i) => Math.abs(v - at[i] - 1)));
			expect(worst, distribution).toBeLessThan(1e-12);
		}
	});

	it('clamps samples to the slider range', () => {
		for (const distribution of ['uniform', 'triangular', 'normal'] as const) {
			const c = cell({ low: 0.1, high: 0.5, distribution }, { default: 0.3, min: 0, max: 1 });
			const x = draw(c, 0.95); // range moves to 0.75..1.15
			expect(Math.min(...x)).toBeGreaterThanOrEqual(0);
			expect(Math.max(...x)).toBe(1);
			expect(fractionBelow(x, 1)).toBeLessThan(1);
		}
		const wide = cell({ low: -50, high: 50, distribution: 'normal' }, { default: 0, min: -1, max: 1 });
		const y = draw(wide);
		expect(Math.min(...y)).toBe(-1);
		expect(Math.max(...y)).toBe(1);
	});

	it('reports the shifted, clamped range (used by the tornado chart)', () => {
		const c = cell({ low: 0.1, high: 0.5, distribution: 'uniform' }, { default: 0.3, min: 0, max: 1 });
		expect(shiftedRange(c, 0.3)).toEqual({ low: 0.1, high: 0.5 });
		expect(shiftedRange(c, 0.9)).toEqual({ low: expect.closeTo(0.7, 12), high: 1 });
		expect(shiftedRange(cell(undefined), 0.3)).toBeNull();
	});
});

describe('inputs without a usable range', () => {
	it('give the central value in every sample', () => {
		expect([...sampleInput(cell(undefined), 0.7, 5, seededRandom(1))]).toEqual([0.7, 0.7, 0.7, 0.7, 0.7]);
		const degenerate = cell({ low: 0.5, high: 0.5, distribution: 'uniform' });
		expect(usableUncertainty(degenerate)).toBeNull();
		expect([...sampleInput(degenerate, 0.6, 3, seededRandom(1))]).toEqual([0.6, 0.6, 0.6]);
		expect(usableUncertainty(cell({ low: NaN, high: 1, distribution: 'normal' }))).toBeNull();
	});

	it('accept low and high given the wrong way round', () => {
		expect(usableUncertainty(cell({ low: 0.8, high: 0.2, distribution: 'triangular' }))).toEqual({ low: 0.2, high: 0.8, distribution: 'triangular' });
	});
});

describe('random streams', () => {
	it('same seed, same samples; another seed, other samples', () => {
		const c = cell({ low: 0, high: 1, distribution: 'normal' });
		const a = sampleInput(c, 0.5, 1000, inputStream(1, 'x'));
		expect(sampleInput(c, 0.5, 1000, inputStream(1, 'x'))).toEqual(a);
		expect(sampleInput(c, 0.5, 1000, inputStream(2, 'x'))).not.toEqual(a);
	});

	it('each input has its own stream, derived from the seed and its name', () => {
		const seeds = new Set<number>();
		for (const seed of [0, 1, 2, 42, 2 ** 31]) for (const name of ['a', 'b', 'localisation', 'localisationLag']) seeds.add(streamSeed(seed, name));
		expect(seeds.size).toBe(20);
		// Streams of different inputs are not correlated.
		const x = Float64Array.from({ length: 20000 }, inputStream(1, 'a'));
		const y = Float64Array.from({ length: 20000 }, inputStream(1, 'b'));
		let sxy = 0;
		for (let i = 0; i < x.length; i++) sxy += (x[i] - 0.5) * (y[i] - 0.5);
		expect(Math.abs(sxy / x.length / (1 / 12))).toBeLessThan(0.03);
	});
});
