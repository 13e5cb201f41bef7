// Every data point a scenario reads, seeded and brought, as one CSV in the data cell's own
// format (export/csv.ts dataRowsToCsv): the Method page's download. A seeded record's period
// ("Jan-Apr" of 2025) is written as a data cell's ("2025-01..2025-04"), its basis as words.
import { allRecords, type LoadedRecord } from '../data/index';
import { MONTH_NAMES } from '../data/monthNames';
import { periodText } from '../data/periods';
import type { BroughtSeries } from '../data/brought';
import type { DataRow } from '../sim/types';
import { dataRowsToCsv } from './csv';

function seededRow(r: LoadedRecord): DataRow {
	const [from, to = from] = r.period.months.split('-').map((m) => MONTH_NAMES.indexOf(m as (typeof MONTH_NAMES)[number]) + 1);
	const notes = [r.kind === 'forecast' ? 'forecast' : '', r.qualifier ? `the source says "${r.qualifier}"` : '', r.note ?? ''].filter(Boolean);
	const row: DataRow = {
		series: r.series,
		period: periodText({ year: r.period.year, from, to, partial: r.period.partial }),
		value: r.value,
		unit: r.unit,
		basis: `${r.basis.body}, ${r.basis.measure}, ${r.basis.scope}`,
		source: r.source
	};
	if (notes.length) row.note = notes.join('; ');
	return row;
}

function broughtRows(s: BroughtSeries): DataRow[] {
	return s.points.map((p) => {
		const row: DataRow = { series: s.id, period: periodText(p.period), value: p.value, unit: s.unit };
		if (p.basis) row.basis = p.basis;
		row.source = p.source ?? `brought by you (data cell “${s.cellTitle}”)`;
		if (p.note) row.note = p.note;
		return row;
	});
}

/** The seeded records (a point given in two files once, from the series' primary file), then the brought series, as CSV. */
export function allDataCsv(brought: readonly BroughtSeries[]): string {
	const seen = new Set<string>();
	const seeded = allRecords.filter((r) => {
		const key = `${r.series}:${r.period.year}:${r.period.months}`;
		return !seen.has(key) && seen.add(key);
	});
	return dataRowsToCsv([...seeded.map(seededRow), ...brought.flatMap(broughtRows)]);
}
