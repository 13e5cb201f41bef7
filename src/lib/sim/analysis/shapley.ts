// Shapley values: splits the difference between two scenarios, v(all changed) - v(none), into
// one contribution per changed input, fairly with respect to interactions (each input gets its
// average marginal effect over every order in which the changes could be made).
//
// Up to `exactUpTo` players the value of every coalition is computed (2^n model runs) and the
// Shapley formula applied exactly. Above that, random orders are sampled; each order's marginal
// contributions add up to the full difference, so the sampled contributions still sum exactly
// to it. Orders are drawn in antithetic pairs (an order and its reverse) to reduce variance.

import { randomPermutation, seededRandom } from './random';

/** Settings for shapley: the most players computed exactly, orders sampled above that, and the seed. */
export interface ShapleyOptions {
	exactUpTo?: number;
	/** Number of orders sampled above exactUpTo (rounded up to an even number). */
	orders?: number;
	seed?: number;
}

/** Each player's contribution, the values with no and all players, the method and the evaluations used. */
export interface ShapleyResult {
	contributions: number[];
	/** v(no player) and v(all players). */
	start: number;
	end: number;
	method: 'exact' | 'sampled';
	/** Distinct coalitions evaluated (model runs). */
	evaluations: number;
	orders?: number;
}

/** `value(members)` gives the output with the listed players' changes applied (members[i] true). */
export function shapley(count: number, value: (members: boolean[]) => number, options: ShapleyOptions = {}): ShapleyResult {
	const exactUpTo = options.exactUpTo ?? 10;
	const cache = new Map<string, number>();
	const valueOf = (members: boolean[]) => {
		const key = members.map((m) => (m ? '1' : '0')).join('');
		let v = cache.get(key);
		if (v === undefined) {
			v = value(members);
			cache.set(key, v);
		}
		return v;
	};
	const none = new Array<boolean>(count).fill(false);
	const all = new Array<boolean>(count).fill(true);
	const start = valueOf(none);
	const end = valueOf(all);
	if (count === 0) return { contributions: [], start, end, method: 'exact', evaluations: cache.size };

	const contributions = new Array<number>(count).fill(0);
	if (count <= exactUpTo) {
		const factorial = [1];
		for (let i = 1; i <= count; i++) factorial[i] = factorial[i - 1] * i;
		for (let mask = 0; mask < 1 << count; mask++) {
			const members = Array.from({ length: count }, (_, i) => (mask & (1 << i)) !== 0);
			const size = members.filter(Boolean).length;
			const without = valueOf(members);
			const weight = (factorial[size] * factorial[count - size - 1]) / factorial[count];
			for (let i = 0; i < count; i++) {
				if (members[i]) continue;
				members[i] = true;
				contributions[i] += weight * (valueOf(members) - without);
				members[i] = false;
			}
		}
		return { contributions, start, end, method: 'exact', evaluations: cache.size };
	}

	const random = seededRandom(options.seed ?? 1);
	const pairs = Math.ceil((options.orders ?? 200) / 2);
	for (let p = 0; p < pairs; p++) {
		const order = randomPermutation(count, random);
		for (const sequence of [order, order.slice().reverse()]) {
			const members = none.slice();
			let previous = start;
			for (const player of sequence) {
				members[player] = true;
				const next = valueOf(members);
				contributions[player] += next - previous;
				previous = next;
			}
		}
	}
	const orders = pairs * 2;
	return { contributions: contributions.map((c) => c / orders), start, end, method: 'sampled', evaluations: cache.size, orders };
}
