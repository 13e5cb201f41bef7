// Fits the default notebook's calibrated parameters with the same routine the app's fit cell
// uses (src/lib/sim/fitting.ts), so re-fitting in the app reproduces the published values.
// Usage: npm run calibrate. Paste the printed CALIBRATED object into src/lib/notebooks/chinaMarket.ts;
// the posterior sample set is written to src/lib/notebooks/posterior-v2.json.
import { observedSeries } from '../src/lib/data/index';
import { CALIBRATED, CALIBRATION_PAIRS, chinaMarketNotebook } from '../src/lib/notebooks/chinaMarket';
import { fitParameters } from '../src/lib/sim/fitting';
import { compileNotebook, createProgram, runDeterministic } from '../src/lib/sim/index';
import { POSTERIOR_PUBLISHED_STEPS, computePosterior } from '../src/lib/sim/posterior';
import { writeFileSync } from 'node:fs';

const started = performance.now();
const fit = fitParameters(
	{ notebook: chinaMarketNotebook, inputs: {}, parameters: Object.keys(CALIBRATED), pairs: CALIBRATION_PAIRS, fromYear: 2019, toYear: 2025, maxRuns: 20_000 },
	observedSeries
);
if (fit.problems.length) throw new Error(fit.problems.join('\n'));
const rounded = Object.fromEntries(Object.entries(fit.fitted).map(([k, v]) => [k, Number(v.toPrecision(5))]));
console.log('export const CALIBRATED = ' + JSON.stringify(rounded, null, '\t').replace(/"(\w+)":/g, '$1:') + ';');
console.log(`${fit.runs} model runs, ${(performance.now() - started).toFixed(0)} ms, converged: ${fit.converged}`);
for (const s of fit.after) {
	console.log(`${s.variable} vs ${s.series}: RMSE ${(s.rmse * 100).toFixed(2)} pp over ${s.years.join(', ')}; residuals ${s.residuals.map((r) => (r * 100).toFixed(1)).join(' ')}`);
}
const future = runDeterministic(createProgram(compileNotebook(chinaMarketNotebook, observedSeries)), { inputs: rounded, horizon: 2035 });
for (const y of [2025, 2030, 2035]) {
	const i = future.years.indexOf(y);
	const pct = (name: string) => `${(future.series[name][i] * 100).toFixed(1)}%`;
	console.log(`${y}: NEV ${pct('nevShare')}, domestic ${pct('domesticShare')} (NEV segment ${pct('domesticShareNev')}, combustion ${pct('domesticShareIce')})`);
}

// The joint posterior of the same parameters (src/lib/sim/posterior.ts), shipped with the
// published notebook: the bands draw the calibrated parameters from it. 16,000 steps keep the
// chain past emcee's 50 autocorrelation times; the fit cell recomputes it in the app the same way.
const posteriorStarted = performance.now();
const { posterior, problems } = computePosterior(
	{ notebook: chinaMarketNotebook, inputs: {}, parameters: Object.keys(CALIBRATED), pairs: CALIBRATION_PAIRS, fromYear: 2019, toYear: 2025, steps: POSTERIOR_PUBLISHED_STEPS },
	observedSeries
);
if (!posterior) throw new Error(problems.join('\n'));
writeFileSync(new URL('../src/lib/notebooks/posterior-v2.json', import.meta.url), JSON.stringify(posterior) + '\n');
const d = posterior.diagnostics;
console.log(
	`posterior: ${d.walkers} walkers x ${d.steps} steps in ${(performance.now() - posteriorStarted).toFixed(0)} ms; acceptance ${d.acceptance.toFixed(2)}, ` +
		`tau max ${Math.max(...d.tau).toFixed(0)}, ESS ${d.ess}, R-hat max ${Math.max(...d.rhat).toFixed(3)}, converged: ${d.converged}; ${posterior.draws.length} draws written`
);
