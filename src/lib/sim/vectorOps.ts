// The array half of the formula compiler: closures that evaluate one operation over a whole
// Float64Array of samples, and the lifting of scalar functions over such arrays. Kept apart
// from compile.ts (which decides, per expression node, which of these to build) so the
// hand-written loops, there for speed because V8 inlines them, live in one place. Nothing here
// knows about parsed expressions or the compile environment.

import { BINARY_OPERATORS } from './functions';

/** A compiled array node: each call returns this year's values, one per sample. */
export type VecFn = () => Float64Array;

/**
 * A compiled node. Sub-expressions that cannot differ between samples (numbers, `year`, `t`,
 * step/ramp of constant years, data lookups, and anything built only from those) compile to
 * scalar nodes, evaluated once per year instead of once per sample; only nodes that read a
 * variable work on arrays. The arithmetic is the same either way, so results are bit-identical.
 */
export type Node = { scalar: true; get: () => number } | { scalar: false; get: VecFn };

/** Wraps a getter as a scalar node: one value shared by every sample. */
export const scalar = (get: () => number): Node => ({ scalar: true, get });
/** Wraps a getter as an array node: one value per sample. */
export const vector = (get: VecFn): Node => ({ scalar: false, get });

/** A node's values as an array of n samples (a scalar is spread over a buffer of its own). */
export function asVec(node: Node, n: number): VecFn {
	if (!node.scalar) return node.get;
	const get = node.get;
	const out = new Float64Array(n);
	return () => out.fill(get());
}

/** An array node that always returns n zeros. */
export function zeros(n: number): VecFn {
	const out = new Float64Array(n);
	return () => out;
}

/** Negates an array node, writing into `out` (its own loop: unary minus is common). */
export function negate(arg: VecFn, out: Float64Array): VecFn {
	const n = out.length;
	return () => {
		const a = arg();
		for (let i = 0; i < n; i++) out[i] = -a[i];
		return out;
	};
}

/** Per-sample if/else into `out`: `yes` where `cond` is non-zero and not NaN, else `no` (both evaluated). */
export function select(cond: VecFn, yes: VecFn, no: VecFn, out: Float64Array): VecFn {
	const n = out.length;
	return () => {
		const c = cond();
		const a = yes();
		const b = no();
		for (let i = 0; i < n; i++) out[i] = c[i] ? a[i] : b[i];
		return out;
	};
}

/** A binary operator applied to two compiled nodes (scalar when both sides are scalar). */
export function binaryNode(op: string, left: Node, right: Node, n: number): Node {
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

/**
 * Loops written out for the functions models use most (at least one argument an array). A
 * loop that calls a function passed in (map1, map2) cannot be inlined by V8; these can, which
 * matters when each runs over 10,000 samples. Results are identical to the generic path.
 */
export function fastLoop(fn: string, nodes: Node[], out: Float64Array): VecFn | null {
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

/** Lifts a one-argument scalar function over an array node, writing into `out`. */
export function map1(arg: VecFn, f: (a: number) => number, out: Float64Array): VecFn {
	const n = out.length;
	return () => {
		const a = arg();
		for (let i = 0; i < n; i++) out[i] = f(a[i]);
		return out;
	};
}

/** Lifts a two-argument scalar function over two array nodes, writing into `out`. */
export function map2(left: VecFn, right: VecFn, f: (a: number, b: number) => number, out: Float64Array): VecFn {
	const n = out.length;
	return () => {
		const a = left(), b = right();
		for (let i = 0; i < n; i++) out[i] = f(a[i], b[i]);
		return out;
	};
}

/** Lifts a scalar function of three or more arguments over array nodes, writing into `out`. */
export function mapN(args: VecFn[], f: (...values: number[]) => number, out: Float64Array): VecFn {
	const n = out.length;
	if (args.length === 3) {
		const [fa, fb, fc] = args;
		return () => {
			const a = fa(), b = fb(), c = fc();
			for (let i = 0; i < n; i++) out[i] = f(a[i], b[i], c[i]);
			return out;
		};
	}
	const values = new Array<Float64Array>(args.length);
	const scratch = new Array<number>(args.length);
	return () => {
		for (let j = 0; j < args.length; j++) values[j] = args[j]();
		for (let i = 0; i < n; i++) {
			for (let j = 0; j < args.length; j++) scratch[j] = values[j][i];
			out[i] = f(...scratch);
		}
		return out;
	};
}
