// A batch table: one scenario per row, columns named after levers, with an optional `name`,
// `version` (the published notebook's version; the current one when empty) and `horizon`.
// Read with the data cells' reader (lib/data/tableText.ts: papaparse, the delimiter sniffed,
// quoted fields; lib/data/importTable.ts's decimal-mark and number rules), so a table saved by a
// spreadsheet in any locale reads the same as when pasted into a data cell. Each row that cannot
// be used is named (its row number as a spreadsheet counts, the header being row 1) and left
// out; the others run. A table that cannot be read at all is a ShiftcastInputError.
import { isBlank, splitTable } from '../lib/data/tableText';
import { decimalMark, readNumber } from '../lib/data/importTable';
import { currentPublished, loadPublishedVersion, releasedVersions } from '../lib/notebooks/published';
import { inputCellsByName } from '../lib/scenario/settle';
import type { InputCell, Notebook } from '../lib/sim/types';
import { MAX_HORIZON, MIN_HORIZON } from '../lib/worker/protocol';
import { ShiftcastInputError } from './errors';

/** One scenario of a batch. */
export interface BatchScenario {
	/** The row's `name`, or "row N". */
	name: string;
	/** The published notebook's version it runs with. */
	version: number;
	/** Lever values given in the row (empty cells keep the lever's default). */
	inputs: Record<string, number>;
	/** The row's horizon, when the table has a `horizon` column and the cell is filled. */
	horizon?: number;
	/** The row in the table, as a spreadsheet numbers it (the header is row 1). */
	row?: number;
}

export interface BatchTable {
	scenarios: BatchScenario[];
	/** One line per row left out: "row 5: …". */
	problems: string[];
}

/** Most scenarios one batch runs. */
export const MAX_BATCH_ROWS = 100_000;
/** Longest table text read (about 100 characters a row at the most rows). */
export const MAX_BATCH_CHARS = 20_000_000;
const MAX_NAME = 120;

const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

/** Every released version's published notebook, by version. */
async function publishedNotebooks(): Promise<Map<number, Notebook>> {
	const out = new Map<number, Notebook>();
	for (const v of releasedVersions) {
		const loaded = await loadPublishedVersion(v);
		if (loaded) out.set(v, loaded.notebook);
	}
	return out;
}

/** Reads a batch table's text. Throws ShiftcastInputError when no row can be read (no header, unknown columns, empty). */
export async function readBatchTable(text: string): Promise<BatchTable> {
	if (text.length > MAX_BATCH_CHARS) throw new ShiftcastInputError(`The table is ${text.length.toLocaleString('en')} characters long; at most ${MAX_BATCH_CHARS.toLocaleString('en')} are read. Split it into several tables.`);
	if (!text.replace(/^\uFEFF/, '').trim()) throw new ShiftcastInputError('The table is empty: give a header row naming levers (and optionally name, version, horizon), then one scenario per row.');
	const { records, delimiter, quoteErrors } = splitTable(text);
	const notebooks = await publishedNotebooks();
	const levers = new Map<string, string>(); // lower-case -> name, over every released version
	for (const nb of notebooks.values()) for (const name of inputCellsByName(nb).keys()) levers.set(name.toLowerCase(), name);
	const cellsOf = new Map([...notebooks].map(([v, nb]) => [v, inputCellsByName(nb)]));

	const first = records.findIndex((r) => !isBlank(r));
	if (first < 0) throw new ShiftcastInputError('The table is empty: give a header row naming levers (and optionally name, version, horizon), then one scenario per row.');
	const header = records[first].map((h) => h.trim());
	const columns: (string | null)[] = [];
	const unknown: string[] = [];
	const seen = new Set<string>();
	header.forEach((h, i) => {
		const key = h.toLowerCase();
		const column = key === 'name' || key === 'version' || key === 'horizon' ? key : levers.get(key) ?? null;
		if (column === null) {
			if (h) unknown.push(`“${clip(h)}” (column ${i + 1})`);
		} else if (seen.has(column)) throw new ShiftcastInputError(`The header row names “${column}” twice (row ${first + 1}).`);
		else seen.add(column);
		columns.push(column);
	});
	if (!seen.size && !unknown.length) {
		throw new ShiftcastInputError('The first row must name the columns: levers (such as localisationGerman), and optionally name, version and horizon.');
	}
	if (unknown.length) {
		const sample = [...inputCellsByName(currentPublished).keys()].slice(0, 6).join(', ');
		throw new ShiftcastInputError(`The header row names ${unknown.length === 1 ? 'a column that is not a lever' : 'columns that are not levers'}: ${unknown.join(', ')}. Columns are levers (${sample}, …), name, version and horizon.`);
	}
	// One decimal mark for the whole table, decided over every number cell (importTable.ts's rule).
	const numberColumns = columns.flatMap((c, i) => (c && c !== 'name' ? [i] : []));
	const cells = records.flatMap((r, index) => (index === first ? [] : numberColumns.map((i) => [r[i] ?? ''])));
	const mark = decimalMark(cells, 0, delimiter);

	const scenarios: BatchScenario[] = [];
	const problems: string[] = [];
	records.forEach((record, index) => {
		if (index <= first || isBlank(record)) return;
		const at = index + 1;
		const quote = quoteErrors.get(index);
		if (quote) return void problems.push(`row ${at}: ${quote.toLowerCase()}`);
		if (scenarios.length >= MAX_BATCH_ROWS) return void problems.push(`row ${at}: a batch runs at most ${MAX_BATCH_ROWS.toLocaleString('en')} scenarios; split the table.`);
		const read = readRow(record, columns, mark, cellsOf, at);
		if (typeof read === 'string') problems.push(`row ${at}: ${read}`);
		else scenarios.push(read);
	});
	if (!scenarios.length && !problems.length) throw new ShiftcastInputError('The table has a header row but no scenarios.');
	return { scenarios, problems };
}

function readRow(record: string[], columns: (string | null)[], mark: ReturnType<typeof decimalMark>, cellsOf: Map<number, Map<string, InputCell>>, at: number): BatchScenario | string {
	const field = (c: string) => {
		const i = columns.indexOf(c);
		return i >= 0 ? (record[i] ?? '').trim() : '';
	};
	const number = (text: string, what: string): number | string => {
		const n = readNumber(text, mark);
		if (n === 'ambiguous') return `${what} “${clip(text)}” could be read two ways (is the separator a decimal point or between thousands?); write it without thousands separators`;
		if (n === null) return `${what} “${clip(text)}” is not a number`;
		return n;
	};
	let version = currentPublished.version;
	if (field('version')) {
		const v = number(field('version'), 'the version');
		if (typeof v === 'string') return v;
		if (!cellsOf.has(v)) return `version ${v} is not a released version of the notebook (${[...cellsOf.keys()].join(', ')})`;
		version = v;
	}
	const cells = cellsOf.get(version)!;
	let horizon: number | undefined;
	if (field('horizon')) {
		const h = number(field('horizon'), 'the horizon');
		if (typeof h === 'string') return h;
		if (!Number.isInteger(h) || h < MIN_HORIZON || h > MAX_HORIZON) return `the horizon ${h} is not a whole year from ${MIN_HORIZON} to ${MAX_HORIZON}`;
		horizon = h;
	}
	const inputs: Record<string, number> = {};
	for (let i = 0; i < columns.length; i++) {
		const lever = columns[i];
		if (!lever || lever === 'name' || lever === 'version' || lever === 'horizon') continue;
		const text = (record[i] ?? '').trim();
		if (!text) continue;
		const cell = cells.get(lever);
		if (!cell) return `version ${version} of the notebook has no lever “${lever}”`;
		const value = number(text, `“${lever}”`);
		if (typeof value === 'string') return value;
		if (value < cell.min || value > cell.max) return `“${lever}” is ${value}, outside its range (${cell.min} to ${cell.max})`;
		if (value !== cell.default) inputs[lever] = value + 0;
	}
	const name = Array.from(field('name')).slice(0, MAX_NAME).join('') || `row ${at}`;
	return { name, version, inputs, ...(horizon !== undefined ? { horizon } : {}), row: at };
}
