// The code the Embed dialog gives to copy: an iframe whose address is the whole state (the
// scenario, its model version pinned, the chart), and the few lines of script a host page needs
// to size the iframe to the embed's height (heightMessage.ts). Without the script the iframe
// keeps a fixed height that fits the chart at common widths.

import { EMBED_HEIGHT_MESSAGE, MAX_EMBED_HEIGHT } from './heightMessage';
import { EMBED_PARAMETERS } from './params';
import { withoutParameters } from '../state/standaloneScenario.svelte';

/** Heights (CSS px) of the iframe before the host script sizes it: the embed's height at a column of about 600 px. */
export const FALLBACK_HEIGHT = { chart: 900, figures: 1200 } as const;

export interface EmbedTarget {
	/** The site's root as an absolute URL ending in `/` (from `document.baseURI` and the app's base path). */
	siteRoot: string;
	/** The scenario's query as a link carries it (`v=3&...`, no `?`). */
	query: string;
	/** The model version the scenario was made with: pinned in the address, so the embed never drifts. */
	modelVersion: number;
	chartId: string;
	/** Include the key figures above the chart. */
	figures: boolean;
}

/** The scenario query with `v` pinned (added if missing) and without any embed parameters. */
export function pinnedQuery(query: string, modelVersion: number): string {
	const scenario = withoutParameters(query, EMBED_PARAMETERS);
	const hasVersion = scenario.split('&').some((pair) => pair.split('=')[0] === 'v');
	return hasVersion ? scenario : [`v=${modelVersion}`, scenario].filter(Boolean).join('&');
}

/** The embed's absolute address: `<site>/embed?<scenario, v pinned>&chart=<id>[&figures=1]`. */
export function embedAddress(target: EmbedTarget): string {
	const query = [pinnedQuery(target.query, target.modelVersion), `chart=${encodeURIComponent(target.chartId)}`, target.figures ? 'figures=1' : ''].filter(Boolean).join('&');
	return new URL(`embed?${query}`, target.siteRoot).href;
}

/** The address of the full notebook for a scenario query (what "Open in Shiftcast" points at). */
export function notebookAddress(siteRoot: string, query: string): string {
	return new URL(`./?${query}`, siteRoot).href;
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text safe inside an HTML attribute value in double quotes (a chart title can come from a link). */
export function escapeAttribute(text: string): string {
	return text.replace(/[&<>"']/g, (c) => escapes[c]);
}

/** The iframe alone. `title` names the frame for screen readers. */
export function iframeCode(target: EmbedTarget, title: string): string {
	const height = target.figures ? FALLBACK_HEIGHT.figures : FALLBACK_HEIGHT.chart;
	return (
		`<iframe src="${escapeAttribute(embedAddress(target))}" title="${escapeAttribute(`Shiftcast: ${title}`)}" ` +
		`width="100%" height="${height}" loading="lazy" data-shiftcast-embed ` +
		`style="width: 100%; height: ${height}px; border: 0;"></iframe>`
	);
}

/**
 * The few lines a host page adds to size each embed to its content. They accept messages from
 * the embed's origin only, and only of the embed's own shape, and resize the iframe that sent it.
 */
export function hostScript(origin: string): string {
	return [
		'<script>',
		'addEventListener("message", function (event) {',
		`  var data = event.data, frames = document.querySelectorAll("iframe[data-shiftcast-embed]");`,
		`  if (event.origin !== ${JSON.stringify(origin)} || !data || data.type !== ${JSON.stringify(EMBED_HEIGHT_MESSAGE)}) return;`,
		`  if (typeof data.height !== "number" || !(data.height > 0 && data.height <= ${MAX_EMBED_HEIGHT})) return;`,
		'  for (var i = 0; i < frames.length; i++) {',
		'    if (frames[i].contentWindow === event.source) frames[i].style.height = Math.ceil(data.height) + "px";',
		'  }',
		'});',
		'</script>'
	].join('\n');
}

/** Everything to paste: the iframe, then the script that sizes it. */
export function embedSnippet(target: EmbedTarget, title: string): string {
	return `${iframeCode(target, title)}\n${hostScript(new URL(target.siteRoot).origin)}`;
}
