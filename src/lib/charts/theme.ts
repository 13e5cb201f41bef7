// The chart colours of the page's current theme, read from its CSS custom properties (app.css:
// --muted for text, --line for the grid), so canvas text follows light and dark like the page.
// Browser only.

import type { ChartTheme } from './chartSpec';

export function pageChartTheme(): ChartTheme {
	const css = getComputedStyle(document.documentElement);
	return {
		text: css.getPropertyValue('--muted').trim() || '#5a6470',
		grid: css.getPropertyValue('--line').trim() || '#d5dae0'
	};
}
