// BENCHMARK REFERENCE ONLY (scripts/bench/monteCarlo.ts): the default notebook's equations
// (version 3, src/lib/notebooks/chinaMarketCells/model.ts) written by hand in TypeScript, the way one would without a
// notebook engine: one loop over the samples per year, every equation inline, Float64Arrays for
// the state. It must give the engine's numbers (checked to 1e-9 by the benchmark and the tests).
// If the notebook's formulas change, change them here too. Not used by the app.

import { BAND_PERCENTILES } from './analysis/monteCarlo';
import { quantilesInto } from './analysis/quantiles';
import { inputStream, sampleInput, usableUncertainty } from './analysis/sampling';
import type { Bands, DataTable, InputCell, MonteCarloOptions, MonteCarloResult } from './types';

/** Every variable the hand-written model computes (the notebook's formulas, stated values first). */
export const HANDWRITTEN_VARIABLES = [
	'nevCeilingSoFar',
	'techLeadScaleSoFar',
	'usShareOfForeignExports',
	'safetyEdgeSoFar',
	'nevCeilingNow',
	'nevReadiness',
	'adoptionDelay',
	'nevShare',
	'techLeadCeiling',
	'techLead',
	'localisedGerman',
	'localisedJapanese',
	'localisedUS',
	'localisedOther',
	'ruleWeight',
	'safetyGap',
	'safetyEdge',
	'shakeoutLoss',
	'foreignEdge',
	'appealGermanNev',
	'appealJapaneseNev',
	'appealUSNev',
	'appealOtherNev',
	'appealGermanIce',
	'appealJapaneseIce',
	'appealUSIce',
	'appealOtherIce',
	'choiceNev',
	'choiceIce',
	'domesticShareNev',
	'domesticShareIce',
	'germanShare',
	'japaneseShare',
	'usShare',
	'otherShare',
	'domesticShare',
	'foreignShare',
	'passengerExports',
	'homeSales',
	'passengerWholesale',
	'exportShare',
	'exportDomesticShareNow',
	'foreignShareOfExports',
	'domesticShareCaam',
	'germanShareCaam',
	'japaneseShareCaam',
	'usShareCaam',
	'otherShareCaam',
	'germanWholesale',
	'japaneseWholesale',
	'nevSales',
	'domesticSales',
	'foreignSales',
	'domesticExports'
] as const;
/** The name of one variable the hand-written model computes. */
export type HandwrittenVariable = (typeof HANDWRITTEN_VARIABLES)[number];

const logistic = (x: number) => 1 / (1 + Math.exp(-x));
const ramp = (year: number, y0: number, y1: number) => Math.min(1, Math.max(0, (year - y0) / (y1 - y0)));

/** Passenger-car exports as the notebook reads them: CAAM's count, else CPCA's, else the customs count; undefined after the data. */
function exportsObserved(data: DataTable, year: number): number | undefined {
	for (const id of ['passenger_exports_caam', 'passenger_exports_cpca', 'car_exports_customs']) {
		const v = data[id]?.[year];
		if (v !== undefined) return v;
	}
	return undefined;
}

/**
 * Runs the model over `n` samples (inputs: name -> n values) from `startYear` to `horizon`.
 * After each year, `record(yearIndex, values)` sees every variable's values for that year.
 */
export function simulateHandwritten(
	inputs: Record<string, Float64Array>,
	n: number,
	startYear: number,
	horizon: number,
	data: DataTable,
	record: (yearIndex: number, values: Record<HandwrittenVariable, Float64Array>) => void
): void {
	const v = Object.fromEntries(HANDWRITTEN_VARIABLES.map((name) => [name, new Float64Array(n)])) as Record<HandwrittenVariable, Float64Array>;
	// Every array in a local: the loop body then touches no object properties.
	const { nevCeiling, nevSteepness, nevMidYear, nevAdoptionDelay, electrificationPace, nevShareStart } = inputs;
	const { techLeadMax, techLeadSpeed, techLeadMidYear, localisationLag, safetyRuleBoost, safetyHalfLife, safetyValue, shakeout } = inputs;
	const { localisationGerman, localisationJapanese, localisationUS, localisationOther } = inputs;
	const { germanPull, japanesePull, usPull, otherPull, germanNevPull, japaneseNevPull, usNevPull } = inputs;
	const { marketGrowth, exportGrowth, exportDomesticShare, exportDomesticShareSoFar } = inputs;
	const passengerCars = data.passenger_cars_caam ?? {};
	for (let year = startYear, y = 0; year <= horizon; year++, y++) {
		const first = y === 0;
		const paceOn = year >= 2026 ? 1 : 0;
		// Levers act from 2026: every phase-in is 0 through 2025, the last year of data.
		const leverRamp = ramp(year, 2025, 2030);
		const ruleRamp = ramp(year, 2025, 2027);
		const safetyYears = Math.max(0, year - 2025);
		const wholesaleObserved = passengerCars[year];
		const exportsSeen = exportsObserved(data, year);
		for (let i = 0; i < n; i++) {
			// Stated history (where the levers start from).
			const ceilingSoFar = 0.9;
			const scaleSoFar = 1;
			const usPartOfForeignExports = 0.4;
			const edgeSoFar = 0.4;
			// Electrification at home.
			const ceilingNow = ceilingSoFar + (nevCeiling[i] - ceilingSoFar) * leverRamp;
			const readiness = ceilingNow * logistic(nevSteepness[i] * (year - nevMidYear[i]));
			const delay = Math.max(1, nevAdoptionDelay[i] / (1 + (electrificationPace[i] - 1) * paceOn));
			const lastNev = first ? nevShareStart[i] : v.nevShare[i];
			const nev = lastNev + (readiness - lastNev) / delay;
			// Brands by origin: a multinomial logit within each segment, against Chinese brands.
			const leadCeiling = scaleSoFar + (techLeadMax[i] - scaleSoFar) * leverRamp;
			const lead = leadCeiling * logistic(techLeadSpeed[i] * (year - techLeadMidYear[i]));
			const lag = localisationLag[i];
			const beforeGerman = first ? 0 : v.localisedGerman[i];
			const beforeJapanese = first ? 0 : v.localisedJapanese[i];
			const beforeUS = first ? 0 : v.localisedUS[i];
			const beforeOther = first ? 0 : v.localisedOther[i];
			const locGerman = beforeGerman + (localisationGerman[i] * leverRamp - beforeGerman) / lag;
			const locJapanese = beforeJapanese + (localisationJapanese[i] * leverRamp - beforeJapanese) / lag;
			const locUS = beforeUS + (localisationUS[i] * leverRamp - beforeUS) / lag;
			const locOther = beforeOther + (localisationOther[i] * leverRamp - beforeOther) / lag;
			const weight = 1 + (safetyRuleBoost[i] - 1) * ruleRamp;
			const fading = 0.5 ** (safetyYears / safetyHalfLife[i]);
			const edge = edgeSoFar + (safetyValue[i] * weight * fading - edgeSoFar) * ruleRamp;
			const loss = Math.log(1 - shakeout[i] * leverRamp);
			const foreign = edge - loss;
			// Each origin's NEV gap (its NEV pull less the lead), for the part localisation has not closed.
			const germanNev = Math.exp(germanPull[i] + foreign + (germanNevPull[i] - lead) * (1 - locGerman));
			const japaneseNev = Math.exp(japanesePull[i] + foreign + (japaneseNevPull[i] - lead) * (1 - locJapanese));
			const usNev = Math.exp(usPull[i] + foreign + (usNevPull[i] - lead) * (1 - locUS));
			// Korean and other brands take the German brands' NEV pull (model.ts says why).
			const otherNev = Math.exp(otherPull[i] + foreign + (germanNevPull[i] - lead) * (1 - locOther));
			const germanIce = Math.exp(germanPull[i] + foreign);
			const japaneseIce = Math.exp(japanesePull[i] + foreign);
			const usIce = Math.exp(usPull[i] + foreign);
			const otherIce = Math.exp(otherPull[i] + foreign);
			const choiceNev = 1 + germanNev + japaneseNev + usNev + otherNev;
			const choiceIce = 1 + germanIce + japaneseIce + usIce + otherIce;
			const german = nev * germanNev / choiceNev + (1 - nev) * germanIce / choiceIce;
			const japanese = nev * japaneseNev / choiceNev + (1 - nev) * japaneseIce / choiceIce;
			const us = nev * usNev / choiceNev + (1 - nev) * usIce / choiceIce;
			const other = nev * otherNev / choiceNev + (1 - nev) * otherIce / choiceIce;
			const domestic = nev * (1 / choiceNev) + (1 - nev) * (1 / choiceIce);
			const foreignTotal = 1 - domestic;
			// Exports, and CAAM's basis.
			const exported = exportsSeen !== undefined ? exportsSeen : (first ? 0 : v.passengerExports[i]) * (1 + exportGrowth[i]);
			const home = wholesaleObserved !== undefined ? wholesaleObserved - exported : (first ? 20 : v.homeSales[i]) * (1 + marketGrowth[i]);
			const wholesale = home + exported;
			const exportDomestic = exportDomesticShareSoFar[i] + (exportDomesticShare[i] - exportDomesticShareSoFar[i]) * leverRamp;
			const exportForeign = 1 - exportDomestic;
			const restOfForeign = (1 - usPartOfForeignExports) / (foreignTotal - us);
			const germanCaam = (german * home + exportForeign * exported * (restOfForeign * german)) / wholesale;
			const japaneseCaam = (japanese * home + exportForeign * exported * (restOfForeign * japanese)) / wholesale;

			v.nevCeilingSoFar[i] = ceilingSoFar;
			v.techLeadScaleSoFar[i] = scaleSoFar;
			v.usShareOfForeignExports[i] = usPartOfForeignExports;
			v.safetyEdgeSoFar[i] = edgeSoFar;
			v.nevCeilingNow[i] = ceilingNow;
			v.nevReadiness[i] = readiness;
			v.adoptionDelay[i] = delay;
			v.nevShare[i] = nev;
			v.techLeadCeiling[i] = leadCeiling;
			v.techLead[i] = lead;
			v.localisedGerman[i] = locGerman;
			v.localisedJapanese[i] = locJapanese;
			v.localisedUS[i] = locUS;
			v.localisedOther[i] = locOther;
			v.ruleWeight[i] = weight;
			v.safetyGap[i] = fading;
			v.safetyEdge[i] = edge;
			v.shakeoutLoss[i] = loss;
			v.foreignEdge[i] = foreign;
			v.appealGermanNev[i] = germanNev;
			v.appealJapaneseNev[i] = japaneseNev;
			v.appealUSNev[i] = usNev;
			v.appealOtherNev[i] = otherNev;
			v.appealGermanIce[i] = germanIce;
			v.appealJapaneseIce[i] = japaneseIce;
			v.appealUSIce[i] = usIce;
			v.appealOtherIce[i] = otherIce;
			v.choiceNev[i] = choiceNev;
			v.choiceIce[i] = choiceIce;
			v.domesticShareNev[i] = 1 / choiceNev;
			v.domesticShareIce[i] = 1 / choiceIce;
			v.germanShare[i] = german;
			v.japaneseShare[i] = japanese;
			v.usShare[i] = us;
			v.otherShare[i] = other;
			v.domesticShare[i] = domestic;
			v.foreignShare[i] = foreignTotal;
			v.passengerExports[i] = exported;
			v.homeSales[i] = home;
			v.passengerWholesale[i] = wholesale;
			v.exportShare[i] = exported / wholesale;
			v.exportDomesticShareNow[i] = exportDomestic;
			v.foreignShareOfExports[i] = exportForeign;
			v.domesticShareCaam[i] = (domestic * home + exportDomestic * exported) / wholesale;
			v.germanShareCaam[i] = germanCaam;
			v.japaneseShareCaam[i] = japaneseCaam;
			v.usShareCaam[i] = (us * home + exportForeign * exported * usPartOfForeignExports) / wholesale;
			v.otherShareCaam[i] = (other * home + exportForeign * exported * (restOfForeign * other)) / wholesale;
			v.germanWholesale[i] = germanCaam * wholesale;
			v.japaneseWholesale[i] = japaneseCaam * wholesale;
			v.nevSales[i] = home * nev;
			v.domesticSales[i] = home * domestic;
			v.foreignSales[i] = home - home * domestic;
			v.domesticExports[i] = exportDomestic * exported;
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
	simulateHandwritten(inputs, n, startYear, options.horizon, data, (y, values) => {
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
