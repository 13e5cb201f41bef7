// What the published notebook, version 3, shows: key figures, charts with the record on each
// basis, the sensitivity, fit and back-test cells, the notes on reading the numbers, the table.

import type { Cell } from '../../sim/types';
import { CALIBRATED, CALIBRATION_PAIRS } from './calibrated';
import { BACKTEST_TARGETS, FIT_TARGETS } from './targets';

export const headlineCells: Cell[] = [
	{
		id: 'headline',
		kind: 'headline',
		title: 'Key figures: cars sold in China, and on CAAM’s basis',
		variables: ['domesticShare', 'domesticShareCaam', 'nevShare', 'germanShare', 'japaneseShare', 'usShare', 'otherShare'],
		years: [2030, 2035],
		format: 'percent'
	},
	{
		id: 'chart-shares',
		kind: 'chart',
		title: 'Chinese brands, at home and on CAAM’s basis, and NEV share',
		variables: ['domesticShare', 'domesticShareCaam', 'nevShare'],
		history: [
			{ variable: 'domesticShare', series: 'domestic_share_retail_cpca' },
			{ variable: 'domesticShare', series: 'domestic_share_retail_cpca_monthly' },
			{ variable: 'domesticShareCaam', series: 'domestic_share_caam' },
			{ variable: 'domesticShareCaam', series: 'domestic_share_caam_monthly' },
			{ variable: 'nevShare', series: 'nev_share_passenger_retail_cpca' },
			{ variable: 'nevShare', series: 'nev_share_passenger_retail_cpca_monthly' },
			// Published outlooks (triangles, never fitted): each says its basis in its tooltip, and
			// the legend marks those not on the line's own (all vehicles, a target, not stated).
			{ variable: 'domesticShare', series: 'domestic_share_outlook_alixpartners' },
			{ variable: 'nevShare', series: 'nev_share_all_vehicles_forecast_caam' },
			{ variable: 'nevShare', series: 'nev_share_outlook_iea' },
			{ variable: 'nevShare', series: 'nev_share_outlook_bnef' },
			{ variable: 'nevShare', series: 'nev_share_outlook_alixpartners' },
			{ variable: 'nevShare', series: 'nev_share_outlook_ev100' },
			{ variable: 'nevShare', series: 'nev_share_outlook_ouyang' },
			{ variable: 'nevShare', series: 'nev_share_target_state_council' }
		],
		style: 'line',
		showHistory: true,
		format: 'percent'
	}
];

export const originCells: Cell[] = [
	{
		id: 'chart-origins',
		kind: 'chart',
		title: 'Foreign brands by origin, at home',
		variables: ['germanShare', 'japaneseShare', 'usShare', 'otherShare'],
		history: [
			{ variable: 'germanShare', series: 'german_share_retail_cpca' },
			{ variable: 'germanShare', series: 'german_share_retail_cpca_monthly' },
			{ variable: 'japaneseShare', series: 'japanese_share_retail_cpca' },
			{ variable: 'japaneseShare', series: 'japanese_share_retail_cpca_monthly' },
			{ variable: 'usShare', series: 'us_share_retail_cpca' },
			{ variable: 'usShare', series: 'us_share_retail_cpca_monthly' },
			{ variable: 'otherShare', series: 'korean_other_share_retail_cpca' }
		],
		style: 'line',
		showHistory: true,
		format: 'percent'
	},
	{
		id: 'chart-origins-caam',
		kind: 'chart',
		title: 'Foreign brands by origin, CAAM’s basis',
		variables: ['germanShareCaam', 'japaneseShareCaam', 'usShareCaam', 'otherShareCaam'],
		history: [
			{ variable: 'germanShareCaam', series: 'german_share_marklines' },
			{ variable: 'japaneseShareCaam', series: 'japanese_share_marklines' },
			{ variable: 'usShareCaam', series: 'us_share_marklines' }
		],
		style: 'line',
		showHistory: true,
		format: 'percent'
	},
	{
		id: 'chart-exports',
		kind: 'chart',
		title: 'Exports, million',
		variables: ['passengerExports', 'domesticExports'],
		history: [
			{ variable: 'passengerExports', series: 'passenger_exports_caam' },
			{ variable: 'passengerExports', series: 'passenger_exports_cpca' },
			{ variable: 'passengerExports', series: 'car_exports_customs' },
			{ variable: 'domesticExports', series: 'domestic_brand_nev_exports_cpca' },
			// CAAM's 2026 outlook counts vehicles of every type, so it sits above the passenger-car line.
			{ variable: 'passengerExports', series: 'vehicle_exports_forecast_caam' }
		],
		style: 'line',
		showHistory: true,
		format: 'millions'
	}
];

export const analysisCells: Cell[] = [
	{
		id: 'sensitivity',
		kind: 'sensitivity',
		title: "Which assumptions matter most for Chinese brands' share at home in 2030",
		variable: 'domesticShare',
		year: 2030
	},
	{
		id: 'chart-segments',
		kind: 'chart',
		title: 'Chinese brands by segment, at home',
		variables: ['domesticShareNev', 'domesticShareIce'],
		history: [],
		style: 'line',
		showHistory: false,
		format: 'percent'
	},
	{
		id: 'chart-volumes',
		kind: 'chart',
		title: 'Cars sold in China, million',
		variables: ['domesticSales', 'foreignSales'],
		history: [],
		style: 'area',
		showHistory: false,
		format: 'millions'
	}
];

export const calibrationCells: Cell[] = [
	{
		id: 'fit',
		kind: 'fit',
		title: 'How well the model reproduces 2019-2025, on every basis',
		pairs: CALIBRATION_PAIRS,
		fromYear: 2019,
		toYear: 2025,
		parameters: Object.keys(CALIBRATED),
		targets: FIT_TARGETS
	},
	{
		id: 'backtest',
		kind: 'backtest',
		title: 'Back-test: fitted on 2019-2022, checked on 2023-2025',
		pairs: CALIBRATION_PAIRS,
		parameters: Object.keys(CALIBRATED),
		fromYear: 2019,
		throughYear: 2022,
		checkThroughYear: 2025,
		targets: BACKTEST_TARGETS
	},
	{
		id: 'md-caveats',
		kind: 'markdown',
		text: `## Reading the numbers

Two bodies count China's car market, and they count different things. CAAM counts makers' wholesale shipments, exports included; CPCA counts cars sold to buyers in China. Since most exports are Chinese brands, CAAM's Chinese-brand share runs ahead of CPCA's, and further as exports grew: 38.4% against 35.8% in 2020, 69.5% against about 65% in 2025. On NEV share the gap runs the other way, because CAAM's headline share is of all vehicles, trucks and buses included. The model's headline is the share among cars sold in China; its CAAM-basis share is built from that share, the exports and the Chinese brands' share of them, so it can be set beside CAAM's releases. Each point on the charts carries its basis and source (hover it), and each series is fitted only to the variable of its own basis.

Filled dots are full years; a hollow dot is a single month (CAAM's January 2026, a short holiday month; CPCA's December 2024 by origin and December 2025 NEV share); no figure of one month is fitted. A triangle is a published outlook, or the government's target for 2027: drawn for comparison, never fitted. Hover one for who published it, when, and what it counts; several count all vehicle types or do not say, so set them beside the line with care. The Method page lists them all.`
	},
	{
		id: 'table-main',
		kind: 'table',
		title: 'Year by year',
		variables: ['nevShare', 'domesticShare', 'domesticShareCaam', 'germanShare', 'japaneseShare', 'usShare', 'otherShare', 'homeSales', 'passengerExports'],
		format: 'percent'
	}
];
