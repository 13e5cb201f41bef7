// What an embed's address says besides its scenario: which chart (`chart=<cell id>`) and whether
// the key figures come with it (`figures=1`). The rest of the query is the scenario, read by the
// browser's one link reader (scenario/decode.ts) exactly as the notebook reads it. Its notices are
// in the page's language (`screen_embedparams_*`), a published chart's title as the page shows it.

import type { ChartCell, Notebook } from '../sim/types';
import { CHINA_MARKET_VERSION } from '../notebooks/currentVersion';
import { withoutParameters } from '../state/standaloneScenario.svelte';
import { w } from '../i18n/screenWords';
import { shown } from '../i18n/publishedTexts';

/** The embed's own parameters: never part of the scenario (the link reader would report them). */
export const EMBED_PARAMETERS = ['chart', 'figures'] as const;

/** Longest chart id quoted back in a notice (an address can hold anything). */
const QUOTED_ID_CHARS = 60;

export interface EmbedParams {
	/** The scenario's query, without the embed's parameters and without `?`. */
	scenarioQuery: string;
	/** The chart cell asked for, or null when the address names none. */
	chartId: string | null;
	/** Show the key figures above the chart. */
	figures: boolean;
}

/** Reads an embed's address query (`location.search`, with or without its `?`). Never throws. */
export function readEmbedParams(search: string): EmbedParams {
	const query = search.replace(/^\?/, '');
	let params: URLSearchParams;
	try {
		params = new URLSearchParams(query);
	} catch {
		params = new URLSearchParams();
	}
	const chart = params.get('chart');
	return {
		scenarioQuery: withoutParameters(query, EMBED_PARAMETERS),
		chartId: chart === null || chart.trim() === '' ? null : chart,
		figures: params.get('figures') === '1'
	};
}

/** The published scenario as it is (no query, or only the current version): the build's results are its results. */
export function isPublishedQuery(scenarioQuery: string): boolean {
	return scenarioQuery === '' || scenarioQuery === `v=${CHINA_MARKET_VERSION}`;
}

export interface ChartChoice {
	chart: ChartCell | null;
	/** Why the chart shown is not the one asked for; null when it is. */
	notice: string | null;
}

/** The scenario's chart cells, in notebook order. */
export function chartCells(notebook: Notebook): ChartCell[] {
	return notebook.cells.filter((c): c is ChartCell => c.kind === 'chart');
}

/** The chart named `id`; else the scenario's first chart, with a notice saying so. */
export function chooseChart(notebook: Notebook, id: string | null): ChartChoice {
	const charts = chartCells(notebook);
	const asked = id === null ? null : charts.find((c) => c.id === id);
	if (asked) return { chart: asked, notice: null };
	const first = charts[0] ?? null;
	const quoted = id === null ? '' : quote(id);
	if (!first) return { chart: null, notice: id === null ? w('screen_embedparams_no_chart') : w('screen_embedparams_no_such_chart_none', { id: quoted }) };
	const title = shown(first.title);
	return {
		chart: first,
		notice: id === null ? w('screen_embedparams_no_chart_named', { title }) : w('screen_embedparams_no_such_chart', { id: quoted, title })
	};
}

function quote(id: string): string {
	const clean = id.replace(/\s+/g, ' ');
	return clean.length > QUOTED_ID_CHARS ? `${clean.slice(0, QUOTED_ID_CHARS)}…` : clean;
}
