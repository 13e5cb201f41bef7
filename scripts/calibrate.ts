// Fits the default notebook's calibrated inputs to the 2019-2024 CAAM series and prints them.
// Usage: npm run calibrate. Paste the printed CALIBRATED object into src/lib/notebooks/chinaMarket.ts.
import { annualSeries } from '../src/lib/data/index';
import { CALIBRATED, chinaMarketNotebook } from '../src/lib/notebooks/chinaMarket';
import { compileNotebook, createProgram, runDeterministic } from '../src/lib/sim/index';
import { fitStatistics } from '../src/lib/sim/fitStatistics';
import { nelderMead } from '../src/lib/sim/nelderMead';

const PAIRS = [
	{ variable: 'domesticShare', series: 'domestic_share_caam' },
	{ variable: 'nevShare', series: 'nev_share_all_vehicles_caam' }
];
const names = Object.keys(CALIBRATED) as (keyof typeof CALIBRATED)[];
const fixed: Record<string, number> = JSON.parse(process.env.FIXED ?? '{}');
const program = createProgram(compileNotebook(chinaMarketNotebook, annualSeries));
const ranges = names.map((n) => chinaMarketNotebook.cells.find((c) => c.kind === 'input' && c.name === n) as { min: number; max: number });
// Keep every parameter inside its slider's range: the optimiser sees the clamped point plus a
// penalty for straying, so it is pulled back rather than stopped at the edge.
const clampToRanges = (x: number[]) => x.map((v, i) => Math.min(ranges[i].max, Math.max(ranges[i].min, v)));
const outside = (x: number[]) => x.reduce((s, v, i) => s + (v - clampToRanges(x)[i]) ** 2, 0);
const inputsOf = (x: number[]) => ({ ...Object.fromEntries(names.map((n, i) => [n, x[i]])), ...fixed });
const statsAt = (x: number[]) =>
	fitStatistics(runDeterministic(program, { inputs: inputsOf(x), horizon: 2024 }), annualSeries, PAIRS, 2019, 2024);
// The latest observation, Jan-Apr 2025 (CAAM, partial year), anchors the turn of the curve at
// half the weight of a full year.
const RECENT_DOMESTIC = 0.687;
const RECENT_WEIGHT = 0.5;
const recentResidual = (x: number[]) => {
	const r = runDeterministic(program, { inputs: inputsOf(x), horizon: 2025 });
	return r.series.domesticShare[r.years.indexOf(2025)] - RECENT_DOMESTIC;
};
const loss = (x: number[]) => {
	const c = clampToRanges(x);
	const history = statsAt(c).reduce((s, f) => s + f.residuals.reduce((a, r) => a + r * r, 0), 0);
	return outside(x) + history + RECENT_WEIGHT * recentResidual(c) ** 2;
};

let best = { x: names.map((n) => CALIBRATED[n]), value: Infinity, iterations: 0 };
for (let restart = 0; restart < 6; restart++) {
	const r = nelderMead(loss, best.x, { maxIterations: 20000, tolerance: 1e-14 });
	if (r.value < best.value) best = r;
}
const rounded = clampToRanges(best.x).map((v) => Number(v.toPrecision(5)));
console.log('export const CALIBRATED =', JSON.stringify(inputsOf(rounded), null, '\t'));
for (const s of statsAt(rounded)) {
	console.log(`${s.variable} vs ${s.series}: RMSE ${(s.rmse * 100).toFixed(2)} pp; residuals ${s.residuals.map((r) => (r * 100).toFixed(1)).join(' ')}`);
}
const future = runDeterministic(program, { inputs: inputsOf(rounded), horizon: 2035 });
for (const y of [2025, 2030, 2035]) {
	const i = future.years.indexOf(y);
	console.log(`${y}: NEV ${(future.series.nevShare[i] * 100).toFixed(1)}%, domestic ${(future.series.domesticShare[i] * 100).toFixed(1)}% (NEV seg ${(future.series.domesticShareNev[i] * 100).toFixed(1)}%, ICE seg ${(future.series.domesticShareIce[i] * 100).toFixed(1)}%)`);
}
