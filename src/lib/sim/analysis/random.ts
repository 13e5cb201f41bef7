// A small, fast, seedable pseudo-random generator (mulberry32). Same seed, same sequence, on
// every platform: runs that use randomness are reproducible.

/** A source of uniform random numbers in [0, 1). */
export type Random = () => number;

/** A mulberry32 generator: the same seed gives the same sequence everywhere. */
export function seededRandom(seed: number): Random {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Fisher-Yates shuffle of 0..n-1. */
export function randomPermutation(n: number, random: Random): number[] {
	const order = Array.from({ length: n }, (_, i) => i);
	for (let i = n - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[order[i], order[j]] = [order[j], order[i]];
	}
	return order;
}
