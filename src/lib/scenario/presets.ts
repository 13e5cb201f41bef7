// Five starting scenarios, each one argument from the source articles turned into inputs.
// They are part of the app (not stored), so they cannot be corrupted or deleted.

import { chinaMarketNotebook } from '../notebooks/chinaMarket';
import type { SavedScenario } from './library';

const preset = (id: string, name: string, description: string, inputs: Record<string, number>): SavedScenario => ({
	id,
	name,
	description,
	savedAt: '2025-11-30T00:00:00.000Z',
	document: { notebook: chinaMarketNotebook, inputs, horizon: chinaMarketNotebook.horizon }
});

/** The five built-in starting scenarios, Baseline first. */
export const PRESETS: SavedScenario[] = [
	preset(
		'preset-baseline',
		'Baseline',
		'The published assumptions: Japanese brands close 40% of the technology gap among NEVs by 2030, German 35%, US 20%, the rest 10%; safety reputation weighs 1.5× after the 2026 rules; 5% of Chinese-brand volume exits; exports grow 5% a year.',
		{}
	),
	preset(
		'preset-localisation-push',
		'Foreign localisation push',
		'Every foreign camp hands development to Chinese engineers and suppliers across the line-up (Toyota with Huawei and Momenta, VW with XPeng and Horizon, GM with SAIC): 80% of the gap closed by 2030, in showrooms after two years.',
		{ localisationJapanese: 0.8, localisationGerman: 0.8, localisationUS: 0.8, localisationOther: 0.8, localisationLag: 2 }
	),
	preset(
		'preset-japan-localises',
		'Japan localises, Germany does not',
		"Japanese makers go all the way with Chinese partners, as Toyota did with Huawei and Momenta and Nissan with Dongfeng (90% of the gap by 2030), while German makers stop where they are.",
		{ localisationJapanese: 0.9, localisationGerman: 0, localisationLag: 2.5 }
	),
	preset(
		'preset-safety-after-2026',
		'Safety weighs more after the 2026 rules',
		'After high-profile EV crashes and the 2026 battery-safety rules, buyers pay more for a safety record, and Chinese brands take longer to match the foreign reputation.',
		{ safetyValue: 0.7, safetyRuleBoost: 2.5, safetyHalfLife: 15 }
	),
	preset(
		'preset-domestic-shakeout',
		'Domestic shake-out',
		'Price wars and losses (nearly a quarter of listed Chinese firms lost money in Jan-Sep 2025) push makers of a quarter of Chinese-brand volume out by 2030, in a home market that shrinks 1% a year.',
		{ shakeout: 0.25, marketGrowth: -0.01 }
	)
];
