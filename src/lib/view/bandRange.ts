// The 5-95% range of one output in one year, as headline figures show it under their value.

import type { MonteCarloResult } from '../sim/types';

/** [5th, 95th] percentile of `variable` in `year`, or null when the bands do not cover it. */
export function bandRange(bands: MonteCarloResult | null | undefined, variable: string, year: number): [number, number] | null {
	const i = bands?.years.indexOf(year) ?? -1;
	const b = bands?.bands[variable];
	return b && i >= 0 ? [b.p5[i], b.p95[i]] : null;
}
