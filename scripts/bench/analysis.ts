// Analysis benchmark: Sobol indices (N = 4,096, every factor, the default notebook's
// domestic-brand share in 2035, one thread) and the posterior (32 walkers × 2,000 steps for the
// published notebook's calibrated parameters, one thread), as the analysis worker runs them.
// Run: npx tsx scripts/bench/analysis.ts. Progress on stderr, one JSON line on stdout.

import '../../src/node/englishWords';
import { observedSeries } from '../../src/lib/data/index';
import { CALIBRATED, CALIBRATION_PAIRS, chinaMarketNotebook } from '../../src/lib/notebooks/chinaMarket';
import { shippedPosterior } from '../../src/lib/notebooks/shippedPosterior';
import { compileNotebook } from '../../src/lib/sim/model';
import { computePosterior } from '../../src/lib/sim/analysis/posterior';
import { attachPosterior } from '../../src/lib/sim/analysis/posteriorCheck';
import { modelSobol } from '../../src/lib/sim/analysis/sobol';
import { emit, log, median, sig } from './timing';

const model = attachPosterior(compileNotebook(chinaMarketNotebook, observedSeries), chinaMarketNotebook, shippedPosterior);
const sobolTimes: number[] = [];
let factors = 0;
for (let i = 0; i < 6; i++) {
	// A new seed each run: every sample is drawn again, as after a slider move.
	const report = modelSobol(model, { inputs: {}, horizon: 2035, samples: 0, seed: i + 1, variables: [], baseSamples: 4096 }, 'domesticShare', 2035);
	factors = report.factors.length;
	if (i > 0) sobolTimes.push(report.elapsedMs); // the first run builds the program
}
log(`Sobol, N = 4,096, ${factors} factors (${4096 * (factors + 2)} runs): median ${median(sobolTimes).toFixed(0)} ms`);

const posteriorTimes: number[] = [];
let acceptance = NaN;
for (let i = 0; i < 3; i++) {
	const out = computePosterior(
		{ notebook: chinaMarketNotebook, inputs: {}, parameters: Object.keys(CALIBRATED), pairs: CALIBRATION_PAIRS, fromYear: 2019, toYear: 2025, walkers: 32, steps: 2000, seed: i + 1 },
		observedSeries
	);
	posteriorTimes.push(out.elapsedMs);
	acceptance = out.posterior?.diagnostics.acceptance ?? NaN;
}
log(`posterior, 32 walkers x 2,000 steps: median ${median(posteriorTimes).toFixed(0)} ms (acceptance ${acceptance.toFixed(2)})`);

emit({
	sobol_ms_median: sig(median(sobolTimes)),
	sobol_factors: factors,
	posterior_ms_median: sig(median(posteriorTimes))
});
