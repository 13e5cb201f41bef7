// Calibrates the published notebook (version 3) with the same routines the app's fit, back-test
// and posterior use (src/lib/sim/), prints every target of the model beside what was measured,
// and writes the posterior the notebook ships.
// Usage: npm run calibrate. Paste the printed CALIBRATED object into
// src/lib/notebooks/chinaMarketCells/calibrated.ts, then run it again: the targets are measured on
// the published values, and the posterior is sampled around them.
import '../src/node/englishWords';
import { writeFileSync } from 'node:fs';
import { observedSeries } from '../src/lib/data/index';
import { CALIBRATED, CALIBRATION_PAIRS, LAST_DATA_YEAR, LEVERS, chinaMarketNotebook } from '../src/lib/notebooks/chinaMarket';
import { BACKTEST_TARGETS, BAND_TARGETS, FIT_TARGETS } from '../src/lib/notebooks/chinaMarketCells/targets';
import { seriesBasisFor } from '../src/lib/notebooks/published';
import { backtest } from '../src/lib/sim/analysis/backtest';
import { bandCoverage, totalInside } from '../src/lib/sim/analysis/bandCalibration';
import { fitParameters } from '../src/lib/sim/analysis/fitting';
import { fitStatistics } from '../src/lib/sim/analysis/fitStatistics';
import { compileNotebook, createProgram, runDeterministic } from '../src/lib/sim/index';
import { runMonteCarlo } from '../src/lib/sim/analysis/monteCarlo';
import { computePosterior } from '../src/lib/sim/analysis/posterior';
import type { Notebook, PosteriorSample, RmseTarget } from '../src/lib/sim/types';

const notebook = chinaMarketNotebook;
const data = observedSeries;
const parameters = Object.keys(CALIBRATED);
const seriesBasis = seriesBasisFor(notebook);
const pp = (x: number) => `${(x * 100).toFixed(2)} pp`;
const mark = (ok: boolean) => (ok ? 'ok' : 'MISSED');
const targetOf = (targets: RmseTarget[], variable: string) => targets.find((t) => t.variable === variable)?.rmse;
const only = (flag: string) => process.argv.includes(flag);

// 1. The fit, from the published values. `--measure` skips it and the posterior: it measures the
// published values and the shipped posterior only (a minute instead of five).
if (!only('--measure')) {
	const started = performance.now();
	const fit = fitParameters({ notebook, inputs: {}, parameters, pairs: CALIBRATION_PAIRS, fromYear: 2019, toYear: LAST_DATA_YEAR, maxRuns: 60_000, seriesBasis }, data);
	if (fit.problems.length) throw new Error(fit.problems.join('\n'));
	// Six significant digits: five left years such as 2020.824 at 2020.8, measurably off the optimum.
	const rounded = Object.fromEntries(Object.entries(fit.fitted).map(([k, v]) => [k, Number(v.toPrecision(6))]));
	console.log('export const CALIBRATED = ' + JSON.stringify(rounded, null, '\t').replace(/"(\w+)":/g, '$1:') + ';');
	console.log(`${fit.runs} model runs, ${(performance.now() - started).toFixed(0)} ms, converged: ${fit.converged}\n`);
}

// 2. Every target, on the published values.
const program = createProgram(compileNotebook(notebook, data));
const run = runDeterministic(program, { inputs: {}, horizon: 2035 });
console.log('Fit, 2019-2025, published values (target in brackets):');
for (const s of fitStatistics(run, data, CALIBRATION_PAIRS, 2019, LAST_DATA_YEAR)) {
	const target = targetOf(FIT_TARGETS, s.variable);
	const volume = s.years.some((y) => data[s.series][y] > 1);
	const show = volume ? (x: number) => `${x.toFixed(3)} M` : pp;
	const residuals = s.residuals.map((r) => (volume ? r.toFixed(3) : (r * 100).toFixed(1))).join(' ');
	console.log(`  ${s.variable} vs ${s.series}: RMSE ${show(s.rmse)} over ${s.years.length} years${target ? ` (<= ${pp(target)}: ${mark(s.rmse <= target)})` : ''}; residuals ${residuals}${volume ? ' M' : ' pp'}`);
}

const bt = backtest({ notebook, inputs: {}, parameters, pairs: CALIBRATION_PAIRS, fromYear: 2019, throughYear: 2022, checkThroughYear: LAST_DATA_YEAR, maxRuns: 60_000, seriesBasis }, data);
console.log('\nBack-test: fitted on 2019-2022, projected 2023-2025:');
for (const h of bt.heldBack) {
	const target = targetOf(BACKTEST_TARGETS, h.variable);
	if (!h.years.length) continue;
	const volume = h.actual.some((a) => a > 1);
	const errors = h.errors.map((e, i) => `${h.years[i]} ${volume ? e.toFixed(2) : (e * 100).toFixed(1)}`).join(', ');
	console.log(`  ${h.variable} vs ${h.series}: errors ${errors} ${volume ? 'M' : 'pp'}; RMSE ${volume ? `${h.rmse.toFixed(3)} M` : pp(h.rmse)}${target ? ` (<= ${pp(target)}: ${mark(h.rmse <= target)})` : ''}`);
}

console.log('\nHistory: each lever alone at its min and max, the largest change in any formula through 2025:');
const base = runDeterministic(createProgram(compileNotebook(notebook, data)), { inputs: {}, horizon: 2035 });
let worst = 0;
for (const lever of LEVERS) {
	const cell = program.model.inputs.find((c) => c.name === lever)!;
	for (const value of [cell.min, cell.max]) {
		const moved = runDeterministic(program, { inputs: { [lever]: value }, horizon: 2035 });
		for (const [name, series] of Object.entries(moved.series)) {
			if (name === lever) continue;
			for (let y = 0; y <= LAST_DATA_YEAR - 2019; y++) worst = Math.max(worst, Math.abs(series[y] - base.series[name][y]));
		}
	}
}
console.log(`  ${worst.toExponential(2)} (<= 1e-9: ${mark(worst <= 1e-9)})`);

// 3. The posterior, around the published values, and the bands it gives.
let posterior: PosteriorSample;
if (only('--measure')) {
	posterior = (await import('../src/lib/notebooks/posterior-v3.json')).default as PosteriorSample;
} else {
	const started = performance.now();
	const outcome = computePosterior(
		{ notebook, inputs: {}, parameters, pairs: CALIBRATION_PAIRS, fromYear: 2019, toYear: LAST_DATA_YEAR, seriesBasis },
		data
	);
	if (!outcome.posterior) throw new Error(outcome.problems.join('\n'));
	posterior = outcome.posterior;
	writeFileSync(new URL('../src/lib/notebooks/posterior-v3.json', import.meta.url), JSON.stringify(posterior) + '\n');
	const d = posterior.diagnostics;
	console.log(
		`\nPosterior: ${d.walkers} walkers x ${d.steps} steps in ${(performance.now() - started).toFixed(0)} ms; acceptance ${d.acceptance.toFixed(2)}, ` +
			`tau max ${Math.max(...d.tau).toFixed(0)}, ESS ${d.ess}, R-hat max ${Math.max(...d.rhat).toFixed(3)}, converged: ${d.converged}; ${posterior.draws.length} draws written`
	);
}

const withPosterior: Notebook = { ...notebook, cells: notebook.cells.map((c) => (c.kind === 'fit' ? { ...c, posterior } : c)) };
const { attachPosterior } = await import('../src/lib/sim/analysis/posteriorCheck');
const model = attachPosterior(compileNotebook(withPosterior, data), withPosterior, () => undefined);
const variables = [...new Set(CALIBRATION_PAIRS.map((p) => p.variable))];
const mc = runMonteCarlo(model, { inputs: {}, horizon: 2035, samples: 10_000, seed: 1, variables });
const coverage = bandCoverage(mc, CALIBRATION_PAIRS, data, 2019, LAST_DATA_YEAR);
console.log('\nBands over 2019-2025 (10,000 samples, seed 1), actuals inside the 5-95% band and its mean width:');
for (const c of coverage) {
	const share = c.years.every((y) => y.actual <= 1);
	const width = share ? `${pp(c.meanWidth)} (<= ${pp(BAND_TARGETS.meanWidth)}: ${mark(c.meanWidth <= BAND_TARGETS.meanWidth)})` : `${c.meanWidth.toFixed(3)} M`;
	console.log(`  ${c.pair.variable} vs ${c.pair.series}: ${c.inside} of ${c.years.length} inside; mean width ${width}`);
}
const { inside, count } = totalInside(coverage);
console.log(`  all series: ${inside} of ${count} inside (${((100 * inside) / count).toFixed(0)}%; >= ${BAND_TARGETS.inside * 100}%: ${mark(inside / count >= BAND_TARGETS.inside)})`);

console.log('\nProjection, published values:');
for (const y of [2025, 2030, 2035]) {
	const i = run.years.indexOf(y);
	const pct = (name: string) => `${(run.series[name][i] * 100).toFixed(1)}%`;
	console.log(`  ${y}: NEV at home ${pct('nevShare')}; Chinese brands at home ${pct('domesticShare')}, CAAM basis ${pct('domesticShareCaam')}; German ${pct('germanShare')}, Japanese ${pct('japaneseShare')}, US ${pct('usShare')}, Korean and other ${pct('otherShare')}`);
}
