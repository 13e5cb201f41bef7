// Chart notes: the editor's checks and units, the text alternative, the plugin's elements, and
// notes travelling in a link (kept when readable, left out one by one with a notice when not).
import { describe, expect, it } from 'vitest';
import { checkAnnotation, draftOf, toModelValue, toShownValue } from '../src/lib/charts/annotations';
import { annotationElements, lineConfig } from '../src/lib/charts/chartConfig';
import { describeAnnotations, placeAnnotations } from '../src/lib/charts/annotationView';
import type { LineChartSpec } from '../src/lib/charts/chartSpec';
import { chinaMarketNotebook } from '../src/lib/notebooks/chinaMarket';
import { decodeScenario, encodeScenario } from '../src/lib/scenario/codec';
import { deflateToBase64url } from '../src/lib/scenario/compression';
import { checkNotebook } from '../src/lib/scenario/notebookSchema';
import type { ChartAnnotation, ChartCell, Notebook } from '../src/lib/sim/types';
import { formatValue } from '../src/lib/view/format';

const published = chinaMarketNotebook;
const frame = { fromYear: 2019, toYear: 2035, format: 'percent' as const };
const firstChart = published.cells.find((c): c is ChartCell => c.kind === 'chart')!;
const withNotes = (annotations: unknown[]): Notebook => ({
	...published,
	cells: published.cells.map((c) => (c.id === firstChart.id ? ({ ...c, annotations } as ChartCell) : c))
});

describe('checking a typed note', () => {
	it('stores a percent chart’s value in model units (45 typed is 0.45) and shows it back as typed', () => {
		const checked = checkAnnotation({ kind: 'label', year: '2027', value: '45', text: '  State Council target ' }, frame);
		expect(checked).toEqual({ ok: true, annotation: { kind: 'label', year: 2027, value: 0.45, text: 'State Council target' } });
		expect(draftOf({ kind: 'label', year: 2027, value: 0.07, text: 'x' }, 'percent')).toMatchObject({ value: '7' });
		expect(toModelValue(45, 'millions')).toBe(45);
		expect(toShownValue(0.455, 'percent')).toBe(45.5);
		expect(checkAnnotation({ kind: 'label', year: '2027', value: '45%', text: 'x' }, frame)).toMatchObject({ ok: true, annotation: { value: 0.45 } });
	});

	it('refuses a year outside the chart, a non-number, a reversed span and an empty or long text, each with a message', () => {
		const refuse = (draft: Parameters<typeof checkAnnotation>[0]) => {
			const c = checkAnnotation(draft, frame);
			if (c.ok) throw new Error('accepted');
			return c;
		};
		expect(refuse({ kind: 'label', year: '2050', value: '1', text: 'x' })).toEqual({ ok: false, field: 'year', message: "2050 is outside this chart's years (2019 to 2035)." });
		expect(refuse({ kind: 'label', year: '2027.5', value: '1', text: 'x' }).message).toContain('whole year');
		expect(refuse({ kind: 'label', year: '2027', value: 'abc', text: 'x' })).toMatchObject({ field: 'value', message: 'The value must be a number; “abc” is not.' });
		expect(refuse({ kind: 'label', year: '2027', value: '', text: 'x' }).message).toBe('Type the value.');
		expect(refuse({ kind: 'label', year: '2027', value: 'Infinity', text: 'x' }).field).toBe('value');
		expect(refuse({ kind: 'span', from: '2026', to: '2024', text: 'x' })).toMatchObject({ field: 'to', message: 'The last year (2024) is before the first (2026).' });
		expect(refuse({ kind: 'span', from: '2010', to: '2024', text: 'x' }).field).toBe('from');
		expect(refuse({ kind: 'span', from: '2024', to: '2026', text: '   ' }).message).toBe('Type the note’s text.');
		expect(refuse({ kind: 'span', from: '2024', to: '2026', text: 'a'.repeat(121) }).message).toContain('at most 120 characters');
	});
});

describe('notes in a view and its text alternative', () => {
	const notes: ChartAnnotation[] = [
		{ kind: 'label', year: 2027, value: 0.45, text: 'State Council target' },
		{ kind: 'span', from: 2024, to: 2026, text: 'price war' },
		{ kind: 'label', year: 2045, value: 0.9, text: 'far away' },
		{ kind: 'span', from: 2015, to: 2024, text: 'partly in view' }
	];
	const years = { fromYear: 2024, toYear: 2030 };
	const placed = placeAnnotations(notes, years);

	it('draws the notes within the years shown and names the others as not drawn', () => {
		expect(placed.shown.map((a) => a.text)).toEqual(['State Council target', 'price war', 'partly in view']);
		expect(placed.skipped.map((a) => a.text)).toEqual(['far away']);
		const text = describeAnnotations(placed, years, (v) => formatValue(v, 'percent'));
		expect(text).toBe(
			' Notes on the chart: 2027, 45.0%: State Council target; 2024–2026 (shaded): price war; 2015–2024 (shaded): partly in view. Not drawn, outside the years shown (2024–2030): 2045, 90.0%: far away.'
		);
	});

	it('says nothing when a chart has no notes, and names a one-year span by its year', () => {
		expect(describeAnnotations(placeAnnotations([], years), years, String)).toBe('');
		expect(describeAnnotations(placeAnnotations([{ kind: 'span', from: 2025, to: 2025, text: 'x' }], years), years, String)).toBe(' Notes on the chart: 2025 (shaded): x.');
	});
});

describe('notes drawn by chartjs-plugin-annotation', () => {
	const spec: LineChartSpec = {
		kind: 'line',
		theme: { text: '#5a6470', grid: '#d5dae0' },
		style: 'line',
		format: 'percent',
		fromYear: 2019,
		toYear: 2035,
		markers: [],
		series: [],
		annotations: [
			{ kind: 'span', from: 2024, to: 2026, text: 'price war' },
			{ kind: 'label', year: 2027, value: 0.45, text: 'State Council target' },
			{ kind: 'span', from: 2030, to: 2030, text: 'one year' }
		]
	};
	it('makes a full-height box per span and a dot with its text per label, in the theme’s colour', () => {
		const elements = annotationElements(spec);
		expect(elements.span0).toMatchObject({ type: 'box', xMin: 2024, xMax: 2026, label: { display: true, content: ['price war'], color: '#5a6470' } });
		expect(elements.span0.yMin).toBeUndefined();
		expect(elements.dot1).toMatchObject({ type: 'point', xValue: 2027, yValue: 0.45 });
		expect(elements.label1).toMatchObject({ type: 'label', xValue: 2027, yValue: 0.45, content: ['State Council target'] });
		expect(elements.span2).toMatchObject({ xMin: 2029.6, xMax: 2030.4 });
		const options = lineConfig(() => spec, 1).options as { plugins: { annotation: { annotations: unknown } } };
		expect(options.plugins.annotation.annotations).toEqual(elements);
	});
});

describe('notes in a link', () => {
	const notes: ChartAnnotation[] = [
		{ kind: 'label', year: 2027, value: 0.45, text: 'State Council target <&>' },
		{ kind: 'span', from: 2024, to: 2026, text: 'price war' }
	];

	it('round-trip: a chart cell’s notes travel in `nb` and come back as they were', async () => {
		const query = await encodeScenario({ notebook: withNotes(notes), inputs: {}, horizon: published.horizon }, published);
		expect(query).toContain('nb=');
		const decoded = await decodeScenario(query, published);
		expect(decoded.notices).toEqual([]);
		const chart = decoded.document.notebook.cells.find((c) => c.id === firstChart.id) as ChartCell;
		expect(chart.annotations).toEqual(notes);
	});

	it('an unreadable note is left out and named in a notice; the chart and the rest of the notebook open', async () => {
		const edited = withNotes([notes[0], { kind: 'label', year: 2027, value: 'abc', text: 'bad value' }, { kind: 'arrow', text: 'unknown' }, notes[1]]);
		const diff = { order: edited.cells.map((c) => c.id), cells: { [firstChart.id]: edited.cells.find((c) => c.id === firstChart.id) } };
		const decoded = await decodeScenario(`v=${published.version}&nb=${await deflateToBase64url(JSON.stringify(diff))}`, published);
		const chart = decoded.document.notebook.cells.find((c) => c.id === firstChart.id) as ChartCell;
		expect(chart.annotations).toEqual(notes);
		expect(decoded.notices).toHaveLength(1);
		expect(decoded.notices[0]).toMatch(/^The chart “.*” in the link had notes that cannot be used, left out \(note 2: .*; note 3: .*\)\.$/);
	});

	it('more notes than a chart holds: the first 20 are kept', async () => {
		const many = Array.from({ length: 23 }, (_, i) => ({ kind: 'span', from: 2024, to: 2025, text: `n${i}` }));
		const edited = withNotes(many);
		const diff = { order: edited.cells.map((c) => c.id), cells: { [firstChart.id]: edited.cells.find((c) => c.id === firstChart.id) } };
		const decoded = await decodeScenario(`v=${published.version}&nb=${await deflateToBase64url(JSON.stringify(diff))}`, published);
		const chart = decoded.document.notebook.cells.find((c) => c.id === firstChart.id) as ChartCell;
		expect(chart.annotations).toHaveLength(20);
		expect(decoded.notices[0]).toContain('3 past the 20 a chart holds');
	});

	it('the schema refuses a stored note that is not a note', () => {
		expect(checkNotebook(withNotes(notes)).ok).toBe(true);
		expect(checkNotebook(withNotes([{ kind: 'label', year: 2027, value: Number.NaN, text: 'x' }])).ok).toBe(false);
		expect(checkNotebook(withNotes([{ kind: 'span', from: 2027, to: 2020, text: 'x' }])).ok).toBe(false);
		expect(checkNotebook(withNotes([{ kind: 'span', from: 2020, to: 2027, text: '' }])).ok).toBe(false);
	});
});
