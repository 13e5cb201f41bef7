// One row of data a person brings in a data cell: its shape, checked with zod wherever a notebook
// is read from outside (a link, saved work, a file), and its units. The engine worker never
// validates, so it reads periods through periods.ts, which has no zod.
import { z } from 'zod/mini';
import type { DataRow, DataUnit } from '../sim/types';
import { parsePeriod } from './periods';

export { parsePeriod, periodLabel, periodText, periodX, type Period } from './periods';

/** The units rows are stored in, with the values each allows. */
export const DATA_UNITS: readonly DataUnit[] = ['share', 'million vehicles', 'rank', 'USD million', 'number'];

/** Longest texts a row may carry: a bound, so one pasted megabyte cannot sit in one cell. */
export const ROW_TEXT_LIMITS = { series: 64, basis: 200, source: 300, note: 500 } as const;

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
