// Notebook -> a checked, dependency-ordered model. Every problem is reported against the cell
// that has it; cells that are fine (and do not depend on a broken one) still compile and run.

import { BUILTIN_SYMBOLS } from './functions';
import { checkVariableName, currentReferences, FormulaError, laggedReferences, parseFormula, seriesReferences } from './parse';
import type { Expr } from './parse';
import type { PosteriorSample, CellError, DataTable, FormulaCell, InputCell, Notebook } from './types';
import { w } from '../i18n/screenWords';

/** A healthy formula in a compiled model: its cell, the variable it defines and its expression. */
export interface ModelFormula {
	cellId: string;
	name: string;
	expr: Expr;
}

/** A notebook checked and put in evaluation order, ready to run, with the problems found in its cells. */
export interface CompiledModel {
	startYear: number;
	inputs: InputCell[];
	/** Healthy formulas in evaluation order. */
	formulas: ModelFormula[];
	/** Every variable name the run produces (inputs, then formulas), in slot order. */
	variables: string[];
	errors: CellError[];
	/** Formula cell id -> the variable it defines (also for broken cells, where a name was read). */
	nameOfCell: Map<string, string>;
	data: Map<string, Map<number, number>>;
	/** A checked posterior sample set of the calibrated parameters (sim/analysis/posteriorCheck.ts), if any. */
	posterior?: PosteriorSample;
}

/** Most cells a notebook may hold; the engine ignores any beyond, with an error on each. */
export const MAX_CELLS = 200;

/** Checks a notebook and orders its formulas by dependency; each problem is reported against its cell. */
export function compileNotebook(notebook: Notebook, data: DataTable): CompiledModel {
	const errors: CellError[] = [];
	const fail = (cellId: string, kind: CellError['kind'], message: string) => errors.push({ cellId, kind, message });
	// The schema caps notebooks too; this keeps the engine safe when called directly.
	if (notebook.cells.length > MAX_CELLS) {
		for (const cell of notebook.cells.slice(MAX_CELLS)) fail(cell.id, 'too-long', w('screen_engine_too_many_cells', { max: MAX_CELLS }));
		notebook = { ...notebook, cells: notebook.cells.slice(0, MAX_CELLS) };
	}

	const inputs: InputCell[] = [];
	const defined = new Map<string, string>(); // name -> cell id of its first definition
	for (const cell of notebook.cells.filter((c): c is InputCell => c.kind === 'input')) {
		const problem = checkVariableName(cell.name);
		if (problem) fail(cell.id, 'bad-name', problem);
		else if (defined.has(cell.name)) fail(cell.id, 'duplicate-name', w('screen_engine_duplicate', { name: cell.name }));
		else {
			defined.set(cell.name, cell.id);
			inputs.push(cell);
		}
	}

	const parsed = new Map<string, ModelFormula>(); // name -> formula
	const nameOfCell = new Map<string, string>();
	for (const cell of notebook.cells.filter((c): c is FormulaCell => c.kind === 'formula')) {
		try {
			const { name, expr } = parseFormula(cell.formula);
			nameOfCell.set(cell.id, name);
			if (defined.has(name)) {
				fail(cell.id, 'duplicate-name', w('screen_engine_duplicate_once', { name }));
				continue;
			}
			defined.set(name, cell.id);
			parsed.set(name, { cellId: cell.id, name, expr });
		} catch (err) {
			if (!(err instanceof FormulaError)) throw err;
			const guessed = /^\s*([A-Za-z][A-Za-z0-9_]*)\s*=[^=]/.exec(cell.formula)?.[1];
			if (guessed) nameOfCell.set(cell.id, guessed);
			fail(cell.id, err.kind, err.message);
		}
	}

	// Names that cells failed to define: readers get "depends on a broken cell", not "unknown".
	const brokenNames = new Set([...nameOfCell.entries()].filter(([id]) => errors.some((e) => e.cellId === id)).map(([, n]) => n));
	const known = (name: string) => defined.has(name) || BUILTIN_SYMBOLS.has(name);
	const tableOf = new Map<string, Map<number, number>>();
	const bad = new Set<string>(); // formula names that cannot run

	for (const f of parsed.values()) {
		const reads = [...currentReferences(f.expr), ...laggedReferences(f.expr)];
		const unknown = reads.filter((r) => !known(r) && !brokenNames.has(r));
		const candidates = [...defined.keys()].filter((n) => n !== f.name);
		const broken = reads.filter((r) => !known(r) && brokenNames.has(r));
		const missingSeries = [...seriesReferences(f.expr)].filter((s) => !Object.hasOwn(data, s));
		if (unknown.length) {
			fail(f.cellId, 'unknown-name', unknown.map((u) => unknownNameMessage(u, candidates)).join(' '));
		} else if (missingSeries.length) {
			fail(f.cellId, 'unknown-series', w('screen_engine_unknown_series', { names: quotedList(missingSeries) }));
		} else if (broken.length) {
			fail(f.cellId, 'depends-on-error', w('screen_engine_uses_broken', { names: quotedList(broken) }));
		} else {
			for (const s of seriesReferences(f.expr)) tableOf.set(s, toMap(data[s]));
			continue;
		}
		bad.add(f.name);
	}

	// Cycles: strongly connected components of the current-year dependency graph.
	const deps = new Map<string, string[]>();
	for (const f of parsed.values()) deps.set(f.name, [...currentReferences(f.expr)].filter((r) => parsed.has(r)));
	for (const component of stronglyConnected([...parsed.keys()], deps)) {
		const selfLoop = component.length === 1 && deps.get(component[0])!.includes(component[0]);
		if (component.length < 2 && !selfLoop) continue;
		const path = [...component, component[0]].join(' → ');
		for (const name of component) {
			if (bad.has(name)) continue;
			bad.add(name);
			fail(parsed.get(name)!.cellId, 'cycle', w('screen_engine_cycle', { path, first: component[0] }));
		}
	}

	// Anything reading a bad formula (now or lagged) cannot run either; spread until stable.
	let spread = true;
	while (spread) {
		spread = false;
		for (const f of parsed.values()) {
			if (bad.has(f.name)) continue;
			const reads = [...currentReferences(f.expr), ...laggedReferences(f.expr)].filter((r) => bad.has(r));
			if (reads.length) {
				bad.add(f.name);
				fail(f.cellId, 'depends-on-error', w('screen_engine_uses_broken', { names: quotedList(reads) }));
				spread = true;
			}
		}
	}

	const healthy = [...parsed.values()].filter((f) => !bad.has(f.name));
	const formulas = topologicalOrder(healthy, deps);
	return {
		startYear: notebook.startYear,
		inputs,
		formulas,
		variables: [...inputs.map((i) => i.name), ...formulas.map((f) => f.name)],
		errors,
		nameOfCell,
		data: tableOf
	};
}

function toMap(series: Record<number, number>): Map<number, number> {
	return new Map(Object.entries(series).map(([y, v]) => [Number(y), v]));
}

/** "a", "b" */
function quotedList(names: string[]): string {
	return names.map((n) => `"${n}"`).join(', ');
}

function unknownNameMessage(name: string, candidates: string[]): string {
	// Short names are close to everything; only suggest a near-identical one for them.
	const tolerance = name.length <= 3 ? 1 : 2;
	const close = candidates.filter((c) => c.length > 1 && editDistance(c.toLowerCase(), name.toLowerCase()) <= tolerance);
	return close.length ? w('screen_engine_unknown_name_close', { name, close: close[0] }) : w('screen_engine_unknown_name', { name });
}

function editDistance(a: string, b: string): number {
	let row = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const next = [i];
		for (let j = 1; j <= b.length; j++) {
			next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
		}
		row = next;
	}
	return row[b.length];
}

/** Tarjan's algorithm, iterative enough for notebooks of a few hundred cells. */
function stronglyConnected(nodes: string[], edges: Map<string, string[]>): string[][] {
	let counter = 0;
	const index = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const out: string[][] = [];
	const connect = (v: string) => {
		index.set(v, counter);
		low.set(v, counter++);
		stack.push(v);
		onStack.add(v);
		for (const w of edges.get(v) ?? []) {
			if (!index.has(w)) {
				connect(w);
				low.set(v, Math.min(low.get(v)!, low.get(w)!));
			} else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
		}
		if (low.get(v) === index.get(v)) {
			const component: string[] = [];
			let w: string;
			do {
				w = stack.pop()!;
				onStack.delete(w);
				component.push(w);
			} while (w !== v);
			out.push(component.reverse());
		}
	};
	for (const v of nodes) if (!index.has(v)) connect(v);
	return out;
}

/** Orders acyclic formulas so each comes after the formulas it reads this year. */
function topologicalOrder(formulas: ModelFormula[], deps: Map<string, string[]>): ModelFormula[] {
	const byName = new Map(formulas.map((f) => [f.name, f]));
	const done = new Set<string>();
	const order: ModelFormula[] = [];
	const place = (f: ModelFormula) => {
		if (done.has(f.name)) return;
		done.add(f.name);
		for (const d of deps.get(f.name) ?? []) {
			const dep = byName.get(d);
			if (dep) place(dep);
		}
		order.push(f);
	};
	for (const f of formulas) place(f);
	return order;
}
