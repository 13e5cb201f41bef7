// Sample quantiles by linear interpolation between order statistics: Hyndman & Fan's type 7, the
// default of R's quantile() and numpy's 'linear' method. For m values sorted ascending
// (x[0..m-1]) and a probability p: h = (m - 1) p, q = x[⌊h⌋] + (h - ⌊h⌋) (x[⌊h⌋+1] - x[⌊h⌋]).
//
// NaN values are ignored; if every value is NaN (or there are none) every quantile is NaN.
//
// Speed (the Monte Carlo bands take five quantiles of 10,000 values for every variable and year):
// nothing is sorted in full and the input is never copied or modified. The value range is
// estimated from a strided subsample; one pass sums the values and counts them into buckets of
// that range (values outside it go to the end buckets, so bucket order is still value order); the
// counts locate the bucket of each wanted order statistic; a second pass gathers just those few
// buckets' values, which are sorted. Small inputs, NaN, a degenerate range or a wanted bucket
// holding too many values fall back to exact min/max and Floyd-Rivest selection on a copy.

let scratch = new Float64Array(0);
let counts = new Int32Array(0);
let slotOfBucket = new Int32Array(0);

function scratchOf(n: number): Float64Array {
	if (scratch.length < n) scratch = new Float64Array(Math.max(n, 2 * scratch.length));
	return scratch;
}

/** Copies the non-NaN values into `into`; returns how many. */
function copyFinite(values: ArrayLike<number>, into: Float64Array): number {
	let m = 0;
	const n = values.length;
	for (let i = 0; i < n; i++) {
		const v = values[i];
		if (v === v) into[m++] = v;
	}
	return m;
}

/** Quantiles (type 7) of `values` at probabilities `ps` (each 0..1), ignoring NaN. */
export function quantiles(values: ArrayLike<number>, ps: readonly number[]): number[] {
	const out = new Array<number>(ps.length);
	quantilesInto(values, ps, out);
	return out;
}

/**
 * Writes the quantiles of `values` at `ps` into `out` and returns the mean, both ignoring NaN
 * (NaN when no value is left). `values` is not modified.
 */
export function quantilesInto(values: ArrayLike<number>, ps: readonly number[], out: { [i: number]: number }): number {
	for (const p of ps) if (!(p >= 0 && p <= 1)) throw new RangeError(`A quantile's probability must be between 0 and 1, not ${p}.`);
	const n = values.length;
	if (n >= BUCKETS_FROM) {
		// Range of a strided subsample of about SUBSAMPLE values (NaN is never < or >).
		const stride = Math.floor(n / SUBSAMPLE);
		let lo = Infinity;
		let hi = -Infinity;
		for (let i = 0; i < n; i += stride) {
			const v = values[i];
			lo = v < lo ? v : lo;
			hi = v > hi ? v : hi;
		}
		if (hi > lo && Number.isFinite(hi - lo)) {
			const mean = bucketQuantiles(values, lo, hi, ps, out);
			if (mean !== undefined) return mean;
		}
	}
	return exactQuantiles(values, ps, out);
}

/** Exact min, max and sum, then selection on a copy. Any size, NaN and infinities included. */
function exactQuantiles(values: ArrayLike<number>, ps: readonly number[], out: { [i: number]: number }): number {
	const n = values.length;
	let m = 0;
	let sum = 0;
	let min = Infinity;
	let max = -Infinity;
	for (let i = 0; i < n; i++) {
		const v = values[i];
		if (v === v) {
			m++;
			sum += v;
			if (v < min) min = v;
			if (v > max) max = v;
		}
	}
	if (m === 0) {
		for (let j = 0; j < ps.length; j++) out[j] = NaN;
		return NaN;
	}
	if (min === max) {
		// Every value alike: exact, where summing m copies would round.
		for (let j = 0; j < ps.length; j++) out[j] = min;
		return min;
	}
	const a = scratchOf(n);
	copyFinite(values, a);
	quantilesOfOwned(a, m, ps, out);
	return sum / m;
}

/** Below this many values, selection on a copy is as fast as bucketing. */
const BUCKETS_FROM = 512;
/** Values the range is estimated from. */
const SUBSAMPLE = 256;
/** A gathered bucket larger than this is selected from rather than sorted. */
const SORT_UP_TO = 256;

/**
 * The bucket method (see the top of the file) over buckets spanning lo..hi (lo < hi, finite).
 * Returns the mean, or undefined (having written nothing) if there is a NaN among the values or
 * the wanted buckets hold too many values (e.g. a few far outliers squeeze the rest together).
 */
function bucketQuantiles(values: ArrayLike<number>, lo: number, hi: number, ps: readonly number[], out: { [i: number]: number }): number | undefined {
	const n = values.length;
	// About 8 values a bucket.
	const buckets = Math.min(1 << 16, Math.max(64, 1 << Math.round(Math.log2(n / 8))));
	if (counts.length < buckets) {
		counts = new Int32Array(buckets);
		slotOfBucket = new Int32Array(buckets);
	}
	// Module-level arrays are read through locals inside the hot loops.
	const cnt = counts;
	cnt.fill(0, 0, buckets);
	const scale = buckets / (hi - lo);
	const top = buckets - 1;
	let sum = 0;
	for (let i = 0; i < n; i++) {
		// Monotone in v (clamped to the end buckets), so bucket order is value order.
		const v = values[i];
		sum += v;
		const t = (v - lo) * scale;
		cnt[t > 0 ? (t < top ? t | 0 : top) : 0]++;
	}
	// A NaN makes the sum NaN (so do +∞ and -∞ together): the exact path handles those.
	if (sum !== sum) return undefined;
	// Ranks wanted: each p's lower order statistic and, when it interpolates, the next one.
	const ranks: number[] = [];
	for (const p of ps) {
		const h = (n - 1) * p;
		const k = Math.floor(h);
		ranks.push(k);
		if (h > k && k + 1 < n) ranks.push(k + 1);
	}
	const wanted = [...new Set(ranks)].sort((x, y) => x - y);
	// Walk the cumulative counts to the bucket of each wanted rank.
	const bucketOfRank = new Map<number, number>();
	const firstRankOf = new Map<number, number>(); // bucket -> rank of its smallest value
	let cum = 0;
	let b = 0;
	for (const r of wanted) {
		while (cum + cnt[b] <= r) cum += cnt[b++];
		bucketOfRank.set(r, b);
		firstRankOf.set(b, cum);
	}
	const chosen = [...firstRankOf.keys()];
	let gathered = 0;
	for (const c of chosen) gathered += cnt[c];
	if (gathered > Math.max(4 * SORT_UP_TO, n >> 3)) return undefined;
	// Gather the chosen buckets' values into consecutive segments of the scratch array.
	const slots = slotOfBucket;
	slots.fill(-1, 0, buckets);
	const start: number[] = [];
	const fill: number[] = [];
	let offset = 0;
	chosen.forEach((c, s) => {
		slots[c] = s;
		start.push(offset);
		fill.push(offset);
		offset += cnt[c];
	});
	const a = scratchOf(offset);
	for (let i = 0; i < n; i++) {
		const v = values[i];
		const t = (v - lo) * scale;
		const s = slots[t > 0 ? (t < top ? t | 0 : top) : 0];
		if (s >= 0) a[fill[s]++] = v;
	}
	chosen.forEach((c, s) => {
		const segment = a.subarray(start[s], start[s] + cnt[c]);
		if (segment.length <= SORT_UP_TO) segment.sort();
		else {
			const local = [...new Set(wanted.filter((r) => bucketOfRank.get(r) === c).map((r) => r - firstRankOf.get(c)!))];
			selectMany(segment, local.sort((x, y) => x - y), 0, local.length - 1, 0, segment.length - 1);
		}
	});
	const at = (r: number) => {
		const c = bucketOfRank.get(r)!;
		return a[start[slots[c]] + r - firstRankOf.get(c)!];
	};
	for (let j = 0; j < ps.length; j++) {
		const h = (n - 1) * ps[j];
		const k = Math.floor(h);
		const frac = h - k;
		out[j] = frac === 0 || k + 1 >= n ? at(k) : interpolate(at(k), at(k + 1), frac);
	}
	return sum / n;
}

/**
 * Quantiles of the first `m` values of `a` (no NaN among them), which it reorders. Selects the
 * lower order statistic of every p; the upper neighbour is the smallest value after it.
 */
function quantilesOfOwned(a: Float64Array, m: number, ps: readonly number[], out: { [i: number]: number }): void {
	// Order statistics wanted, ascending and distinct.
	const ks = [...new Set(ps.map((p) => Math.floor((m - 1) * p)))].sort((x, y) => x - y);
	if (ks.length > 16 || m <= 64) a.subarray(0, m).sort();
	else selectMany(a, ks, 0, ks.length - 1, 0, m - 1);
	// After selection a[k] holds the k-th smallest, everything before it is <= and everything
	// after it is >=; so the (k+1)-th smallest is the minimum between k+1 and the next selected k.
	const next = new Map<number, number>();
	for (let j = 0; j < ks.length; j++) {
		const k = ks[j];
		if (k + 1 >= m) continue;
		const end = j + 1 < ks.length ? ks[j + 1] : m - 1;
		let v = a[k + 1];
		for (let i = k + 2; i <= end; i++) if (a[i] < v) v = a[i];
		next.set(k, v);
	}
	for (let j = 0; j < ps.length; j++) {
		const h = (m - 1) * ps[j];
		const k = Math.floor(h);
		const frac = h - k;
		const lo = a[k];
		out[j] = frac === 0 ? lo : interpolate(lo, next.get(k)!, frac);
	}
}

/** lo + frac (hi - lo), also right when an end is infinite. */
export function interpolate(lo: number, hi: number, frac: number): number {
	if (lo === hi) return lo;
	if (Number.isFinite(lo) && Number.isFinite(hi)) return lo + frac * (hi - lo);
	return (1 - frac) * lo + frac * hi;
}

/** Places each ks[kLo..kHi] order statistic of a[left..right] (ks ascending) at its index. */
function selectMany(a: Float64Array, ks: number[], kLo: number, kHi: number, left: number, right: number): void {
	while (kLo <= kHi && left < right) {
		const mid = (kLo + kHi) >> 1;
		const k = ks[mid];
		select(a, k, left, right);
		// Split: the lower ks live left of k, the upper ones right of it.
		selectMany(a, ks, kLo, mid - 1, left, k - 1);
		kLo = mid + 1;
		left = k + 1;
	}
}

/** Floyd-Rivest selection: afterwards a[k] is the k-th smallest of a[left..right], with smaller values before it. */
function select(a: Float64Array, k: number, left: number, right: number): void {
	while (right > left) {
		if (right - left > 600) {
			// Recurse on a sample to find a tight bracket around k first.
			const n = right - left + 1;
			const i = k - left + 1;
			const z = Math.log(n);
			const s = 0.5 * Math.exp((2 * z) / 3);
			const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (i - n / 2 < 0 ? -1 : 1);
			const newLeft = Math.max(left, Math.floor(k - (i * s) / n + sd));
			const newRight = Math.min(right, Math.floor(k + ((n - i) * s) / n + sd));
			select(a, k, newLeft, newRight);
		}
		const t = a[k];
		let i = left;
		let j = right;
		swap(a, left, k);
		if (a[right] > t) swap(a, left, right);
		while (i < j) {
			swap(a, i, j);
			i++;
			j--;
			while (a[i] < t) i++;
			while (a[j] > t) j--;
		}
		if (a[left] === t) swap(a, left, j);
		else {
			j++;
			swap(a, j, right);
		}
		if (j <= k) left = j + 1;
		if (k <= j) right = j - 1;
	}
}

function swap(a: Float64Array, i: number, j: number): void {
	const t = a[i];
	a[i] = a[j];
	a[j] = t;
}
