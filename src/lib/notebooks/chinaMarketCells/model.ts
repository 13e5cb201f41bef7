// The formula cells of the published notebook, version 3: the home market (NEV share of cars
// sold in China, and brands by origin within each powertrain segment by a multinomial logit),
// exports beside it, and CAAM's wholesale figures derived from both.
//
// Through LAST_DATA_YEAR every formula here depends only on data, calibrated inputs and stated
// constants; each lever enters through a phase-in that is 0 through 2025 (ramp(2025, ...),
// step(2026)) or a stock that starts from 0 (the localisation delays). tests/model-checks.test.ts
// holds it.

import type { Cell, FormulaCell } from '../../sim/types';

const f = (id: string, formula: string, note: string, format: FormulaCell['format'], basis?: FormulaCell['basis']): FormulaCell =>
	basis ? { id, kind: 'formula', formula, format, note, basis } : { id, kind: 'formula', formula, format, note };

/** Per foreign origin: its variable stem and how the notes name it. */
const ORIGINS = [
	{ stem: 'German', words: 'German brands' },
	{ stem: 'Japanese', words: 'Japanese brands' },
	{ stem: 'US', words: 'US brands' },
	{ stem: 'Other', words: 'Korean and other foreign brands' }
] as const;
const lower = (stem: string) => (stem === 'US' ? 'us' : stem.charAt(0).toLowerCase() + stem.slice(1));

export const nevModel: Cell[] = [
	{
		id: 'md-nev',
		kind: 'markdown',
		text: `## Electrification at home

NEV readiness (price, range, charging) follows an S-curve towards a ceiling, and sales in China follow readiness with a delay, because buyers replace cars over years: a first-order delay, the system-dynamics way of writing "closes a fixed fraction of the distance each year". Version 3 fits this to CPCA's retail NEV share of cars sold in China (2020-2025), not to CAAM's share of all vehicles, so the NEV share and the brand shares share one denominator: passenger cars sold at home. The ceiling lever moves the ceiling from 2026; the pace lever shortens or lengthens the delay from 2026.`
	},
	f('f-nevCeilingNow', 'nevCeilingNow = nevCeilingSoFar + (nevCeiling - nevCeilingSoFar) * ramp(2025, 2030)', 'The NEV ceiling: the one history was fitted with through 2025, moving to the ceiling lever in even steps over 2026-2030.', 'percent'),
	f('f-nevReadiness', 'nevReadiness = nevCeilingNow * logistic(nevSteepness * (year - nevMidYear))', 'NEV readiness: the share NEVs would have if buyers switched at once (the S-curve is calibrated).', 'percent'),
	f('f-adoptionDelay', 'adoptionDelay = max(1, nevAdoptionDelay / (1 + (electrificationPace - 1) * step(2026)))', 'Years buyers take to follow readiness: calibrated, and from 2026 divided by the pace lever. Never under a year: a yearly step cannot catch up by more than the whole distance.', 'number'),
	f('f-nevShare', 'nevShare = prev(nevShare, nevShareStart) + (nevReadiness - prev(nevShare, nevShareStart)) / adoptionDelay', 'NEV share at home: NEVs as a share of passenger cars sold in China (CPCA retail basis).', 'percent', 'retail')
];

const localisationCells: FormulaCell[] = ORIGINS.map(({ stem, words }) =>
	f(
		`f-localised${stem}`,
		`localised${stem} = prev(localised${stem}, 0) + (localisation${stem} * ramp(2025, 2030) - prev(localised${stem}, 0)) / localisationLag`,
		`Share of their NEV gap ${words} have closed in showrooms: their localisation lever, announced in even steps over 2026-2030, through a first-order delay of one product cycle (0 through 2025).`,
		'percent'
	)
);

const appealCells = (segment: 'Nev' | 'Ice'): FormulaCell[] =>
	ORIGINS.map(({ stem, words }) =>
		f(
			`f-appeal${stem}${segment}`,
			segment === 'Nev'
				? `appeal${stem}Nev = exp(${lower(stem)}Pull + foreignEdge + (${stem === 'Other' ? 'german' : lower(stem)}NevPull - techLead) * (1 - localised${stem}))`
				: `appeal${stem}Ice = exp(${lower(stem)}Pull + foreignEdge)`,
			segment === 'Nev'
				? `How strongly ${words} draw NEV buyers against Chinese brands, as exp(utility difference): their calibrated pull and the shared foreign edge, then their NEV gap (their NEV pull, below 0, less the Chinese technology lead) for the part localisation has not closed.${stem === 'Other' ? " Their record is one year, which pins one parameter, not two, so their NEV pull is taken to be the German brands' (the European brands among them build NEVs much as the Germans do)." : ''}`
				: `How strongly ${words} draw combustion-car buyers against Chinese brands, as exp(utility difference): their calibrated pull and the shared foreign edge. The technology lead is a matter of NEVs (software, cockpits, batteries), so it does not enter here.`,
			'number'
		)
	);

const originShareCells: FormulaCell[] = ORIGINS.map(({ stem, words }) =>
	f(
		`f-${lower(stem)}Share`,
		`${lower(stem)}Share = nevShare * appeal${stem}Nev / choiceNev + (1 - nevShare) * appeal${stem}Ice / choiceIce`,
		`${words.charAt(0).toUpperCase() + words.slice(1)} at home: their share of passenger cars sold in China; each segment's share weighted by the segment's size.`,
		'percent',
		'retail'
	)
);

export const brandModel: Cell[] = [
	{
		id: 'md-brands',
		kind: 'markdown',
		text: `## Brands by origin, at home

Within each powertrain segment, NEV and combustion, buyers in China choose among five origins (Chinese, German, Japanese, US, and Korean and other) by a multinomial logit: each origin's share of the segment is exp(its attractiveness) over the sum of all five. Only differences matter, so each foreign origin's attractiveness is written against the Chinese brands':

- a **pull** of its own in combustion cars and an **NEV pull** on top of it among NEVs, both calibrated on the record of that origin's share (Tesla makes the US pull among NEVs strong; Japanese brands sold few NEVs);
- the shared **foreign edge**: the safety reputation, and the Chinese models lost if Chinese makers shake out;
- among NEVs, its **NEV gap**: its own NEV deficit and the Chinese **technology lead** in software, cockpits and batteries, less the part of it that origin's **localisation** has closed.

Localisation is one lever per foreign origin, because each camp has its own partners and pace. Safety reputation stays one set of levers for every foreign origin: no sales series or survey separates what buyers credit Toyota's safety from what they credit Volkswagen's, and through 2025 even the total cannot be told apart from the pulls, so four safety sliders would be four guesses with nothing to check them against.

What happened through 2025 is calibrated (the pulls, the lead's S-curve) or stated (the lead's scale and the safety edge so far, at the end of the notebook). What comes after is the levers', each from 2026.`
	},
	f('f-techLeadCeiling', 'techLeadCeiling = techLeadScaleSoFar + (techLeadMax - techLeadScaleSoFar) * ramp(2025, 2030)', 'Where the technology lead heads: the scale of the record through 2025, moving to the long-run lever in even steps over 2026-2030.', 'number'),
	f('f-techLead', 'techLead = techLeadCeiling * logistic(techLeadSpeed * (year - techLeadMidYear))', 'The Chinese technology lead among NEVs, logit points, along the calibrated S-curve.', 'number'),
	...localisationCells,
	f('f-ruleWeight', 'ruleWeight = 1 + (safetyRuleBoost - 1) * ramp(2025, 2027)', 'The 2026 battery rules raise the weight of safety: half in 2026, in full from 2027.', 'number'),
	f('f-safetyGap', 'safetyGap = 0.5 ^ (max(0, year - 2025) / safetyHalfLife)', 'The foreign safety-reputation gap relative to the end of 2025: 1 through 2025, then halving every safetyHalfLife years.', 'number'),
	f('f-safetyEdge', "safetyEdge = safetyEdgeSoFar + (safetyValue * ruleWeight * safetyGap - safetyEdgeSoFar) * ramp(2025, 2027)", "The foreign advantage from safety reputation, logit points: the edge so far through 2025, moving to the levers' over 2026-2027. The same for every foreign origin.", 'number'),
	f('f-shakeoutLoss', 'shakeoutLoss = log(1 - shakeout * ramp(2025, 2030))', 'Removing a share s of Chinese-brand volume lowers the Chinese attractiveness by log(1 - s) in a logit; the exits come in even steps over 2026-2030.', 'number'),
	f('f-foreignEdge', 'foreignEdge = safetyEdge - shakeoutLoss', 'What every foreign origin gains against Chinese brands in both segments: the safety edge, and the Chinese models a shake-out removes.', 'number'),
	...appealCells('Nev'),
	...appealCells('Ice'),
	f('f-choiceNev', 'choiceNev = 1 + appealGermanNev + appealJapaneseNev + appealUSNev + appealOtherNev', "The logit's denominator among NEVs: the Chinese brands (1) and each foreign origin's appeal.", 'number'),
	f('f-choiceIce', 'choiceIce = 1 + appealGermanIce + appealJapaneseIce + appealUSIce + appealOtherIce', "The logit's denominator among combustion cars.", 'number'),
	f('f-domesticShareNev', 'domesticShareNev = 1 / choiceNev', "Chinese brands' share of NEVs sold in China.", 'percent'),
	f('f-domesticShareIce', 'domesticShareIce = 1 / choiceIce', "Chinese brands' share of combustion cars sold in China.", 'percent'),
	...originShareCells,
	f('f-domesticShare', 'domesticShare = nevShare * domesticShareNev + (1 - nevShare) * domesticShareIce', "Chinese brands at home: their share of passenger cars sold in China (CPCA retail basis); the headline.", 'percent', 'retail'),
	f('f-foreignShare', 'foreignShare = 1 - domesticShare', 'Foreign and joint-venture brands, all origins, at home.', 'percent', 'retail')
];

/** Each foreign origin's share of foreign-brand exports: the US a stated share (Tesla), the others as they sell at home. */
const exportSplit = (stem: string) =>
	stem === 'US' ? 'usShareOfForeignExports' : `(1 - usShareOfForeignExports) * ${lower(stem)}Share / (foreignShare - usShare)`;

const caamOriginCells: FormulaCell[] = ORIGINS.map(({ stem, words }) =>
	f(
		`f-${lower(stem)}ShareCaam`,
		`${lower(stem)}ShareCaam = (${lower(stem)}Share * homeSales + foreignShareOfExports * passengerExports * ${exportSplit(stem)}) / passengerWholesale`,
		stem === 'US'
			? `US brands on CAAM's basis: their share of wholesale, exports included; their sales at home, and the stated US part of foreign brands' exports (Tesla's Shanghai exports).`
			: `${words.charAt(0).toUpperCase() + words.slice(1)} on CAAM's basis: their share of wholesale, exports included. No source splits the non-US foreign exports by origin, so they are shared out as sales at home are.`,
		'percent',
		'wholesale'
	)
);

export const exportModel: Cell[] = [
	{
		id: 'md-exports',
		kind: 'markdown',
		text: `## Exports, and CAAM's basis

CAAM's headline shares count makers' shipments with exports included; CPCA's count cars sold in China. Exports grew from 0.76 million passenger cars in 2020 to about 5.8 million in 2025, most of them Chinese brands, so CAAM's Chinese-brand share has run ahead of the share Chinese brands hold among buyers in China, and the gap widened (2.6 points in 2020, about 4.5 in 2025). The model keeps the two apart: the home market above, exports here, and CAAM's figures built from both, so each is fitted to data on its own basis.

Export volumes are data through 2025; from 2026 they grow at the export lever's rate. Chinese brands' share of exports is calibrated (CAAM put foreign brands at 22% of 2023's exports, Tesla the largest) and moves to its lever's value over 2026-2030.`
	},
	f(
		'f-passengerExports',
		'passengerExports = hasData("passenger_exports_caam") ? data("passenger_exports_caam") : hasData("passenger_exports_cpca") ? data("passenger_exports_cpca") : hasData("car_exports_customs") ? data("car_exports_customs") : prev(passengerExports, 0) * (1 + exportGrowth)',
		"Passenger cars exported, million: CAAM's count where it was found (2020-2024); CPCA's for 2025 and the customs count for 2019, where CAAM's was not; then growing at the export lever's rate.",
		'millions',
		'exports'
	),
	f('f-homeSales', 'homeSales = hasData("passenger_cars_caam") ? data("passenger_cars_caam") - passengerExports : prev(homeSales, 20) * (1 + marketGrowth)', "Passenger cars sold in China, million: CAAM's passenger-car sales less exports through 2025, then growing at the home-market lever's rate.", 'millions'),
	f('f-passengerWholesale', 'passengerWholesale = homeSales + passengerExports', "Passenger cars on CAAM's basis, million: sold at home plus exported (CAAM's own total through 2025).", 'millions', 'wholesale'),
	f('f-exportShare', 'exportShare = passengerExports / passengerWholesale', 'Share of passenger-car shipments that went abroad.', 'percent'),
	f('f-exportDomesticShareNow', 'exportDomesticShareNow = exportDomesticShareSoFar + (exportDomesticShare - exportDomesticShareSoFar) * ramp(2025, 2030)', "Chinese brands' share of passenger-car exports: calibrated through 2025, moving to the lever's value in even steps over 2026-2030.", 'percent', 'exports'),
	f('f-foreignShareOfExports', 'foreignShareOfExports = 1 - exportDomesticShareNow', "Foreign brands' share of passenger-car exports (Tesla's Shanghai exports, joint ventures' and imports' re-exports).", 'percent', 'exports'),
	f('f-domesticShareCaam', 'domesticShareCaam = (domesticShare * homeSales + exportDomesticShareNow * passengerExports) / passengerWholesale', "Chinese brands on CAAM's basis: their share of wholesale, exports included, comparable with CAAM's releases.", 'percent', 'wholesale'),
	...caamOriginCells,
	f('f-germanWholesale', 'germanWholesale = germanShareCaam * passengerWholesale', "German brands' passenger cars on CAAM's basis, million (MarkLines counts German carmakers' shipments in China).", 'millions', 'wholesale'),
	f('f-japaneseWholesale', 'japaneseWholesale = japaneseShareCaam * passengerWholesale', "Japanese brands' passenger cars on CAAM's basis, million.", 'millions', 'wholesale')
];

export const volumeModel: Cell[] = [
	{
		id: 'md-volumes',
		kind: 'markdown',
		text: `## Volumes

Shares become cars through the size of the markets: sold in China, and exported.`
	},
	f('f-nevSales', 'nevSales = homeSales * nevShare', 'NEVs sold in China, million.', 'millions'),
	f('f-domesticSales', 'domesticSales = homeSales * domesticShare', 'Chinese-brand cars sold in China, million.', 'millions'),
	f('f-foreignSales', 'foreignSales = homeSales - domesticSales', 'Foreign-brand cars sold in China, million.', 'millions'),
	f('f-domesticExports', 'domesticExports = exportDomesticShareNow * passengerExports', 'Chinese-brand cars exported, million.', 'millions')
];
