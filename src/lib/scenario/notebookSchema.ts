// The notebook document as untrusted input: what autosave reads back from storage and what a
// link carries. Strict objects (unknown keys are errors), bounded sizes, and input cells whose
// default lies within their range. Formulas are only checked for length here; the engine
// checks their content when it compiles them.
//
// Written with zod/mini, whose functions tree-shake, rather than classic zod's chained methods.

import { z } from 'zod/mini';
import type { Notebook } from '../sim/types';
import { DataRowSchema } from '../data/broughtRow';
import { LIMITS } from './limits';

// Classic zod registers its English messages by itself; zod/mini has none until told (every issue
// would read "Invalid input"), and describeIssues shows them to people. Like classic zod, this
// keeps a locale already chosen.
if (!z.config().localeError) z.config(z.locales.en());

export { LIMITS } from './limits';

/** A length limit on strings, saying the limit in its message. */
const maxChars = (n: number) => z.maxLength(n, { error: `at most ${n} characters` });
/** A list of at most LIMITS.listLength items, with zod's own message. */
const List = <T extends z.core.SomeType>(item: T) => z.array(item).check(z.maxLength(LIMITS.listLength));

const Id = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'expected an id of letters, digits, - or _' }));
const Name = z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_]{0,47}$/, { error: 'expected a name: a letter, then letters, digits or _' }));
const Short = z.string().check(maxChars(LIMITS.textLength));
const Finite = z.number().check(z.refine(Number.isFinite, { error: 'expected a finite number' }));
const Year = z.int().check(z.minimum(1900), z.maximum(2200));
const Format = z.optional(z.enum(['percent', 'number', 'millions']));
const Variables = z.array(Name).check(z.maxLength(LIMITS.listLength, { error: `at most ${LIMITS.listLength} series` }));
const HistoryLink = z.strictObject({
	variable: Name,
	series: z.string().check(z.regex(/^[a-z][a-z0-9_]{0,63}$/)),
	noise: z.optional(Finite.check(z.refine((n) => n > 0 && n <= 1e6, { error: 'noise must be above 0' })))
});

const Markdown = z.strictObject({
	id: Id,
	kind: z.literal('markdown'),
	text: z.string().check(maxChars(LIMITS.markdownLength))
});

const Uncertainty = z.strictObject({
	low: Finite,
	high: Finite,
	distribution: z.enum(['uniform', 'triangular', 'normal'])
});

/** Validates an input cell, including that min is below max and the default lies between them. */
export const InputCellSchema = z
	.strictObject({
		id: Id,
		kind: z.literal('input'),
		name: Name,
		label: Short.check(z.minLength(1, { error: 'a label is needed' })),
		unit: Short,
		min: Finite,
		max: Finite,
		step: Finite.check(z.refine((s) => s > 0, { error: 'step must be above 0' })),
		default: Finite,
		description: Short,
		control: z.enum(['slider', 'switch']),
		uncertainty: z.optional(Uncertainty)
	})
	.check((ctx) => {
		const c = ctx.value;
		if (!(c.min < c.max)) ctx.issues.push({ code: 'custom', input: c, path: ['max'], message: `max (${c.max}) must be above min (${c.min})` });
		else if (c.default < c.min || c.default > c.max) {
			ctx.issues.push({ code: 'custom', input: c, path: ['default'], message: `default ${c.default} is outside ${c.min} to ${c.max}` });
		}
	});

const Formula = z.strictObject({
	id: Id,
	kind: z.literal('formula'),
	formula: z.string().check(maxChars(LIMITS.formulaLength)),
	note: z.optional(Short),
	format: Format,
	basis: z.optional(z.enum(['retail', 'wholesale', 'exports']))
});

// A chart's notes (charts/annotations.ts holds the limits and the editor's checks; a link's
// unreadable notes are left out one by one by charts/annotationLink.ts before this check).
const NoteText = z.string().check(z.minLength(1, { error: 'a note needs text' }), maxChars(LIMITS.annotationText));
export const AnnotationSchema = z.discriminatedUnion('kind', [
	z.strictObject({ kind: z.literal('label'), year: Year, value: Finite, text: NoteText }),
	z
		.strictObject({ kind: z.literal('span'), from: Year, to: Year, text: NoteText })
		.check(z.refine((a) => a.from <= a.to, { error: 'a span must start before it ends' }))
]);

const Chart = z.strictObject({
	id: Id,
	kind: z.literal('chart'),
	title: Short,
	variables: Variables,
	history: List(HistoryLink),
	style: z.enum(['line', 'area']),
	showHistory: z.boolean(),
	format: Format,
	fromYear: z.optional(Year),
	toYear: z.optional(Year),
	annotations: z.optional(z.array(AnnotationSchema).check(z.maxLength(LIMITS.annotations, { error: `at most ${LIMITS.annotations} notes` })))
});

const Table = z.strictObject({ id: Id, kind: z.literal('table'), title: Short, variables: Variables, format: Format });

const Headline = z.strictObject({
	id: Id,
	kind: z.literal('headline'),
	title: Short,
	variables: Variables,
	years: List(Year),
	format: Format
});

const RmseTarget = z.strictObject({ variable: Name, rmse: Finite.check(z.refine((r) => r > 0, { error: 'a target must be above 0' })) });

/** A posterior sample set: its shape here; whether it fits the notebook, in sim/analysis/posteriorCheck.ts. */
const Posterior = z.strictObject({
	parameters: List(Name),
	noise: List(Name),
	draws: z.array(z.array(Finite).check(z.maxLength(2 * LIMITS.listLength))).check(z.minLength(1), z.maxLength(1000, { error: 'at most 1,000 draws' })),
	fromYear: Year,
	toYear: Year,
	diagnostics: z.strictObject({
		walkers: z.int().check(z.minimum(2), z.maximum(1000)),
		steps: z.int().check(z.minimum(1), z.maximum(1_000_000)),
		burnIn: z.int().check(z.minimum(0), z.maximum(1_000_000)),
		acceptance: Finite,
		tau: z.array(Finite).check(z.maxLength(2 * LIMITS.listLength)),
		ess: Finite,
		rhat: z.array(z.number()).check(z.maxLength(2 * LIMITS.listLength)),
		converged: z.boolean(),
		seed: z.int()
	})
});

const Fit = z.strictObject({
	id: Id,
	kind: z.literal('fit'),
	title: Short,
	pairs: List(HistoryLink),
	fromYear: Year,
	toYear: Year,
	parameters: z.optional(List(Name)),
	periods: z.optional(z.enum(['annual', 'all'])),
	targets: z.optional(List(RmseTarget)),
	posterior: z.optional(Posterior)
});

const Backtest = z.strictObject({
	id: Id,
	kind: z.literal('backtest'),
	title: Short,
	pairs: List(HistoryLink),
	parameters: List(Name),
	fromYear: Year,
	throughYear: Year,
	checkThroughYear: Year,
	targets: z.optional(List(RmseTarget))
});

const Sensitivity = z.strictObject({ id: Id, kind: z.literal('sensitivity'), title: Short, variable: Name, year: Year });

const Discovery = z.strictObject({
	id: Id,
	kind: z.literal('discovery'),
	title: Short,
	variable: Name,
	year: Year,
	condition: z.enum(['atLeast', 'atMost', 'between']),
	value: Finite,
	upper: z.optional(Finite),
	runs: z.optional(z.int().check(z.minimum(1000), z.maximum(100_000))),
	step: z.optional(z.int().check(z.minimum(0), z.maximum(1000)))
});

const Data = z.strictObject({
	id: Id,
	kind: z.literal('data'),
	title: Short,
	rows: z.array(DataRowSchema).check(z.maxLength(LIMITS.dataRows, { error: `a data cell holds at most ${LIMITS.dataRows} rows` }))
});

/** Validates any cell, chosen by its `kind`. */
export const CellSchema = z.discriminatedUnion('kind', [Markdown, InputCellSchema, Formula, Chart, Table, Headline, Fit, Backtest, Sensitivity, Data, Discovery]);

/** Validates a whole notebook, including that no cell id is used twice. */
export const NotebookSchema = z
	.strictObject({
		id: Id,
		version: z.int().check(z.minimum(1), z.maximum(1_000_000)),
		title: Short,
		startYear: Year,
		horizon: Year,
		cells: z.array(CellSchema).check(z.maxLength(LIMITS.cells, { error: `a notebook holds at most ${LIMITS.cells} cells` }))
	})
	.check((ctx) => {
		const seen = new Set<string>();
		ctx.value.cells.forEach((cell, i) => {
			if (seen.has(cell.id)) ctx.issues.push({ code: 'custom', input: cell, path: ['cells', i, 'id'], message: `cell id "${cell.id}" is used twice` });
			seen.add(cell.id);
		});
	});

/** Readable problems: "cell 4, default: default 2 is outside 0 to 1". At most ten. */
export function describeIssues(error: z.core.$ZodError): string[] {
	return error.issues.slice(0, 10).map((issue) => {
		// Wherever the notebook sits (a saved entry wraps it), name cells by their position.
		const at = issue.path.findIndex((p, i) => p === 'cells' && typeof issue.path[i + 1] === 'number');
		if (at < 0) return `${issue.path.join('.') || 'notebook'}: ${issue.message}`;
		const rest = issue.path.slice(at + 2);
		return `cell ${(issue.path[at + 1] as number) + 1}${rest.length ? `, ${rest.join('.')}` : ''}: ${issue.message}`;
	});
}

/** What checkNotebook returns: the notebook, or readable problems. */
export type NotebookCheck = { ok: true; notebook: Notebook } | { ok: false; problems: string[] };

/** Validates untrusted `value` as a notebook: the notebook, or up to ten readable problems. */
export function checkNotebook(value: unknown): NotebookCheck {
	const parsed = NotebookSchema.safeParse(value);
	return parsed.success ? { ok: true, notebook: parsed.data as Notebook } : { ok: false, problems: describeIssues(parsed.error) };
}
