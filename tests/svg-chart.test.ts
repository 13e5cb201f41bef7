// The SVG export, written from a chart's spec: well-formed XML (checked by a small parser here:
// the unit tests run in Node without a DOM; the e2e test parses a download with DOMParser), with
// its title, legend, source, link, one path per visible line, and its notes.
import { describe, expect, it } from 'vitest';
import { chartSvg, niceTicks, paint, xmlEscape, yearTicks, type SvgChartInput } from '../src/lib/export/svgChart';
import type { LineChartSpec } from '../src/lib/charts/chartSpec';

interface XmlElement {
	name: string;
	attributes: Record<string, string>;
	children: XmlElement[];
	text: string;
}

const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/y;

/** Parses well-formed XML (elements, attributes, text, a declaration); throws on anything malformed. */
function parseXml(source: string): XmlElement {
	let i = 0;
	const fail = (why: string): never => {
		throw new Error(`${why} at ${i}: ${JSON.stringify(source.slice(i, i + 40))}`);
	};
	const decodeText = (raw: string) => {
		for (let at = raw.indexOf('&'); at >= 0; at = raw.indexOf('&', at + 1)) {
			ENTITY.lastIndex = at;
			if (!ENTITY.test(raw)) fail('bad entity');
		}
		if (/[<]/.test(raw)) fail('raw <');
		return raw.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
	};
	if (source.startsWith('<?xml')) i = source.indexOf('?>') + 2;
	const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
	const stack = [root];
	while (i < source.length) {
		if (source[i] !== '<') {
			const end = source.indexOf('<', i);
			const raw = source.slice(i, end < 0 ? source.length : end);
			stack[stack.length - 1].text += decodeText(raw);
			i = end < 0 ? source.length : end;
			continue;
		}
		if (source.startsWith('</', i)) {
			const m = /^<\/([A-Za-z_][\w:.-]*)\s*>/.exec(source.slice(i)) ?? fail('bad end tag');
			const open = stack.pop()!;
			if (open.name !== m[1]) fail(`</${m[1]}> closes <${open.name}>`);
			i += m[0].length;
			continue;
		}
		const m = /^<([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_][\w:.-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/.exec(source.slice(i)) ?? fail('bad start tag');
		const attributes: Record<string, string> = {};
		for (const a of m[2].matchAll(/([A-Za-z_][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
			if (Object.hasOwn(attributes, a[1])) fail(`attribute ${a[1]} twice`);
			attributes[a[1]] = decodeText(a[2] ?? a[3]);
		}
		const element: XmlElement = { name: m[1], attributes, children: [], text: '' };
		stack[stack.length - 1].children.push(element);
		if (!m[3]) stack.push(element);
		i += m[0].length;
	}
	if (stack.length !== 1) fail(`<${stack[stack.length - 1].name}> not closed`);
	if (root.children.length !== 1 || root.text.trim()) fail('not one root element');
	return root.children[0];
}

const all = (e: XmlElement): XmlElement[] => [e, ...e.children.flatMap(all)];
const textOf = (e: XmlElement): string => e.text + e.children.map(textOf).join('');
const find = (root: XmlElement, test: (e: XmlElement) => boolean) => all(root).filter(test);
const byClass = (root: XmlElement, name: string) => find(root, (e) => (e.attributes.class ?? '').split(' ').includes(name));

const spec = (overrides: Partial<LineChartSpec> = {}): LineChartSpec => ({
	kind: 'line',
	theme: { text: '#aaa', grid: '#444' },
	style: 'line',
	format: 'percent',
	fromYear: 2019,
	toYear: 2035,
	markers: [{ year: 2026, label: '2026 battery rules' }],
	series: [
		{ key: 's:nevShare', label: 'NEV share', role: 'scenario', colour: '#0072B2', points: [{ x: 2019, y: 0.05 }, { x: 2030, y: 0.7 }, { x: 2035, y: 0.8 }] },
		{ key: 's:phevShare', label: 'PHEV share', role: 'scenario', colour: '#D55E00', points: [{ x: 2019, y: 0.02 }, { x: 2035, y: 0.2 }] },
		{ key: 'b:nevShare', label: 'NEV share (baseline)', role: 'baseline', colour: 'rgba(0, 114, 178, 0.35)', points: [{ x: 2019, y: 0.05 }, { x: 2035, y: 0.75 }] },
		{ key: 'b:phevShare', label: 'PHEV share (baseline)', role: 'baseline', colour: 'rgba(213, 94, 0, 0.35)', points: [{ x: 2019, y: 0.02 }, { x: 2035, y: 0.1 }], hidden: true },
		{ key: 'p5:nevShare', label: 'NEV share, 5th percentile', role: 'band-low', colour: 'rgba(0, 114, 178, 0.15)', points: [{ x: 2030, y: 0.6 }, { x: 2035, y: 0.65 }] },
		{ key: 'p95:nevShare', label: 'NEV share, 95th percentile', role: 'band-high', colour: 'rgba(0, 114, 178, 0.15)', points: [{ x: 2030, y: 0.8 }, { x: 2035, y: 0.9 }] },
		{ key: 'p50:nevShare', label: 'NEV share, median', role: 'median', colour: 'rgba(0, 114, 178, 0.9)', points: [{ x: 2030, y: 0.7 }, { x: 2035, y: 0.78 }] },
		{ key: 'h:cpca', label: 'NEV share, observed', role: 'history', colour: '#0072B2', points: [{ x: 2023, y: 0.31 }, { x: 2024, y: 0.41 }], observation: 'full-year' },
		{ key: 'hp:cpca', label: 'NEV share, observed, month or part year', role: 'history', colour: '#0072B2', points: [{ x: 2025.5, y: 0.5 }], observation: 'part-year' }
	],
	annotations: [
		{ kind: 'label', year: 2027, value: 0.45, text: 'State Council target' },
		{ kind: 'span', from: 2024, to: 2026, text: 'price war <"&">' }
	],
	...overrides
});

const input = (overrides: Partial<SvgChartInput> = {}): SvgChartInput => ({
	spec: spec(),
	title: 'New-energy share of sales & exports',
	source: 'Data: CPCA, CAAM. Projection: Shiftcast, China market model v3.',
	link: 'https://example.org/shiftcast/?v=3&horizon=2035&nb=abc',
	summary: 'NEV share from 5.0% in 2019 to 80.0% in 2035. Notes on the chart: 2027, 45.0%: State Council target.',
	...overrides
});

describe('chartSvg', () => {
	it('is a well-formed SVG with its title, description, legend, source line and the link in its metadata', () => {
		const svg = parseXml(chartSvg(input()));
		expect(svg.name).toBe('svg');
		expect(svg.attributes.xmlns).toBe('http://www.w3.org/2000/svg');
		expect(textOf(find(svg, (e) => e.name === 'title')[0])).toBe('New-energy share of sales & exports');
		expect(textOf(find(svg, (e) => e.name === 'desc')[0])).toContain('Notes on the chart');
		expect(textOf(byClass(svg, 'chart-title')[0])).toBe('New-energy share of sales & exports');
		expect(textOf(byClass(svg, 'chart-source')[0])).toBe('Data: CPCA, CAAM. Projection: Shiftcast, China market model v3.');
		const metadata = find(svg, (e) => e.name === 'metadata')[0];
		expect(textOf(find(metadata, (e) => e.name === 'dc:source')[0])).toBe('https://example.org/shiftcast/?v=3&horizon=2035&nb=abc');
		expect(textOf(find(metadata, (e) => e.name === 'dc:description')[0])).toContain('Projection: Shiftcast');
		const legend = byClass(svg, 'legend-item').map(textOf);
		expect(legend).toEqual(expect.arrayContaining(['NEV share', 'PHEV share', 'NEV share (baseline)', 'NEV share, observed']));
		expect(legend).not.toContain('PHEV share (baseline)');
	});

	it('draws one path per visible line, dashed as the chart dashes them, points as dots, and leaves hidden series out', () => {
		const svg = parseXml(chartSvg(input()));
		const lines = find(svg, (e) => e.name === 'path' && (e.attributes.class ?? '') === 'series');
		expect(lines.map((e) => e.attributes['data-series'])).toEqual(['s:nevShare', 's:phevShare', 'b:nevShare']);
		expect(lines[2].attributes['stroke-dasharray']).toBe('6 4');
		expect(lines[2].attributes['stroke-opacity']).toBe('0.35');
		const points = byClass(svg, 'points');
		expect(points.map((g) => g.attributes['data-series'])).toEqual(['h:cpca', 'hp:cpca']);
		expect(points[0].children.map((c) => c.name)).toEqual(['circle', 'circle']);
		expect(points[1].children[0].attributes.fill).toBe('#ffffff');
		expect(byClass(svg, 'band')).toHaveLength(1);
		expect(byClass(svg, 'median')).toHaveLength(1);
		expect(textOf(byClass(svg, 'marker')[0])).toBe('2026 battery rules');
	});

	it('draws the notes: a shaded span and a label, their text escaped', () => {
		const source = chartSvg(input());
		expect(source).toContain('price war &lt;&quot;&amp;&quot;&gt;');
		const svg = parseXml(source);
		expect(textOf(byClass(svg, 'annotation-span')[0])).toBe('price war <"&">');
		expect(textOf(byClass(svg, 'annotation-label')[0])).toBe('State Council target');
	});

	it('labels the value axis in the chart’s format and the year axis in years', () => {
		const svg = parseXml(chartSvg(input()));
		expect(byClass(svg, 'axis-y')[0].children.map(textOf)).toEqual(['0.0%', '20.0%', '40.0%', '60.0%', '80.0%', '100.0%']);
		expect(byClass(svg, 'axis-x')[0].children.map(textOf)).toEqual(['2020', '2022', '2024', '2026', '2028', '2030', '2032', '2034']);
	});

	it('stacks areas by role as the chart does, each filled down to the one before it', () => {
		const svg = parseXml(chartSvg(input({ spec: spec({ style: 'area', format: 'millions', series: spec().series.slice(0, 2), annotations: [] }) })));
		expect(byClass(svg, 'area')).toHaveLength(2);
		const second = find(svg, (e) => e.attributes['data-series'] === 's:phevShare')[0];
		const first = find(svg, (e) => e.attributes['data-series'] === 's:nevShare')[0];
		// The second line sits on top of the first: higher on the page (smaller y) at 2019.
		const yAt = (d: string) => Number(d.split(' ')[1]);
		expect(yAt(second.attributes.d)).toBeLessThan(yAt(first.attributes.d));
	});

	it('survives hostile text and no link: control characters removed, nothing unescaped', () => {
		const svg = chartSvg(input({ title: 'a\u0001b</title><script>x</script>', link: null, summary: ']]>&' }));
		const parsed = parseXml(svg);
		expect(textOf(find(parsed, (e) => e.name === 'title')[0])).toBe('ab</title><script>x</script>');
		expect(find(parsed, (e) => e.name === 'script')).toHaveLength(0);
		expect(find(parsed, (e) => e.name === 'dc:source')).toHaveLength(0);
	});
});

describe('svg helpers', () => {
	it('escapes XML and turns alpha colours into opacities', () => {
		expect(xmlEscape(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
		expect(paint('rgba(0, 114, 178, 0.35)', 'stroke')).toBe('stroke="rgb(0,114,178)" stroke-opacity="0.35"');
		expect(paint('#0072B255', 'fill')).toBe('fill="#0072B2" fill-opacity="0.333"');
		expect(paint('#0072B2', 'fill', 0.5)).toBe('fill="#0072B2" fill-opacity="0.5"');
	});
	it('picks round ticks', () => {
		expect(niceTicks(0, 1).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
		expect(niceTicks(0, 23.4).ticks).toEqual([0, 5, 10, 15, 20, 25]);
		expect(yearTicks(2019, 2025)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025]);
		expect(yearTicks(2017, 2050)).toEqual([2017, 2020, 2025, 2030, 2035, 2040, 2045, 2050]);
	});
});
