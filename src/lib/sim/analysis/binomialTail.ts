// The binomial upper tail PRIM's quasi-p-values are made of (prim.ts), exact for tails far
// smaller than 1 - CDF could hold.

/** Log-factorials 0..n, grown on demand and kept: the binomial tail reads them. */
let logFactorial = new Float64Array([0, 0]);
function logFactorials(n: number): Float64Array {
	if (n < logFactorial.length) return logFactorial;
	const next = new Float64Array(Math.max(n + 1, logFactorial.length * 2));
	next.set(logFactorial);
	for (let i = logFactorial.length; i < next.length; i++) next[i] = next[i - 1] + Math.log(i);
	logFactorial = next;
	return next;
}

/**
 * P(X >= k) for X ~ Binomial(n, p): the term nearest k in log space (log-factorials), the others
 * as ratios to it by the terms' recurrence, summed from the end nearer k (the terms fall away from
 * the mode, so the sum stops once they are 1e-17 of it): tiny tails keep their value where
 * 1 - CDF would round to 0.
 */
export function binomialUpperTail(k: number, n: number, p: number): number {
	if (k <= 0) return 1;
	if (k > n) return 0;
	if (!(p > 0)) return 0;
	if (!(p < 1)) return 1;
	const lf = logFactorials(n);
	const odds = p / (1 - p);
	const upper = k > (n + 1) * p; // k past the mode: terms fall from k upwards
	const first = upper ? k : k - 1;
	const logFirst = lf[n] - lf[first] - lf[n - first] + first * Math.log(p) + (n - first) * Math.log1p(-p);
	let sum = 1;
	let r = 1;
	if (upper) {
		// term(i + 1) / term(i) = (n - i) / (i + 1) × p / (1 - p)
		for (let i = first; i < n && r > 1e-17 * sum; i++) sum += r *= ((n - i) / (i + 1)) * odds;
	} else {
		// term(i - 1) / term(i) = i / (n - i + 1) × (1 - p) / p
		for (let i = first; i > 0 && r > 1e-17 * sum; i--) sum += r *= i / (n - i + 1) / odds;
	}
	const tail = Math.exp(logFirst + Math.log(sum));
	return upper ? Math.min(1, tail) : Math.max(0, 1 - tail);
}
