// Tiny notebooks for engine tests: formula strings and input specs in, a run result out.
import { compileNotebook, createProgram, runDeterministic } from '../../src/lib/sim';
import type { CompiledModel, DataTable, InputCell, Notebook, RunResult } from '../../src/lib/sim';

export interface InputSpec {
	name: string;
	default?: number;
	min?: number;
	max?: number;
	/** Cell id; `in-<name>` unless given. */
	id?: string;
}

/** A formula cell, as its text (id `f<index>`) or with an explicit id. */
export type FormulaSpec = string | { id: string; formula: string };

export interface TinyOptions {
	inputs?: InputSpec[];
	startYear?: number;
	horizon?: number;
}

export const START = 2020;
export const HORIZON = 2024;

export function inputCell(spec: InputSpec): InputCell {
	return {
		id: spec.id ?? `in-${spec.name}`,
		kind: 'input',
		name: spec.name,
		label: spec.name,
		unit: '',
		min: spec.min ?? -1e6,
		max: spec.max ?? 1e6,
		step: 0.01,
		default: spec.default ?? 0,
		description: '',
		control: 'slider'
	};
}

export function makeNotebook(formulas: FormulaSpec[], options: TinyOptions = {}): Notebook {
	return {
		id: 'tiny',
		version: 1,
		title: 'tiny',
		startYear: options.startYear ?? START,
		horizon: options.horizon ?? HORIZON,
		cells: [
			{ id: 'md', kind: 'markdown', text: 'A tiny notebook.' },
			...(options.inputs ?? []).map(inputCell),
			...formulas.map((f, i) => (typeof f === 'string' ? { id: `f${i}`, kind: 'formula' as const, formula: f } : { kind: 'formula' as const, ...f }))
		]
	};
}

export interface TinyRun {
	model: CompiledModel;
	result: RunResult;
	/** The error of one cell, if any (there is at most one per cell). */
	errorOf: (cellId: string) => RunResult['errors'][number] | undefined;
}

export function runTiny(
	formulas: FormulaSpec[],
	options: TinyOptions & { given?: Record<string, number>; data?: DataTable } = {}
): TinyRun {
	const notebook = makeNotebook(formulas, options);
	const model = compileNotebook(notebook, options.data ?? {});
	const result = runDeterministic(createProgram(model), { inputs: options.given ?? {}, horizon: options.horizon ?? notebook.horizon });
	return { model, result, errorOf: (id) => result.errors.find((e) => e.cellId === id) };
}

/** The series of `x = <expression>` over START..HORIZON. */
export function seriesOf(expression: string, options: Parameters<typeof runTiny>[1] = {}): number[] {
	const { result } = runTiny([`x = ${expression}`], options);
	const errors = result.errors.filter((e) => e.kind !== 'not-finite');
	if (errors.length) throw new Error(`x = ${expression}: ${errors.map((e) => `${e.kind}: ${e.message}`).join('; ')}`);
	return result.series.x;
}

/** The first-year value of `x = <expression>`. */
export function valueOf(expression: string, options: Parameters<typeof runTiny>[1] = {}): number {
	return seriesOf(expression, options)[0];
}
