// The notebook document as untrusted input: what autosave reads back from storage and what a
// link carries. Strict objects (unknown keys are errors), bounded sizes, and input cells whose
// default lies within their range. Formulas are only checked for length here; the engine
// checks their content when it compiles them.

import { z } from 'zod';
import type { Notebook } from '../sim/types';

export const LIMITS = {
	cells: 200,
	formulaLength: 2000,
	markdownLength: 20_000,
	textLength: 2000,
	listLength: 12,
	/** Serialised notebook, characters. */
	notebookChars: 400_000
} as const;

const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'expected an id of letters, digits, - or _' });
const Name = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,47}$/, { error: 'expected a name: a letter, then letters, digits or _' });
const Short = z.string().max(LIMITS.textLength, { error: `at most ${LIMITS.textLength} characters` });
const Finite = z.number().refine(Number.isFinite, { error: 'expected a finite number' });
const Year = z.int().min(1900).max(2200);
const Format = z.enum(['percent', 'number', 'millions']).optional();
const Variables = z.array(Name).max(LIMITS.listLength, { error: `at most ${LIMITS.listLength} series` });
const HistoryLink = z.strictObject({ variable: Name, series: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/) });

const Markdown = z.strictObject({
	id: Id,
	kind: z.literal('markdown'),
	text: z.string().max(LIMITS.markdownLength, { error: `at most ${LIMITS.markdownLength} characters` })
});

const Uncertainty = z.strictObject({
	low: Finite,
	high: Finite,
	distribution: z.enum(['uniform', 'triangular', 'normal'])
});

export const InputCellSchema = z
	.strictObject({
		id: Id,
		kind: z.literal('input'),
		name: Name,
		label: Short.min(1, { error: 'a label is needed' }),
		unit: Short,
		min: Finite,
		max: Finite,
		step: Finite.refine((s) => s > 0, { error: 'step must be above 0' }),
		default: Finite,
		description: Short,
		control: z.enum(['slider', 'switch']),
		uncertainty: Uncertainty.optional()
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
	formula: z.string().max(LIMITS.formulaLength, { error: `at most ${LIMITS.formulaLength} characters` }),
	note: Short.optional(),
	format: Format
});

const Chart = z.strictObject({
	id: Id,
	kind: z.literal('chart'),
	title: Short,
	variables: Variables,
	history: z.array(HistoryLink).max(LIMITS.listLength),
	style: z.enum(['line', 'area']),
	showHistory: z.boolean(),
	format: Format,
	fromYear: Year.optional(),
	toYear: Year.optional()
});

const Table = z.strictObject({ id: Id, kind: z.literal('table'), title: Short, variables: Variables, format: Format });

const Headline = z.strictObject({
	id: Id,
	kind: z.literal('headline'),
	title: Short,
	variables: Variables,
	years: z.array(Year).max(LIMITS.listLength),
	format: Format
});

const Fit = z.strictObject({
	id: Id,
	kind: z.literal('fit'),
	title: Short,
	pairs: z.array(HistoryLink).max(LIMITS.listLength),
	fromYear: Year,
	toYear: Year,
	parameters: z.array(Name).max(LIMITS.listLength).optional()
});

const Backtest = z.strictObject({
	id: Id,
	kind: z.literal('backtest'),
	title: Short,
	pairs: z.array(HistoryLink).max(LIMITS.listLength),
	parameters: z.array(Name).max(LIMITS.listLength),
	fromYear: Year,
	throughYear: Year,
	checkThroughYear: Year
});

const Sensitivity = z.strictObject({ id: Id, kind: z.literal('sensitivity'), title: Short, variable: Name, year: Year });

export const CellSchema = z.discriminatedUnion('kind', [Markdown, InputCellSchema, Formula, Chart, Table, Headline, Fit, Backtest, Sensitivity]);

export const NotebookSchema = z
	.strictObject({
		id: Id,
		version: z.int().min(1).max(1_000_000),
		title: Short,
		startYear: Year,
		horizon: Year,
		cells: z.array(CellSchema).max(LIMITS.cells, { error: `a notebook holds at most ${LIMITS.cells} cells` })
	})
	.check((ctx) => {
		const seen = new Set<string>();
		ctx.value.cells.forEach((cell, i) => {
			if (seen.has(cell.id)) ctx.issues.push({ code: 'custom', input: cell, path: ['cells', i, 'id'], message: `cell id "${cell.id}" is used twice` });
			seen.add(cell.id);
		});
	});

/** Readable problems: "cell 4, default: default 2 is outside 0 to 1". At most ten. */
export function describeIssues(error: z.ZodError): string[] {
	return error.issues.slice(0, 10).map((issue) => {
		// Wherever the notebook sits (a saved entry wraps it), name cells by their position.
		const at = issue.path.findIndex((p, i) => p === 'cells' && typeof issue.path[i + 1] === 'number');
		if (at < 0) return `${issue.path.join('.') || 'notebook'}: ${issue.message}`;
		const rest = issue.path.slice(at + 2);
		return `cell ${(issue.path[at + 1] as number) + 1}${rest.length ? `, ${rest.join('.')}` : ''}: ${issue.message}`;
	});
}

export type NotebookCheck = { ok: true; notebook: Notebook } | { ok: false; problems: string[] };

export function checkNotebook(value: unknown): NotebookCheck {
	const parsed = NotebookSchema.safeParse(value);
	return parsed.success ? { ok: true, notebook: parsed.data as Notebook } : { ok: false, problems: describeIssues(parsed.error) };
}
