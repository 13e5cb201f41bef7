// Embeds: reading an embed's address, choosing its chart, the height message, and the code the
// Embed dialog gives to copy (src/lib/embed/).
import { describe, expect, it } from 'vitest';
import { chinaMarketNotebook } from '../src/lib/notebooks/chinaMarket';
import { chartCells, chooseChart, readEmbedParams } from '../src/lib/embed/params';
import { EMBED_HEIGHT_MESSAGE, heightMessage, isHeightMessage, MAX_EMBED_HEIGHT } from '../src/lib/embed/heightMessage';
import { embedAddress, embedSnippet, escapeAttribute, hostScript, iframeCode, notebookAddress, pinnedQuery } from '../src/lib/embed/snippet';
import type { Notebook } from '../src/lib/sim/types';

describe('reading an embed address', () => {
	it('takes chart and figures out of the scenario query, the rest untouched and in order', () => {
		expect(readEmbedParams('?v=3&shakeout=0.3&chart=chart-exports&horizon=2040&figures=1')).toEqual({
			scenarioQuery: 'v=3&shakeout=0.3&horizon=2040',
			chartId: 'chart-exports',
			figures: true
		});
	});

	it('reads no chart and no figures when the address has none', () => {
		expect(readEmbedParams('')).toEqual({ scenarioQuery: '', chartId: null, figures: false });
		expect(readEmbedParams('?chart=&figures=yes')).toEqual({ scenarioQuery: '', chartId: null, figures: false });
	});

	it('decodes the chart id and keeps hostile scenario keys for the link reader to report', () => {
		const read = readEmbedParams('v=3&chart=%3Cscript%3E&__proto__=1&%E0%A4%A=2');
		expect(read.chartId).toBe('<script>');
		expect(read.scenarioQuery).toBe('v=3&__proto__=1&%E0%A4%A=2');
	});

	it('never throws on malformed input', () => {
		for (const bad of ['%', '&&&', '?chart=%E0%A4%A', 'chart', '=', 'chart=a&chart=b'.repeat(1000)]) expect(() => readEmbedParams(bad)).not.toThrow();
		expect(readEmbedParams('chart=a&chart=b').chartId).toBe('a');
	});
});

describe('choosing the chart', () => {
	const charts = chartCells(chinaMarketNotebook);

	it('shows the chart named, with no notice', () => {
		expect(chooseChart(chinaMarketNotebook, 'chart-exports')).toEqual({ chart: charts.find((c) => c.id === 'chart-exports'), notice: null });
	});

	it('an unknown id opens the first chart with a notice naming both', () => {
		const { chart, notice } = chooseChart(chinaMarketNotebook, 'no-such-chart');
		expect(chart).toBe(charts[0]);
		expect(notice).toContain('There is no chart “no-such-chart”');
		expect(notice).toContain(charts[0].title);
	});

	it('a missing id opens the first chart and says so; a huge id is cut short in the notice', () => {
		expect(chooseChart(chinaMarketNotebook, null).notice).toContain('names no chart');
		expect(chooseChart(chinaMarketNotebook, 'x'.repeat(5000)).notice!.length).toBeLessThan(300);
	});

	it('an id of another kind of cell is not a chart', () => {
		expect(chooseChart(chinaMarketNotebook, 'headline').chart).toBe(charts[0]);
	});

	it('a notebook without charts shows none, with a notice', () => {
		const empty: Notebook = { ...chinaMarketNotebook, cells: chinaMarketNotebook.cells.filter((c) => c.kind !== 'chart') };
		expect(chooseChart(empty, 'chart-shares')).toEqual({ chart: null, notice: 'There is no chart “chart-shares”, and this scenario has no chart to show.' });
	});
});

describe('the height message', () => {
	it('is a whole number of pixels, capped, with its type and chart', () => {
		expect(heightMessage(512.2, 'chart-shares')).toEqual({ type: EMBED_HEIGHT_MESSAGE, height: 513, chart: 'chart-shares' });
		expect(heightMessage(1e9, 'c').height).toBe(MAX_EMBED_HEIGHT);
	});

	it('is told apart from other messages', () => {
		expect(isHeightMessage(heightMessage(400, 'c'))).toBe(true);
		for (const other of [null, 'x', { type: 'other', height: 4, chart: 'c' }, { type: EMBED_HEIGHT_MESSAGE, height: Number.NaN, chart: 'c' }, { type: EMBED_HEIGHT_MESSAGE, height: 0, chart: 'c' }, { type: EMBED_HEIGHT_MESSAGE, height: 400 }])
			expect(isHeightMessage(other)).toBe(false);
	});
});

describe('the code to copy', () => {
	const target = { siteRoot: 'https://example.org/shiftcast/', query: 'v=3&shakeout=0.3', modelVersion: 3, chartId: 'chart-shares', figures: false };

	it('pins the model version in the address, adding it when the query lacks it', () => {
		expect(pinnedQuery('v=3&shakeout=0.3', 3)).toBe('v=3&shakeout=0.3');
		expect(pinnedQuery('shakeout=0.3', 3)).toBe('v=3&shakeout=0.3');
		expect(pinnedQuery('', 2)).toBe('v=2');
		expect(pinnedQuery('v=2&chart=old&figures=1', 3)).toBe('v=2');
	});

	it('builds the absolute embed address under the site root, with the chart and optionally the figures', () => {
		expect(embedAddress(target)).toBe('https://example.org/shiftcast/embed?v=3&shakeout=0.3&chart=chart-shares');
		expect(embedAddress({ ...target, figures: true })).toBe('https://example.org/shiftcast/embed?v=3&shakeout=0.3&chart=chart-shares&figures=1');
		expect(embedAddress({ ...target, chartId: 'a b&c' })).toContain('chart=a%20b%26c');
		expect(notebookAddress(target.siteRoot, target.query)).toBe('https://example.org/shiftcast/?v=3&shakeout=0.3');
	});

	it('gives an iframe with a title, lazy loading, full width and a fixed height, its attributes escaped', () => {
		const code = iframeCode(target, 'Shares "quoted" <b>&');
		expect(code).toMatch(/^<iframe src="https:\/\/example\.org\/shiftcast\/embed\?v=3&amp;shakeout=0\.3&amp;chart=chart-shares" /);
		expect(code).toContain('title="Shiftcast: Shares &quot;quoted&quot; &lt;b&gt;&amp;"');
		expect(code).toContain('loading="lazy"');
		expect(code).toContain('width="100%"');
		expect(code).toMatch(/height="\d+"/);
		expect(code).toContain('data-shiftcast-embed');
		expect(escapeAttribute(`'"<>&`)).toBe('&#39;&quot;&lt;&gt;&amp;');
	});

	it("gives a host script that checks the embed's origin and the message's shape", () => {
		const script = hostScript('https://example.org');
		expect(script).toContain('event.origin !== "https://example.org"');
		expect(script).toContain(`data.type !== "${EMBED_HEIGHT_MESSAGE}"`);
		expect(script).toContain('contentWindow === event.source');
		expect(embedSnippet(target, 'Shares')).toContain('event.origin !== "https://example.org"');
	});

	it('a host script that runs resizes only the frame that sent a well-formed message from the right origin', () => {
		const source = hostScript('https://example.org').replace(/^<script>\n|\n<\/script>$/g, '');
		const frames = [{ contentWindow: 'w1', style: { height: '' } }, { contentWindow: 'w2', style: { height: '' } }];
		let listener: ((event: unknown) => void) | null = null;
		const run = new Function('addEventListener', 'document', source);
		run((_: string, l: (e: unknown) => void) => (listener = l), { querySelectorAll: () => frames });
		const send = (event: object) => listener!(event);
		send({ origin: 'https://evil.example', source: 'w1', data: heightMessage(300, 'c') });
		send({ origin: 'https://example.org', source: 'w1', data: { type: 'other', height: 300 } });
		send({ origin: 'https://example.org', source: 'w1', data: { ...heightMessage(300, 'c'), height: 'x' } });
		expect(frames.map((f) => f.style.height)).toEqual(['', '']);
		send({ origin: 'https://example.org', source: 'w2', data: heightMessage(432.5, 'c') });
		expect(frames.map((f) => f.style.height)).toEqual(['', '433px']);
	});
});

describe('the published scenario as it is', () => {
	it('is an empty query or the current version alone', async () => {
		const { isPublishedQuery } = await import('../src/lib/embed/params');
		expect(isPublishedQuery('')).toBe(true);
		expect(isPublishedQuery(`v=${chinaMarketNotebook.version}`)).toBe(true);
		expect(isPublishedQuery('v=2')).toBe(false);
		expect(isPublishedQuery(`v=${chinaMarketNotebook.version}&shakeout=0.3`)).toBe(false);
	});
});
