// How uncertain are the calibrated parameters? Two estimates around the published fit
// (CALIBRATED in src/lib/notebooks/chinaMarket.ts), on the fit `npm run calibrate` and the fit
// cell use (src/lib/sim/analysis/fitting.ts: squared residuals over CALIBRATION_PAIRS, 2019-2025, each
// observation weighted equally):
//   1. curvature: Gauss-Newton covariance s² (JᵀJ)⁻¹ from the Jacobian J of the residuals at the
//      fit, s² = SSR / (observations - parameters);
//   2. residual bootstrap: B refits (with fitParameters itself) to the fitted values plus
//      residuals resampled with replacement within each observed series (the Jan-Apr 2025 point
//      draws from the domestic-share residuals), inflated by √(m / (m - p)) for the degrees of
//      freedom the fit used up.
// Prints both and the ranges to paste as `uncertainty: { ..., distribution: 'normal' }`: the fit
// ± 1.645 bootstrap standard deviations (the 5th and 95th percentiles of a normal), cut to the
// slider's range. Then shows what sampling the parameters independently (as the Monte Carlo runs
// do) makes of the projections, against moving them jointly as the bootstrap refits do.
// Usage: npx tsx scripts/uncertainty.ts [replicates=200] [seed=1]

import '../src/node/englishWords';
import { observedSeries } from '../src/lib/data/index';
import { CALIBRATED, CALIBRATION_PAIRS, chinaMarketNotebook } from '../src/lib/notebooks/chinaMarket';
import { fitParameters } from '../src/lib/sim/analysis/fitting';
import { compileNotebook, createProgram, runDeterministic } from '../src/lib/sim/index';
import type { InputCell } from '../src/lib/sim/index';
import { quantiles } from '../src/lib/sim/analysis/quantiles';
import { seededRandom } from '../src/lib/sim/analysis/random';

const REPLICATES = Number(process.argv[2] ?? 200);
const random = seededRandom(Number(process.argv[3] ?? 1));
const Z95 = 1.6448536269514722;
const FROM = 2019;
const TO = 2025;

const names = Object.keys(CALIBRATED) as (keyof typeof CALIBRATED)[];
const cells = names.map((n) => chinaMarketNotebook.cells.find((c): c is InputCell => c.kind === 'input' && c.name === n)!);
const program = createProgram(compileNotebook(chinaMarketNotebook, observedSeries));
const clampToRanges = (x: number[]) => x.map((v, i) => Math.min(cells[i].max, Math.max(cells[i].min, v)));
const inputsOf = (x: number[]) => Object.fromEntries(names.map((n, i) => [n, x[i]]));

/** The observations: every (pair, year) in FROM..TO where the series has a value. */
const observations = CALIBRATION_PAIRS.flatMap((pair, k) =>
	Object.entries(observedSeries[pair.series] ?? {})
		.map(([year, value]) => ({ pair: k, variable: pair.variable, series: pair.series, year: Number(year), value }))
		.filter((o) => o.year >= FROM && o.year <= TO && Number.isFinite(o.value))
);
const m = observations.length;
const p = names.length;

function fitted(x: number[]): number[] {
	const r = runDeterministic(program, { inputs: inputsOf(x), horizon: TO });
	return observations.map((o) => r.series[o.variable][r.years.indexOf(o.year)]);
}
const residuals = (x: number[]) => fitted(x).map((v, j) => v - observations[j].value);

const x0 = names.map((n) => CALIBRATED[n]);
const r0 = residuals(x0);
const ssr = r0.reduce((s, r) => s + r * r, 0);
console.log(`fit: SSR ${ssr.toExponential(3)} over ${m} observations (${CALIBRATION_PAIRS.map((q) => q.series).join(', ')}), ${p} parameters; s = ${Math.sqrt(ssr / (m - p)).toFixed(4)}`);

// --- 1. Curvature (Gauss-Newton). ---------------------------------------------------------------
function jacobian(x: number[]): number[][] {
	const J = Array.from({ length: m }, () => new Array<number>(p).fill(0));
	for (let i = 0; i < p; i++) {
		const h = 1e-5 * Math.max(1, Math.abs(x[i]));
		const up = x.slice();
		const down = x.slice();
		up[i] += h;
		down[i] -= h;
		const a = residuals(up);
		const b = residuals(down);
		for (let j = 0; j < m; j++) J[j][i] = (a[j] - b[j]) / (2 * h);
	}
	return J;
}
function invert(A: number[][]): number[][] {
	const n = A.length;
	const M = A.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
	for (let c = 0; c < n; c++) {
		let pivot = c;
		for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[pivot][c])) pivot = r;
		[M[c], M[pivot]] = [M[pivot], M[c]];
		const d = M[c][c];
		for (let k = 0; k < 2 * n; k++) M[c][k] /= d;
		for (let r = 0; r < n; r++) {
			if (r === c) continue;
			const f = M[r][c];
			for (let k = 0; k < 2 * n; k++) M[r][k] -= f * M[c][k];
		}
	}
	return M.map((row) => row.slice(n));
}
const J = jacobian(x0);
const JtJ = Array.from({ length: p }, (_, a) => Array.from({ length: p }, (_, b) => J.reduce((s, row) => s + row[a] * row[b], 0)));
const cov = invert(JtJ).map((row) => row.map((v) => (v * ssr) / (m - p)));
const sdCurvature = cov.map((row, i) => Math.sqrt(Math.max(0, row[i])));
/** Standard deviation of one parameter with the others held at the fit: s / √(JᵀJ)ᵢᵢ. */
const sdConditional = JtJ.map((row, i) => Math.sqrt(ssr / (m - p) / row[i]));
console.log('correlations of the fit (curvature):');
for (let i = 0; i < p; i++) console.log(`  ${names[i].padEnd(18)} ${cov[i].map((v, j) => (v / (sdCurvature[i] * sdCurvature[j])).toFixed(2).padStart(6)).join('')}`);

// --- 2. Residual bootstrap, refitting with the app's own routine. -------------------------------
const fittedValues = fitted(x0);
const inflate = Math.sqrt(m / (m - p));
const raw = fittedValues.map((v, j) => (observations[j].value - v) * inflate);
/** Residual pools by model variable (the Jan-Apr domestic share joins the domestic-share pool). */
const poolOf = (j: number) => raw.filter((_, k) => observations[k].variable === observations[j].variable);
const estimates = names.map(() => new Float64Array(REPLICATES));
const started = Date.now();
for (let b = 0; b < REPLICATES; b++) {
	const data: Record<string, Record<number, number>> = { ...observedSeries };
	for (const s of new Set(observations.map((o) => o.series))) data[s] = { ...observedSeries[s] };
	observations.forEach((o, j) => {
		const pool = poolOf(j);
		data[o.series][o.year] = fittedValues[j] + pool[Math.floor(random() * pool.length)];
	});
	const fit = fitParameters({ notebook: chinaMarketNotebook, inputs: {}, parameters: names, pairs: CALIBRATION_PAIRS, fromYear: FROM, toYear: TO }, data);
	if (fit.problems.length) throw new Error(fit.problems.join('\n'));
	names.forEach((n, i) => (estimates[i][b] = fit.fitted[n]));
	if ((b + 1) % 20 === 0) process.stderr.write(`bootstrap: ${b + 1}/${REPLICATES} refits (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
}

/** Rounded to two significant digits of the standard deviation. */
const roundBy = (v: number, sd: number) => Number(v.toFixed(Math.max(0, Math.ceil(-Math.log10(sd)) + 1)));
const sdBoot = estimates.map((e) => {
	const mean = e.reduce((s, v) => s + v, 0) / e.length;
	return Math.sqrt(e.reduce((s, v) => s + (v - mean) ** 2, 0) / (e.length - 1));
});
console.log('\nparameter          fit        sd: curvature  conditional  bootstrap   bootstrap 5%..95%     range to paste (fit ± 1.645 sd, in slider range)');
const ranges: Record<string, { low: number; high: number }> = {};
names.forEach((n, i) => {
	const sd = sdBoot[i];
	const [q5, q95] = quantiles(estimates[i], [0.05, 0.95]);
	const low = Math.max(cells[i].min, roundBy(x0[i] - Z95 * sd, sd));
	const high = Math.min(cells[i].max, roundBy(x0[i] + Z95 * sd, sd));
	ranges[n] = { low, high };
	const cols = [n.padEnd(18), String(x0[i]).padEnd(10), sdCurvature[i].toPrecision(3).padEnd(14), sdConditional[i].toPrecision(3).padEnd(12), sd.toPrecision(3).padEnd(11)];
	console.log(`${cols.join(' ')} ${`${roundBy(q5, sd)}..${roundBy(q95, sd)}`.padEnd(21)} ${low} to ${high}`);
});
console.log('\n' + JSON.stringify(ranges));

// --- 3. What independent sampling does to the projections. --------------------------------------
const CHECK: [string, number][] = [
	['domesticShare', 2022],
	['domesticShare', 2024],
	['domesticShare', 2030],
	['domesticShare', 2035],
	['nevShare', 2024],
	['nevShare', 2030],
	['nevShare', 2035]
];
const outputsAt = (x: number[]) => {
	const r = runDeterministic(program, { inputs: inputsOf(x), horizon: 2035 });
	return CHECK.map(([v, y]) => r.series[v][r.years.indexOf(y)]);
};
const spread = (draws: number[][]) =>
	CHECK.map((_, c) => {
		const [lo, hi] = quantiles(Float64Array.from(draws, (d) => d[c]), [0.05, 0.95]);
		return `${(lo * 100).toFixed(1)}-${(hi * 100).toFixed(1)}`;
	});
const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
const independent = (sd: number[]) => Array.from({ length: 2000 }, () => outputsAt(clampToRanges(x0.map((v, i) => v + sd[i] * normal()))));
console.log('\n5%-95% of the shares, %, with only the calibrated parameters uncertain:');
console.log(`${''.padEnd(32)}${CHECK.map(([v, y]) => `${v === 'nevShare' ? 'nev' : 'dom'} ${y}`.padEnd(12)).join('')}`);
const rows: [string, number[][]][] = [
	['joint (the bootstrap refits)', Array.from({ length: REPLICATES }, (_, b) => outputsAt(names.map((_, i) => estimates[i][b])))],
	['independent, bootstrap sd', independent(sdBoot)],
	['independent, conditional sd', independent(sdConditional)]
];
for (const [label, draws] of rows) console.log(`${label.padEnd(32)}${spread(draws).map((s) => s.padEnd(12)).join('')}`);
