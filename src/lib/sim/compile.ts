// Expr -> closures over Float64Array buffers of `n` samples. No eval and no `new Function`, so
// a strict Content Security Policy holds. Each node evaluates a whole array of samples per call:
// the interpretation cost (one closure call, one switch already resolved at compile time) is
// paid once per node per year, not once per sample. A deterministic run is simply n = 1.
// This file is the dispatch: which closure each kind of node becomes. The loops those closures
// run over the samples are in vectorOps.ts.

import { FUNCTIONS, UNARY_OPERATORS } from './functions';
import type { Expr } from './parse';
import {
	asVec,
	binaryNode,
	fastLoop,
	map1,
	map2,
	mapN,
	negate,
	scalar,
	select,
	vector,
	zeros,
	type Node,
	type VecFn
} from './vectorOps';

export type { VecFn } from './vectorOps';

/** Mutable state the closures read: the year being simulated and every variable's values. */
export interface EvalContext {
	n: number;
	yearIndex: number;
	year: number;
	startYear: number;
	/** Slot -> this year's values (n samples). */
	cur: Float64Array[];
	/** Slot -> last year's values. For inputs, the same array as `cur`. */
	prev: Float64Array[];
}

/** What compiling needs besides the expression: the run's context, variable slots and data. */
export interface CompileEnv {
	ctx: EvalContext;
	slotOf: (name: string) => number;
	/** Observed series: id -> year -> value. Ids were checked before compiling. */
	data: (series: string) => ReadonlyMap<number, number>;
}

/** Compiles a parsed expression to a closure returning its values for all n samples. */
export function compileExpr(expr: Expr, env: CompileEnv): VecFn {
	return asVec(compileNode(expr, env), env.ctx.n);
}

function compileNode(expr: Expr, env: CompileEnv): Node {
	const { ctx } = env;
	const n = ctx.n;
	switch (expr.k) {
		case 'num': {
			const value = expr.value;
			return scalar(() => value);
		}
		case 'ref':
			return compileRef(expr.name, env);
		case 'prev': {
			const slot = env.slotOf(expr.name);
			const init = expr.init ? asVec(compileNode(expr.init, env), n) : zeros(n);
			return vector(() => (ctx.yearIndex === 0 ? init() : ctx.prev[slot]));
		}
		case 'data':
			return compileData(expr, env);
		case 'unary': {
			const arg = compileNode(expr.arg, env);
			const f = UNARY_OPERATORS.get(expr.op)!;
			if (arg.scalar) {
				const a = arg.get;
				return scalar(() => f(a()));
			}
			const out = new Float64Array(n);
			if (expr.op === 'unaryMinus') return vector(negate(arg.get, out));
			return vector(map1(arg.get, f, out));
		}
		case 'binary':
			return binaryNode(expr.op, compileNode(expr.left, env), compileNode(expr.right, env), n);
		case 'call':
			return compileCall(expr.fn, expr.args, env);
		case 'if': {
			const cond = compileNode(expr.cond, env);
			const yes = compileNode(expr.then, env);
			const no = compileNode(expr.else, env);
			if (cond.scalar) {
				// Every sample takes the same branch: only that one is evaluated (no side effects).
				const c = cond.get;
				if (yes.scalar && no.scalar) {
					const a = yes.get, b = no.get;
					return scalar(() => (c() ? a() : b()));
				}
				const a = asVec(yes, n), b = asVec(no, n);
				return vector(() => (c() ? a() : b()));
			}
			const fc = cond.get, fa = asVec(yes, n), fb = asVec(no, n);
			// Both branches are evaluated (they have no side effects); each sample picks its own.
			return vector(select(fc, fa, fb, new Float64Array(n)));
		}
	}
}

function compileRef(name: string, env: CompileEnv): Node {
	const { ctx } = env;
	if (name === 'year') return scalar(() => ctx.year);
	if (name === 't') return scalar(() => ctx.year - ctx.startYear);
	if (name === 'pi') return scalar(() => Math.PI);
	if (name === 'e') return scalar(() => Math.E);
	const slot = env.slotOf(name);
	return vector(() => ctx.cur[slot]);
}

function compileData(expr: Extract<Expr, { k: 'data' }>, env: CompileEnv): Node {
	const { ctx } = env;
	const n = ctx.n;
	const table = env.data(expr.series);
	const look = expr.test
		? (y: number) => (table.has(y) ? 1 : 0)
		: (y: number) => table.get(y) ?? NaN;
	if (!expr.year) return scalar(() => look(ctx.year));
	const year = compileNode(expr.year, env);
	if (year.scalar) {
		const y = year.get;
		return scalar(() => look(Math.round(y())));
	}
	const yearFn = year.get;
	const out = new Float64Array(n);
	return vector(() => {
		const y = yearFn();
		for (let i = 0; i < n; i++) out[i] = look(Math.round(y[i]));
		return out;
	});
}

function compileCall(fn: string, argExprs: Expr[], env: CompileEnv): Node {
	const { ctx } = env;
	const n = ctx.n;
	const nodes = argExprs.map((a) => compileNode(a, env));
	const allScalar = nodes.every((a) => a.scalar);
	if (fn === 'step') {
		const [start] = nodes;
		if (start.scalar) {
			const y0 = start.get;
			return scalar(() => (ctx.year >= y0() ? 1 : 0));
		}
		const y0 = start.get;
		const out = new Float64Array(n);
		return vector(() => {
			const a = y0();
			for (let i = 0; i < n; i++) out[i] = ctx.year >= a[i] ? 1 : 0;
			return out;
		});
	}
	if (fn === 'ramp') {
		const rampAt = (a: number, b: number) => {
			const span = b - a;
			const x = span > 0 ? (ctx.year - a) / span : ctx.year >= a ? 1 : 0;
			return x < 0 ? 0 : x > 1 ? 1 : x;
		};
		if (allScalar) {
			const [fa, fb] = nodes.map((a) => a.get as () => number);
			return scalar(() => rampAt(fa(), fb()));
		}
		const [y0, y1] = nodes.map((a) => asVec(a, n));
		const out = new Float64Array(n);
		return vector(() => {
			const a = y0(), b = y1();
			for (let i = 0; i < n; i++) out[i] = rampAt(a[i], b[i]);
			return out;
		});
	}
	const f = FUNCTIONS.get(fn)!.fn!;
	if (allScalar) {
		const gets = nodes.map((a) => a.get as () => number);
		if (gets.length === 1) {
			const [a] = gets;
			return scalar(() => f(a()));
		}
		if (gets.length === 2) {
			const [a, b] = gets;
			return scalar(() => f(a(), b()));
		}
		const values = new Array<number>(gets.length);
		return scalar(() => {
			for (let j = 0; j < gets.length; j++) values[j] = gets[j]();
			return f(...values);
		});
	}
	const out = new Float64Array(n);
	const fast = fastLoop(fn, nodes, out);
	if (fast) return vector(fast);
	const args = nodes.map((a) => asVec(a, n));
	if (args.length === 1) return vector(map1(args[0], f, out));
	if (args.length === 2) return vector(map2(args[0], args[1], f, out));
	return vector(mapN(args, f, out));
}
