// What version 3 promises about its fit to the record, stated once: the fit and back-test cells
// show each beside the measured figure, `npm run calibrate` prints them, and the tests hold them.

import type { RmseTarget } from '../../sim/types';

const PP = 0.01;

/** In-sample RMSE over 2019-2025: a point for the Chinese-brand shares and NEV share, 1.5 for each foreign origin. */
export const FIT_TARGETS: RmseTarget[] = [
	{ variable: 'domesticShare', rmse: 1 * PP },
	{ variable: 'domesticShareCaam', rmse: 1 * PP },
	{ variable: 'nevShare', rmse: 1 * PP },
	{ variable: 'germanShare', rmse: 1.5 * PP },
	{ variable: 'japaneseShare', rmse: 1.5 * PP },
	{ variable: 'usShare', rmse: 1.5 * PP },
	{ variable: 'otherShare', rmse: 1.5 * PP },
	{ variable: 'germanShareCaam', rmse: 1.5 * PP },
	{ variable: 'japaneseShareCaam', rmse: 1.5 * PP },
	{ variable: 'usShareCaam', rmse: 1.5 * PP }
];

/** Fitted on 2019-2022, projected over 2023-2025: the Chinese-brand share on both bases and the NEV share. */
export const BACKTEST_TARGETS: RmseTarget[] = [
	{ variable: 'domesticShare', rmse: 2.5 * PP },
	{ variable: 'domesticShareCaam', rmse: 2.5 * PP },
	{ variable: 'nevShare', rmse: 2.5 * PP }
];

/** The posterior-predictive bands over the data years: share of actuals inside 5-95%, and their mean width. */
export const BAND_TARGETS = { inside: 0.8, meanWidth: 4 * PP };
