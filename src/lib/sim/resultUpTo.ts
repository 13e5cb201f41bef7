// A run's first years. Runs are causal (a year depends only on earlier years), so the first years
// of a run to a later horizon are exactly the run to an earlier one (tests/published-run.test.ts).

import type { RunResult } from './types';

/** `result` up to and including `lastYear`. */
export function resultUpTo(result: RunResult, lastYear: number): RunResult {
	const count = result.years.filter((y) => y <= lastYear).length;
	const series: Record<string, number[]> = {};
	for (const [name, values] of Object.entries(result.series)) series[name] = values.slice(0, count);
	return { years: result.years.slice(0, count), series, errors: result.errors };
}
