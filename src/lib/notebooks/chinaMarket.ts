// The published default notebook, version 3: China's passenger-car market at home and abroad.
// The home market is the core (NEV share of cars sold in China, brands by origin within each
// powertrain segment); exports are a flow beside it; CAAM's wholesale figures are derived from
// both, so each series is fitted on its own basis. The cells live in chinaMarketCells/ by part:
// levers, model formulas, calibrated and stated inputs, outputs.
//
// The model's contract with history: the past is data. Through LAST_DATA_YEAR (2025) every
// figure depends only on data and the calibrated parameters; a scenario lever acts from the year
// after, through a phase-in written into its formula. tests/model-checks.test.ts holds it.
// Versions 1 and 2 are frozen in frozen/.

import type { Notebook } from '../sim/types';
import { CALIBRATED, CALIBRATION_PAIRS, calibratedCells, statedCells } from './chinaMarketCells/calibrated';
import { discoveryCells } from './chinaMarketCells/discovery';
import { leverCells } from './chinaMarketCells/levers';
import { brandModel, exportModel, nevModel, volumeModel } from './chinaMarketCells/model';
import { analysisCells, calibrationCells, headlineCells, originCells } from './chinaMarketCells/outputs';
import { CHINA_MARKET_VERSION } from './currentVersion';

export { CALIBRATED, CALIBRATION_PAIRS };

export const CHINA_MARKET_NOTEBOOK_ID = 'china-market';
export { CHINA_MARKET_VERSION };

/** The last year with full-year data; levers act only after it. */
export const LAST_DATA_YEAR = 2025;

/** The scenario levers (links use these names); everything else in the input cells is calibrated. */
export const LEVERS = [
	'localisationJapanese',
	'localisationGerman',
	'localisationUS',
	'localisationOther',
	'localisationLag',
	'safetyValue',
	'safetyRuleBoost',
	'safetyHalfLife',
	'electrificationPace',
	'nevCeiling',
	'shakeout',
	'techLeadMax',
	'marketGrowth',
	'exportGrowth',
	'exportDomesticShare'
] as const;

/** The levers of one foreign origin each, with the origin's name: explore groups them under it. */
export const LOCALISATION_LEVERS = ['localisationJapanese', 'localisationGerman', 'localisationUS', 'localisationOther'] as const;

export const chinaMarketNotebook: Notebook = {
	id: CHINA_MARKET_NOTEBOOK_ID,
	version: CHINA_MARKET_VERSION,
	title: "China's car market at home and abroad: electric or combustion, Chinese or foreign, and whose?",
	startYear: 2019,
	horizon: 2035,
	cells: [
		{
			id: 'md-intro',
			kind: 'markdown',
			text: `# Who sells the cars bought in China in 2035, and whose are they?

Chinese brands went from about 36% of the passenger cars bought in China in 2020 to about 65% in 2025 (CPCA retail); counting exports too, as CAAM does, from 38.4% to 69.5%. New-energy vehicles (battery, plug-in hybrid and fuel-cell cars) went from 6% of cars sold in China to about 54%. Foreign carmakers now answer camp by camp, handing development to Chinese engineers and buying Chinese cockpits and driving software: Toyota with Huawei and Momenta, Nissan with Dongfeng, Mazda with Changan, Volkswagen with XPeng and Horizon Robotics, GM with SAIC (Caixin). Their reputation for safety may count for more once the 2026 battery rules apply.

This notebook turns that argument into numbers, origin by origin. A model of the market at home, with exports beside it, is fitted to the 2019-2025 record on each body's own basis, and no assumption below can change that record; from 2026 it projects the NEV share and each origin's share to the horizon you choose, under the assumptions you set.`
		},
		...headlineCells,
		...leverCells,
		...originCells,
		...analysisCells,
		...discoveryCells,
		...nevModel,
		...brandModel,
		...exportModel,
		...volumeModel,
		...calibratedCells,
		...statedCells,
		...calibrationCells
	]
};
