// The analysis cells' views (fit, back-test, sensitivity, discovery) load apart from the page:
// their code when such a cell nears the screen, once the engine has been ready a few seconds, or
// at the first sign of a person reaching for the page (routes/+page.svelte). None is on a first
// visit's way to its first chart, and together they are a few kilobytes of the 100 kB page budget.
// A cell renders its view only once it nears the screen (or for printing): the back-test and the
// sensitivity start their analyses when they render, and a person who never scrolls to them
// should not find the analysis worker busy with them when asking for bands.
import type FitView from './FitView.svelte';
import type BacktestView from './BacktestView.svelte';
import type SensitivityView from './SensitivityView.svelte';
import type DiscoveryView from './DiscoveryView.svelte';
import { w } from '../i18n/screenWords';

export interface AnalysisViews {
	FitView: typeof FitView;
	BacktestView: typeof BacktestView;
	SensitivityView: typeof SensitivityView;
	DiscoveryView: typeof DiscoveryView;
}

/** The views once loaded (null before), or why they could not be (a failed download: tried again on the next call). */
export const analysisViews: { current: AnalysisViews | null; problem: string | null; printing: boolean } = $state({ current: null, problem: null, printing: false });
let loading: Promise<AnalysisViews | null> | null = null;

// Printing wants every cell on paper: load them if no one scrolled to them yet.
if (typeof addEventListener !== 'undefined') {
	addEventListener('beforeprint', () => {
		analysisViews.printing = true;
		void loadAnalysisViews();
	});
}

export function loadAnalysisViews(): Promise<AnalysisViews | null> {
	loading ??= Promise.all([import('./FitView.svelte'), import('./BacktestView.svelte'), import('./SensitivityView.svelte'), import('./DiscoveryView.svelte')]).then(
		([fit, backtest, sensitivity, discovery]) =>
			(analysisViews.current = { FitView: fit.default, BacktestView: backtest.default, SensitivityView: sensitivity.default, DiscoveryView: discovery.default })
	).catch((err: Error) => {
		loading = null;
		analysisViews.problem = w('screen_analysis_views_load_failed', { reason: err.message });
		return null;
	});
	return loading;
}
