// The analysis cells' views (fit, back-test, sensitivity, discovery) load apart from the page:
// when such a cell nears the screen, once the engine has been ready a few seconds, or at the
// first sign of a person reaching for the page (routes/+page.svelte). None is on a first visit's
// way to its first chart, and together they are a few kilobytes of the 100 kB page budget.
import type FitView from './FitView.svelte';
import type BacktestView from './BacktestView.svelte';
import type SensitivityView from './SensitivityView.svelte';
import type DiscoveryView from './DiscoveryView.svelte';

export interface AnalysisViews {
	FitView: typeof FitView;
	BacktestView: typeof BacktestView;
	SensitivityView: typeof SensitivityView;
	DiscoveryView: typeof DiscoveryView;
}

/** The views once loaded (null before): components read it and render when it arrives. */
export const analysisViews: { current: AnalysisViews | null } = $state({ current: null });
let loading: Promise<AnalysisViews> | null = null;

export function loadAnalysisViews(): Promise<AnalysisViews> {
	loading ??= Promise.all([import('./FitView.svelte'), import('./BacktestView.svelte'), import('./SensitivityView.svelte'), import('./DiscoveryView.svelte')]).then(
		([fit, backtest, sensitivity, discovery]) =>
			(analysisViews.current = { FitView: fit.default, BacktestView: backtest.default, SensitivityView: sensitivity.default, DiscoveryView: discovery.default })
	);
	return loading;
}
