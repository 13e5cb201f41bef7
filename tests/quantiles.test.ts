// Sample quantiles (type 7, linear interpolation) against known answers and a plain sort-based
// reference, including NaN, ties, infinities and inputs big enough for the bucket method.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantiles, quantilesInto } from '../src/lib/sim/analysis/quantiles';

/** The definition, on a full sort: h = (m - 1) p, x[⌊h⌋] + (h - ⌊h⌋) (x[⌊h⌋+1] - x[⌊h⌋]). */
function reference(values: ArrayLike<number>, ps: number[]): number[] {
	const x = Float64Array.from(values).filter((v) => !Number.isNaN(v)).sort();
	return ps.map((p) => {
		if (x.length === 0) return NaN;
		const h = (x.length - 1) * p;
		const k = Math.floor(h);
		const f = h - k;
		if (f === 0) return x[k];
		const lo = x[k];
		const hi = x[k + 1];
		if (lo === hi) return lo;
		return Number.isFinite(lo) && Number.isFinite(hi) ? lo + f * (hi - lo) : (1 - f) * lo + f * hi;
	});
}

/** Equal as numbers (+0 and -0 alike), NaN equal to NaN. */
const same = (a: number, b: number) => a === b || (Number.isNaN(a) && Number.isNaN(b));
const BANDS = [0.05, 0.25, 0.5, 0.75, 0.95];

describe('quantiles: known answers', () => {
	it('matches R / numpy on small arrays', () => {
		// R: quantile(1:4, c(0, .25, .5, .75, 1)) -> 1 1.75 2.5 3.25 4
		expect(quantiles(Float64Array.of(4, 1, 3, 2), [0, 0.25, 0.5, 0.75, 1])).toEqual([1, 1.75, 2.5, 3.25, 4]);
		// numpy.percentile(range(1, 11), [5, 95]) -> 1.45, 9.55
		const ten = Float64Array.from({ length: 10 }, (_, i) => 10 - i);
		const [p5, p95] = quantiles(ten, [0.05, 0.95]);
		expect(p5).toBeCloseTo(1.45, 12);
		expect(p95).toBeCloseTo(9.55, 12);
		expect(quantiles(Float64Array.of(7), BANDS)).toEqual([7, 7, 7, 7, 7]);
		expect(quantiles([3, 1, 2], [0.5])).toEqual([2]);
	});

	it('ignores NaN; all NaN or nothing gives NaN', () => {
		expect(quantiles(Float64Array.of(NaN, 4, NaN, 1, 3, 2, NaN), [0.25, 0.5])).toEqual([1.75, 2.5]);
		expect(quantiles(Float64Array.of(NaN, NaN), [0.5, 0.9])).toEqual([NaN, NaN]);
		expect(quantiles(new Float64Array(0), [0.5])).toEqual([NaN]);
	});

	it('returns the mean alongside (quantilesInto), also ignoring NaN', () => {
		const out = new Float64Array(2);
		expect(quantilesInto(Float64Array.of(1, NaN, 2, 6), [0, 1], out)).toBe(3);
		expect([...out]).toEqual([1, 6]);
		expect(quantilesInto(Float64Array.of(NaN), [0.5], out)).toBeNaN();
	});

	it('handles infinities and all-equal values', () => {
		expect(quantiles(Float64Array.of(-Infinity, 1, 2, Infinity), [0, 0.5, 1])).toEqual([-Infinity, 1.5, Infinity]);
		expect(quantiles(Float64Array.of(-Infinity, 1), [0.5])).toEqual([-Infinity]);
		expect(quantiles(new Float64Array(5000).fill(0.25), BANDS)).toEqual([0.25, 0.25, 0.25, 0.25, 0.25]);
	});

	it('refuses probabilities outside 0..1', () => {
		expect(() => quantiles(Float64Array.of(1, 2), [1.5])).toThrow(RangeError);
		expect(() => quantiles(Float64Array.of(1, 2), [NaN])).toThrow(RangeError);
	});

	it('does not modify its input', () => {
		const values = Float64Array.from({ length: 3000 }, (_, i) => Math.sin(i) * 100);
		const copy = values.slice();
		quantiles(values, BANDS);
		expect(values).toEqual(copy);
	});

	it('takes the band percentiles of 100,000 values quickly, exactly as a full sort', () => {
		// Skewed (x³ of uniforms): most values crowd near 0.
		let s = 1;
		const values = Float64Array.from({ length: 100_000 }, () => ((s = (s * 16807) % 2147483647) / 2147483647) ** 3);
		quantiles(values.subarray(1), BANDS); // warm-up (the first calls run unoptimised)
		const started = performance.now();
		const got = quantiles(values, BANDS);
		const ms = performance.now() - started;
		expect(got).toEqual(reference(values, BANDS));
		expect(ms).toBeLessThan(100); // about 1-3 ms when warm; generous for a loaded machine
	});
});

describe('quantiles: property tests against a sort-based reference', () => {
	const ps = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 });
	const check = (values: Float64Array, p: number[]) => {
		const got = quantiles(values, p);
		const want = reference(values, p);
		got.forEach((g, i) => {
			if (!same(g, want[i])) throw new Error(`p=${p[i]}: got ${g}, want ${want[i]} (m=${values.length})`);
		});
	};

	it('any doubles, NaN and infinities included (small and large arrays)', () => {
		fc.assert(
			fc.property(fc.float64Array({ maxLength: 1500 }), ps, (values, p) => check(values, p)),
			{ numRuns: 300 }
		);
	});

	it('ties (from 3 to 600 distinct values), large arrays, some NaN', () => {
		const tied = fc
			.integer({ min: 1, max: 300 })
			.chain((spread) => fc.array(fc.integer({ min: -spread, max: spread }), { minLength: 500, maxLength: 3000 }));
		fc.assert(
			fc.property(
				tied,
				fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
				ps,
				(ints, nans, p) => {
					const values = Float64Array.from(ints, (v, i) => (nans !== undefined && i % (nans + 7) === 0 ? NaN : v / 4));
					check(values, p);
				}
			),
			{ numRuns: 200 }
		);
	});

	it('smooth values with far outliers (the bucket method falls back)', () => {
		fc.assert(
			fc.property(
				fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 600, maxLength: 2500 }),
				fc.array(fc.double({ min: 1e12, max: 1e300, noNaN: true }), { maxLength: 3 }),
				ps,
				(body, outliers, p) => check(Float64Array.from([...body, ...outliers, ...outliers.map((o) => -o)]), p)
			),
			{ numRuns: 150 }
		);
	});

	it('the band percentiles are ordered', () => {
		fc.assert(
			fc.property(fc.float64Array({ minLength: 1, maxLength: 2000, noNaN: true }), (values) => {
				const q = quantiles(values, BANDS);
				for (let i = 1; i < q.length; i++) if (!(q[i - 1] <= q[i])) throw new Error(`${q}`);
			}),
			{ numRuns: 200 }
		);
	});
});
