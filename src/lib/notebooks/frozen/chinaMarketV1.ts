// FROZEN: version 1 of the published notebook, exactly as released (2026-11-30). Links made by
// version 1 open with this notebook and the data it read (v1-observed-series.json), so they give
// the figures they gave when they were made. Never edit this file or that one: a change here
// changes what old links show. The current notebook is ../chinaMarket.ts; a v1 document moves to
// it only through the migration in scenario/migrations.ts, when its reader asks.
//
// Every text here is our own wording; facts come from the two seed articles ([Caixin] "Foreign
// carmakers tap local expertise", mid-2025; [Guangzhou] "Rewriting the script", on the Nov 2025
// Guangzhou Auto Show) and the public series in data/.

import type { Cell, InputCell, Notebook } from '../../sim/types';

const CHINA_MARKET_NOTEBOOK_ID = 'china-market';

const CAIXIN = 'Caixin Global, "Foreign carmakers tap local expertise to regain China market share" (mid-2025)';
const GUANGZHOU = '"Rewriting the script" (report on the Guangzhou Auto Show, Nov 2025)';

function input(spec: Omit<InputCell, 'kind' | 'control' | 'id'> & { control?: InputCell['control'] }): InputCell {
	return { id: `in-${spec.name}`, kind: 'input', control: 'slider', ...spec };
}

/**
 * What the calibration fits: the CAAM annual shares 2019-2024 and, as the latest observation,
 * the Jan-Apr 2025 domestic-brand share (it anchors where the S-curve of the technology lead
 * turns). The fit cell uses the same pairs, so its Fit button reproduces CALIBRATED_V1.
 */
export const CALIBRATION_PAIRS_V1 = [
	{ variable: 'domesticShare', series: 'domestic_share_caam' },
	{ variable: 'nevShare', series: 'nev_share_all_vehicles_caam' },
	{ variable: 'domesticShare', series: 'domestic_share_caam_jan_apr' }
];

/** The calibrated parameters, as fitted; also used by the model checks and the calibration script. */
export const CALIBRATED_V1 = {
	nevSteepness: 4.0988,
	nevMidYear: 2020.6,
	nevAdoptionDelay: 7.5207,
	nevShareStart: 0.056457,
	iceBrandBias: -0.13464,
	nevBrandEdge: 0.84992,
	techLeadSpeed: 0.95469,
	techLeadMidYear: 2023.3
};

const levers: Cell[] = [
	{
		id: 'md-levers',
		kind: 'markdown',
		text: `## The levers

Move a slider and every figure below is recomputed. The faint line on each chart is the published baseline, so you can always see how far your scenario has moved from it.`
	},
	input({
		name: 'localisation',
		label: 'Technology gap foreign brands close by 2030',
		unit: 'share of gap',
		min: 0,
		max: 1,
		step: 0.05,
		default: 0.3,
		uncertainty: { low: 0.1, high: 0.5, distribution: 'uniform' },
		description: `How much of the Chinese brands' lead in cockpits, driver assistance and batteries foreign carmakers erase by 2030 by letting Chinese engineers lead and buying from Chinese suppliers (Toyota with Momenta and Huawei, VW with XPeng and Horizon Robotics, Nissan with Dongfeng, Mazda with Changan). 0 means no change in course, 1 closes the gap entirely. Sources: ${CAIXIN}; ${GUANGZHOU}. Uncertainty: 0.1 to 0.5, uniform (judgement: partnerships are announced but their scope is unknown).`
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
	input({
		name: 'safetyValue',
		label: 'Worth of the foreign safety reputation',
		unit: 'logit points',
		min: 0,
		max: 1.5,
		step: 0.05,
		default: 0.4,
		uncertainty: { low: 0.2, high: 0.7, distribution: 'triangular' },
		description: `How much buyers value foreign brands' reputation for safety, on the logit scale of brand choice: 0.4 alone would tilt an even 50/50 choice to about 60/40 for the foreign brand. Sources: ${CAIXIN} (safety reputation as the foreign brands' remaining card); the fatal Xiaomi SU7 crash of 2025 put EV safety in the news. Uncertainty: 0.2 to 0.7, triangular (judgement: no survey measures it; tilts an even choice from 55/45 to 67/33).`
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
		description: `Multiplies the worth of safety reputation as China's battery-safety rules take force in 2026 (phased in over 2025-2027). 1 means the rules change nothing in buyers' minds. Source: BRIEF events list; ${CAIXIN}. Uncertainty: 1.1 to 2.2, triangular (judgement: the rules are announced, their effect on buyers untested).`
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
		description: `Chinese brands work to close the safety-reputation gap; this is the half-life of that gap, counted from 2019. Shorter means the foreign advantage fades faster. A judgement, not a measured figure. Uncertainty: 5 to 15 years, triangular (judgement: one to three product cycles).`
	}),
	input({
		name: 'electrificationPace',
		label: 'Electrification pace from 2026',
		unit: '× baseline',
		min: 0.5,
		max: 2,
		step: 0.05,
		default: 1,
		uncertainty: { low: 0.8, high: 1.25, distribution: 'normal' },
		description: `Speeds up (above 1) or slows down (below 1) how fast buyers follow NEV readiness from 2026 on, by dividing the adoption delay. NEVs reached 48.9% of passenger-car sales in Jan-Apr 2025 (CAAM, via ${CAIXIN}); China EV100 forecast 16.5 million NEVs for 2025, up 30%. Uncertainty: 0.8 to 1.25, normal, 5th to 95th percentile (judgement around the forecast of 30% NEV growth for 2025).`
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
		description: `The highest share NEVs can reach: some buyers (remote regions, some fleets) may keep combustion cars. The calibration was done at 0.9; values far from it change the fit to history, which the fit cell shows. Uncertainty: 0.8 to 0.97, triangular (judgement: remote regions and fleets may keep combustion cars).`
	}),
	input({
		name: 'shakeout',
		label: 'Domestic models lost in a shake-out by 2030',
		unit: 'share of domestic volume',
		min: 0,
		max: 0.4,
		step: 0.01,
		default: 0.05,
		uncertainty: { low: 0, high: 0.15, distribution: 'triangular' },
		description: `Share of Chinese-brand volume whose makers exit by 2030 (phased in from 2025). Their buyers choose again like everyone else (the logit's rule), so some go to foreign brands. Nearly a quarter of listed Chinese firms reported losses in Jan-Sep 2025, the most since 2008 (Nikkei Asia, via ${GUANGZHOU}). Uncertainty: 0 to 0.15, triangular (nearly a quarter of listed Chinese firms losing money in 2025).`
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
		description: `How far the Chinese lead in software, cockpits and driver assistance grows if foreign brands do not localise, in logit points (1 alone turns a 50/50 choice into 73/27). History to 2024 cannot pin this down (the lead is still building), so it is a judgement: at 1 the model's Chinese share for 2025 lands near the 68.7% of Jan-Apr 2025. More than half the NEV debuts at the 2025 Guangzhou show came from Chinese brands (${GUANGZHOU}). Uncertainty: 0.6 to 1.5, triangular (judgement: history to 2024 cannot pin it down).`
	}),
	input({
		name: 'marketGrowth',
		label: 'Passenger-car market growth after 2024',
		unit: 'per year',
		min: -0.03,
		max: 0.05,
		step: 0.005,
		default: 0.01,
		uncertainty: { low: -0.01, high: 0.03, distribution: 'normal' },
		description: `Yearly change in passenger-car sales (CAAM basis, exports included) after the last full year of data, 2024 (about 27.6 million). Sets volumes only; shares do not depend on it. Uncertainty: -1% to 3% a year, normal, 5th to 95th percentile (judgement around recent growth).`
	})
];

const calibratedInputs: Cell[] = [
	{
		id: 'md-calibrated',
		kind: 'markdown',
		text: `## Calibrated on 2019-2024

These parameters were fitted so the baseline reproduces the CAAM annual series of NEV share and domestic-brand share. They are inputs too, so you can test how much the fit depends on them; the fit cell below reports the error either way.`
	},
	input({
		name: 'nevSteepness',
		label: 'NEV readiness steepness',
		unit: 'per year',
		min: 0.3,
		max: 6,
		step: 0.01,
		default: CALIBRATED_V1.nevSteepness,
		uncertainty: { low: 1.3, high: 6, distribution: 'normal' },
		description: 'Steepness of the S-curve of NEV readiness (price, range, charging). Fitted to CAAM NEV share 2019-2024 (jointly with the domestic-brand share). Uncertainty: 1.3 to 6, normal, 5th to 95th percentile (90% interval of the fit, by residual bootstrap; cut at the slider maximum).'
	}),
	input({
		name: 'nevMidYear',
		label: 'NEV readiness midpoint',
		unit: 'year',
		min: 2016,
		max: 2026,
		step: 0.05,
		default: CALIBRATED_V1.nevMidYear,
		uncertainty: { low: 2020.24, high: 2020.96, distribution: 'normal' },
		description: 'Year in which NEV readiness reaches half the ceiling. Fitted to CAAM NEV share 2019-2024 (jointly with the domestic-brand share). Uncertainty: 2020.24 to 2020.96, normal, 5th to 95th percentile (90% interval of the fit, by residual bootstrap).'
	}),
	input({
		name: 'nevAdoptionDelay',
		label: 'Buyers follow NEV readiness after',
		unit: 'years',
		min: 1,
		max: 15,
		step: 0.05,
		default: CALIBRATED_V1.nevAdoptionDelay,
		uncertainty: { low: 6.5, high: 8.54, distribution: 'normal' },
		description: 'Time constant of the first-order delay between NEV readiness and NEV sales: buyers replace cars and change habits slowly. Fitted to CAAM NEV share 2019-2024 (jointly with the domestic-brand share). Uncertainty: 6.5 to 8.54 years, normal, 5th to 95th percentile (90% interval of the fit, by residual bootstrap).'
	}),
	input({
		name: 'nevShareStart',
		label: 'NEV share in 2018',
		unit: 'share',
		min: 0,
		max: 0.1,
		step: 0.001,
		default: CALIBRATED_V1.nevShareStart,
		uncertainty: { low: 0.026, high: 0.087, distribution: 'normal' },
		description: 'Starting value of the NEV share stock. Fitted to CAAM NEV share 2019-2024 (jointly with the domestic-brand share). Uncertainty: 0.026 to 0.087, normal, 5th to 95th percentile (90% interval of the fit, by residual bootstrap).'
	}),
	input({
		name: 'iceBrandBias',
		label: 'Domestic pull in combustion cars, 2019',
		unit: 'logit points',
		min: -3,
		max: 3,
		step: 0.01,
		default: CALIBRATED_V1.iceBrandBias,
		uncertainty: { low: -0.249, high: -0.02, distribution: 'normal' },
		description: 'Chinese brands\' attractiveness against foreign brands among combustion cars in 2019, before the technology lead and safety gap. Fitted to CAAM domestic-brand share 2019-2024 and Jan-Apr 2025. Uncertainty: -0.249 to -0.02, normal, 5th to 95th percentile (90% interval of the fit, by residual bootstrap).'
	}),
	input({
		name: 'nevBrandEdge',
		label: 'Extra domestic pull in NEVs',
		unit: 'logit points',
		min: 0,
		max: 3,
		step: 0.01,
		default: CALIBRATED_V1.nevBrandEdge,
		uncertainty: { low: 0, high: 2.11, distribution: 'normal' },
		description: `How much more Chinese brands attract NEV buyers than combustion-car buyers: BYD, Geely and SAIC led NEV sales (CAAM, via ${CAIXIN}). Fitted to CAAM domestic-brand share 2019-2024 and Jan-Apr 2025. Uncertainty: 0 to 2.11, normal, 5th to 95th percentile (90% interval of the fit, by residual bootstrap; cut at the slider minimum).`
	}),
	input({
		name: 'techLeadSpeed',
		label: 'Speed at which the technology lead builds',
		unit: 'per year',
		min: 0.1,
		max: 3,
		step: 0.01,
		default: CALIBRATED_V1.techLeadSpeed,
		uncertainty: { low: 0.51, high: 1.4, distribution: 'normal' },
		description: 'Steepness of the S-curve along which the domestic technology lead builds up. Fitted to CAAM domestic-brand share 2019-2024 and Jan-Apr 2025. Uncertainty: 0.51 to 1.4, normal, 5th to 95th percentile (90% interval of the fit, by residual bootstrap).'
	}),
	input({
		name: 'techLeadMidYear',
		label: 'Year the technology lead is half built',
		unit: 'year',
		min: 2018,
		max: 2030,
		step: 0.05,
		default: CALIBRATED_V1.techLeadMidYear,
		uncertainty: { low: 2021.87, high: 2024.73, distribution: 'normal' },
		description: 'Midpoint of the S-curve of the domestic technology lead. Fitted to CAAM domestic-brand share 2019-2024 and Jan-Apr 2025. Uncertainty: 2021.87 to 2024.73, normal, 5th to 95th percentile (90% interval of the fit, by residual bootstrap).'
	})
];

const nevModel: Cell[] = [
	{
		id: 'md-nev',
		kind: 'markdown',
		text: `## Electrification

NEV readiness follows an S-curve towards a ceiling. Sales follow readiness with a delay, because buyers replace cars over years: a first-order delay, the system-dynamics way to write "catches up by a fixed fraction each year". The pace lever shortens or lengthens that delay from 2026.`
	},
	{ id: 'f-nevReadiness', kind: 'formula', formula: 'nevReadiness = nevCeiling * logistic(nevSteepness * (year - nevMidYear))', format: 'percent', note: 'NEV readiness, as the share NEVs would have if buyers switched at once.' },
	{ id: 'f-adoptionDelay', kind: 'formula', formula: 'adoptionDelay = max(1, nevAdoptionDelay / (1 + (electrificationPace - 1) * step(2026)))', format: 'number', note: 'Years buyers take to follow readiness; the pace lever acts from 2026. Never under a year: a yearly step cannot catch up faster than all the way.' },
	{ id: 'f-nevShare', kind: 'formula', formula: 'nevShare = prev(nevShare, nevShareStart) + (nevReadiness - prev(nevShare, nevShareStart)) / adoptionDelay', format: 'percent', note: 'NEV share of new-vehicle sales (CAAM basis).' }
];

const brandModel: Cell[] = [
	{
		id: 'md-brands',
		kind: 'markdown',
		text: `## Chinese and foreign brands

Within NEVs and within combustion cars, buyers split between Chinese and foreign brands by a logit of attractiveness: the bigger the domestic advantage, the larger the domestic share, with diminishing returns near 0 and 1. The advantage adds up four things: a technology lead that Chinese brands have built since 2019, the part of it that foreign localisation wins back (after a product cycle), the foreign safety reputation (weighing more under the 2026 battery rules, fading as domestic brands catch up), and the models lost if Chinese makers shake out.`
	},
	{ id: 'f-techLead', kind: 'formula', formula: 'techLead = techLeadMax * logistic(techLeadSpeed * (year - techLeadMidYear))', format: 'number', note: 'Domestic technology lead, logit points.' },
	{ id: 'f-localisationTarget', kind: 'formula', formula: 'localisationTarget = localisation * ramp(2024, 2030)', format: 'percent', note: 'Partnerships announced, as share of the gap, phased in from 2024 to 2030.' },
	{ id: 'f-localisationReached', kind: 'formula', formula: 'localisationReached = prev(localisationReached, 0) + (localisationTarget - prev(localisationReached, 0)) / localisationLag', format: 'percent', note: 'What reaches showrooms: the target through a first-order delay of one product cycle.' },
	{ id: 'f-foreignTechGap', kind: 'formula', formula: 'foreignTechGap = techLead * (1 - localisationReached)', format: 'number', note: 'The technology gap foreign brands still face, logit points.' },
	{ id: 'f-ruleWeight', kind: 'formula', formula: 'ruleWeight = 1 + (safetyRuleBoost - 1) * ramp(2025, 2027)', format: 'number', note: 'The 2026 battery rules raise the weight of safety, phased in over 2025-2027.' },
	{ id: 'f-safetyGap', kind: 'formula', formula: 'safetyGap = 0.5 ^ ((year - 2019) / safetyHalfLife)', format: 'number', note: 'Foreign safety-reputation gap relative to 2019 (1 = as large as in 2019).' },
	{ id: 'f-safetyEdge', kind: 'formula', formula: 'safetyEdge = safetyValue * ruleWeight * safetyGap', format: 'number', note: 'Foreign advantage from safety reputation, logit points.' },
	{ id: 'f-shakeoutLoss', kind: 'formula', formula: 'shakeoutLoss = log(1 - shakeout * ramp(2025, 2030))', format: 'number', note: 'Removing a share s of domestic volume lowers domestic attractiveness by log(1 - s) in a logit.' },
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

Shares become cars through the size of the market: CAAM passenger-car sales up to 2024, then growing at the rate you set.`
	},
	{ id: 'f-passengerMarket', kind: 'formula', formula: 'passengerMarket = hasData("passenger_cars_caam") ? data("passenger_cars_caam") : prev(passengerMarket, 21) * (1 + marketGrowth)', format: 'millions', note: 'Passenger-car sales, million (CAAM data to 2024).' },
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
			{ variable: 'nevShare', series: 'nev_share_all_vehicles_caam' }
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
		pairs: CALIBRATION_PAIRS_V1,
		fromYear: 2019,
		toYear: 2025,
		parameters: Object.keys(CALIBRATED_V1)
	},
	{
		id: 'backtest',
		kind: 'backtest',
		title: 'Back-test: fitted on 2019-2022, checked on 2023-2024',
		pairs: CALIBRATION_PAIRS_V1.slice(0, 2),
		parameters: Object.keys(CALIBRATED_V1),
		fromYear: 2019,
		throughYear: 2022,
		checkThroughYear: 2024
	},
	{
		id: 'md-caveats',
		kind: 'markdown',
		text: `## Reading the numbers

Bases differ. CAAM counts wholesale shipments including exports; CPCA counts domestic retail. On domestic-brand share CAAM runs 4-5 points above CPCA, and on NEV share 5-7 points below it. The model is calibrated on CAAM, so compare it with CAAM figures. Its NEV share is fitted to the all-vehicle series, the only one complete for 2019-2024 on one basis.`
	},
	{
		id: 'table-main',
		kind: 'table',
		title: 'Year by year',
		variables: ['nevShare', 'domesticShare', 'domesticShareNev', 'domesticShareIce', 'passengerMarket', 'nevSales'],
		format: 'percent'
	}
];

export const chinaMarketNotebookV1: Notebook = {
	id: CHINA_MARKET_NOTEBOOK_ID,
	version: 1,
	title: "China's car market: electric or combustion, Chinese or foreign?",
	startYear: 2019,
	horizon: 2035,
	cells: [
		{
			id: 'md-intro',
			kind: 'markdown',
			text: `# Who sells China's cars in 2035?

Chinese brands went from about 38% of passenger-car sales in 2020 to a record 68.7% in the first four months of 2025, while new-energy vehicles (battery, plug-in hybrid and fuel-cell cars) reached 48.9% (CAAM figures, via Caixin). Foreign carmakers now answer by handing development to Chinese engineers and buying Chinese cockpits and driving software; their reputation for safety may count for more once the 2026 battery rules apply.

This notebook turns that argument into numbers. It fits a small model to the 2019-2024 record and projects NEV share and domestic-brand share to the horizon you choose, under the assumptions you set below.`
		},
		...outputs.slice(0, 2),
		...levers,
		...outputs.slice(2, 5),
		...nevModel,
		...brandModel,
		...volumeModel,
		...calibratedInputs,
		...outputs.slice(5)
	]
};
