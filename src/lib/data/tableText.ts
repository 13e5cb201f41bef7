// The reading half of a pasted or imported table, shared by the data cell's importer
// (importTable.ts) and the command line's batch tables (src/node/batchTable.ts): the text split
// into records by papaparse, which sniffs the delimiter and handles quoted fields, with a
// spreadsheet's byte-order mark dropped and each row's quote error kept by record index. What
// the columns mean is the caller's business.
import Papa from 'papaparse';

/** Delimiters a table may use, and the word each is called by in a note. */
export const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', '\t': 'tab', ';': 'semicolon', '|': 'bar' };

export interface SplitTable {
	/** Every record, blank ones included, so record index + 1 is the row a spreadsheet shows. */
	records: string[][];
	/** The delimiter papaparse settled on. */
	delimiter: string;
	/** Record index -> papaparse's message, for rows with a quote problem. */
	quoteErrors: Map<number, string>;
}

/** Splits a table's text into records; never throws. */
export function splitTable(input: string): SplitTable {
	// A byte-order mark (spreadsheets write one) would stick to the first column's name.
	const text = input.replace(/^\uFEFF/, '');
	const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimitersToGuess: Object.keys(DELIMITER_NAMES) });
	const quoteErrors = new Map<number, string>();
	for (const e of parsed.errors) if (e.type === 'Quotes' && e.row !== undefined) quoteErrors.set(e.row, e.message);
	return { records: parsed.data, delimiter: parsed.meta.delimiter, quoteErrors };
}

/** True for a record of empty or blank fields. */
export const isBlank = (record: string[]) => record.every((f) => !f.trim());
