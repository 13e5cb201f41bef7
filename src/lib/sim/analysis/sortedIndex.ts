// Sorting and ranking run indices by a column's values: PRIM sorts each input once and finds
// quantiles and box sides by rank (prim.ts).

/** Number of the first n points of `list` (sorted by `x`) below `value` (or at most `value`, with `orEqual`). */
export function rankOf(list: Uint32Array, n: number, x: Float64Array, value: number, orEqual: boolean): number {
	let a = 0;
	let b = n;
	while (a < b) {
		const m = (a + b) >>> 1;
		const v = x[list[m]];
		if (v < value || (orEqual && v === value)) a = m + 1;
		else b = m;
	}
	return a;
}

/**
 * 0..n-1 ordered by `x`, ties by index. A stable radix sort on each value's high 32 bits (sign,
 * exponent and 20 bits of mantissa, made to sort as unsigned integers), three 11-bit passes,
 * then an insertion sort on the exact values, which only has to mend runs that share their high
 * bits: 4-8 times faster than a comparison sort of indices, which cost most of a PRIM run.
 */
export function sortedOrder(x: Float64Array): Uint32Array {
	const n = x.length;
	const words = new Uint32Array(x.buffer, x.byteOffset, 2 * n);
	const high = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0; // little-endian: the high word is the second
	let keys = new Uint32Array(n);
	for (let i = 0; i < n; i++) {
		const w = words[2 * i + high];
		keys[i] = w & 0x80000000 ? ~w >>> 0 : (w | 0x80000000) >>> 0;
	}
	let order = new Uint32Array(n);
	for (let i = 0; i < n; i++) order[i] = i; // (Uint32Array.from with a mapper took as long as the sort)
	let nextKeys = new Uint32Array(n);
	let nextOrder = new Uint32Array(n);
	const counts = new Uint32Array(2048);
	for (let shift = 0; shift < 32; shift += 11) {
		counts.fill(0);
		for (let i = 0; i < n; i++) counts[(keys[i] >>> shift) & 2047]++;
		let sum = 0;
		for (let b = 0; b < 2048; b++) {
			const c = counts[b];
			counts[b] = sum;
			sum += c;
		}
		for (let i = 0; i < n; i++) {
			const at = counts[(keys[i] >>> shift) & 2047]++;
			nextKeys[at] = keys[i];
			nextOrder[at] = order[i];
		}
		[keys, nextKeys] = [nextKeys, keys];
		[order, nextOrder] = [nextOrder, order];
	}
	// Values that differ only below the high bits (all within a millionth of each other, say)
	// would make the mending quadratic: past a budget of moves, a comparison sort instead.
	let budget = 32 * n;
	for (let k = 1; k < n; k++) {
		const i = order[k];
		const v = x[i];
		let m = k - 1;
		while (m >= 0 && (x[order[m]] > v || (x[order[m]] === v && order[m] > i))) {
			order[m + 1] = order[m];
			m--;
		}
		order[m + 1] = i;
		budget -= k - 1 - m;
		if (budget < 0) return order.sort((a, b) => x[a] - x[b] || a - b);
	}
	return order;
}
