// Nelder-Mead: known minima, and parameters recovered from data the engine itself generated.
import { describe, expect, it } from 'vitest';
import { compileNotebook, createProgram, runDeterministic } from '../src/lib/sim';
import { nelderMead } from '../src/lib/sim/analysis/nelderMead';
import { makeNotebook } from './support/engine';

describe('nelderMead', () => {
	it('finds the minimum of a shifted, scaled quadratic', () => {
		const centre = [3, -1, 0.5, 10];
		const weights = [1, 2, 0.5, 4];
		const f = (x: number[]) => x.reduce((s, v, i) => s + weights[i] * (v - centre[i]) ** 2, 0) + 7;
		const r = nelderMead(f, [0, 0, 0, 0], { tolerance: 1e-14 });
		r.x.forEach((v, i) => expect(v).toBeCloseTo(centre[i], 4));
		expect(r.value).toBeCloseTo(7, 8);
		expect(r.value).toBe(f(r.x));
		expect(r.iterations).toBeGreaterThan(0);
	});

	it('finds the minimum of the Rosenbrock function from the classic start', () => {
		const rosenbrock = ([x, y]: number[]) => 100 * (y - x * x) ** 2 + (1 - x) ** 2;
		const r = nelderMead(rosenbrock, [-1.2, 1], { tolerance: 1e-16, maxIterations: 10000 });
		expect(r.x[0]).toBeCloseTo(1, 3);
		expect(r.x[1]).toBeCloseTo(1, 3);
		expect(r.value).toBeLessThan(1e-8);
	});

	it('treats non-finite values as very bad rather than failing', () => {
		// Undefined (NaN) left of 0.5: the search must stay out and still find the minimum at 2.
		const f = ([x]: number[]) => (x < 0.5 ? NaN : (x - 2) ** 2);
		const r = nelderMead(f, [1], { steps: [1], tolerance: 1e-14 });
		expect(r.x[0]).toBeCloseTo(2, 5);
		expect(Number.isFinite(r.value)).toBe(true);
	});

	it('stops at maxIterations', () => {
		const r = nelderMead(([x, y]) => (x - 1) ** 2 + (y - 2) ** 2, [100, -100], { maxIterations: 5 });
		expect(r.iterations).toBe(5);
	});

	it('recovers the parameters of a logistic curve from data the engine generated', () => {
		const truth = { K: 0.8, k: 0.35, m: 2022.5 };
		const notebook = makeNotebook(['y = K * logistic(k * (year - m))'], {
			inputs: [
				{ name: 'K', min: 0, max: 10, default: 0.5 },
				{ name: 'k', min: 0, max: 5, default: 0.2 },
				{ name: 'm', min: 1990, max: 2060, default: 2015 }
			],
			startYear: 2005,
			horizon: 2040
		});
		const model = compileNotebook(notebook, {});
		expect(model.errors).toEqual([]);
		const program = createProgram(model);
		const simulateAt = (K: number, k: number, m: number) => runDeterministic(program, { inputs: { K, k, m }, horizon: 2040 }).series.y;
		const observed = simulateAt(truth.K, truth.k, truth.m);
		// The synthetic data is a real S-curve: near 0 at the start, near K at the end.
		expect(observed[0]).toBeLessThan(0.01);
		expect(observed.at(-1)).toBeGreaterThan(0.79);

		const loss = ([K, k, m]: number[]) => simulateAt(K, k, m).reduce((s, v, i) => s + (v - observed[i]) ** 2, 0);
		// Default options: initial steps of 10% of each start value, tolerance 1e-10.
		const best = nelderMead(loss, [0.5, 0.2, 2015]);
		const [K, k, m] = best.x;
		expect(Math.abs(K - truth.K)).toBeLessThan(1e-3);
		expect(Math.abs(k - truth.k)).toBeLessThan(1e-3);
		expect(Math.abs(m - truth.m)).toBeLessThan(1e-3);
		expect(best.value).toBeLessThan(1e-9);

		// With steps scaled to the parameters and a tight tolerance it lands on the truth.
		const tight = nelderMead(loss, [0.5, 0.2, 2015], { steps: [0.1, 0.05, 2], tolerance: 1e-20 });
		expect(tight.x[0]).toBeCloseTo(truth.K, 8);
		expect(tight.x[1]).toBeCloseTo(truth.k, 8);
		expect(tight.x[2]).toBeCloseTo(truth.m, 7);
	});
});
