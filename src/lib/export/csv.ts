// Results as CSV (RFC 4180): one row per scenario per year. Safe to open in a spreadsheet: a
// text cell that starts like a formula is prefixed with a single quote so it stays text.

import type { Bands, DataRow, RunResult } from '../sim/types';

export interface CsvScenarioRows {
	scenario: string;
	result: RunResult;
	/** Monte Carlo percentile bands per variable; when given, the columns gain `<var>_p5 … _p95`. */
	bands?: Record<string, Bands>;
}

export const BAND_KEYS = ['p5', 'p25', 'p50', 'p75', 'p95'] as const;

/** Characters that make a spreadsheet read a text cell as a formula (or a DDE command). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** RFC 4180 quoting only, for text that stays in the app. */
const quoted = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** Quotes a text cell per RFC 4180, after defusing formula-like text. */
export function csvText(value: string): string {
	return quoted(FORMULA_START.test(value) ? `'${value}` : value);
}

/**
 * A number at full precision (shortest round-trip form, `.` as decimal separator, never locale
 * formatted). Non-finite or missing values become an empty cell.
 */
export function csvNumber(value: number | undefined | null): string {
	if (typeof value !== 'number' || !Number.isFinite(value)) return '';
	return Object.is(value, -0) ? '0' : String(value);
}

/**
 * Builds the CSV. `variables` picks the columns (in order); `labels` maps a variable to its
 * header text (defaults to the variable name). Band columns appear only when some row has bands;
 * a scenario without bands for a variable leaves those cells empty.
 */
export function resultsToCsv(rows: CsvScenarioRows[], variables: string[], labels?: Map<string, string>): string {
	// Band columns only for variables some scenario has bands for: no columns that are always empty.
	const banded = new Set(variables.filter((v) => rows.some((r) => r.bands?.[v] !== undefined)));
	const header = ['scenario', 'year'];
	for (const v of variables) {
		const label = labels?.get(v) ?? v;
		header.push(label);
		if (banded.has(v)) for (const k of BAND_KEYS) header.push(`${label}_${k}`);
	}
	const lines = [header.map(csvText).join(',')];
	for (const { scenario, result, bands } of rows) {
		result.years.forEach((year, i) => {
			const cells = [csvText(scenario), csvNumber(year)];
			for (const v of variables) {
				cells.push(csvNumber(result.series[v]?.[i]));
				if (!banded.has(v)) continue;
				// Bands carry no years of their own: they are aligned with the run's years.
				const b = bands?.[v];
				for (const k of BAND_KEYS) cells.push(csvNumber(b?.[k]?.[i]));
			}
			lines.push(cells.join(','));
		});
	}
	// RFC 4180: CRLF between records; a trailing CRLF keeps tools that expect it happy.
	return lines.join('\r\n') + '\r\n';
}


/** The columns of a data cell's table, in the order the importer reads them without a header. */
export const DATA_COLUMNS = ['series', 'period', 'value', 'unit', 'basis', 'source', 'note'] as const;

/**
 * A data cell's rows as CSV, the importer's own format (so a download imports back). For a
 * spreadsheet (`defuse`, the default), text that starts like a formula gets a leading quote; the
 * editor's text box shows the rows as they are.
 */
export function dataRowsToCsv(rows: readonly DataRow[], { defuse = true } = {}): string {
	const text = (v: string | undefined) => (v === undefined ? '' : defuse ? csvText(v) : quoted(v));
	const lines = [DATA_COLUMNS.join(',')];
	for (const r of rows) lines.push([text(r.series), r.period, csvNumber(r.value), text(r.unit), text(r.basis), text(r.source), text(r.note)].join(','));
	return lines.join('\r\n') + '\r\n';
}
