// Expr -> closures over Float64Array buffers of `n` samples. No eval and no `new Function`, so
// a strict Content Security Policy holds. Each node evaluates a whole array of samples per call:
// the interpretation cost (one closure call, one switch already resolved at compile time) is
// paid once per node per year, not once per sample. A deterministic run is simply n = 1.

import { BINARY_OPERATORS, FUNCTIONS, UNARY_OPERATORS } from './functions';
import type { Expr } from './parse';

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

export type VecFn = () => Float64Array;

export interface CompileEnv {
	ctx: EvalContext;
	slotOf: (name: string) => number;
	/** Observed series: id -> year -> value. Ids were checked before compiling. */
	data: (series: string) => ReadonlyMap<number, number>;
}

/**
 * A compiled node. Sub-expressions that cannot differ between samples (numbers, `year`, `t`,
 * step/ramp of constant years, data lookups, and anything built only from those) compile to
 * scalar nodes, evaluated once per year instead of once per sample; only nodes that read a
 * variable work on arrays. The arithmetic is the same either way, so results are bit-identical.
 */
type Node = { scalar: true; get: () => number } | { scalar: false; get: VecFn };

const scalar = (get: () => number): Node => ({ scalar: true, get });
const vector = (get: VecFn): Node => ({ scalar: false, get });

/** A node's values as an array of n samples (a scalar is spread over a buffer of its own). */
function asVec(node: Node, n: number): VecFn {
	if (!node.scalar) return node.get;
	const get = node.get;
	const out = new Float64Array(n);
	return () => out.fill(get());
}

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
			if (expr.op === 'unaryMinus') {
				const fa = arg.get;
				return vector(() => {
					const a = fa();
					for (let i = 0; i < n; i++) out[i] = -a[i];
					return out;
				});
			}
			return vector(map1(arg.get, f, out));
		}
		case 'binary':
			return compileBinary(expr.op, compileNode(expr.left, env), compileNode(expr.right, env), n);
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
			const out = new Float64Array(n);
			// Both branches are evaluated (they have no side effects); each sample picks its own.
			return vector(() => {
				const c = fc();
				const a = fa();
				const b = fb();
				for (let i = 0; i < n; i++) out[i] = c[i] ? a[i] : b[i];
				return out;
			});
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

function compileBinary(op: string, left: Node, right: Node, n: number): Node {
	const f = BINARY_OPERATORS.get(op)!;
	if (left.scalar && right.scalar) {
		const l = left.get, r = right.get;
		return scalar(() => f(l(), r()));
	}
	const out = new Float64Array(n);
	// The four arithmetic operators and pow get their own loops, for an array against an array
	// or against a scalar: they dominate every model, and a loop calling `f` cannot be inlined.
	if (!left.scalar && !right.scalar) {
		const fa = left.get, fb = right.get;
		switch (op) {
			case 'add':
				return vector(() => {
					const a = fa(), b = fb();
					for (let i = 0; i < n; i++) out[i] = a[i] + b[i];
					return out;
				});
			case 'subtract':
				return vector(() => {
					const a = fa(), b = fb();
					for (let i = 0; i < n; i++) out[i] = a[i] - b[i];
					return out;
				});
			case 'multiply':
				return vector(() => {
					const a = fa(), b = fb();
					for (let i = 0; i < n; i++) out[i] = a[i] * b[i];
					return out;
				});
			case 'divide':
				return vector(() => {
					const a = fa(), b = fb();
					for (let i = 0; i < n; i++) out[i] = a[i] / b[i];
					return out;
				});
			case 'pow':
				return vector(() => {
					const a = fa(), b = fb();
					for (let i = 0; i < n; i++) out[i] = Math.pow(a[i], b[i]);
					return out;
				});
		}
		return vector(map2(fa, fb, f, out));
	}
	if (!left.scalar && right.scalar) {
		const fa = left.get, fs = right.get;
		switch (op) {
			case 'add':
				return vector(() => {
					const a = fa(), s = fs();
					for (let i = 0; i < n; i++) out[i] = a[i] + s;
					return out;
				});
			case 'subtract':
				return vector(() => {
					const a = fa(), s = fs();
					for (let i = 0; i < n; i++) out[i] = a[i] - s;
					return out;
				});
			case 'multiply':
				return vector(() => {
					const a = fa(), s = fs();
					for (let i = 0; i < n; i++) out[i] = a[i] * s;
					return out;
				});
			case 'divide':
				return vector(() => {
					const a = fa(), s = fs();
					for (let i = 0; i < n; i++) out[i] = a[i] / s;
					return out;
				});
			case 'pow':
				return vector(() => {
					const a = fa(), s = fs();
					for (let i = 0; i < n; i++) out[i] = Math.pow(a[i], s);
					return out;
				});
		}
		return vector(() => {
			const a = fa(), s = fs();
			for (let i = 0; i < n; i++) out[i] = f(a[i], s);
			return out;
		});
	}
	const fs = left.get as () => number, fb = right.get as VecFn;
	switch (op) {
		case 'add':
			return vector(() => {
				const s = fs(), b = fb();
				for (let i = 0; i < n; i++) out[i] = s + b[i];
				return out;
			});
		case 'subtract':
			return vector(() => {
				const s = fs(), b = fb();
				for (let i = 0; i < n; i++) out[i] = s - b[i];
				return out;
			});
		case 'multiply':
			return vector(() => {
				const s = fs(), b = fb();
				for (let i = 0; i < n; i++) out[i] = s * b[i];
				return out;
			});
		case 'divide':
			return vector(() => {
				const s = fs(), b = fb();
				for (let i = 0; i < n; i++) out[i] = s / b[i];
				return out;
			});
		case 'pow':
			return vector(() => {
				const s = fs(), b = fb();
				for (let i = 0; i < n; i++) out[i] = Math.pow(s, b[i]);
				return out;
			});
	}
	return vector(() => {
		const s = fs(), b = fb();
		for (let i = 0; i < n; i++) out[i] = f(s, b[i]);
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
	if (args.length === 3) {
		const [fa, fb, fc] = args;
		return vector(() => {
			const a = fa(), b = fb(), c = fc();
			for (let i = 0; i < n; i++) out[i] = f(a[i], b[i], c[i]);
			return out;
		});
	}
	const values = new Array<Float64Array>(args.length);
	const scratch = new Array<number>(args.length);
	return vector(() => {
		for (let j = 0; j < args.length; j++) values[j] = args[j]();
		for (let i = 0; i < n; i++) {
			for (let j = 0; j < args.length; j++) scratch[j] = values[j][i];
			out[i] = f(...scratch);
		}
		return out;
	});
}

/**
 * Loops written out for the functions models use most (at least one argument an array). A
 * loop that calls a function passed in (map1, map2) cannot be inlined by V8; these can, which
 * matters when each runs over 10,000 samples. Results are identical to the generic path.
 */
function fastLoop(fn: string, nodes: Node[], out: Float64Array): VecFn | null {
	const n = out.length;
	if (nodes.length === 1) {
		const fa = nodes[0].get as VecFn;
		switch (fn) {
			case 'logistic':
				return () => {
					const a = fa();
					for (let i = 0; i < n; i++) out[i] = 1 / (1 + Math.exp(-a[i]));
					return out;
				};
			case 'exp':
				return () => {
					const a = fa();
					for (let i = 0; i < n; i++) out[i] = Math.exp(a[i]);
					return out;
				};
			case 'log':
				return () => {
					const a = fa();
					for (let i = 0; i < n; i++) out[i] = Math.log(a[i]);
					return out;
				};
		}
	}
	if (nodes.length === 2 && (fn === 'max' || fn === 'min')) {
		const isMax = fn === 'max';
		// Math.max/min keep their NaN semantics; only the call through a variable is avoided.
		// max and min are symmetric, so a scalar on either side is the same loop.
		const [left, right] = nodes;
		if (left.scalar || right.scalar) {
			const fs = (left.scalar ? left.get : right.get) as () => number;
			const fa = (left.scalar ? right.get : left.get) as VecFn;
			return () => {
				const a = fa(), s = fs();
				if (isMax) for (let i = 0; i < n; i++) out[i] = Math.max(s, a[i]);
				else for (let i = 0; i < n; i++) out[i] = Math.min(s, a[i]);
				return out;
			};
		}
		const fa = left.get, fb = right.get;
		return () => {
			const a = fa(), b = fb();
			if (isMax) for (let i = 0; i < n; i++) out[i] = Math.max(a[i], b[i]);
			else for (let i = 0; i < n; i++) out[i] = Math.min(a[i], b[i]);
			return out;
		};
	}
	return null;
}

function map1(arg: VecFn, f: (a: number) => number, out: Float64Array): VecFn {
	const n = out.length;
	return () => {
		const a = arg();
		for (let i = 0; i < n; i++) out[i] = f(a[i]);
		return out;
	};
}

function map2(left: VecFn, right: VecFn, f: (a: number, b: number) => number, out: Float64Array): VecFn {
	const n = out.length;
	return () => {
		const a = left(), b = right();
		for (let i = 0; i < n; i++) out[i] = f(a[i], b[i]);
		return out;
	};
}

function zeros(n: number): VecFn {
	const out = new Float64Array(n);
	return () => out;
}
