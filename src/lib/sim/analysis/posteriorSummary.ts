// What a posterior sample set says about each parameter: its median and 5-95% interval, and how
// the parameters move together (Pearson correlations across the draws). The fit cell shows it,
// so the calibration can be read, not only its diagnostics. Computed where the draws are (the
// workers, `npm run calibrate`); the page is sent the summary.

import { quantiles } from './quantiles';
import type { PosteriorSample } from '../types';

export interface ParameterSummary {
	parameter: string;
	median: number;
	p5: number;
	p95: number;
}

export interface DrawsSummary {
	parameters: ParameterSummary[];
	/** correlations[i][j]: Pearson correlation of parameters i and j across the draws (1 on the diagonal). */
	correlations: number[][];
}

/** Medians, 5-95% intervals (type-7 quantiles) and correlations of the parameters' draws. */
export function summariseDraws(posterior: Pick<PosteriorSample, 'parameters' | 'draws'>): DrawsSummary {
	const P = posterior.parameters.length;
	const columns = posterior.parameters.map((_, p) => Float64Array.from(posterior.draws, (d) => d[p]));
	const parameters = posterior.parameters.map((parameter, p) => {
		const [p5, median, p95] = quantiles(columns[p], [0.05, 0.5, 0.95]);
		return { parameter, median, p5, p95 };
	});
	const n = posterior.draws.length;
	const means = columns.map((c) => c.reduce((s, v) => s + v, 0) / n);
	const centred = columns.map((c, p) => c.map((v) => v - means[p]));
	const norms = centred.map((c) => Math.sqrt(c.reduce((s, v) => s + v * v, 0)));
	const correlations = Array.from({ length: P }, (_, i) =>
		Array.from({ length: P }, (_, j) => {
			if (i === j) return 1;
			if (!(norms[i] > 0 && norms[j] > 0)) return 0;
			let s = 0;
			for (let k = 0; k < n; k++) s += centred[i][k] * centred[j][k];
			return s / (norms[i] * norms[j]);
		})
	);
	return { parameters, correlations };
}
