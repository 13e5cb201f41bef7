// Published outlooks: the records of kind "forecast" in data/ (forecasts and one policy target),
// as chart tooltips describe them and the Method page lists them. The model is never fitted to
// them; charts draw them beside its lines (the chart cells' `history` links), so a reader can see
// where a scenario stands against what others expect. Pure and light: the page and tooltips read it.
import { allRecords, seriesMeta, type LoadedRecord } from './index';
import { MONTH_NAMES } from './monthNames';
import type { DataRecord } from './schema';
import { shown } from '../i18n/publishedTexts';
import { w } from '../i18n/screenWords';
import { issuedWords, statedWords } from '../i18n/dataWords';

/** "2025-05" -> "May 2025"; undefined stays undefined. */
export function issuedLabel(issued: string | undefined): string | undefined {
	if (!issued) return undefined;
	const [year, month] = issued.split('-');
	return `${MONTH_NAMES[Number(month) - 1]} ${year}`;
}

/** True for a policy target (a goal set, not a forecast made). */
export const isTarget = (r: Pick<DataRecord, 'basis'>): boolean => r.basis.measure === 'target';

/** A record's value as its source put it: "about 80%", "over 70%", "7.4 million vehicles". */
export function statedValue(r: Pick<DataRecord, 'value' | 'unit' | 'qualifier'>): string {
	const qualifier = r.qualifier === 'more than' ? 'over' : r.qualifier;
	const value = r.unit === 'share' ? `${+(r.value * 100).toFixed(1)}%` : `${r.value} ${r.unit}`;
	return qualifier ? `${qualifier} ${value}` : value;
}

/** What the figure counts, in words: the record's `covers` where given, else body, measure and scope. */
export function basisWords(r: Pick<DataRecord, 'basis'>): string {
	return r.basis.covers ?? `${r.basis.body}, ${r.basis.measure}, ${r.basis.scope}`;
}

/** Chart.js does not wrap tooltip lines: long ones are broken at spaces, the rest indented. */
export function wrapLine(text: string, width = 90): string[] {
	if (HAN.test(text)) return wrapWide(text, width);
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(' ')) {
		if (line && line.length + 1 + word.length > width) {
			lines.push(line);
			line = `  ${word}`;
		} else line = line ? `${line} ${word}` : word;
	}
	if (line) lines.push(line);
	return lines;
}

const HAN = /\p{Script=Han}/u;
/** Columns a text takes: two for a Han character or full-width punctuation. */
const columns = (text: string): number => [...text].reduce((n, c) => n + (c > '\u3000' ? 2 : 1), 0);

/**
 * wrapLine for Chinese, which has no spaces between words: a line is cut at `width` columns,
 * after its last comma, semicolon or space where that is in its second half.
 */
function wrapWide(text: string, width: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const char of text) {
		if (columns(line + char) > width && line.trim()) {
			const cut = Math.max(...[...'，；、：） '].map((p) => line.lastIndexOf(p))) + 1;
			const at = cut > line.length / 2 ? cut : line.length;
			lines.push(line.slice(0, at).trimEnd());
			line = `  ${line.slice(at).trimStart()}`;
		}
		line += char;
	}
	if (line.trim()) lines.push(line);
	return lines;
}

/**
 * Tooltip lines for a forecast or target point: who made it and when, what it says, on what
 * basis, from which publication. Never more than about 90 columns a line. In the page's words
 * (i18n/dataWords.ts): the publisher and what the figure counts through the published table;
 * the publication stays as it is titled.
 */
export function forecastNotes(r: DataRecord): string[] {
	const when = issuedWords(r.issued);
	const body = shown(r.basis.body);
	const who = isTarget(r)
		? when ? w('screen_data_target_by', { body, when }) : w('screen_data_target_by_undated', { body })
		: when ? w('screen_data_forecast_by', { body, when }) : w('screen_data_forecast_by_undated', { body });
	return [
		...wrapLine(who),
		w('screen_data_says', { stated: statedWords(r), year: r.period.year }),
		...wrapLine(w('screen_data_basis', { basis: shown(basisWords(r)) })),
		...wrapLine(w('screen_data_source', { source: r.source }))
	];
}

/** A chart cell, as far as the list needs it: which series it draws against which variable. */
export interface ChartLinks {
	id: string;
	title: string;
	history: readonly { variable: string; series: string }[];
}

export interface OutlookPoint {
	year: number;
	value: number;
	/** As the source put it: "about 80%". */
	stated: string;
	note?: string;
}

export interface PublishedOutlook {
	series: string;
	label: string;
	publisher: string;
	/** "May 2025"; undefined where the record does not give it. */
	issued?: string;
	/** The record's "YYYY-MM", for sorting. */
	issuedMonth?: string;
	target: boolean;
	points: OutlookPoint[];
	basis: string;
	/** The body's own scope words ("all vehicles", "not stated"). */
	scope: string;
	source: string;
	/** The charts that draw it, with the variable it is set beside. */
	charts: { id: string; title: string; variable: string }[];
}

/**
 * Every forecast series in data/, one entry per series, newest first (undated last), with the
 * charts of `charts` that draw it. Built from the records, so the list and the data never differ.
 */
export function publishedOutlooks(charts: readonly ChartLinks[], records: readonly LoadedRecord[] = allRecords): PublishedOutlook[] {
	const bySeries = new Map<string, LoadedRecord[]>();
	for (const r of records) if (r.kind === 'forecast') bySeries.set(r.series, [...(bySeries.get(r.series) ?? []), r]);
	const out = [...bySeries].map(([series, rs]): PublishedOutlook => {
		const sorted = [...rs].sort((a, b) => a.period.year - b.period.year);
		const first = sorted[0];
		return {
			series,
			label: seriesMeta(series)?.label ?? series,
			publisher: first.basis.body,
			issued: issuedLabel(first.issued),
			issuedMonth: first.issued,
			target: isTarget(first),
			points: sorted.map((r) => ({ year: r.period.year, value: r.value, stated: statedValue(r), note: r.note })),
			basis: basisWords(first),
			scope: first.basis.scope,
			source: first.source,
			charts: charts.flatMap((c) => c.history.filter((h) => h.series === series).map((h) => ({ id: c.id, title: c.title, variable: h.variable })))
		};
	});
	return out.sort((a, b) => (b.issuedMonth ?? '').localeCompare(a.issuedMonth ?? '') || a.publisher.localeCompare(b.publisher) || a.series.localeCompare(b.series));
}

/**
 * Outlooks with no figure the data files can hold (a growth rate, not a level or a share): listed
 * on the Method page, never drawn. Kept here, once, rather than turned into invented levels.
 */
export const OUTLOOKS_WITHOUT_A_FIGURE: readonly {
	publisher: string;
	issued: string;
	says: string;
	basis: string;
	source: string;
	why: string;
}[] = [
	{
		publisher: 'CPCA',
		issued: 'Jan 2026',
		says: 'Retail sales of passenger cars in China about flat in 2026 (a “U-shaped” year: strong start, weaker middle); exports up more than 10%.',
		basis: 'passenger cars sold in China (retail); passenger-car exports',
		source: 'CPCA’s outlook for 2026 with its full-year 2025 figures, January 2026; as reported by Gasgoo',
		why: 'Growth rates, not levels: the data files hold shares and volumes, and turning “about flat” into a number would be ours, not CPCA’s. For scale: 2025 retail was 23.78 million, passenger-car exports about 5.8 million (CPCA).'
	}
];
