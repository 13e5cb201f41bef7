// The chart colours of the page's current theme, read from its CSS custom properties (app.css:
// --muted for text, --line for the grid), so canvas text follows light and dark like the page.
// Read once, and again when the system switches between light and dark: reading computed styles
// on every chart update would force a style recalculation on every slider move. The value is
// state, so charts redraw when the theme changes.

import type { ChartTheme } from './chartSpec';

const FALLBACK: ChartTheme = { text: '#5a6470', grid: '#d5dae0' };

function read(): ChartTheme {
	const css = getComputedStyle(document.documentElement);
	return {
		text: css.getPropertyValue('--muted').trim() || FALLBACK.text,
		grid: css.getPropertyValue('--line').trim() || FALLBACK.grid
	};
}

const browser = typeof document !== 'undefined' && typeof matchMedia === 'function';
// Raw, not a deep proxy: the theme goes into specs that are structured-cloned into the chart worker.
let theme: ChartTheme = $state.raw(browser ? read() : FALLBACK);
if (browser) matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => (theme = read()));

export function pageChartTheme(): ChartTheme {
	return theme;
}
