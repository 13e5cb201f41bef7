// FROZEN: version 2 of the published notebook, exactly as released (2026-12-01). Links and saved
// scenarios made by version 2 open with this notebook, the data it read (v2-observed-series.json)
// and the posterior it shipped (posterior-v2.json), so they give the figures they gave when they
// were made. Never edit these files: a change here changes what old links show. The current
// notebook is ../chinaMarket.ts; a v2 document moves to it only through the migration in
// scenario/migrations.ts, when its reader asks.
//
// Every text here is our own wording; facts come from the two seed articles ([Caixin] "Foreign
// carmakers tap local expertise", mid-2025; [Guangzhou] "Rewriting the script", on the Nov 2025
// Guangzhou Auto Show) and the public series in data/ as they were then.

import type { Cell, InputCell, Notebook } from '../../sim/types';

const CHINA_MARKET_NOTEBOOK_ID = 'china-market';
const CHINA_MARKET_VERSION = 2;

/** The scenario levers (links use these names); everything else in the input cells is calibrated. */
export const LEVERS_V2 = [
	'localisation',
	'localisationLag',
	'safetyValue',
	'safetyRuleBoost',
	'safetyHalfLife',
	'electrificationPace',
	'nevCeiling',
	'shakeout',
	'techLeadMax',
	'marketGrowth'
] as const;

const CAIXIN = 'Caixin Global, "Foreign carmakers tap local expertise to regain China market share" (mid-2025)';
const GUANGZHOU = '"Rewriting the script" (report on the Guangzhou Auto Show, Nov 2025)';

function input(spec: Omit<InputCell, 'kind' | 'control' | 'id'> & { control?: InputCell['control'] }): InputCell {
	return { id: `in-${spec.name}`, kind: 'input', control: 'slider', ...spec };
}

/**
 * What the calibration fits: the CAAM full-year shares 2019-2025. The fit cell uses the same
 * pairs, so its Fit button reproduces CALIBRATED_V2.
 */
export const CALIBRATION_PAIRS_V2 = [
	{ variable: 'domesticShare', series: 'domestic_share_caam' },
	{ variable: 'nevShare', series: 'nev_share_all_vehicles_caam' }
];

/** The calibrated parameters, as fitted on 2019-2025; also used by the model checks and the calibration script. */
export const CALIBRATED_V2 = {
	nevSteepness: 3.9929,
	nevMidYear: 2020.7,
	nevAdoptionDelay: 7.3991,
	nevShareStart: 0.056223,
	iceBrandBias: -0.14652,
	nevBrandEdge: 1.5333,
	techLeadSpeed: 0.92261,
	techLeadMidYear: 2023.6
};

const levers: Cell[] = [
	{
		id: 'md-levers',
		kind: 'markdown',
		text: `## The levers

Move a slider and every figure below is recomputed. The faint line on each chart is the published baseline, so you can always see how far your scenario has moved from it.

The past is data: 2019-2025 are reproduced by the calibrated parameters further down, and no lever can rewrite them. Each lever acts from 2026 on, phased in as its formula states.`
	},
	{ id: 'md-levers-localisation', kind: 'markdown', text: `### Localisation\n\nHow much of their technology gap foreign carmakers close with Chinese partners, and how soon it shows in showrooms.` },
	input({
		name: 'localisation',
		label: 'Technology gap foreign brands close by 2030',
		unit: 'share of gap',
		min: 0,
		max: 1,
		step: 0.05,
		default: 0.3,
		uncertainty: { low: 0.1, high: 0.5, distribution: 'uniform' },
		description: `How much of the Chinese brands' lead in cockpits, driver assistance and batteries foreign carmakers erase by 2030 by letting Chinese engineers lead and buying from Chinese suppliers (Toyota with Momenta and Huawei, VW with XPeng and Horizon Robotics, Nissan with Dongfeng, Mazda with Changan). 0 means no change in course, 1 closes the gap entirely. Announced from 2026 in even steps to 2030, it reaches showrooms after the delay below; whatever localisation did before 2026 is already in the 2019-2025 record. Sources: ${CAIXIN}; ${GUANGZHOU}. Uncertainty: 0.1 to 0.5, uniform (judgement: partnerships are announced but their scope is unknown).`
	}),
	input({
		name: 'localisationLag',
		label: 'Localisation reaches showrooms after',
		unit: 'years',
		min: 1,
		max: 6,
		step: 0.5,
		default: 3,
		uncertainty: { low: 2, high: 4.5, distribution: 'triangular' },
		description: `Time constant of the first-order delay between a partnership and cars in showrooms: about one product cycle. The VW-XPeng deal of July 2023 led to models from 2025-2026. Source: ${CAIXIN}. Uncertainty: 2 to 4.5 years, triangular (about one product cycle, as from the VW-XPeng deal to its first models).`
	}),
	{ id: 'md-levers-safety', kind: 'markdown', text: `### Safety reputation\n\nWhat the foreign reputation for safety is worth to buyers, how much the 2026 battery rules add, and how fast Chinese brands close the gap.` },
	input({
		name: 'safetyValue',
		label: 'Worth of the foreign safety reputation from 2026',
		unit: 'logit points',
		min: 0,
		max: 1.5,
		step: 0.05,
		default: 0.4,
		uncertainty: { low: 0.2, high: 0.7, distribution: 'triangular' },
		description: `How much buyers value foreign brands' reputation for safety from 2026, on the logit scale of brand choice: 0.4 alone would tilt an even 50/50 choice to about 60/40 for the foreign brand. Through 2025 the model holds the worth buyers gave it so far (safetyEdgeSoFar, 0.4); from 2026 it moves to this value over two years, as the battery rules phase in. Sources: ${CAIXIN} (safety reputation as the foreign brands' remaining card); the fatal Xiaomi SU7 crash of 2025 put EV safety in the news. Uncertainty: 0.2 to 0.7, triangular (judgement: no survey measures it; tilts an even choice from 55/45 to 67/33).`
	}),
	input({
		name: 'safetyRuleBoost',
		label: 'Weight of safety after the 2026 battery rules',
		unit: '× before',
		min: 1,
		max: 3,
		step: 0.1,
		default: 1.5,
		uncertainty: { low: 1.1, high: 2.2, distribution: 'triangular' },
		description: `Multiplies the worth of safety reputation as China's battery-safety rules take force in 2026 (half in 2026, in full from 2027). 1 means the rules change nothing in buyers' minds. Source: BRIEF events list; ${CAIXIN}. Uncertainty: 1.1 to 2.2, triangular (judgement: the rules are announced, their effect on buyers untested).`
	}),
	input({
		name: 'safetyHalfLife',
		label: 'Years for domestic brands to halve the safety gap',
		unit: 'years',
		min: 2,
		max: 30,
		step: 1,
		default: 8,
		uncertainty: { low: 5, high: 15, distribution: 'triangular' },
		description: `Chinese brands work to close the safety-reputation gap; this is the half-life of that gap, counted from the end of 2025 (how much they closed before is in the record). Shorter means the foreign advantage fades faster. A judgement, not a measured figure. Uncertainty: 5 to 15 years, triangular (judgement: one to three product cycles).`
	}),
	{ id: 'md-levers-electrification', kind: 'markdown', text: `### Electrification\n\nHow fast buyers move to NEVs, and how far they can go.` },
	input({
		name: 'electrificationPace',
		label: 'Electrification pace from 2026',
		unit: '× baseline',
		min: 0.5,
		max: 2,
		step: 0.05,
		default: 1,
		uncertainty: { low: 0.8, high: 1.25, distribution: 'normal' },
		description: `Speeds up (above 1) or slows down (below 1) how fast buyers follow NEV readiness from 2026 on, by dividing the adoption delay. NEVs were 47.9% of all new vehicles in 2025 (CAAM, 16.49 million); CAAM forecasts 19.0 million, a 54.7% share, for 2026. Uncertainty: 0.8 to 1.25, normal, 5th to 95th percentile (judgement around CAAM's forecast of 15% NEV growth for 2026).`
	}),
	input({
		name: 'nevCeiling',
		label: 'Long-run NEV share ceiling',
		unit: 'share',
		min: 0.6,
		max: 1,
		step: 0.01,
		default: 0.9,
		uncertainty: { low: 0.8, high: 0.97, distribution: 'triangular' },
		description: `The highest share NEVs can reach: some buyers (remote regions, some fleets) may keep combustion cars. History was fitted with a ceiling of 0.9; from 2026 the ceiling moves to this value in even steps to 2030, so it changes the future, never the fit. Uncertainty: 0.8 to 0.97, triangular (judgement: remote regions and fleets may keep combustion cars).`
	}),
	{ id: 'md-levers-domestic', kind: 'markdown', text: `### Shake-out and the domestic lead\n\nWhether Chinese makers exit, and how far their lead in software and cockpits grows.` },
	input({
		name: 'shakeout',
		label: 'Domestic models lost in a shake-out by 2030',
		unit: 'share of domestic volume',
		min: 0,
		max: 0.4,
		step: 0.01,
		default: 0.05,
		uncertainty: { low: 0, high: 0.15, distribution: 'triangular' },
		description: `Share of Chinese-brand volume whose makers exit by 2030 (in even steps from 2026). Their buyers choose again like everyone else (the logit's rule), so some go to foreign brands. Nearly a quarter of listed Chinese firms reported losses in Jan-Sep 2025, the most since 2008 (Nikkei Asia, via ${GUANGZHOU}). Uncertainty: 0 to 0.15, triangular (nearly a quarter of listed Chinese firms losing money in 2025).`
	}),
	input({
		name: 'techLeadMax',
		label: 'Domestic technology lead, long run',
		unit: 'logit points',
		min: 0,
		max: 3,
		step: 0.01,
		default: 1,
		uncertainty: { low: 0.6, high: 1.5, distribution: 'triangular' },
		description: `How far the Chinese lead in software, cockpits and driver assistance grows if foreign brands do not localise, in logit points (1 alone turns a 50/50 choice into 73/27). Through 2025 the lead follows the S-curve fitted to the record, heading for 1; from 2026 its long-run level moves from 1 to this value in even steps to 2030, so the default carries the record on. More than half the NEV debuts at the 2025 Guangzhou show came from Chinese brands (${GUANGZHOU}). Uncertainty: 0.6 to 1.5, triangular (judgement: the record shows the lead building, not where it stops).`
	}),
	{ id: 'md-levers-market', kind: 'markdown', text: `### Market\n\nHow many cars are sold: volumes only, shares do not depend on it.` },
	input({
		name: 'marketGrowth',
		label: 'Passenger-car market growth after 2025',
		unit: 'per year',
		min: -0.03,
		max: 0.05,
		step: 0.005,
		default: 0.01,
		uncertainty: { low: -0.01, high: 0.03, distribution: 'normal' },
		description: `Yearly change in passenger-car sales (CAAM basis, exports included) after the last full year of data, 2025 (30.10 million, +9.2%). CAAM forecasts +0.5% for 2026. Sets volumes only; shares do not depend on it. Uncertainty: -1% to 3% a year, normal, 5th to 95th percentile (judgement around recent growth).`
	})
];

const FITTED =
	'Fitted to CAAM NEV share and domestic-brand share 2019-2025 (jointly). Uncertainty: normal, 5th to 95th percentile, from 200 residual-bootstrap refits (scripts/uncertainty.ts), cut to the slider range.';

const calibratedInputs: Cell[] = [
	{
		id: 'md-calibrated',
		kind: 'markdown',
		text: `## Calibrated to 2019-2025

These parameters are not scenario levers: they were fitted so the model reproduces the CAAM full-year record of NEV share and domestic-brand share, 2019 to 2025, and together with the three stated values after them they alone decide the years of that record. They are inputs too, so you can test how much the fit depends on them; the fit cell below reports the error either way.`
	},
	input({
		name: 'nevSteepness',
		label: 'NEV readiness steepness',
		unit: 'per year',
		min: 0.3,
		max: 6,
		step: 0.01,
		default: CALIBRATED_V2.nevSteepness,
		uncertainty: { low: 1.2, high: 6, distribution: 'normal' },
		description: `Steepness of the S-curve of NEV readiness (price, range, charging). ${FITTED}`
	}),
	input({
		name: 'nevMidYear',
		label: 'NEV readiness midpoint',
		unit: 'year',
		min: 2016,
		max: 2026,
		step: 0.05,
		default: CALIBRATED_V2.nevMidYear,
		uncertainty: { low: 2020.39, high: 2021.01, distribution: 'normal' },
		description: `Year in which NEV readiness reaches half the ceiling. ${FITTED}`
	}),
	input({
		name: 'nevAdoptionDelay',
		label: 'Buyers follow NEV readiness after',
		unit: 'years',
		min: 1,
		max: 15,
		step: 0.05,
		default: CALIBRATED_V2.nevAdoptionDelay,
		uncertainty: { low: 6.61, high: 8.19, distribution: 'normal' },
		description: `Time constant of the first-order delay between NEV readiness and NEV sales: buyers replace cars and change habits slowly. ${FITTED}`
	}),
	input({
		name: 'nevShareStart',
		label: 'NEV share in 2018',
		unit: 'share',
		min: 0,
		max: 0.1,
		step: 0.001,
		default: CALIBRATED_V2.nevShareStart,
		uncertainty: { low: 0.033, high: 0.08, distribution: 'normal' },
		description: `Starting value of the NEV share stock. ${FITTED}`
	}),
	input({
		name: 'iceBrandBias',
		label: 'Domestic pull in combustion cars, 2019',
		unit: 'logit points',
		min: -3,
		max: 3,
		step: 0.01,
		default: CALIBRATED_V2.iceBrandBias,
		uncertainty: { low: -0.247, high: -0.046, distribution: 'normal' },
		description: `Chinese brands' attractiveness against foreign brands among combustion cars in 2019, before the technology lead and the foreign safety edge. ${FITTED}`
	}),
	input({
		name: 'nevBrandEdge',
		label: 'Extra domestic pull in NEVs',
		unit: 'logit points',
		min: 0,
		max: 3,
		step: 0.01,
		default: CALIBRATED_V2.nevBrandEdge,
		uncertainty: { low: 0.34, high: 2.73, distribution: 'normal' },
		description: `How much more Chinese brands attract NEV buyers than combustion-car buyers: BYD, Geely and SAIC led NEV sales (CAAM, via ${CAIXIN}). ${FITTED}`
	}),
	input({
		name: 'techLeadSpeed',
		label: 'Speed at which the technology lead builds',
		unit: 'per year',
		min: 0.1,
		max: 3,
		step: 0.01,
		default: CALIBRATED_V2.techLeadSpeed,
		uncertainty: { low: 0.56, high: 1.29, distribution: 'normal' },
		description: `Steepness of the S-curve along which the domestic technology lead builds up. ${FITTED}`
	}),
	input({
		name: 'techLeadMidYear',
		label: 'Year the technology lead is half built',
		unit: 'year',
		min: 2018,
		max: 2030,
		step: 0.05,
		default: CALIBRATED_V2.techLeadMidYear,
		uncertainty: { low: 2022.38, high: 2024.82, distribution: 'normal' },
		description: `Midpoint of the S-curve of the domestic technology lead. ${FITTED}`
	})
];

/**
 * What the record cannot pin down, stated rather than fitted: each is where a lever starts from
 * in 2026, so a lever at its default carries the record on.
 */
const statedHistory: Cell[] = [
	{ id: 'f-nevCeilingSoFar', kind: 'formula', formula: 'nevCeilingSoFar = 0.9', format: 'percent', note: 'Stated, not fitted: the NEV ceiling the 2019-2025 curve was fitted with. Shares far below any ceiling cannot tell where it is; the ceiling lever takes over from 2026.' },
	{ id: 'f-techLeadScaleSoFar', kind: 'formula', formula: 'techLeadScaleSoFar = 1', format: 'number', note: 'Stated, not fitted: the level the technology lead heads for in the 2019-2025 record, logit points. Its scale trades off against the extra NEV pull in the fit, so it is held at 1 and the fit finds the rest; the long-run lead lever takes over from 2026.' },
	{ id: 'f-safetyEdgeSoFar', kind: 'formula', formula: 'safetyEdgeSoFar = 0.4', format: 'number', note: 'Stated, not fitted: the worth buyers gave the foreign safety reputation through 2025, logit points. Sales alone cannot tell it apart from the domestic pull in combustion cars (a higher edge is matched exactly by a higher pull); the safety levers take over from 2026.' }
];

const nevModel: Cell[] = [
	{
		id: 'md-nev',
		kind: 'markdown',
		text: `## Electrification

NEV readiness follows an S-curve towards a ceiling. Sales follow readiness with a delay, because buyers replace cars over years: a first-order delay, the system-dynamics way to write "catches up by a fixed fraction each year". The curve, the delay and the starting share are calibrated on 2019-2025; the ceiling lever moves the ceiling from 2026, and the pace lever shortens or lengthens the delay from 2026.`
	},
	{ id: 'f-nevCeilingNow', kind: 'formula', formula: 'nevCeilingNow = nevCeilingSoFar + (nevCeiling - nevCeilingSoFar) * ramp(2025, 2030)', format: 'percent', note: 'The NEV ceiling: the one history was fitted with through 2025, moving to the ceiling lever in even steps over 2026-2030.' },
	{ id: 'f-nevReadiness', kind: 'formula', formula: 'nevReadiness = nevCeilingNow * logistic(nevSteepness * (year - nevMidYear))', format: 'percent', note: 'NEV readiness, as the share NEVs would have if buyers switched at once (the S-curve is calibrated).' },
	{ id: 'f-adoptionDelay', kind: 'formula', formula: 'adoptionDelay = max(1, nevAdoptionDelay / (1 + (electrificationPace - 1) * step(2026)))', format: 'number', note: 'Years buyers take to follow readiness: calibrated, and from 2026 divided by the pace lever. Never under a year: a yearly step cannot catch up faster than all the way.' },
	{ id: 'f-nevShare', kind: 'formula', formula: 'nevShare = prev(nevShare, nevShareStart) + (nevReadiness - prev(nevShare, nevShareStart)) / adoptionDelay', format: 'percent', note: 'NEV share of new-vehicle sales (CAAM basis).' }
];

const brandModel: Cell[] = [
	{
		id: 'md-brands',
		kind: 'markdown',
		text: `## Chinese and foreign brands

Within NEVs and within combustion cars, buyers split between Chinese and foreign brands by a logit of attractiveness: the bigger the domestic advantage, the larger the domestic share, with diminishing returns near 0 and 1. The advantage adds up four things: a technology lead that Chinese brands have built since 2019, the part of it that foreign localisation wins back (after a product cycle), the foreign safety reputation, and the models lost if Chinese makers shake out.

Each of them is split the same way. What happened through 2025 is calibrated: the lead's S-curve is fitted, its scale and the safety edge so far are stated (at the end of the notebook). What comes after is the levers', each starting in 2026: \`ramp(2025, 2030)\` is 0 through 2025 and reaches 1 in 2030, \`step(2026)\` is 0 before 2026.`
	},
	{ id: 'f-techLeadCeiling', kind: 'formula', formula: 'techLeadCeiling = techLeadScaleSoFar + (techLeadMax - techLeadScaleSoFar) * ramp(2025, 2030)', format: 'number', note: 'Where the technology lead heads: the scale of the record through 2025, moving to the long-run lever in even steps over 2026-2030.' },
	{ id: 'f-techLead', kind: 'formula', formula: 'techLead = techLeadCeiling * logistic(techLeadSpeed * (year - techLeadMidYear))', format: 'number', note: 'Domestic technology lead, logit points, along the calibrated S-curve.' },
	{ id: 'f-localisationTarget', kind: 'formula', formula: 'localisationTarget = localisation * ramp(2025, 2030)', format: 'percent', note: 'Partnerships announced, as share of the gap, in even steps from 2026 to 2030.' },
	{ id: 'f-localisationReached', kind: 'formula', formula: 'localisationReached = prev(localisationReached, 0) + (localisationTarget - prev(localisationReached, 0)) / localisationLag', format: 'percent', note: 'What reaches showrooms: the target through a first-order delay of one product cycle (0 through 2025).' },
	{ id: 'f-foreignTechGap', kind: 'formula', formula: 'foreignTechGap = techLead * (1 - localisationReached)', format: 'number', note: 'The technology gap foreign brands still face, logit points.' },
	{ id: 'f-ruleWeight', kind: 'formula', formula: 'ruleWeight = 1 + (safetyRuleBoost - 1) * ramp(2025, 2027)', format: 'number', note: 'The 2026 battery rules raise the weight of safety: half in 2026, in full from 2027.' },
	{ id: 'f-safetyGap', kind: 'formula', formula: 'safetyGap = 0.5 ^ (max(0, year - 2025) / safetyHalfLife)', format: 'number', note: 'Foreign safety-reputation gap relative to the end of 2025 (1 through 2025, then halving every safetyHalfLife years).' },
	{ id: 'f-safetyEdge', kind: 'formula', formula: 'safetyEdge = safetyEdgeSoFar + (safetyValue * ruleWeight * safetyGap - safetyEdgeSoFar) * ramp(2025, 2027)', format: 'number', note: 'Foreign advantage from safety reputation, logit points: the edge so far through 2025, moving to the lever\'s over 2026-2027.' },
	{ id: 'f-shakeoutLoss', kind: 'formula', formula: 'shakeoutLoss = log(1 - shakeout * ramp(2025, 2030))', format: 'number', note: 'Removing a share s of domestic volume lowers domestic attractiveness by log(1 - s) in a logit; the exits come in even steps over 2026-2030.' },
	{ id: 'f-domesticAdvantageIce', kind: 'formula', formula: 'domesticAdvantageIce = iceBrandBias + foreignTechGap - safetyEdge + shakeoutLoss', format: 'number', note: 'Domestic minus foreign attractiveness among combustion cars.' },
	{ id: 'f-domesticAdvantageNev', kind: 'formula', formula: 'domesticAdvantageNev = domesticAdvantageIce + nevBrandEdge', format: 'number', note: 'Domestic minus foreign attractiveness among NEVs.' },
	{ id: 'f-domesticShareNev', kind: 'formula', formula: 'domesticShareNev = logistic(domesticAdvantageNev)', format: 'percent', note: 'Chinese brands\' share of NEV sales.' },
	{ id: 'f-domesticShareIce', kind: 'formula', formula: 'domesticShareIce = logistic(domesticAdvantageIce)', format: 'percent', note: 'Chinese brands\' share of combustion-car sales.' },
	{ id: 'f-domesticShare', kind: 'formula', formula: 'domesticShare = nevShare * domesticShareNev + (1 - nevShare) * domesticShareIce', format: 'percent', note: 'Domestic-brand share of passenger-car sales: the two segments weighted by their size.' },
	{ id: 'f-foreignShare', kind: 'formula', formula: 'foreignShare = 1 - domesticShare', format: 'percent', note: 'Foreign and joint-venture brands.' }
];

const volumeModel: Cell[] = [
	{
		id: 'md-volumes',
		kind: 'markdown',
		text: `## Volumes

Shares become cars through the size of the market: CAAM passenger-car sales up to 2025, then growing at the rate you set.`
	},
	{ id: 'f-passengerMarket', kind: 'formula', formula: 'passengerMarket = hasData("passenger_cars_caam") ? data("passenger_cars_caam") : prev(passengerMarket, 21) * (1 + marketGrowth)', format: 'millions', note: 'Passenger-car sales, million (CAAM data to 2025).' },
	{ id: 'f-nevSales', kind: 'formula', formula: 'nevSales = passengerMarket * nevShare', format: 'millions', note: 'NEV sales, million (share applied to passenger cars).' },
	{ id: 'f-domesticSales', kind: 'formula', formula: 'domesticSales = passengerMarket * domesticShare', format: 'millions', note: 'Chinese-brand sales, million.' },
	{ id: 'f-foreignSales', kind: 'formula', formula: 'foreignSales = passengerMarket - domesticSales', format: 'millions', note: 'Foreign-brand sales, million.' }
];

const outputs: Cell[] = [
	{
		id: 'headline',
		kind: 'headline',
		title: 'Headline figures',
		variables: ['domesticShare', 'nevShare'],
		years: [2030, 2035],
		format: 'percent'
	},
	{
		id: 'chart-shares',
		kind: 'chart',
		title: 'Domestic-brand share and NEV share',
		variables: ['domesticShare', 'nevShare'],
		history: [
			{ variable: 'domesticShare', series: 'domestic_share_caam' },
			{ variable: 'domesticShare', series: 'domestic_share_caam_monthly' },
			{ variable: 'nevShare', series: 'nev_share_all_vehicles_caam' },
			{ variable: 'nevShare', series: 'nev_share_all_vehicles_forecast_caam' },
			{ variable: 'nevShare', series: 'nev_share_all_vehicles_forecast_ev100' }
		],
		style: 'line',
		showHistory: true,
		format: 'percent'
	},
	{
		id: 'sensitivity',
		kind: 'sensitivity',
		title: 'Which assumptions matter most for the domestic-brand share in 2030',
		variable: 'domesticShare',
		year: 2030
	},
	{
		id: 'chart-segments',
		kind: 'chart',
		title: 'Chinese brands within each segment',
		variables: ['domesticShareNev', 'domesticShareIce'],
		history: [],
		style: 'line',
		showHistory: false,
		format: 'percent'
	},
	{
		id: 'chart-volumes',
		kind: 'chart',
		title: 'Sales by brand origin, million',
		variables: ['domesticSales', 'foreignSales'],
		history: [],
		style: 'area',
		showHistory: false,
		format: 'millions'
	},
	{
		id: 'fit',
		kind: 'fit',
		title: 'How well the model reproduces 2019-2025',
		pairs: CALIBRATION_PAIRS_V2,
		fromYear: 2019,
		toYear: 2025,
		parameters: Object.keys(CALIBRATED_V2)
	},
	{
		id: 'backtest',
		kind: 'backtest',
		title: 'Back-test: fitted on 2019-2022, checked on 2023-2025',
		pairs: CALIBRATION_PAIRS_V2,
		parameters: Object.keys(CALIBRATED_V2),
		fromYear: 2019,
		throughYear: 2022,
		checkThroughYear: 2025
	},
	{
		id: 'md-caveats',
		kind: 'markdown',
		text: `## Reading the numbers

Bases differ. CAAM counts wholesale shipments including exports; CPCA counts domestic retail. On domestic-brand share CAAM runs 4-5 points above CPCA, and on NEV share 5-7 points below it (2025: CAAM 69.5% domestic and 47.9% NEV, CPCA about 65% and 54%). The model is calibrated on CAAM, so compare it with CAAM figures. Its NEV share is fitted to the all-vehicle series, the only one complete for 2019-2025 on one basis.

On the shares chart, filled dots are full years; a hollow dot is a single month (January 2026: 66.9%, a short holiday month, not the year); a triangle is a forecast (China EV100's "over half" for 2025, which the actual 47.9% of all vehicles fell short of; CAAM's 54.7% for 2026), drawn for comparison and never fitted.`
	},
	{
		id: 'table-main',
		kind: 'table',
		title: 'Year by year',
		variables: ['nevShare', 'domesticShare', 'domesticShareNev', 'domesticShareIce', 'passengerMarket', 'nevSales'],
		format: 'percent'
	}
];

export const chinaMarketNotebookV2: Notebook = {
	id: CHINA_MARKET_NOTEBOOK_ID,
	version: CHINA_MARKET_VERSION,
	title: "China's car market: electric or combustion, Chinese or foreign?",
	startYear: 2019,
	horizon: 2035,
	cells: [
		{
			id: 'md-intro',
			kind: 'markdown',
			text: `# Who sells China's cars in 2035?

Chinese brands went from about 38% of passenger-car sales in 2020 to 69.5% in 2025, and new-energy vehicles (battery, plug-in hybrid and fuel-cell cars) from 5% of all new vehicles to 47.9%, 16.5 million of them (CAAM full-year figures). Foreign carmakers now answer by handing development to Chinese engineers and buying Chinese cockpits and driving software (Caixin); their reputation for safety may count for more once the 2026 battery rules apply.

This notebook turns that argument into numbers. A small model is fitted to the 2019-2025 record, which no assumption below can change; from 2026 it projects NEV share and domestic-brand share to the horizon you choose, under the assumptions you set.`
		},
		...outputs.slice(0, 2),
		...levers,
		...outputs.slice(2, 5),
		...nevModel,
		...brandModel,
		...volumeModel,
		...calibratedInputs,
		...statedHistory,
		...outputs.slice(5)
	]
};
