// One row of data a person brings in a data cell: its shape, checked with zod wherever a notebook
// is read from outside (a link, saved work, a file), and its units. The engine worker never
// validates, so it reads periods through periods.ts, which has no zod.
//
// The schema's messages are people's (a data cell's editor, a link's notice): each is a function,
// so zod words it in the page's language when it reports the issue, not once when this loads
// (before a page has handed over its words).
import { z } from 'zod/mini';
import type { DataRow, DataUnit } from '../sim/types';
import { parsePeriod } from './periods';
import { w } from '../i18n/screenWords';

export { parsePeriod, periodLabel, periodText, periodX, type Period } from './periods';

/** The units rows are stored in, with the values each allows. */
export const DATA_UNITS: readonly DataUnit[] = ['share', 'million vehicles', 'rank', 'USD million', 'number'];

/** Longest texts a row may carry: a bound, so one pasted megabyte cannot sit in one cell. */
export const ROW_TEXT_LIMITS = { series: 64, basis: 200, source: 300, note: 500 } as const;

/** What a value in `unit` may be, as a message; null when it is fine. */
export function valueProblem(value: number, unit: DataUnit): string | null {
	if (!Number.isFinite(value)) return w('screen_import_value_not_finite');
	switch (unit) {
		case 'share':
			return value < 0 || value > 1 ? w('screen_import_share_range', { value }) : null;
		case 'rank':
			return Number.isInteger(value) && value >= 1 ? null : w('screen_import_not_rank', { value });
		case 'million vehicles':
		case 'USD million':
			return value < 0 ? w('screen_import_negative', { value, unit }) : null;
		case 'number':
			return null;
	}
}

const text = (max: number) => z.optional(z.string().check(z.minLength(1), z.maxLength(max, { error: () => w('screen_import_at_most_chars', { max }) })));

/** A stored row, checked on its own: shape, id, period, unit, and a value its unit allows. */
export const DataRowSchema = z
	.strictObject({
		series: z.string().check(
			z.regex(/^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/, { error: () => w('screen_import_series_snake_case') }),
			z.maxLength(ROW_TEXT_LIMITS.series, { error: () => w('screen_import_series_max', { max: ROW_TEXT_LIMITS.series }) })
		),
		period: z.string().check(z.refine((p) => parsePeriod(p) !== null, { error: () => w('screen_import_period_form') })),
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
