// A step read: its scenario through the one link reader, its chart found in that scenario's
// notebook. What the reader ignored or changed, and a chart that is not there, become notices
// that name the step; the step still opens (with the first chart when its own is missing).
// Notices are in the page's language (`screen_talk_*`), a published chart's title as the page shows it.

import { chinaMarketNotebook } from '../notebooks/chinaMarket';
import { quote } from '../scenario/linkText';
import type { ChartCell, Notebook } from '../sim/types';
import type { WorkingDocument } from '../state/autosave';
import { chartChoices } from '../view/exploreLayout';
import type { Step } from './schema';
import { w } from '../i18n/screenWords';
import { shown } from '../i18n/publishedTexts';

export interface ReadStep {
	document: WorkingDocument;
	/** The chart to show: the step's own, else the scenario's first, else none. */
	chart: ChartCell | null;
	/** What the link reader ignored or changed, and a missing chart; the page prefixes the step's number. */
	notices: string[];
}

/** The step's chart in `notebook`, or the first chart with a notice saying so. */
export function chartOf(notebook: Notebook, chartId: string): { chart: ChartCell | null; notice: string | null } {
	const charts = chartChoices(notebook);
	const own = charts.find((c) => c.id === chartId);
	if (own) return { chart: own, notice: null };
	const first = charts[0] ?? null;
	return {
		chart: first,
		notice: first ? w('screen_talk_chart_missing', { id: quote(chartId), title: shown(first.title) }) : w('screen_talk_chart_missing_none', { id: quote(chartId) })
	};
}

export async function readStep(step: Step): Promise<ReadStep> {
	const { decodeScenario } = await import('../scenario/decode');
	const decoded = await decodeScenario(step.query, chinaMarketNotebook);
	const notices = [...decoded.notices];
	const { chart, notice } = chartOf(decoded.document.notebook, step.chart);
	if (notice) notices.push(notice);
	return { document: decoded.document, chart, notices };
}

/** "Step 2: …", as a notice about step `index` (0-based) is shown. */
export function stepNotice(index: number, notice: string): string {
	return w('screen_talk_step_notice', { n: index + 1, notice });
}
