// PRIM (sim/analysis/prim.ts): a box known in advance is found, its quasi-p-values are tiny and
// the unrestricted inputs' are absent; no-case and all-case runs say so; the binomial tail
// agrees with exact sums; and the bookkeeping holds (counts and densities of every step).
import { describe, expect, it } from 'vitest';
import { binomialUpperTail, MIN_CASES, prim } from '../src/lib/sim/analysis/prim';
import type { PrimData } from '../src/lib/sim/analysis/prim';
import { seededRandom } from '../src/lib/sim/analysis/random';

/** `n` runs of `d` inputs uniform on [0, 1], cases where `isCase` holds. */
function uniformRuns(n: number, d: number, isCase: (row: number[]) => boolean, seed = 7): PrimData {
	const random = seededRandom(seed);
	const columns = Array.from({ length: d }, () => new Float64Array(n));
	const cases = new Uint8Array(n);
	for (let i = 0; i < n; i++) {
		const row = columns.map((c) => (c[i] = random()));
		cases[i] = isCase(row) ? 1 : 0;
	}
	return { columns, cases, ranges: columns.map(() => [0, 1] as const), names: columns.map((_, j) => `x${j + 1}`) };
}

/** In a box with `mass` of uniform runs, one peel of the box moves a limit by about alpha of the box's width along it. */
const PEEL_STEP = 0.05;

describe('PRIM finds a known box', () => {
	const data = uniformRuns(10_000, 5, ([x1, x2]) => x1 > 0.7 && x2 < 0.3);
	const result = prim(data);
	const box = result.steps[result.chosen];

	it('restricts x1 from below near 0.7 and x2 from above near 0.3, nothing else', () => {
		expect(result.reason).toBeNull();
		expect(result.chosen).toBe(result.steps.length - 1);
		expect(box.restricted.map((r) => r.name).sort()).toEqual(['x1', 'x2']);
		const x1 = box.restricted.find((r) => r.name === 'x1')!;
		const x2 = box.restricted.find((r) => r.name === 'x2')!;
		expect(Math.abs(x1.lo - 0.7)).toBeLessThan(PEEL_STEP);
		expect(x1.hi).toBe(result.ranges[0][1]);
		expect(x1.upperP).toBeNull();
		expect(Math.abs(x2.hi - 0.3)).toBeLessThan(PEEL_STEP);
		expect(x2.lowerP).toBeNull();
		expect(box.coverage).toBeGreaterThan(0.9);
		expect(box.density).toBeGreaterThan(0.9);
		expect(box.mass).toBeGreaterThanOrEqual(result.minMass);
	});

	it('gives both restrictions tiny quasi-p-values', () => {
		for (const r of box.restricted) {
			const p = r.name === 'x1' ? r.lowerP : r.upperP;
			expect(p, r.name).not.toBeNull();
			expect(p!, r.name).toBeLessThan(1e-10);
		}
	});

	it('reports base rate, and counts that match the box in every step', () => {
		let total = 0;
		data.cases.forEach((c) => (total += c));
		expect(result.cases).toBe(total);
		expect(result.baseRate).toBeCloseTo(total / 10_000, 12);
		expect(result.baseRate).toBeGreaterThan(0.07);
		expect(result.baseRate).toBeLessThan(0.11);
		expect(result.steps[0].phase).toBe('start');
		expect(result.steps[0].restricted).toEqual([]);
		for (const step of result.steps) {
			let count = 0;
			let cases = 0;
			for (let i = 0; i < 10_000; i++) {
				if (data.columns.every((c, j) => c[i] >= step.lo[j] && c[i] <= step.hi[j])) {
					count++;
					cases += data.cases[i];
				}
			}
			expect([step.count, step.cases]).toEqual([count, cases]);
			expect(step.density).toBeCloseTo(cases / count, 12);
			expect(step.coverage).toBeCloseTo(cases / total, 12);
			expect(step.mass).toBeCloseTo(count / 10_000, 12);
		}
	});

	it('peels raise the density at every step and pastes never lower it', () => {
		for (let k = 1; k < result.steps.length; k++) {
			const [a, b] = [result.steps[k - 1], result.steps[k]];
			if (b.phase === 'peel') expect(b.density).toBeGreaterThan(a.density);
			else expect(b.density).toBeGreaterThanOrEqual(a.density);
			if (b.phase === 'paste') expect(b.count).toBeGreaterThan(a.count);
		}
	});

	it('computes each quasi-p-value as the EMA Workbench does, on every step', () => {
		// With one side put back to its full range: p = cases / runs in that wider box, then
		// P(X >= cases in the box), X ~ Binomial(runs in the box, p). Counted here by brute force.
		for (const step of result.steps) {
			for (const r of step.restricted) {
				for (const side of ['lower', 'upper'] as const) {
					const qp = side === 'lower' ? r.lowerP : r.upperP;
					const limit = side === 'lower' ? r.lo : r.hi;
					if (limit === result.ranges[r.dim][side === 'lower' ? 0 : 1]) {
						expect(qp).toBeNull();
						continue;
					}
					const lo = step.lo.slice();
					const hi = step.hi.slice();
					if (side === 'lower') lo[r.dim] = result.ranges[r.dim][0];
					else hi[r.dim] = result.ranges[r.dim][1];
					let count = 0;
					let cases = 0;
					for (let i = 0; i < 10_000; i++) {
						if (data.columns.every((c, j) => c[i] >= lo[j] && c[i] <= hi[j])) {
							count++;
							cases += data.cases[i];
						}
					}
					expect(qp).toBe(binomialUpperTail(step.cases, step.count, cases / count));
				}
			}
		}
	});

	it('is deterministic', () => {
		expect(prim(data)).toEqual(result);
	});
});

describe('PRIM pasting', () => {
	it('takes back runs a peel cut off while the density holds', () => {
		const data = uniformRuns(5000, 4, ([x1, x2]) => x1 > 0.3 && x2 < 0.15, 3);
		const result = prim(data);
		const pastes = result.steps.filter((s) => s.phase === 'paste');
		expect(pastes.length).toBeGreaterThan(0);
		const lastPeel = result.steps.findLast((s) => s.phase === 'peel')!;
		const box = result.steps[result.chosen];
		expect(box.phase).toBe('paste');
		expect(box.coverage).toBeGreaterThan(lastPeel.coverage);
		expect(box.density).toBeGreaterThanOrEqual(lastPeel.density);
		// One paste adds about pasteAlpha of the box's runs (more only on tied values).
		expect(pastes[0].count - lastPeel.count).toBe(Math.ceil(0.05 * lastPeel.count));
	});
});

describe('PRIM on edge cases', () => {
	it('reports no case at all, and stops at the first box', () => {
		const r = prim(uniformRuns(1000, 3, () => false));
		expect(r.reason).toBe('no-cases');
		expect(r.steps).toHaveLength(1);
		expect(r.baseRate).toBe(0);
	});

	it('reports every run a case, and stops at the first box', () => {
		const r = prim(uniformRuns(1000, 3, () => true));
		expect(r.reason).toBe('all-cases');
		expect(r.steps).toHaveLength(1);
		expect(r.steps[0].density).toBe(1);
		expect(r.baseRate).toBe(1);
	});

	it('flags too few cases, and still computes a box', () => {
		const r = prim(uniformRuns(2000, 3, ([a, b]) => a > 0.97 && b > 0.9));
		expect(r.cases).toBeGreaterThan(0);
		expect(r.cases).toBeLessThan(MIN_CASES);
		expect(r.reason).toBe('too-few-cases');
		expect(r.steps.length).toBeGreaterThan(1);
	});

	it('never peels below the least mass', () => {
		const r = prim(uniformRuns(5000, 4, ([a, b, c]) => a > 0.9 && b > 0.9 && c > 0.5), { minMass: 0.1 });
		for (const step of r.steps) expect(step.mass).toBeGreaterThanOrEqual(0.1);
	});

	it('handles ties and a constant input', () => {
		const random = seededRandom(3);
		const n = 2000;
		const a = Float64Array.from({ length: n }, () => Math.floor(random() * 5));
		const b = new Float64Array(n).fill(0.5);
		const cases = Uint8Array.from(a, (v) => (v >= 3 ? 1 : 0));
		const r = prim({ columns: [a, b], cases, ranges: [[0, 4], [0, 1]] });
		const box = r.steps[r.chosen];
		expect(box.density).toBe(1);
		expect(box.coverage).toBe(1);
		expect(box.restricted.map((x) => x.dim)).toEqual([0]);
		expect(box.lo[0]).toBeGreaterThan(2);
		expect(box.lo[0]).toBeLessThan(3);
	});

	it('rejects bad data with a plain message', () => {
		const cases = new Uint8Array(3);
		expect(() => prim({ columns: [new Float64Array(2)], cases, ranges: [[0, 1]] })).toThrow(/has 2 values for 3 runs/);
		expect(() => prim({ columns: [Float64Array.of(0, NaN, 1)], cases, ranges: [[0, 1]] })).toThrow(/finite/);
		expect(() => prim({ columns: [new Float64Array(3)], cases, ranges: [] })).toThrow(/one range per input/);
		expect(() => prim({ columns: [new Float64Array(3)], cases, ranges: [[0, 1]] }, { peelAlpha: 0.7 })).toThrow(/peeling share/);
	});
});

describe('the binomial upper tail', () => {
	/** P(X >= k) by summing exact terms (small n only). */
	function exact(k: number, n: number, p: number): number {
		let sum = 0;
		for (let i = k; i <= n; i++) {
			let c = 1;
			for (let t = 0; t < i; t++) c = (c * (n - t)) / (t + 1);
			sum += c * p ** i * (1 - p) ** (n - i);
		}
		return sum;
	}

	it('matches exact sums on both sides of the mode', () => {
		for (const [k, n, p] of [
			[0, 10, 0.3],
			[3, 10, 0.3],
			[7, 10, 0.3],
			[10, 10, 0.3],
			[11, 10, 0.3],
			[15, 40, 0.5],
			[30, 40, 0.5],
			[5, 60, 0.02],
			[1, 60, 0.02]
		]) {
			expect(binomialUpperTail(k, n, p), `${k} of ${n} at ${p}`).toBeCloseTo(exact(k, n, p), 12);
		}
	});

	it('keeps tiny tails (relative accuracy) and handles p at 0 and 1', () => {
		const t = binomialUpperTail(40, 40, 0.5);
		expect(t / 0.5 ** 40).toBeCloseTo(1, 10);
		// 300 of 1,000 at p = 0.1: about e^-154 (Chernoff), far below what 1 - CDF can show.
		expect(binomialUpperTail(300, 1000, 0.1)).toBeGreaterThan(1e-75);
		expect(binomialUpperTail(300, 1000, 0.1)).toBeLessThan(1e-60);
		expect(binomialUpperTail(5, 10, 0)).toBe(0);
		expect(binomialUpperTail(0, 10, 0)).toBe(1);
		expect(binomialUpperTail(10, 10, 1)).toBe(1);
	});
});

describe('PRIM on values that differ only in their last bits', () => {
	it('orders them exactly (the sort falls back past its budget) and finds the box', () => {
		const n = 3000;
		const random = seededRandom(5);
		// Every value within 1e-9 of 1: the same high 32 bits, in reverse order of value.
		const a = Float64Array.from({ length: n }, (_, i) => 1 + (n - i) * 1e-13);
		const b = Float64Array.from({ length: n }, () => random());
		const cases = Uint8Array.from(a, (v) => (v < 1 + 300e-13 ? 1 : 0));
		const r = prim({ columns: [a, b], cases, ranges: [[1, 1 + 1e-9], [0, 1]] });
		const box = r.steps[r.chosen];
		expect(box.density).toBe(1);
		expect(box.coverage).toBeGreaterThan(0.9);
		expect(box.restricted.map((x) => x.dim)).toEqual([0]);
	});
});
