// One row of data a person brings in a data cell: its shape (checked with zod wherever a notebook
// is read from outside: a link, saved work, a file), its period grammar and its units. Pure; the
// engine worker reads rows through this module's period helpers but never validates.
import { z } from 'zod/mini';
import type { DataRow, DataUnit } from '../sim/types';
import { MONTH_NAMES } from './schema';

/** The units rows are stored in, with the values each allows. */
export const DATA_UNITS: readonly DataUnit[] = ['share', 'million vehicles', 'rank', 'USD million', 'number'];

/** Longest texts a row may carry: a bound, so one pasted megabyte cannot sit in one cell. */
export const ROW_TEXT_LIMITS = { series: 64, basis: 200, source: 300, note: 500 } as const;

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

/** What a value in `unit` may be, as a message; null when it is fine. */
export function valueProblem(value: number, unit: DataUnit): string | null {
	if (!Number.isFinite(value)) return 'the value is not a finite number';
	switch (unit) {
		case 'share':
			return value < 0 || value > 1 ? `${value} is out of range for a share (0 to 1; write 54% as 0.54, or give the unit “percent”)` : null;
		case 'rank':
			return Number.isInteger(value) && value >= 1 ? null : `${value} is not a rank (a whole number from 1)`;
		case 'million vehicles':
		case 'USD million':
			return value < 0 ? `${value} is negative, and ${unit} cannot be` : null;
		case 'number':
			return null;
	}
}

const text = (max: number) => z.optional(z.string().check(z.minLength(1), z.maxLength(max, { error: `at most ${max} characters` })));

/** A stored row, checked on its own: shape, id, period, unit, and a value its unit allows. */
export const DataRowSchema = z
	.strictObject({
		series: z.string().check(
			z.regex(/^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/, { error: 'a series id is snake_case, such as "cpca_nev_retail"' }),
			z.maxLength(ROW_TEXT_LIMITS.series, { error: `a series id has at most ${ROW_TEXT_LIMITS.series} characters` })
		),
		period: z.string().check(z.refine((p) => parsePeriod(p) !== null, { error: 'a period is a year ("2025"), a month ("2025-01") or months of one year ("2025-01..2025-04")' })),
		value: z.number(),
		unit: z.enum(DATA_UNITS as [DataUnit, ...DataUnit[]]),
		basis: text(ROW_TEXT_LIMITS.basis),
		source: text(ROW_TEXT_LIMITS.source),
		note: text(ROW_TEXT_LIMITS.note)
	})
	.check((ctx) => {
		const problem = valueProblem(ctx.value.value, ctx.value.unit);
		if (problem) ctx.issues.push({ code: 'custom', input: ctx.value.value, path: ['value'], message: problem });
	});

export type { DataRow };
