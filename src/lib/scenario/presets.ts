// Four starting scenarios, each one argument from the source articles turned into inputs.
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

/** The four built-in starting scenarios, Baseline first. */
export const PRESETS: SavedScenario[] = [
	preset('preset-baseline', 'Baseline', 'The published assumptions: foreign brands close 30% of the technology gap by 2030, safety reputation weighs 1.5× after the 2026 rules, 5% of domestic volume exits.', {}),
	preset(
		'preset-localisation-push',
		'Foreign localisation push',
		'Foreign brands hand development to Chinese engineers and suppliers across the line-up (Toyota with Huawei and Momenta, VW with XPeng and Horizon): 80% of the gap closed by 2030, in showrooms after two years.',
		{ localisation: 0.8, localisationLag: 2 }
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
		'Price wars and losses (nearly a quarter of listed Chinese firms lost money in Jan-Sep 2025) push makers of a quarter of domestic volume out by 2030, in a market that stops growing.',
		{ shakeout: 0.25, marketGrowth: 0 }
	)
];
