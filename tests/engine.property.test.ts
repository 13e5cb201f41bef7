// Property tests of the engine (fast-check): it never throws on any formula text, it computes
// what a plain reference evaluator computes, and a vector run equals separate scalar runs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileNotebook, createProgram, inputValues, runDeterministic, simulate } from '../src/lib/sim';
import type { CellErrorKind, DataTable, Notebook } from '../src/lib/sim';
import { makeNotebook } from './support/engine';

const START = 2020;
const HORIZON = 2023;
const YEARS = [2020, 2021, 2022, 2023];
const DATA: DataTable = { s: { 2020: 1.5, 2021: 2.5, 2023: -1 }, other: { 2019: 4 } };
const INPUTS = [
	{ name: 'a', min: -5, max: 5, default: 1 },
	{ name: 'b', min: -5, max: 5, default: -2 },
	{ name: 'c', min: 0, max: 10, default: 3 }
];
const KINDS: ReadonlySet<CellErrorKind> = new Set([
	'syntax',
	'unknown-name',
	'unknown-series',
	'cycle',
	'not-allowed',
	'duplicate-name',
	'bad-name',
	'depends-on-error',
	'too-long',
	'not-finite'
]);

// ---------------------------------------------------------------------------------------------
// A grammar of formulas, valid and not: printed to mathjs syntax.

type Node =
	| { k: 'num'; v: number }
	| { k: 'name'; n: string }
	| { k: 'unary'; op: string; a: Node }
	| { k: 'binary'; op: string; l: Node; r: Node }
	| { k: 'postfix'; op: string; a: Node }
	| { k: 'call'; fn: string; args: Node[] }
	| { k: 'if'; c: Node; t: Node; e: Node }
	| { k: 'prev'; n: string; init: Node | null }
	| { k: 'prevOf'; a: Node }
	| { k: 'data'; fn: string; series: string; year: Node | null }
	| { k: 'paren'; a: Node }
	| { k: 'implicit'; v: number; n: string }
	| { k: 'raw'; text: string };

function print(node: Node): string {
	switch (node.k) {
		case 'num':
			return node.v < 0 || Object.is(node.v, -0) ? `(${node.v})` : String(node.v);
		case 'name':
			return node.n;
		case 'unary':
			return `(${node.op}${print(node.a)})`;
		case 'binary':
			return `(${print(node.l)} ${node.op} ${print(node.r)})`;
		case 'postfix':
			return `(${print(node.a)}${node.op})`;
		case 'call':
			return `${node.fn}(${node.args.map(print).join(', ')})`;
		case 'if':
			return `(${print(node.c)} ? ${print(node.t)} : ${print(node.e)})`;
		case 'prev':
			return node.init ? `prev(${node.n}, ${print(node.init)})` : `prev(${node.n})`;
		case 'prevOf':
			return `prev(${print(node.a)})`;
		case 'data':
			return `${node.fn}("${node.series}"${node.year ? `, ${print(node.year)}` : ''})`;
		case 'paren':
			return `(${print(node.a)})`;
		case 'implicit':
			return `(${node.v}${node.n})`;
		case 'raw':
			return node.text;
	}
}

const ALLOWED_FUNCTIONS = ['abs', 'sqrt', 'exp', 'log', 'log10', 'pow', 'min', 'max', 'floor', 'ceil', 'round', 'sign', 'clamp', 'logistic', 'logit', 'share', 'step', 'ramp'];
const REFUSED_FUNCTIONS = ['evaluate', 'import', 'parse', 'createUnit', 'compile', 'f', 'mod', 'x', 'a', 'constructor', '__proto__'];
const ANY_NAME = ['a', 'b', 'c', 'x', 'y', 'z', 'year', 't', 'pi', 'e', 'q', 'max', 'prev', 'constructor', 'toString', 'NaN', 'Infinity', 'true'];

const anyNumber = fc.oneof(
	fc.integer({ min: -1000, max: 1000 }),
	fc.double(),
	fc.constantFrom(0, 1, 0.5, 1e300, 1e-300, 2020)
);

const anyTree = fc.letrec<{ node: Node }>((tie) => ({
	node: fc.oneof(
		{ maxDepth: 5, depthSize: 'small' },
		fc.oneof(anyNumber.map((v): Node => ({ k: 'num', v })), fc.constantFrom(...ANY_NAME).map((n): Node => ({ k: 'name', n }))),
		fc.record({ k: fc.constant('unary' as const), op: fc.constantFrom('-', '+', 'not ', '!', '~'), a: tie('node') }),
		fc.record({
			k: fc.constant('binary' as const),
			op: fc.constantFrom('+', '-', '*', '/', '^', 'mod', '%', '==', '!=', '<', '>', '<=', '>=', 'and', 'or', 'xor', '&', '|', '<<', 'to', ':', '.*', '='),
			l: tie('node'),
			r: tie('node')
		}),
		fc.record({ k: fc.constant('postfix' as const), op: fc.constantFrom('!', "'", '%'), a: tie('node') }),
		fc.record({
			k: fc.constant('call' as const),
			fn: fc.constantFrom(...ALLOWED_FUNCTIONS, ...REFUSED_FUNCTIONS),
			args: fc.array(tie('node'), { minLength: 0, maxLength: 4 })
		}),
		fc.record({ k: fc.constant('if' as const), c: tie('node'), t: tie('node'), e: tie('node') }),
		fc.record({ k: fc.constant('prev' as const), n: fc.constantFrom(...ANY_NAME), init: fc.option(tie('node'), { nil: null }) }),
		fc.record({ k: fc.constant('prevOf' as const), a: tie('node') }),
		fc.record({
			k: fc.constant('data' as const),
			fn: fc.constantFrom('data', 'hasData'),
			series: fc.constantFrom('s', 'other', 'nope', '__proto__'),
			year: fc.option(tie('node'), { nil: null })
		}),
		fc.record({ k: fc.constant('paren' as const), a: tie('node') }),
		fc.record({ k: fc.constant('implicit' as const), v: fc.integer({ min: 1, max: 9 }), n: fc.constantFrom('a', 'b', 'x', 'year') }),
		fc.constantFrom('[1, 2]', '{a: 1}', 'a.b', 'a[1]', '"text"', '1:3', 'f(u) = u', 'a < b < c', '(y = 1)').map((text): Node => ({ k: 'raw', text }))
	)
})).node;

/** The checks every run must pass, whatever its formulas: errors or numbers, never a throw. */
function expectWellFormed(notebook: Notebook) {
	const model = compileNotebook(notebook, DATA);
	const result = runDeterministic(createProgram(model), { inputs: { a: 0.25 }, horizon: HORIZON });
	expect(result.years).toEqual(YEARS);
	const cellIds = new Set(notebook.cells.map((c) => c.id));
	const seen = new Set<string>();
	for (const error of result.errors) {
		expect(cellIds.has(error.cellId)).toBe(true);
		expect(KINDS.has(error.kind)).toBe(true);
		expect(typeof error.message).toBe('string');
		expect(error.message.length).toBeGreaterThan(0);
		expect(seen.has(error.cellId), `two errors for ${error.cellId}`).toBe(false);
		seen.add(error.cellId);
	}
	const running = new Set(model.formulas.map((f) => f.cellId));
	for (const f of model.formulas) {
		const values = result.series[f.name];
		expect(values).toHaveLength(YEARS.length);
		for (const v of values) expect(typeof v).toBe('number');
		const error = result.errors.find((e) => e.cellId === f.cellId);
		if (values.every(Number.isFinite)) expect(error).toBeUndefined();
		else expect(error?.kind).toBe('not-finite');
	}
	for (const cell of notebook.cells) {
		if (cell.kind !== 'formula' || running.has(cell.id)) continue;
		const error = result.errors.find((e) => e.cellId === cell.id);
		expect(error, `${cell.formula} neither runs nor has an error`).toBeDefined();
		expect(error!.kind).not.toBe('not-finite');
	}
	// The vector path must not throw either.
	const program = createProgram(model, 3);
	simulate(program, HORIZON, () => {});
	return { model, result };
}

describe('the engine never throws', () => {
	it('on random strings, as formulas or after "name ="', () => {
		const text = fc.oneof(
			fc.string({ maxLength: 60 }),
			fc.string({ unit: 'grapheme', maxLength: 30 }),
			fc
				.array(
					fc.constantFrom('a', 'b', 'x', 'y', '1', '2.5', '+', '-', '*', '/', '^', '(', ')', '?', ':', '=', '==', ',', '"s"', "'", '.', '[', ']', '{', '}', ';', '!', '%', '<', 'and', 'not', 'prev', 'max', 'data', 'evaluate', 'year', '\n', ' '),
					{ maxLength: 25 }
				)
				.map((tokens) => tokens.join(''))
		);
		fc.assert(
			fc.property(text, text, (s1, s2) => {
				expectWellFormed(makeNotebook([s1, `x = ${s2}`, `y = x + 1`], { inputs: INPUTS, startYear: START, horizon: HORIZON }));
			}),
			{ numRuns: 250 }
		);
	});

	it('on generated expression trees over every construct, allowed or not', () => {
		fc.assert(
			fc.property(anyTree, anyTree, anyTree, (tx, ty, tz) => {
				const formulas = [`x = ${print(tx)}`, `y = ${print(ty)}`, `z = ${print(tz)}`];
				expectWellFormed(makeNotebook(formulas, { inputs: INPUTS, startYear: START, horizon: HORIZON }));
			}),
			{ numRuns: 300 }
		);
	});
});

// ---------------------------------------------------------------------------------------------
// Arithmetic without division, against a reference evaluator written here.

type Arith =
	| { k: 'num'; v: number }
	| { k: 'var'; n: 'a' | 'b' | 'c' | 'year' | 't' }
	| { k: 'neg'; a: Arith }
	| { k: 'bin'; op: '+' | '-' | '*'; l: Arith; r: Arith }
	| { k: 'pow'; a: Arith; p: number }
	| { k: 'implicit'; v: number; n: 'a' | 'b' | 'c' }
	| { k: 'fn'; fn: 'min' | 'max' | 'abs' | 'clamp' | 'sign' | 'floor' | 'ceil'; args: Arith[] }
	| { k: 'cmp'; op: '<' | '>' | '<=' | '>=' | '==' | '!='; l: Arith; r: Arith }
	| { k: 'logic'; op: 'and' | 'or' | 'xor'; l: Arith; r: Arith }
	| { k: 'not'; a: Arith }
	| { k: 'if'; c: Arith; t: Arith; e: Arith };

const arithTree = fc.letrec<{ node: Arith }>((tie) => ({
	node: fc.oneof(
		{ maxDepth: 5, depthSize: 'small' },
		fc.oneof(
			fc.oneof(fc.integer({ min: -50, max: 50 }), fc.double({ min: -100, max: 100, noNaN: true })).map((v): Arith => ({ k: 'num', v })),
			fc.constantFrom('a', 'b', 'c', 'year', 't').map((n): Arith => ({ k: 'var', n: n as 'a' }))
		),
		fc.record({ k: fc.constant('neg' as const), a: tie('node') }),
		fc.record({ k: fc.constant('bin' as const), op: fc.constantFrom('+', '-', '*'), l: tie('node'), r: tie('node') }) as fc.Arbitrary<Arith>,
		fc.record({ k: fc.constant('pow' as const), a: tie('node'), p: fc.integer({ min: 0, max: 3 }) }),
		fc.record({ k: fc.constant('implicit' as const), v: fc.integer({ min: 1, max: 9 }), n: fc.constantFrom('a', 'b', 'c') }) as fc.Arbitrary<Arith>,
		fc.oneof(
			fc.record({ k: fc.constant('fn' as const), fn: fc.constantFrom('min', 'max'), args: fc.array(tie('node'), { minLength: 1, maxLength: 5 }) }),
			fc.record({ k: fc.constant('fn' as const), fn: fc.constantFrom('abs', 'sign', 'floor', 'ceil'), args: fc.tuple(tie('node')) }),
			fc.record({ k: fc.constant('fn' as const), fn: fc.constant('clamp'), args: fc.tuple(tie('node'), tie('node'), tie('node')) })
		) as fc.Arbitrary<Arith>,
		fc.record({ k: fc.constant('cmp' as const), op: fc.constantFrom('<', '>', '<=', '>=', '==', '!='), l: tie('node'), r: tie('node') }) as fc.Arbitrary<Arith>,
		fc.record({ k: fc.constant('logic' as const), op: fc.constantFrom('and', 'or', 'xor'), l: tie('node'), r: tie('node') }) as fc.Arbitrary<Arith>,
		fc.record({ k: fc.constant('not' as const), a: tie('node') }),
		fc.record({ k: fc.constant('if' as const), c: tie('node'), t: tie('node'), e: tie('node') })
	)
})).node;

function printArith(node: Arith): string {
	switch (node.k) {
		case 'num':
			return node.v < 0 || Object.is(node.v, -0) ? `(${node.v})` : String(node.v);
		case 'var':
			return node.n;
		case 'neg':
			return `(-${printArith(node.a)})`;
		case 'bin':
			return `(${printArith(node.l)} ${node.op} ${printArith(node.r)})`;
		case 'pow':
			return `(${printArith(node.a)} ^ ${node.p})`;
		case 'implicit':
			return `(${node.v}${node.n})`;
		case 'fn':
			return `${node.fn}(${node.args.map(printArith).join(', ')})`;
		case 'cmp':
		case 'logic':
			return `(${printArith(node.l)} ${node.op} ${printArith(node.r)})`;
		case 'not':
			return `(not ${printArith(node.a)})`;
		case 'if':
			return `(${printArith(node.c)} ? ${printArith(node.t)} : ${printArith(node.e)})`;
	}
}

type Env = Record<'a' | 'b' | 'c' | 'year' | 't', number>;

function evaluate(node: Arith, env: Env): number {
	const ev = (n: Arith) => evaluate(n, env);
	const bool = (x: boolean) => (x ? 1 : 0);
	switch (node.k) {
		case 'num':
			return node.v;
		case 'var':
			return env[node.n];
		case 'neg':
			return -ev(node.a);
		case 'bin': {
			const l = ev(node.l), r = ev(node.r);
			return node.op === '+' ? l + r : node.op === '-' ? l - r : l * r;
		}
		case 'pow':
			return Math.pow(ev(node.a), node.p);
		case 'implicit':
			return node.v * env[node.n];
		case 'fn': {
			const args = node.args.map(ev);
			switch (node.fn) {
				case 'min':
					return Math.min(...args);
				case 'max':
					return Math.max(...args);
				case 'abs':
					return Math.abs(args[0]);
				case 'sign':
					return Math.sign(args[0]);
				case 'floor':
					return Math.floor(args[0]);
				case 'ceil':
					return Math.ceil(args[0]);
				case 'clamp':
					return Math.min(args[2], Math.max(args[1], args[0]));
			}
			throw new Error('unreachable');
		}
		case 'cmp': {
			const l = ev(node.l), r = ev(node.r);
			const table = { '<': l < r, '>': l > r, '<=': l <= r, '>=': l >= r, '==': l === r, '!=': l !== r };
			return bool(table[node.op]);
		}
		case 'logic': {
			const l = ev(node.l) !== 0 && !Number.isNaN(ev(node.l));
			const r = ev(node.r) !== 0 && !Number.isNaN(ev(node.r));
			return bool(node.op === 'and' ? l && r : node.op === 'or' ? l || r : l !== r);
		}
		case 'not': {
			const a = ev(node.a);
			return bool(a === 0 || Number.isNaN(a));
		}
		case 'if': {
			const c = ev(node.c);
			return c !== 0 && !Number.isNaN(c) ? ev(node.t) : ev(node.e);
		}
	}
}

function close(actual: number, expected: number): boolean {
	if (Number.isFinite(actual) && Number.isFinite(expected)) {
		return Math.abs(actual - expected) <= 1e-9 * Math.max(Math.abs(actual), Math.abs(expected));
	}
	return Object.is(actual, expected) || (Number.isNaN(actual) && Number.isNaN(expected));
}

const inputValue = fc.double({ min: -10, max: 10, noNaN: true });

describe('the engine agrees with a reference evaluator', () => {
	it('on generated arithmetic over inputs, year and t (no division)', () => {
		const inputs = ['a', 'b', 'c'].map((name) => ({ name, min: -1e6, max: 1e6, default: 0 }));
		fc.assert(
			fc.property(arithTree, inputValue, inputValue, inputValue, (tree, a, b, c) => {
				const text = printArith(tree);
				const model = compileNotebook(makeNotebook([`x = ${text}`], { inputs, startYear: START, horizon: HORIZON }), {});
				expect(model.errors).toEqual([]);
				const result = runDeterministic(createProgram(model), { inputs: { a, b, c }, horizon: HORIZON });
				YEARS.forEach((year, i) => {
					const expected = evaluate(tree, { a, b, c, year, t: year - START });
					const actual = result.series.x[i];
					expect(close(actual, expected), `${text} in ${year}: engine ${actual}, reference ${expected}`).toBe(true);
				});
			}),
			{ numRuns: 300 }
		);
	});
});

// ---------------------------------------------------------------------------------------------
// A program of n samples computes, per sample, what n single-sample runs compute.

describe('vector runs', () => {
	const validTree = fc.letrec<{ node: Node }>((tie) => ({
		node: fc.oneof(
			{ maxDepth: 4, depthSize: 'small' },
			fc.oneof(
				fc.double({ min: -10, max: 10, noNaN: true }).map((v): Node => ({ k: 'num', v })),
				fc.constantFrom('a', 'b', 'c', 'year', 't', 'pi', 'x', 'stock').map((n): Node => ({ k: 'name', n }))
			),
			fc.record({ k: fc.constant('unary' as const), op: fc.constantFrom('-', 'not '), a: tie('node') }),
			fc.record({
				k: fc.constant('binary' as const),
				op: fc.constantFrom('+', '-', '*', '/', '^', 'mod', '<', '>=', '==', 'and', 'or', 'xor'),
				l: tie('node'),
				r: tie('node')
			}),
			fc.oneof(
				fc.record({ k: fc.constant('call' as const), fn: fc.constantFrom('abs', 'sqrt', 'exp', 'log', 'log10', 'floor', 'ceil', 'round', 'sign', 'logistic', 'logit', 'step'), args: fc.tuple(tie('node')) }),
				fc.record({ k: fc.constant('call' as const), fn: fc.constantFrom('pow', 'share', 'ramp', 'log'), args: fc.tuple(tie('node'), tie('node')) }),
				fc.record({ k: fc.constant('call' as const), fn: fc.constant('clamp'), args: fc.tuple(tie('node'), tie('node'), tie('node')) }),
				fc.record({ k: fc.constant('call' as const), fn: fc.constantFrom('min', 'max'), args: fc.array(tie('node'), { minLength: 1, maxLength: 6 }) })
			) as fc.Arbitrary<Node>,
			fc.record({ k: fc.constant('if' as const), c: tie('node'), t: tie('node'), e: tie('node') }),
			fc.record({ k: fc.constant('prev' as const), n: fc.constantFrom('a', 'x', 'y', 'stock'), init: fc.option(tie('node'), { nil: null }) }),
			fc.record({ k: fc.constant('data' as const), fn: fc.constantFrom('data', 'hasData'), series: fc.constant('s'), year: fc.option(tie('node'), { nil: null }) })
		)
	})).node;

	const given = fc.record({ a: fc.double({ min: -8, max: 8, noNaN: true }), b: fc.double({ min: -8, max: 8, noNaN: true }), c: fc.double({ min: -2, max: 12, noNaN: true }) });

	it('createProgram(model, n) + simulate equals n deterministic runs, sample by sample', () => {
		fc.assert(
			fc.property(validTree, validTree, fc.array(given, { minLength: 1, maxLength: 5 }), (tx, ty, samples) => {
				const formulas = [`x = ${print(tx)}`, `y = ${print(ty)}`, 'stock = prev(stock, c) * 0.9 + a'];
				const model = compileNotebook(makeNotebook(formulas, { inputs: INPUTS, startYear: START, horizon: HORIZON }), DATA);
				const n = samples.length;
				const program = createProgram(model, n);
				samples.forEach((s, i) => inputValues(model, s).forEach((v, slot) => (program.inputBuffers[slot][i] = v)));
				const vector = model.variables.map(() => YEARS.map(() => new Float64Array(n)));
				simulate(program, HORIZON, (y) => model.variables.forEach((_, slot) => vector[slot][y].set(program.ctx.cur[slot])));

				const single = createProgram(model);
				samples.forEach((s, i) => {
					const r = runDeterministic(single, { inputs: s, horizon: HORIZON });
					model.variables.forEach((name, slot) => {
						YEARS.forEach((year, y) => {
							const v = vector[slot][y][i];
							const expected = r.series[name][y];
							expect(Object.is(v, expected) || (Number.isNaN(v) && Number.isNaN(expected)), `${name} in ${year}, sample ${i}: ${v} vs ${expected}`).toBe(true);
						});
					});
				});
				// The stock is always healthy, so every case compares at least one lagged formula.
				expect(model.variables).toContain('stock');
			}),
			{ numRuns: 200 }
		);
	});
});
