// What a chart's action row (components/ChartActions.svelte) may ask of the page around it: the
// scenario's link (for "Embed" and the SVG's metadata) and where "Add to talk" puts a step. The
// notebook and explore views provide it from the tab's scenario; the compare page and an embed
// provide none or part of it, and the row then shows only what it can do.

import { getContext, setContext } from 'svelte';
import type { ChartCell } from '../sim/types';

export interface ChartActionContext {
	/** The model version the scenario was made with (pinned in an embed's address). */
	modelVersion(): number;
	/**
	 * The scenario's query as a link carries it (`v=3&...`, no leading `?`), or why it cannot
	 * travel in a link (too large).
	 */
	scenarioQuery(): Promise<{ query: string } | { problem: string }>;
	/** Adds the current view of chart `chartId` as a step of the talk being built; returns what to say. */
	addStep?(chartId: string, chartTitle: string): Promise<string>;
	/** False where an embed makes no sense (inside an embed itself). */
	embeddable: boolean;
	/** The chart's one-line source (charts/sourceLine.ts), shown under it and written into its SVG. */
	sourceLine(cell: ChartCell): string;
}

const KEY = Symbol('chart-actions');

/** Called by a page during its component setup. */
export function provideChartActions(context: ChartActionContext): void {
	setContext(KEY, context);
}

/** The page's chart actions, or null where none were provided (the compare page). */
export function chartActions(): ChartActionContext | null {
	return getContext<ChartActionContext | undefined>(KEY) ?? null;
}

/** The notebook view's absolute address for `query` (what "Open in Shiftcast" and metadata point at). */
export function notebookUrl(query: string, origin = location.origin, base = ''): string {
	return `${origin}${base}/?${query}`;
}
