// Placeholder until the SVG writer lands.
import type { LineChartSpec } from '../charts/chartSpec';

export interface SvgChartInput {
	spec: LineChartSpec;
	title: string;
	/** The one-line source (charts/sourceLine.ts). */
	source: string;
	/** The scenario's notebook link, written into the SVG's metadata; null when it has none. */
	link: string | null;
	/** The chart's text alternative (its <desc>). */
	summary: string;
}

export function downloadChartSvg(_input: SvgChartInput): void {
	throw new Error('SVG export is not built yet');
}
