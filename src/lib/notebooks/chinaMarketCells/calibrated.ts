// What version 3 fits to the 2019-2025 record, what it fits it against, and what the record
// cannot pin down and is stated instead. `npm run calibrate` (scripts/calibrate.ts) runs the same
// fit as the notebook's fit cell (sim/analysis/fitting.ts on CALIBRATION_PAIRS) and prints CALIBRATED;
// paste it here after changing a formula, and ship the posterior it writes.

import type { Cell, HistoryLink, UncertaintyRange } from '../../sim/types';
import { input } from './levers';

/**
 * Every series the model is calibrated on, each against the variable of its own basis, with its
 * noise: the typical error of a point against the model, in the variable's units. Shares are
 * given to about a point (1.5 for MarkLines' single year; 0.6 for CPCA's NEV share, the one
 * series the NEV curve answers to, weighed more to keep it within a point);
 * volumes to 0.15 million. The fit weighs each residual by 1/noise².
 */
export const CALIBRATION_PAIRS: HistoryLink[] = [
	{ variable: 'domesticShare', series: 'domestic_share_retail_cpca', noise: 0.01 },
	{ variable: 'domesticShareCaam', series: 'domestic_share_caam', noise: 0.01 },
	{ variable: 'nevShare', series: 'nev_share_passenger_retail_cpca', noise: 0.006 },
	{ variable: 'germanShare', series: 'german_share_retail_cpca', noise: 0.01 },
	{ variable: 'japaneseShare', series: 'japanese_share_retail_cpca', noise: 0.01 },
	{ variable: 'usShare', series: 'us_share_retail_cpca', noise: 0.01 },
	{ variable: 'otherShare', series: 'korean_other_share_retail_cpca', noise: 0.01 },
	{ variable: 'germanShareCaam', series: 'german_share_marklines', noise: 0.015 },
	{ variable: 'japaneseShareCaam', series: 'japanese_share_marklines', noise: 0.015 },
	{ variable: 'usShareCaam', series: 'us_share_marklines', noise: 0.015 },
	{ variable: 'germanWholesale', series: 'german_carmakers_shipments_marklines', noise: 0.15 },
	{ variable: 'japaneseWholesale', series: 'japanese_carmakers_shipments_marklines', noise: 0.15 },
	{ variable: 'foreignShareOfExports', series: 'foreign_brand_share_exports_caam', noise: 0.01 }
];

/** The calibrated parameters, as fitted on 2019-2025; also used by the model checks and the calibration script. */
export const CALIBRATED = {
	nevSteepness: 2.80746,
	nevMidYear: 2020.82,
	nevAdoptionDelay: 5.82175,
	nevShareStart: 0.0640338,
	techLeadSpeed: 5,
	techLeadMidYear: 2023.58,
	germanPull: -0.755914,
	japanesePull: -0.68248,
	usPull: -1.54474,
	otherPull: -2.37229,
	germanNevPull: -1.46337,
	japaneseNevPull: -6,
	usNevPull: -2.19579,
	exportDomesticShareSoFar: 0.785913
};

const FITTED = `Fitted jointly to every calibration series of 2019-2025 (the fit cell lists them: CPCA retail shares at home, CAAM's wholesale share, MarkLines' shares and shipments by origin, the foreign share of exports), each weighed by its noise. Uncertainty: the posterior shipped with the notebook (the fit cell shows its median, 5-95% interval and correlations); the range here is that interval, used only when no posterior is.`;

type Calibrated = keyof typeof CALIBRATED;

/**
 * The posterior's 5-95% interval as an uncertainty range around the fitted value. Where the fit
 * sits at a slider's end (the posterior piles up against it), a normal centred there would put
 * half its draws past the slider; a triangular with its mode at the fitted value, spanning the
 * interval, keeps the default inside its range instead.
 */
function rangeAround(value: number, low: number, high: number): UncertaintyRange {
	return value < low || value > high ? { low: Math.min(low, value), high: Math.max(high, value), distribution: 'triangular' } : { low, high, distribution: 'normal' };
}

const calibrated = (name: Calibrated, label: string, unit: string, min: number, max: number, step: number, low: number, high: number, about: string) =>
	input({ name, label, unit, min, max, step, default: CALIBRATED[name], uncertainty: rangeAround(CALIBRATED[name], low, high), description: `${about} ${FITTED}` });

const pull = (origin: string, name: Calibrated, low: number, high: number, about: string) =>
	calibrated(name, `${origin} brands' pull in combustion cars`, 'logit points', -4, 2, 0.01, low, high, `${origin} brands' attractiveness against Chinese brands among combustion cars, before the shared foreign edge. ${about}`);
const nevPull = (origin: string, name: Calibrated, low: number, high: number, about: string) =>
	calibrated(name, `${origin} brands' extra pull among NEVs`, 'logit points', -6, 3, 0.01, low, high, `How much more (or, below 0, less) ${origin} brands attract NEV buyers than combustion-car buyers, against Chinese brands, before the technology lead. ${about}`);

export const calibratedCells: Cell[] = [
	{
		id: 'md-calibrated',
		kind: 'markdown',
		text: `## Calibrated to 2019-2025

These parameters are not scenario levers: they were fitted so the model reproduces the record of 2019-2025 on every basis at once, and together with the three stated values after them they alone decide those years. They are inputs too, so you can test how much the fit depends on them; the fit cell below reports the error either way, and shows their joint posterior.`
	},
	calibrated('nevSteepness', 'NEV readiness steepness', 'per year', 0.3, 6, 0.01, 1.875, 5.894, 'Steepness of the S-curve of NEV readiness (price, range, charging).'),
	calibrated('nevMidYear', 'NEV readiness midpoint', 'year', 2016, 2026, 0.05, 2020.73, 2020.96, 'Year in which NEV readiness reaches half the ceiling.'),
	calibrated('nevAdoptionDelay', 'Buyers follow NEV readiness after', 'years', 1, 15, 0.05, 5.505, 6.06, 'Time constant of the first-order delay between NEV readiness and NEV sales in China: buyers replace cars and change habits slowly.'),
	calibrated('nevShareStart', 'NEV share at home in 2018', 'share', 0.005, 0.1, 0.001, 0.0384, 0.09093, 'Starting value of the NEV share stock.'),
	calibrated('techLeadSpeed', 'Speed at which the technology lead builds', 'per year', 0.1, 5, 0.01, 3.564, 4.963, 'Steepness of the S-curve along which the Chinese technology lead among NEVs builds up.'),
	calibrated('techLeadMidYear', 'Year the technology lead is half built', 'year', 2018, 2030, 0.05, 2023.42, 2023.81, 'Midpoint of the S-curve of the Chinese technology lead among NEVs.'),
	pull('German', 'germanPull', -0.8185, -0.6958, 'Volkswagen, BMW and Mercedes-Benz held about a fifth of cars sold in China until 2023.'),
	pull('Japanese', 'japanesePull', -0.7234, -0.6302, "Toyota, Honda and Nissan: 24.1% of China's retail in 2020."),
	pull('US', 'usPull', -1.622, -1.435, 'GM, Ford and Tesla: about 9% of retail in 2021-2023.'),
	pull('Korean and other', 'otherPull', -2.573, -2.285, 'Hyundai, Kia, the French and other European brands: 4.3% of retail in 2021.'),
	nevPull('German', 'germanNevPull', -1.705, -1.209, "Volkswagen's ID models and the German premium brands' NEVs."),
	nevPull('Japanese', 'japaneseNevPull', -5.793, -2.825, 'Japanese brands sold few NEVs before the bZ3X and N7 of 2025.'),
	nevPull('US', 'usNevPull', -5.384, -1.566, "Tesla: 0.32 to 0.66 million cars sold in China a year in 2021-2025 (CPCA), 4.9% of NEV retail in 2025."),
	calibrated(
		'exportDomesticShareSoFar',
		"Chinese brands' share of exports, 2019-2025",
		'share',
		0.5,
		1,
		0.005,
		0.7723,
		0.7929,
		"Share of passenger-car exports under Chinese brands through 2025, held constant: the gap between CAAM's wholesale share and CPCA's retail share, and CAAM's figure of 22% foreign brands in 2023's exports, pin it; no yearly series of it was found."
	)
];

/**
 * What the record cannot pin down, stated rather than fitted: each is where a lever starts from
 * in 2026, so a lever at its default carries the record on.
 */
export const statedCells: Cell[] = [
	{ id: 'f-nevCeilingSoFar', kind: 'formula', formula: 'nevCeilingSoFar = 0.9', format: 'percent', note: 'Stated, not fitted: the NEV ceiling the 2019-2025 curve was fitted with. Shares far below any ceiling cannot tell where it is; the ceiling lever takes over from 2026.' },
	{ id: 'f-techLeadScaleSoFar', kind: 'formula', formula: 'techLeadScaleSoFar = 1', format: 'number', note: "Stated, not fitted: the level the technology lead heads for in the 2019-2025 record, logit points. Its scale trades off against the origins' NEV pulls in the fit, so it is held at 1 and the fit finds the rest; the long-run lead lever takes over from 2026." },
	{ id: 'f-usShareOfForeignExports', kind: 'formula', formula: 'usShareOfForeignExports = 0.4', format: 'percent', note: "Stated from one year's figures: US brands' part of foreign-brand exports. Tesla exported 0.344 million of the 0.91 million foreign-brand passenger cars shipped from China in 2023 (CAAM via Reuters), GM a little more; no other year splits them." },
	{ id: 'f-safetyEdgeSoFar', kind: 'formula', formula: 'safetyEdgeSoFar = 0.4', format: 'number', note: "Stated, not fitted: the worth buyers gave the foreign safety reputation through 2025, logit points. Sales alone cannot tell it apart from the origins' pulls (a higher edge is matched exactly by lower pulls); the safety levers take over from 2026." }
];
