// Nelder-Mead simplex minimisation: derivative-free, robust for the handful of smooth
// parameters a notebook calibrates. Standard coefficients (reflection 1, expansion 2,
// contraction 0.5, shrink 0.5), after Lagarias et al., SIAM J. Optim. 9 (1998).

/** Settings for nelderMead: initial steps, iteration cap and tolerance. */
export interface NelderMeadOptions {
	/** Initial step per parameter; defaults to 10% of its magnitude (or 0.1). */
	steps?: number[];
	maxIterations?: number;
	/** Stop when the simplex's values differ by less than this. */
	tolerance?: number;
}

/** The best point found, its value and the iterations used. */
export interface NelderMeadResult {
	x: number[];
	value: number;
	iterations: number;
}

/** Minimises `f` from `start` by the Nelder-Mead simplex method; non-finite values count as the worst. */
export function nelderMead(f: (x: number[]) => number, start: number[], options: NelderMeadOptions = {}): NelderMeadResult {
	const dim = start.length;
	const maxIterations = options.maxIterations ?? 2000 * dim;
	const tolerance = options.tolerance ?? 1e-10;
	const safe = (x: number[]) => {
		const v = f(x);
		return Number.isFinite(v) ? v : Number.MAX_VALUE;
	};
	let simplex: number[][] = [start.slice()];
	for (let i = 0; i < dim; i++) {
		const x = start.slice();
		x[i] += options.steps?.[i] ?? (Math.abs(x[i]) > 1e-9 ? 0.1 * Math.abs(x[i]) : 0.1);
		simplex.push(x);
	}
	let values = simplex.map(safe);
	let iterations = 0;
	const along = (from: number[], to: number[], t: number) => from.map((v, j) => v + t * (to[j] - v));

	for (; iterations < maxIterations; iterations++) {
		const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
		simplex = order.map((i) => simplex[i]);
		values = order.map((i) => values[i]);
		if (Math.abs(values[dim] - values[0]) < tolerance) break;

		const centroid = new Array(dim).fill(0);
		for (let i = 0; i < dim; i++) for (let j = 0; j < dim; j++) centroid[j] += simplex[i][j] / dim;
		const worst = simplex[dim];
		const reflected = along(centroid, worst, -1);
		const fr = safe(reflected);
		if (fr < values[0]) {
			const expanded = along(centroid, worst, -2);
			const fe = safe(expanded);
			[simplex[dim], values[dim]] = fe < fr ? [expanded, fe] : [reflected, fr];
		} else if (fr < values[dim - 1]) {
			[simplex[dim], values[dim]] = [reflected, fr];
		} else {
			const contracted = fr < values[dim] ? along(centroid, reflected, 0.5) : along(centroid, worst, 0.5);
			const fc = safe(contracted);
			if (fc < Math.min(fr, values[dim])) {
				[simplex[dim], values[dim]] = [contracted, fc];
			} else {
				for (let i = 1; i <= dim; i++) {
					simplex[i] = along(simplex[0], simplex[i], 0.5);
					values[i] = safe(simplex[i]);
				}
			}
		}
	}
	const best = values.indexOf(Math.min(...values));
	return { x: simplex[best], value: values[best], iterations };
}
