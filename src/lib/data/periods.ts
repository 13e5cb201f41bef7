// The periods of brought data: "2025" (the full year), "2025-01" (a month), "2025-01..2025-04"
// (months of one year). Pure and dependency-free: the engine worker reads them.
import { MONTH_NAMES } from './monthNames';

/** A period: the full year, one month, or a forward span of months within one year. */
export interface Period {
	year: number;
	/** First and last month, 1-12 (1 and 12 for a full year). */
	from: number;
	to: number;
	/** True for a month or a span shorter than the year. */
	partial: boolean;
}

const YEAR = '(\\d{4})';
const MONTH = '(0[1-9]|1[0-2])';
const PERIOD = new RegExp(`^${YEAR}(?:-${MONTH}(?:\\.\\.${YEAR}-${MONTH})?)?$`);

/** Reads "2025", "2025-01" or "2025-01..2025-04"; null for anything else (or a span across years). */
export function parsePeriod(text: string): Period | null {
	const m = PERIOD.exec(text);
	if (!m) return null;
	const year = Number(m[1]);
	if (year < 2000 || year > 2100) return null;
	if (m[2] === undefined) return { year, from: 1, to: 12, partial: false };
	const from = Number(m[2]);
	if (m[3] !== undefined && Number(m[3]) !== year) return null;
	const to = m[4] === undefined ? from : Number(m[4]);
	if (to < from) return null;
	return { year, from, to, partial: !(from === 1 && to === 12) };
}

/** The period as people write it: "2025", "Jan 2025", "Jan-Apr 2025". */
export function periodLabel(p: Period): string {
	if (!p.partial) return String(p.year);
	const from = MONTH_NAMES[p.from - 1];
	return p.from === p.to ? `${from} ${p.year}` : `${from}-${MONTH_NAMES[p.to - 1]} ${p.year}`;
}

/** The period in canonical form ("2025-01..2025-12" is written "2025"). */
export function periodText(p: Period): string {
	if (!p.partial) return String(p.year);
	const mm = (n: number) => String(n).padStart(2, '0');
	return p.from === p.to ? `${p.year}-${mm(p.from)}` : `${p.year}-${mm(p.from)}..${p.year}-${mm(p.to)}`;
}

/**
 * Where a point sits on a chart's year axis: a full year at the year itself (as the seeded
 * points), a month or span at its middle within the year, so twelve months spread out.
 */
export function periodX(p: Period): number {
	return p.partial ? p.year + (p.from - 1 + p.to) / 24 : p.year;
}
