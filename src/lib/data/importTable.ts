// A pasted or imported table (CSV, TSV, semicolons, from a spreadsheet or a file) -> the rows of
// a data cell, and one line per row that could not be used, saying what is wrong with it. The
// good rows are kept whatever the bad ones are. Papaparse splits the text (tableText.ts: it sniffs the
// delimiter and handles quoted fields, which a split on commas gets wrong); every row is then
// read here and checked with the same zod schema that guards stored notebooks. What it says is in
// the page's language (`screen_import_*` messages, i18n/screenWords.ts); the column and unit names
// stay English, since they are what the table itself must say.
//
// Loaded only by the data cell's editor: a reader who never pastes data never downloads it.
import type { DataRow, DataUnit } from '../sim/types';
import { DataRowSchema, parsePeriod, periodText, ROW_TEXT_LIMITS } from './broughtRow';
import { MAX_BROUGHT_SERIES } from './brought';
import { DELIMITER_NAMES, isBlank, splitTable } from './tableText';
import { w, type ScreenWordKey } from '../i18n/screenWords';

/** Rows one data cell holds (also LIMITS.dataRows in scenario/notebookSchema.ts). */
export const MAX_DATA_ROWS = 5000;
/** Longest text read at all: far past 5,000 honest rows, short of freezing the tab. */
export const MAX_TABLE_CHARS = 5_000_000;

export interface ImportContext {
	/** True for a seeded series id, which a data cell may not bring. */
	isSeeded(id: string): boolean;
	/** The title of another data cell that already brings `id`, if one does. */
	broughtElsewhere(id: string): string | undefined;
	/** Series other cells of the notebook bring (they count towards the limit of 50). */
	seriesElsewhere: number;
}

export interface ImportReport {
	rows: DataRow[];
	/** One line per row not used (or replaced), "row 3: ...", and whole-table problems. */
	problems: string[];
	/** How the table was read ("Read as semicolon-separated ..."). */
	notes: string[];
}

const COLUMNS = ['series', 'period', 'value', 'unit', 'basis', 'source', 'note'] as const;
type Column = (typeof COLUMNS)[number];
const ALIASES: Record<string, Column> = {
	series: 'series', 'series id': 'series', series_id: 'series', id: 'series',
	period: 'period', year: 'period', month: 'period', date: 'period',
	value: 'value', val: 'value',
	unit: 'unit', units: 'unit',
	basis: 'basis', source: 'source', note: 'note', notes: 'note', comment: 'note'
};

/** Units people write, to the stored unit and the factor that takes a value there. */
const UNIT_ALIASES: Record<string, [DataUnit, number]> = {
	share: ['share', 1], fraction: ['share', 1], ratio: ['share', 1],
	percent: ['share', 0.01], '%': ['share', 0.01], pct: ['share', 0.01], 'per cent': ['share', 0.01], percentage: ['share', 0.01],
	'million vehicles': ['million vehicles', 1], 'million units': ['million vehicles', 1], 'million cars': ['million vehicles', 1], million: ['million vehicles', 1], 'mn vehicles': ['million vehicles', 1],
	'thousand vehicles': ['million vehicles', 1e-3], 'thousand units': ['million vehicles', 1e-3], 'thousand cars': ['million vehicles', 1e-3], 'k vehicles': ['million vehicles', 1e-3],
	vehicles: ['million vehicles', 1e-6], units: ['million vehicles', 1e-6], cars: ['million vehicles', 1e-6],
	rank: ['rank', 1],
	'usd million': ['USD million', 1], 'million usd': ['USD million', 1], 'usd mn': ['USD million', 1],
	number: ['number', 1], index: ['number', 1]
};
/** The units a table may give, in English (kept for the published types; the page says unitWords()). */
export const UNIT_WORDS = 'share, percent, million vehicles, thousand vehicles, vehicles, rank, USD million or number';
/** The units as the page lists them: its own list punctuation, the unit names English, as a table must write them. */
export const unitWords = (): string => w('screen_import_unit_words');

/** "Read as … -separated." for each delimiter but the comma, which goes without saying. */
const READ_AS: Record<string, ScreenWordKey> = { tab: 'screen_import_read_as_tab', semicolon: 'screen_import_read_as_semicolon', bar: 'screen_import_read_as_bar' };
/** Papaparse's two quote messages, in the page's words; anything else it says is shown as it says it. */
const QUOTE_PROBLEMS: Record<string, ScreenWordKey> = { 'Quoted field unterminated': 'screen_import_quote_unterminated', 'Trailing quote on quoted field is malformed': 'screen_import_quote_malformed' };
/** Columns and quoted names in a list: ", " in English, "、" in Chinese. */
const listed = (items: string[]): string => items.join(w('screen_data_list_separator'));
/** "row 3: …" */
const atRow = (row: number, problem: string): string => w('screen_import_row', { row, problem });

/** Reads a table's text into data rows; never throws. */
export function importTable(input: string, context: ImportContext): ImportReport {
	const problems: string[] = [];
	const notes: string[] = [];
	if (input.length > MAX_TABLE_CHARS) {
		return { rows: [], problems: [w('screen_import_table_too_long', { length: input.length.toLocaleString('en'), max: MAX_TABLE_CHARS.toLocaleString('en') })], notes };
	}
	if (!input.replace(/^\uFEFF/, '').trim()) return { rows: [], problems: [w('screen_import_table_empty')], notes };
	const { records, delimiter, quoteErrors } = splitTable(input);

	// The header: a first row naming at least two known columns; else the columns in the usual
	// order (one known word, such as a note reading "note", does not make a row a header).
	const first = records.findIndex((r) => !isBlank(r));
	const header = (records[first] ?? []).map((h) => ALIASES[h.trim().toLowerCase()]);
	const hasHeader = new Set(header.filter((h) => h !== undefined)).size >= 2;
	let columns: (Column | undefined)[];
	if (hasHeader) {
		columns = header;
		const missing = (['series', 'period', 'value', 'unit'] as const).filter((c) => !columns.includes(c));
		if (missing.length) return { rows: [], problems: [w('screen_import_header_missing', { columns: listed(missing.map((m) => `“${m}”`)) })], notes };
		const unused = (records[first] ?? []).filter((h, i) => columns[i] === undefined && h.trim());
		if (unused.length) notes.push(w(unused.length > 1 ? 'screen_import_unused_columns_many' : 'screen_import_unused_columns_one', { columns: listed(unused.map((u) => `“${u.trim().slice(0, 40)}”`)) }));
	} else {
		columns = [...COLUMNS];
		notes.push(w('screen_import_no_header', { columns: listed([...COLUMNS]) }));
	}
	const readAs = delimiter && delimiter !== ',' ? READ_AS[DELIMITER_NAMES[delimiter]] : undefined;
	if (readAs) notes.push(w(readAs));

	const kept = new Map<string, { row: DataRow; at: number }>();
	/** Each series' unit and the row that set it: one look-up per row, not a scan. */
	const units = new Map<string, { unit: DataUnit; at: number }>();
	const mark = decimalMark(records, columns.indexOf('value'), delimiter);
	let dataRows = 0;
	let overflow = 0;
	records.forEach((record, index) => {
		if ((hasHeader && index === first) || isBlank(record)) return;
		dataRows++;
		const at = index + 1; // as a spreadsheet counts: the header is row 1
		const quote = quoteErrors.get(index);
		if (quote) return problems.push(atRow(at, Object.hasOwn(QUOTE_PROBLEMS, quote) ? w(QUOTE_PROBLEMS[quote]) : quote.toLowerCase()));
		const read = readRow(record, columns, mark);
		if (typeof read === 'string') return problems.push(atRow(at, read));
		const id = read.series;
		if (context.isSeeded(id)) return problems.push(atRow(at, w('screen_import_seeded', { id })));
		const elsewhere = context.broughtElsewhere(id);
		if (elsewhere !== undefined) return problems.push(atRow(at, w('screen_import_brought_elsewhere', { id, title: elsewhere })));
		const unit = units.get(id);
		if (!unit && units.size + context.seriesElsewhere >= MAX_BROUGHT_SERIES) {
			return problems.push(atRow(at, w('screen_import_too_many_series', { max: MAX_BROUGHT_SERIES, id })));
		}
		if (unit && unit.unit !== read.unit) return problems.push(atRow(at, w('screen_import_unit_changes', { id, unit: unit.unit, row: unit.at, other: read.unit })));
		// Every check is passed before an earlier row is replaced, so a refused row removes nothing.
		const key = `${id}\u0000${read.period}`;
		const earlier = kept.get(key);
		if (earlier) problems.push(atRow(at, w('screen_import_replaces_row', { row: earlier.at })));
		else if (kept.size >= MAX_DATA_ROWS) return void overflow++;
		if (!unit) units.set(id, { unit: read.unit, at });
		kept.set(key, { row: read, at });
	});
	if (dataRows === 0) problems.push(w(hasHeader ? 'screen_import_header_only' : 'screen_import_no_rows'));
	if (overflow) problems.push(w('screen_import_too_many_rows', { max: MAX_DATA_ROWS.toLocaleString('en'), count: overflow.toLocaleString('en') }));
	const rows = [...kept.values()].sort((a, b) => a.at - b.at).map((k) => k.row);
	return { rows, problems, notes };
}


/** One record -> a checked row, or what is wrong with it. */
function readRow(record: string[], columns: (Column | undefined)[], mark: DecimalMark): DataRow | string {
	const field = (c: Column) => {
		const i = columns.indexOf(c);
		const text = i >= 0 ? (record[i] ?? '').trim() : '';
		// A leading quote before = + - @ is the defusing our CSV downloads add: read back the text itself.
		return /^'[=+\-@]/.test(text) ? text.slice(1) : text;
	};
	for (const c of ['basis', 'source', 'note'] as const) {
		const length = field(c).length;
		if (length > ROW_TEXT_LIMITS[c]) return w('screen_import_text_too_long', { column: c, length: length.toLocaleString('en'), max: ROW_TEXT_LIMITS[c] });
	}
	const series = field('series');
	if (!series) return w('screen_import_no_series');
	if (series.length > ROW_TEXT_LIMITS.series) return w('screen_import_series_too_long', { length: series.length.toLocaleString('en'), max: ROW_TEXT_LIMITS.series });
	const periodField = field('period').replace(/^(\d{4})-(\d)(?=$|\.\.)/, '$1-0$2').replace(/\.\.(\d{4})-(\d)$/, '..$1-0$2');
	const period = parsePeriod(periodField);
	if (!period) return w('screen_import_not_period', { value: clip(field('period')) });
	const unitText = field('unit');
	if (!unitText) return w('screen_import_no_unit', { units: unitWords() });
	const unit = UNIT_ALIASES[unitText.toLowerCase().replace(/\s+/g, ' ')];
	if (!unit) return w('screen_import_unknown_unit', { unit: clip(unitText), units: unitWords() });
	const valueText = field('value');
	const number = readNumber(valueText.replace(/%$/, ''), mark);
	if (number === 'ambiguous') return w('screen_import_ambiguous', { value: clip(valueText) });
	if (number === null) return valueText ? w('screen_import_not_number', { value: clip(valueText) }) : w('screen_import_no_value');
	let value = number;
	let [stored, factor] = unit;
	if (valueText.endsWith('%')) {
		if (stored !== 'share') return w('screen_import_percent_not_share', { value: clip(valueText), unit: unitText });
		factor = 0.01;
	}
	if (factor === 0.01 && (value < 0 || value > 100)) return w('screen_import_percent_range', { value });
	value = factor === 1 ? value : Number((value * factor).toPrecision(12));
	const candidate: Record<string, unknown> = { series, period: periodText(period), value, unit: stored };
	for (const c of ['basis', 'source', 'note'] as const) if (field(c)) candidate[c] = field(c);
	const checked = DataRowSchema.safeParse(candidate);
	if (!checked.success) return checked.error.issues.map((i) => i.message).join(w('screen_import_join'));
	return checked.data as DataRow;
}

const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

/** The decimal separator of a table's values: "." or ",", or null where they do not say. */
export type DecimalMark = '.' | ',' | null;

const GROUPS_COMMA = /^[+-]?\d{1,3}(,\d{3})+$/;
const GROUPS_DOT = /^[+-]?\d{1,3}(\.\d{3})+$/;
const compact = (text: string) => text.trim().replace(/[\s\u00a0\u202f']/g, '').replace(/%$/, '');

/**
 * Which separator is the decimal one, decided once for the whole table, so "1,25" and "1,250"
 * are never read by different rules. Values that can only be read one way vote ("0,54": comma;
 * "1,234.5" or "1.5": dot); a table whose values disagree, or say nothing, falls back on its
 * delimiter (a semicolon table writes decimal commas, a comma table decimal points), and a tab
 * table with nothing to go on leaves "1,250" ambiguous.
 */
export function decimalMark(records: string[][], column: number, delimiter = ','): DecimalMark {
	let comma = 0;
	let dot = 0;
	for (const record of records) {
		const t = compact(record[column] ?? '');
		const c = t.lastIndexOf(',');
		const d = t.lastIndexOf('.');
		if (c >= 0 && d >= 0) c > d ? comma++ : dot++;
		else if (c >= 0 && !GROUPS_COMMA.test(t)) comma++;
		else if (d >= 0 && !GROUPS_DOT.test(t)) dot++;
	}
	if (comma && !dot) return ',';
	if (dot && !comma) return '.';
	return delimiter === ';' ? ',' : delimiter === ',' ? '.' : null;
}

/**
 * A number as spreadsheets write it, with `mark` the table's decimal separator: with ".",
 * "1,234.5" and "1 234.5"; with ",", "1.234,5", "1 234,5" and "0,54". A value only one way can
 * be read ("0,54", "1,234.5") is read so whatever the mark; "1,250" under no mark is
 * 'ambiguous'. Null when it is not a number.
 */
export function readNumber(text: string, mark: DecimalMark = '.'): number | null | 'ambiguous' {
	const t = compact(text);
	if (!t) return null;
	let plain: string | null = null;
	if (/^[+-]?(\d+|\d*\.\d+|\d+\.)([eE][+-]?\d+)?$/.test(t) && (mark === '.' || !GROUPS_DOT.test(t))) plain = t;
	else if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t) && (mark === '.' || t.includes('.'))) plain = t.replace(/,/g, '');
	else if (/^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t) && (mark === ',' || t.includes(','))) plain = t.replace(/\./g, '').replace(',', '.');
	else if (/^[+-]?\d+,\d+$/.test(t) && (mark === ',' || !GROUPS_COMMA.test(t))) plain = t.replace(',', '.');
	if (plain === null) return mark === null && (GROUPS_COMMA.test(t) || GROUPS_DOT.test(t)) ? 'ambiguous' : null;
	const n = Number(plain);
	return Number.isFinite(n) ? n : null;
}
