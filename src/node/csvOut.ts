// The command line's tables. A run's table is the browser's "Download results" CSV
// (export/csv.ts resultsToCsv: one row per scenario and year, a column per variable, band
// columns `<var>_p5 … _p95` when there are bands), so a file from either reads the same. A
// batch's table is long (scenario, year, variable, value): one shape whatever the variables,
// easy to filter and pivot in a spreadsheet, pandas or R.
import { csvNumber, csvText, resultsToCsv } from '../lib/export/csv';
import type { BandsResult, BatchResult, ScenarioResult } from './api';

/** Every variable of `results`, in first-seen order. */
function variablesOf(results: { series: Record<string, number[]> }[]): string[] {
	const seen = new Set<string>();
	for (const r of results) for (const v of Object.keys(r.series)) seen.add(v);
	return [...seen];
}

/** Runs (or one band run) as the browser's results CSV. */
export function toCsv(results: ScenarioResult[] | BandsResult): string {
	if (!Array.isArray(results)) {
		const b = results;
		return resultsToCsv([{ scenario: b.name, result: { years: b.years, series: b.series, errors: [] }, bands: b.bands }], variablesOf([b]));
	}
	return resultsToCsv(
		results.map((r) => ({ scenario: r.name, result: { years: r.years, series: r.series, errors: [] } })),
		variablesOf(results)
	);
}

/** The long table's header. */
export const BATCH_HEADER = 'scenario,year,variable,value';

/**
 * A batch's long table, in pieces of about `linesPerPiece` lines (a 10,000-scenario batch is
 * millions of lines: written piece by piece, never held whole). CRLF line ends, as resultsToCsv.
 */
export function* batchToCsvPieces(results: BatchResult[], linesPerPiece = 20_000): Generator<string, void, void> {
	let lines: string[] = [BATCH_HEADER];
	for (const r of results) {
		const name = csvText(r.name) + ',';
		const vars = Object.keys(r.series).map((v) => [',' + csvText(v) + ',', r.series[v]] as const);
		for (let y = 0; y < r.years.length; y++) {
			const year = name + r.years[y];
			for (const [v, values] of vars) lines.push(year + v + csvNumber(values[y]));
			if (lines.length >= linesPerPiece) {
				yield lines.join('\r\n') + '\r\n';
				lines = [];
			}
		}
	}
	if (lines.length) yield lines.join('\r\n') + '\r\n';
}

/** A batch's long table, whole (for small batches and the API). */
export function batchToCsv(results: BatchResult[]): string {
	return [...batchToCsvPieces(results)].join('');
}
