// The scenario levers of the published notebook, version 3: each acts from 2026 on, phased in as
// its formula states (chinaMarketCells/model.ts). Their About texts give the unit, the sources and the
// basis of the uncertainty range; most ranges are judgements, and say so.

import type { Cell, InputCell } from '../../sim/types';
import { CAIXIN, GUANGZHOU } from './sources';

export function input(spec: Omit<InputCell, 'kind' | 'control' | 'id'> & { control?: InputCell['control'] }): InputCell {
	return { id: `in-${spec.name}`, kind: 'input', control: 'slider', ...spec };
}

const LOCALISATION_COMMON =
	"The gap is how much less buyers in China want this origin's NEVs than its combustion cars, against Chinese brands: its own NEV deficit (its calibrated NEV pull) and the Chinese technology lead. 0 means no change of course; 1 closes the gap entirely, so the origin's NEVs stand against Chinese NEVs as its combustion cars stand against Chinese combustion cars. Announced from 2026 in even steps to 2030, it reaches showrooms after the delay below; whatever localisation did before 2026 is already in the 2019-2025 record.";

function localisation(name: string, label: string, dflt: number, low: number, high: number, partners: string): InputCell {
	return input({
		name,
		label,
		unit: 'share of gap',
		min: 0,
		max: 1,
		step: 0.05,
		default: dflt,
		uncertainty: { low, high, distribution: 'uniform' },
		description: `${partners} ${LOCALISATION_COMMON} Uncertainty: ${low} to ${high}, uniform (judgement: partnerships are announced, their scope is not).`
	});
}

/** The export lever's default: the calibrated share, rounded, so the default carries the record on. */
export const EXPORT_DOMESTIC_SHARE_DEFAULT = 0.83;

export const leverCells: Cell[] = [
	{
		id: 'md-levers',
		kind: 'markdown',
		text: `## The levers

Move a slider and every figure below is recomputed. The faint line on each chart is the published baseline, so you can always see how far your scenario has moved from it.

The past is data: 2019-2025 are reproduced by the calibrated parameters further down, and no lever can rewrite them. Each lever acts from 2026 on, phased in as its formula states.`
	},
	{
		id: 'md-levers-localisation',
		kind: 'markdown',
		text: `### Localisation, origin by origin

How much of its NEV gap each foreign camp closes by letting Chinese engineers lead development and buying Chinese batteries, cockpits and driving software, and how soon it shows in showrooms. Each camp has its own partners and its own gap (Japanese brands sold almost no NEVs before 2025, German brands some), so each has its own lever.`
	},
	localisation(
		'localisationJapanese',
		'NEV gap Japanese brands close by 2030',
		0.4,
		0.15,
		0.65,
		`Japanese carmakers have gone furthest: Toyota's bZ3X (with GAC) runs Momenta's driving software and its bZ7 Huawei's cockpit and driving systems; Nissan's N7 was developed with Dongfeng and its Teana has a HarmonyOS cockpit; Mazda's EZ-6 is built with Changan. Sources: ${CAIXIN}; ${GUANGZHOU}.`
	),
	localisation(
		'localisationGerman',
		'NEV gap German brands close by 2030',
		0.35,
		0.1,
		0.6,
		`Volkswagen bought 4.99% of XPeng for USD 700 million in July 2023 to build cars on its architecture, and works with Horizon Robotics on driver assistance (a partnership from 2022, a joint venture with Cariad from 2023). Sources: ${CAIXIN}.`
	),
	localisation(
		'localisationUS',
		'NEV gap US brands close by 2030',
		0.2,
		0,
		0.45,
		`GM works through its joint venture with SAIC (Buick's plug-in hybrid, Chinese batteries and driving systems); Tesla develops its own software. Sources: ${CAIXIN}.`
	),
	localisation(
		'localisationOther',
		'NEV gap Korean and other brands close by 2030',
		0.1,
		0,
		0.35,
		`Korean, French, British and other European brands: the articles name no partnership of theirs comparable with the Japanese and German ones.`
	),
	input({
		name: 'localisationLag',
		label: 'Localisation reaches showrooms after',
		unit: 'years',
		min: 1,
		max: 6,
		step: 0.5,
		default: 3,
		uncertainty: { low: 2, high: 4.5, distribution: 'triangular' },
		description: `Time constant of the first-order delay between a partnership and cars in showrooms, the same for every origin: about one product cycle. The VW-XPeng deal of July 2023 led to models from 2025-2026. Source: ${CAIXIN}. Uncertainty: 2 to 4.5 years, triangular (about one product cycle, as from the VW-XPeng deal to its first models).`
	}),
	{ id: 'md-levers-safety', kind: 'markdown', text: `### Safety reputation\n\nWhat the foreign reputation for safety is worth to buyers, how much the 2026 battery rules add, and how fast Chinese brands close the gap: one set for every foreign origin (the model section below says why).` },
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
		description: `Multiplies the worth of safety reputation as China's battery-safety rules take force in 2026 (half in 2026, in full from 2027). 1 means the rules change nothing in buyers' minds. Source: ${CAIXIN}. Uncertainty: 1.1 to 2.2, triangular (judgement: the rules are announced, their effect on buyers untested).`
	}),
	input({
		name: 'safetyHalfLife',
		label: 'Years for Chinese brands to halve the safety gap',
		unit: 'years',
		min: 2,
		max: 30,
		step: 1,
		default: 8,
		uncertainty: { low: 5, high: 15, distribution: 'triangular' },
		description: `Chinese brands work to close the safety-reputation gap; this is the half-life of that gap, counted from the end of 2025 (how much they closed before is in the record). Shorter means the foreign advantage fades faster. A judgement, not a measured figure. Uncertainty: 5 to 15 years, triangular (judgement: one to three product cycles).`
	}),
	{ id: 'md-levers-electrification', kind: 'markdown', text: `### Electrification\n\nHow fast buyers in China move to NEVs, and how far they can go.` },
	input({
		name: 'electrificationPace',
		label: 'Electrification pace from 2026',
		unit: '× baseline',
		min: 0.5,
		max: 2,
		step: 0.05,
		default: 1,
		uncertainty: { low: 0.8, high: 1.25, distribution: 'normal' },
		description: `Speeds up (above 1) or slows down (below 1) how fast buyers follow NEV readiness from 2026 on, by dividing the adoption delay. NEVs were about 54% of passenger cars sold in China in 2025 (CPCA retail, 12.86 million) and 60.4% in December 2025; CAAM forecasts 19.0 million NEVs of all kinds for 2026, a 54.7% share of all vehicles. Uncertainty: 0.8 to 1.25, normal, 5th to 95th percentile (judgement around CAAM's forecast of 15% NEV growth for 2026).`
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
		description: `The highest share of cars sold in China NEVs can reach: some buyers (remote regions, some fleets) may keep combustion cars. History was fitted with a ceiling of 0.9; from 2026 the ceiling moves to this value in even steps to 2030, so it changes the future, never the fit. Uncertainty: 0.8 to 0.97, triangular (judgement: remote regions and fleets may keep combustion cars).`
	}),
	{ id: 'md-levers-domestic', kind: 'markdown', text: `### Shake-out and the Chinese lead\n\nWhether Chinese makers exit, and how far their lead in software and cockpits grows.` },
	input({
		name: 'shakeout',
		label: 'Chinese models lost in a shake-out by 2030',
		unit: 'share of Chinese-brand volume',
		min: 0,
		max: 0.4,
		step: 0.01,
		default: 0.05,
		uncertainty: { low: 0, high: 0.15, distribution: 'triangular' },
		description: `Share of Chinese-brand volume whose makers exit by 2030 (in even steps from 2026). Their buyers choose again like everyone else (the logit's rule), so some go to foreign brands of every origin. Nearly a quarter of listed Chinese firms reported losses in Jan-Sep 2025, the most since 2008 (Nikkei Asia, via ${GUANGZHOU}). Uncertainty: 0 to 0.15, triangular (nearly a quarter of listed Chinese firms losing money in 2025).`
	}),
	input({
		name: 'techLeadMax',
		label: 'Chinese technology lead among NEVs, long run',
		unit: 'logit points',
		min: 0,
		max: 3,
		step: 0.01,
		default: 1,
		uncertainty: { low: 0.6, high: 1.5, distribution: 'triangular' },
		description: `How far the Chinese lead in software, cockpits and driver assistance grows among NEVs if foreign brands do not localise, in logit points (1 alone turns a 50/50 choice into 73/27). Through 2025 the lead follows the S-curve fitted to the record, heading for 1; from 2026 its long-run level moves from 1 to this value in even steps to 2030, so the default carries the record on. More than half the NEV debuts at the 2025 Guangzhou show came from Chinese brands (${GUANGZHOU}). Uncertainty: 0.6 to 1.5, triangular (judgement: the record shows the lead building, not where it stops).`
	}),
	{ id: 'md-levers-market', kind: 'markdown', text: `### Markets at home and abroad\n\nHow many cars are sold in China and shipped abroad, and how many of the exports are Chinese brands. Growth moves volumes and the CAAM-basis shares; the shares at home do not depend on it.` },
	input({
		name: 'marketGrowth',
		label: 'Growth of cars sold in China after 2025',
		unit: 'per year',
		min: -0.03,
		max: 0.05,
		step: 0.005,
		default: 0,
		uncertainty: { low: -0.015, high: 0.02, distribution: 'normal' },
		description: `Yearly change in passenger cars sold in China after 2025 (CAAM's sales less exports: about 24.3 million in 2025). CPCA expects retail in 2026 to be about flat, after +4% in 2025 (23.78 million). Uncertainty: -1.5% to 2% a year, normal, 5th to 95th percentile (judgement around CPCA's outlook).`
	}),
	input({
		name: 'exportGrowth',
		label: 'Growth of passenger-car exports after 2025',
		unit: 'per year',
		min: -0.1,
		max: 0.2,
		step: 0.005,
		default: 0.05,
		uncertainty: { low: -0.02, high: 0.12, distribution: 'normal' },
		description: `Yearly change in passenger cars exported from China after 2025 (about 5.8 million in 2025, on CPCA's count; 1.6 million in 2021). CAAM forecasts all vehicle exports of 7.4 million in 2026 (+4%), CPCA passenger-car exports up 10% or more. Tariffs in Europe and elsewhere, and Chinese makers building plants abroad, could slow it. Uncertainty: -2% to 12% a year, normal, 5th to 95th percentile (judgement spanning the two outlooks and a slowdown).`
	}),
	input({
		name: 'exportDomesticShare',
		label: "Chinese brands' share of exports by 2030",
		unit: 'share',
		min: 0.6,
		max: 1,
		step: 0.01,
		default: EXPORT_DOMESTIC_SHARE_DEFAULT,
		uncertainty: { low: 0.78, high: 0.9, distribution: 'triangular' },
		description: `Share of passenger-car exports made under Chinese brands in 2030, reached in even steps from the calibrated share of 2019-2025 (about 83%: foreign brands were 22% of exports in 2023, CAAM via Reuters, and their share has fallen since as Tesla's Shanghai exports shrank from 0.34 million in 2023 to 0.23 million in 2025). It moves the CAAM-basis shares, not the market at home. Uncertainty: 0.78 to 0.9, triangular (judgement: foreign joint ventures now also export from China).`
	})
];
