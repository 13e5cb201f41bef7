// BENCHMARK REFERENCE ONLY (scripts/bench/monteCarlo.ts): the default notebook's equations
// (src/lib/notebooks/chinaMarket.ts) written by hand in TypeScript, the way one would without a
// notebook engine: one loop over the samples per year, every equation inline, Float64Arrays for
// the state. It must give the engine's numbers (checked to 1e-9 by the benchmark and the tests).
// If the notebook's formulas change, change them here too. Not used by the app.

import { BAND_PERCENTILES } from './monteCarlo';
import { quantilesInto } from './quantiles';
import { inputStream, sampleInput, usableUncertainty } from './sampling';
import type { Bands, DataTable, InputCell, MonteCarloOptions, MonteCarloResult } from './types';

/** Every variable the hand-written model computes, in the notebook's formula order. */
export const HANDWRITTEN_VARIABLES = [
	'nevCeilingSoFar',
	'techLeadScaleSoFar',
	'safetyEdgeSoFar',
	'nevCeilingNow',
	'nevReadiness',
	'adoptionDelay',
	'nevShare',
	'techLeadCeiling',
	'techLead',
	'localisationTarget',
	'localisationReached',
	'foreignTechGap',
	'ruleWeight',
	'safetyGap',
	'safetyEdge',
	'shakeoutLoss',
	'domesticAdvantageIce',
	'domesticAdvantageNev',
	'domesticShareNev',
	'domesticShareIce',
	'domesticShare',
	'foreignShare',
	'passengerMarket',
	'nevSales',
	'domesticSales',
	'foreignSales'
] as const;
/** The name of one variable the hand-written model computes. */
export type HandwrittenVariable = (typeof HANDWRITTEN_VARIABLES)[number];

const logistic = (x: number) => 1 / (1 + Math.exp(-x));
const ramp = (year: number, y0: number, y1: number) => Math.min(1, Math.max(0, (year - y0) / (y1 - y0)));

/**
 * Runs the model over `n` samples (inputs: name -> n values) from `startYear` to `horizon`.
 * After each year, `record(yearIndex, values)` sees every variable's values for that year.
 */
export function simulateHandwritten(
	inputs: Record<string, Float64Array>,
	n: number,
	startYear: number,
	horizon: number,
	passengerCars: Record<number, number>,
	record: (yearIndex: number, values: Record<HandwrittenVariable, Float64Array>) => void
): void {
	const v = Object.fromEntries(HANDWRITTEN_VARIABLES.map((name) => [name, new Float64Array(n)])) as Record<HandwrittenVariable, Float64Array>;
	// Every array in a local: the loop body then touches no object properties.
	const { nevCeiling, nevSteepness, nevMidYear, nevAdoptionDelay, electrificationPace, nevShareStart } = inputs;
	const { techLeadMax, techLeadSpeed, techLeadMidYear, localisation, localisationLag, safetyRuleBoost, safetyHalfLife, safetyValue } = inputs;
	const { shakeout, iceBrandBias, nevBrandEdge, marketGrowth } = inputs;
	const { nevCeilingSoFar, techLeadScaleSoFar, safetyEdgeSoFar, nevCeilingNow, techLeadCeiling } = v;
	const { nevReadiness, adoptionDelay, nevShare, techLead, localisationTarget, localisationReached, foreignTechGap, ruleWeight } = v;
	const { safetyGap, safetyEdge, shakeoutLoss, domesticAdvantageIce, domesticAdvantageNev, domesticShareNev, domesticShareIce } = v;
	const { domesticShare, foreignShare, passengerMarket, nevSales, domesticSales, foreignSales } = v;
	for (let year = startYear, y = 0; year <= horizon; year++, y++) {
		const first = y === 0;
		const paceOn = year >= 2026 ? 1 : 0;
		// Levers act from 2026: every phase-in is 0 through 2025, the last year of data.
		const leverRamp = ramp(year, 2025, 2030);
		const ruleRamp = ramp(year, 2025, 2027);
		const safetyYears = Math.max(0, year - 2025);
		const observed = passengerCars[year];
		for (let i = 0; i < n; i++) {
			// Stated history (where the levers start from).
			const ceilingSoFar = 0.9;
			const scaleSoFar = 1;
			const edgeSoFar = 0.4;
			// Electrification.
			const ceilingNow = ceilingSoFar + (nevCeiling[i] - ceilingSoFar) * leverRamp;
			const readiness = ceilingNow * logistic(nevSteepness[i] * (year - nevMidYear[i]));
			const delay = Math.max(1, nevAdoptionDelay[i] / (1 + (electrificationPace[i] - 1) * paceOn));
			const lastNev = first ? nevShareStart[i] : nevShare[i];
			const nev = lastNev + (readiness - lastNev) / delay;
			// Chinese and foreign brands.
			const leadCeiling = scaleSoFar + (techLeadMax[i] - scaleSoFar) * leverRamp;
			const lead = leadCeiling * logistic(techLeadSpeed[i] * (year - techLeadMidYear[i]));
			const target = localisation[i] * leverRamp;
			const lastReached = first ? 0 : localisationReached[i];
			const reached = lastReached + (target - lastReached) / localisationLag[i];
			const gap = lead * (1 - reached);
			const weight = 1 + (safetyRuleBoost[i] - 1) * ruleRamp;
			const fading = 0.5 ** (safetyYears / safetyHalfLife[i]);
			const edge = edgeSoFar + (safetyValue[i] * weight * fading - edgeSoFar) * ruleRamp;
			const loss = Math.log(1 - shakeout[i] * leverRamp);
			const advantageIce = iceBrandBias[i] + gap - edge + loss;
			const advantageNev = advantageIce + nevBrandEdge[i];
			const shareNev = logistic(advantageNev);
			const shareIce = logistic(advantageIce);
			const domestic = nev * shareNev + (1 - nev) * shareIce;
			// Volumes.
			const market = observed !== undefined ? observed : (first ? 21 : passengerMarket[i]) * (1 + marketGrowth[i]);
			const domesticVolume = market * domestic;

			nevCeilingSoFar[i] = ceilingSoFar;
			techLeadScaleSoFar[i] = scaleSoFar;
			safetyEdgeSoFar[i] = edgeSoFar;
			nevCeilingNow[i] = ceilingNow;
			techLeadCeiling[i] = leadCeiling;
			nevReadiness[i] = readiness;
			adoptionDelay[i] = delay;
			nevShare[i] = nev;
			techLead[i] = lead;
			localisationTarget[i] = target;
			localisationReached[i] = reached;
			foreignTechGap[i] = gap;
			ruleWeight[i] = weight;
			safetyGap[i] = fading;
			safetyEdge[i] = edge;
			shakeoutLoss[i] = loss;
			domesticAdvantageIce[i] = advantageIce;
			domesticAdvantageNev[i] = advantageNev;
			domesticShareNev[i] = shareNev;
			domesticShareIce[i] = shareIce;
			domesticShare[i] = domestic;
			foreignShare[i] = 1 - domestic;
			passengerMarket[i] = market;
			nevSales[i] = market * nev;
			domesticSales[i] = domesticVolume;
			foreignSales[i] = market - domesticVolume;
		}
		record(y, v);
	}
}

/**
 * The Monte Carlo pipeline of runMonteCarlo (same sampling, same band summaries) around the
 * hand-written model instead of the engine, so a comparison isolates the simulation itself.
 */
export function handwrittenMonteCarlo(
	cells: InputCell[],
	startYear: number,
	data: DataTable,
	options: MonteCarloOptions
): MonteCarloResult {
	const started = performance.now();
	const n = options.samples;
	const inputs: Record<string, Float64Array> = {};
	const uncertainInputs: string[] = [];
	for (const cell of cells) {
		const given = Object.hasOwn(options.inputs, cell.name) ? options.inputs[cell.name] : cell.default;
		const central = Number.isFinite(given) ? Math.min(cell.max, Math.max(cell.min, given)) : cell.default;
		if (usableUncertainty(cell)) uncertainInputs.push(cell.name);
		inputs[cell.name] = sampleInput(cell, central, n, inputStream(options.seed, cell.name));
	}
	const years: number[] = [];
	for (let y = startYear; y <= options.horizon; y++) years.push(y);
	const wanted = options.variables.filter((name): name is HandwrittenVariable => (HANDWRITTEN_VARIABLES as readonly string[]).includes(name));
	const bands: Record<string, Bands> = {};
	for (const name of wanted) bands[name] = { p5: [], p25: [], p50: [], p75: [], p95: [], mean: [] };
	const q = new Float64Array(BAND_PERCENTILES.length);
	simulateHandwritten(inputs, n, startYear, options.horizon, data.passenger_cars_caam ?? {}, (y, values) => {
		for (const name of wanted) {
			const b = bands[name];
			b.mean[y] = quantilesInto(values[name], BAND_PERCENTILES, q);
			b.p5[y] = q[0];
			b.p25[y] = q[1];
			b.p50[y] = q[2];
			b.p75[y] = q[3];
			b.p95[y] = q[4];
		}
	});
	return { years, samples: n, seed: options.seed, bands, uncertainInputs, elapsedMs: performance.now() - started };
}
