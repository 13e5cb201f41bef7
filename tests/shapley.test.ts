// Shapley attribution: efficiency (sums to the difference), symmetry, known answers.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { shapley } from '../src/lib/sim/analysis/shapley';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('shapley', () => {
	it('gives each additive player exactly its own effect', () => {
		const effects = [0.5, -2, 3];
		const r = shapley(3, (m) => 10 + sum(effects.filter((_, i) => m[i])));
		expect(r.method).toBe('exact');
		r.contributions.forEach((c, i) => expect(c).toBeCloseTo(effects[i], 12));
		expect(r.start).toBe(10);
		expect(r.end).toBe(11.5);
		expect(r.evaluations).toBe(8);
	});

	it('splits a pure interaction equally (x * y from 0 to 1 each)', () => {
		const r = shapley(2, (m) => (m[0] ? 1 : 0) * (m[1] ? 1 : 0));
		expect(r.contributions[0]).toBeCloseTo(0.5, 12);
		expect(r.contributions[1]).toBeCloseTo(0.5, 12);
	});

	it('matches the textbook glove game: two right gloves, one left', () => {
		// v = 1 if the coalition holds the left glove (player 0) and at least one right glove.
		const r = shapley(3, (m) => (m[0] && (m[1] || m[2]) ? 1 : 0));
		expect(r.contributions[0]).toBeCloseTo(2 / 3, 12);
		expect(r.contributions[1]).toBeCloseTo(1 / 6, 12);
		expect(r.contributions[2]).toBeCloseTo(1 / 6, 12);
	});

	it('is efficient: contributions sum to end - start, exact and sampled, for any game', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 13 }), fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 40, maxLength: 40 }), (n, w) => {
				// A game with interactions: a sum of weighted terms plus products of neighbours.
				const game = (m: boolean[]) => m.reduce((s, on, i) => s + (on ? w[i] : 0) + (on && m[(i + 1) % n] ? w[i + 13] : 0), 0);
				const r = shapley(n, game, { orders: 60 });
				expect(sum(r.contributions)).toBeCloseTo(r.end - r.start, 9);
				expect(r.method).toBe(n <= 10 ? 'exact' : 'sampled');
			}),
			{ numRuns: 60 }
		);
	});

	it('sampling approaches the exact answer and is reproducible with a seed', () => {
		const w = [1, -1, 2, 0.5, -0.3, 0.8, 1.1, -2, 0.4, 0.9, -0.7, 1.3];
		const game = (m: boolean[]) => m.reduce((s, on, i) => s + (on ? w[i] : 0) * (m[(i + 3) % 12] ? 1.5 : 1), 0);
		const exact = shapley(12, game, { exactUpTo: 12 });
		const sampled = shapley(12, game, { exactUpTo: 10, orders: 2000, seed: 7 });
		expect(sampled.method).toBe('sampled');
		sampled.contributions.forEach((c, i) => expect(Math.abs(c - exact.contributions[i])).toBeLessThan(0.08));
		expect(shapley(12, game, { exactUpTo: 10, orders: 50, seed: 3 }).contributions).toEqual(shapley(12, game, { exactUpTo: 10, orders: 50, seed: 3 }).contributions);
	});

	it('handles no players', () => {
		const r = shapley(0, () => 4);
		expect(r.contributions).toEqual([]);
		expect(r.start).toBe(4);
		expect(r.end).toBe(4);
	});
});
