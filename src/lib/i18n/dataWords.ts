// The words around the data's own, in the page's language: a month or part year, a forecast's
// stated value, a chart's source line. The fixed words are first-screen messages (screenWords.ts,
// keys `screen_data_*`); the data's own texts (a publisher, what a forecast counts) go through the
// published table (publishedTexts.ts), which a Chinese page gets from its build. On an English
// page, in unit tests (English words) and wherever no page has handed its words over, the English
// comes out as the data files write it.
import { shown, publishedTextsInUse } from './publishedTexts';
import { screenWordsInUse, w } from './screenWords';
import type { DataRecord } from '../data/schema';
import { MONTH_NAMES } from '../data/monthNames';
import { millionsNumber } from '../view/format';

/** 1-12 for a month as the data writes it ("Oct"), 0 for anything else. */
export const monthNumber = (name: string): number => MONTH_NAMES.indexOf(name as (typeof MONTH_NAMES)[number]) + 1;

/** Month `n` (1-12) as the page writes it: "May" in English, "5" in Chinese (beside 月). */
const monthName = (n: number): string => w('screen_data_months').split('|')[n - 1] ?? String(n);

/** "Jan-Apr" / "1–4 月", "Jul" / "7 月": months without their year. */
export function monthRangeWords(from: number, to: number): string {
	return from === to ? w('screen_data_month_alone', { month: monthName(from) }) : w('screen_data_month_range', { from: monthName(from), to: monthName(to) });
}

/** "May 2025" / "2025 年 5 月". */
export const monthWords = (year: number, month: number): string => w('screen_data_month', { month: monthName(month), year });

/** "Jan-Apr 2025" / "2025 年 1–4 月"; a single month as monthWords. */
export function monthsWords(year: number, from: number, to: number): string {
	return from === to ? monthWords(year, from) : w('screen_data_month_span', { from: monthName(from), to: monthName(to), year });
}

/** A period label as data/periods.ts periodLabel writes it ("Oct 2025", "Jan-Apr 2025", "2025") in the page's words. */
export function periodLabelWords(label: string): string {
	const found = /^([A-Z][a-z]{2})(?:-([A-Z][a-z]{2}))? (\d{4})$/.exec(label);
	if (!found) return label;
	const from = monthNumber(found[1]);
	const to = found[2] ? monthNumber(found[2]) : from;
	return from && to ? monthsWords(Number(found[3]), from, to) : label;
}

/** A record's "YYYY-MM" as monthWords; undefined stays undefined. */
export function issuedWords(issued: string | undefined): string | undefined {
	if (!issued) return undefined;
	const [year, month] = issued.split('-').map(Number);
	return monthWords(year, month);
}

/** A record's value as its source put it: "about 80%", "over 70%", "7.4 million vehicles" (data/outlooks.ts, statedValue, in the page's words). */
export function statedWords(r: Pick<DataRecord, 'value' | 'unit' | 'qualifier'>): string {
	const value = r.unit === 'share' ? `${+(r.value * 100).toFixed(1)}%` : r.unit === 'million vehicles' ? w('screen_data_million_vehicles', { value: millionsNumber(r.value) }) : `${r.value} ${r.unit}`;
	if (r.qualifier === 'about') return w('screen_data_about', { value });
	if (r.qualifier === 'almost') return w('screen_data_almost', { value });
	if (r.qualifier === 'nearly') return w('screen_data_nearly', { value });
	if (r.qualifier === 'more than') return w('screen_data_over', { value });
	return value;
}

/** "Data: CPCA, CAAM. Projection: Shiftcast, China market model v3." with the bodies' names as they write them. */
export function sourceLineWords(bodies: readonly string[], broughtToo: boolean, version: number): string {
	const names = [...bodies.map((b) => shown(b)), ...(broughtToo ? [w('screen_data_your_cells')] : [])];
	return names.length ? w('screen_data_chart_source', { bodies: names.join(w('screen_data_list_separator')), version }) : w('screen_data_chart_source_model', { version });
}

/** What worded texts are made with: a cache of them is stale once the page's language changed. */
export type WordsInUse = readonly [unknown, unknown];
export const wordsInUse = (): WordsInUse => [screenWordsInUse(), publishedTextsInUse()];
export const sameWords = (a: WordsInUse, b: WordsInUse): boolean => a[0] === b[0] && a[1] === b[1];
