// Unit tests of the engine through its public face: compileNotebook + createProgram +
// runDeterministic, on tiny notebooks built here from formula strings and input specs.
import { describe, expect, it } from 'vitest';
import { FUNCTIONS, MAX_FORMULA_LENGTH, compileNotebook, createProgram, inputValues, runDeterministic } from '../src/lib/sim';
import type { CellErrorKind } from '../src/lib/sim';
import { HORIZON, START, makeNotebook, runTiny, seriesOf, valueOf } from './support/engine';

const YEARS = Array.from({ length: HORIZON - START + 1 }, (_, i) => START + i);
const ABC = { inputs: [{ name: 'a', default: 2 }, { name: 'b', default: 3 }, { name: 'c', default: -0.5 }] };

/** The one error of a lone formula `formula` (cell f0), or undefined. */
function errorOfFormula(formula: string, options: Parameters<typeof runTiny>[1] = ABC) {
	const { result, model, errorOf } = runTiny([formula], options);
	const errors = result.errors.filter((e) => e.cellId === 'f0');
	expect(errors.length).toBeLessThanOrEqual(1);
	return { error: errorOf('f0'), result, model };
}

function expectCellError(formula: string, kind: CellErrorKind, options: Parameters<typeof runTiny>[1] = ABC) {
	const { error, model } = errorOfFormula(formula, options);
	expect(error, `${formula} should be refused with ${kind}`).toBeDefined();
	expect(error!.kind, `${formula}: ${error!.message}`).toBe(kind);
	expect(error!.message.length).toBeGreaterThan(10);
	// A refused cell never runs.
	expect(model.formulas.some((f) => f.cellId === 'f0')).toBe(false);
	return error!;
}

describe('operators', () => {
	it.each([
		['1 + 2', 3],
		['a + b', 5],
		['b - a', 1],
		['a - b - 1', -2],
		['a * b', 6],
		['b / a', 1.5],
		['1 / 4 / 2', 0.125],
		['a ^ b', 8],
		['2 ^ 3 ^ 2', 512], // right-associative
		['-a', -2],
		['-a ^ 2', -4], // unary minus binds looser than ^, as in mathjs
		['(-a) ^ 2', 4],
		['+a', 2],
		['- - a', 2],
		['7 mod 3', 1],
		['7 % 3', 1],
		['-7 mod 3', 2], // floored modulo, the sign of the divisor
		['7 mod -3', -2],
		['7.5 mod 2', 1.5],
		['2 + 3 * 4', 14],
		['(2 + 3) * 4', 20],
		['((1 + 2) * (3 + 4)) / 7', 3],
		['2a', 4],
		['2a b', 12],
		['3(a + 1)', 9],
		['(a)(b)', 6],
		['2 pi', 2 * Math.PI]
	])('%s = %d', (expression, expected) => {
		expect(valueOf(expression, ABC)).toBeCloseTo(expected, 12);
	});

	it.each([
		['a == 2', 1],
		['a == 3', 0],
		['a != 3', 1],
		['a != 2', 0],
		['a < b', 1],
		['b < a', 0],
		['a > b', 0],
		['b > a', 1],
		['a <= 2', 1],
		['a <= 1.9', 0],
		['a >= 2', 1],
		['a >= 2.1', 0],
		['1 and 1', 1],
		['1 and 0', 0],
		['a and c', 1],
		['0 and 0', 0],
		['0 or 1', 1],
		['0 or 0', 0],
		['a or 0', 1],
		['not 0', 1],
		['not a', 0],
		['not not a', 1],
		['1 xor 0', 1],
		['0 xor 1', 1],
		['1 xor 1', 0],
		['0 xor 0', 0],
		['a xor c', 0],
		['a < b and b < 4', 1],
		['a > b or b > 4', 0]
	])('%s = %d (comparisons and logic give 1 or 0)', (expression, expected) => {
		expect(valueOf(expression, ABC)).toBe(expected);
	});

	it.each([
		['a > 1 ? 10 : 20', 10],
		['a > 5 ? 10 : 20', 20],
		['0 ? 1 : 2', 2],
		['c ? 1 : 2', 1], // any non-zero value is true
		['a > 5 ? 1 : b > 2 ? 3 : 4', 3], // nested, right-associative
		['(a > 1 ? b : c) * 2', 6]
	])('%s = %d', (expression, expected) => {
		expect(valueOf(expression, ABC)).toBe(expected);
	});

	it('a conditional picks per year', () => {
		expect(seriesOf('year >= 2022 ? 1 : -1')).toEqual([-1, -1, 1, 1, 1]);
	});
});

describe('functions', () => {
	const cases: [string, number][] = [
		['abs(-3)', 3],
		['abs(c)', 0.5],
		['sqrt(16)', 4],
		['sqrt(2)', Math.SQRT2],
		['exp(0)', 1],
		['exp(1)', Math.E],
		['log(e ^ 2)', 2],
		['log(1)', 0],
		['log(8, 2)', 3],
		['log(1000, 10)', 3],
		['log10(1000)', 3],
		['log10(0.01)', -2],
		['pow(2, 10)', 1024],
		['pow(a, b)', 8],
		['min(3, 1, 2)', 1],
		['min(a)', 2],
		['min(5, 4, 3, 2, 1, 0, -1, -2)', -2], // 8 arguments, the most allowed
		['max(3, 1, 2)', 3],
		['max(a, b, c, 0, 1)', 3],
		['floor(1.7)', 1],
		['floor(-1.5)', -2],
		['ceil(1.2)', 2],
		['ceil(-1.5)', -1],
		['round(2.4)', 2],
		['round(2.5)', 3],
		['round(-2.4)', -2],
		['sign(-4)', -1],
		['sign(0)', 0],
		['sign(7)', 1],
		['clamp(5, 0, 3)', 3],
		['clamp(-1, 0, 3)', 0],
		['clamp(2, 0, 3)', 2],
		['logistic(0)', 0.5],
		['logistic(2)', 1 / (1 + Math.exp(-2))],
		['logistic(-2) + logistic(2)', 1],
		['logit(0.5)', 0],
		['logit(0.75)', Math.log(3)],
		['logit(logistic(1.3))', 1.3],
		['share(1, 1)', 0.5],
		['share(a, b)', Math.exp(2) / (Math.exp(2) + Math.exp(3))],
		['share(a, b) + share(b, a)', 1]
	];
	it.each(cases)('%s = %d', (expression, expected) => {
		expect(valueOf(expression, ABC)).toBeCloseTo(expected, 12);
	});

	it('step(y0) is 0 before y0 and 1 from y0 on', () => {
		expect(seriesOf('step(2022)')).toEqual([0, 0, 1, 1, 1]);
		expect(seriesOf('step(2019)')).toEqual([1, 1, 1, 1, 1]);
		expect(seriesOf('step(2030)')).toEqual([0, 0, 0, 0, 0]);
	});

	it('ramp(y0, y1) rises linearly from 0 at y0 to 1 at y1', () => {
		expect(seriesOf('ramp(2021, 2023)')).toEqual([0, 0, 0.5, 1, 1]);
		expect(seriesOf('ramp(2020, 2024)')).toEqual([0, 0.25, 0.5, 0.75, 1]);
		// A zero-length ramp is a step; a reversed one is a step at its first year.
		expect(seriesOf('ramp(2022, 2022)')).toEqual([0, 0, 1, 1, 1]);
		expect(seriesOf('ramp(2023, 2021)')).toEqual([0, 0, 0, 1, 1]);
	});

	it('every allowed function is covered by a test here', () => {
		const special = ['prev', 'data', 'hasData', 'step', 'ramp'];
		const covered = new Set([...cases.map(([e]) => /^[a-z0-9]+/i.exec(e)![0]), ...special]);
		expect([...FUNCTIONS.keys()].filter((f) => !covered.has(f))).toEqual([]);
	});

	it.each(['sqrt(1, 2)', 'abs()', 'min()', 'clamp(1, 2)', 'log(1, 2, 3)', 'pow(2)', 'step(1, 2)', 'ramp(2020)', 'prev()', 'max(1, 2, 3, 4, 5, 6, 7, 8, 9)'])(
		'%s: a wrong number of arguments is a syntax error',
		(expression) => {
			const error = expectCellError(`x = ${expression}`, 'syntax');
			expect(error.message).toMatch(/takes .* argument/);
		}
	);
});

describe('builtins', () => {
	it('year is the simulated year and t the years since the start', () => {
		expect(seriesOf('year')).toEqual(YEARS);
		expect(seriesOf('t')).toEqual([0, 1, 2, 3, 4]);
		expect(seriesOf('t', { startYear: 2018 })).toEqual([0, 1, 2, 3, 4, 5, 6]);
	});

	it('pi and e are the constants', () => {
		expect(seriesOf('pi')).toEqual(YEARS.map(() => Math.PI));
		expect(seriesOf('e')).toEqual(YEARS.map(() => Math.E));
	});
});

describe('prev and stocks', () => {
	it('prev(x) is 0 in the first year, then last year\'s value', () => {
		const { result } = runTiny(['x = year * 2', 'y = prev(x)']);
		expect(result.errors).toEqual([]);
		expect(result.series.y).toEqual([0, 4040, 4042, 4044, 4046]);
	});

	it('prev(x, init) starts at init, which may be an expression', () => {
		const { result } = runTiny(['x = year', 'y = prev(x, 7)', 'z = prev(x, a * 10 + 1)'], ABC);
		expect(result.series.y).toEqual([7, 2020, 2021, 2022, 2023]);
		expect(result.series.z).toEqual([21, 2020, 2021, 2022, 2023]);
	});

	it('prev of an input is the input', () => {
		const { result } = runTiny(['y = prev(a, -1)'], ABC);
		expect(result.series.y).toEqual([-1, 2, 2, 2, 2]);
	});

	it('a formula may read itself through prev: a stock', () => {
		const { result } = runTiny(['count = prev(count) + 1', 'growth = prev(growth, 100) * 1.1']);
		expect(result.errors).toEqual([]);
		expect(result.series.count).toEqual([1, 2, 3, 4, 5]);
		result.series.growth.forEach((v, i) => expect(v).toBeCloseTo(100 * 1.1 ** (i + 1), 9));
	});

	it('a stock with a flow defined in another cell, in either order', () => {
		for (const cells of [
			['stock = prev(stock, 10) + inflow - outflow', 'inflow = a', 'outflow = 0.1 * prev(stock, 10)'],
			['outflow = 0.1 * prev(stock, 10)', 'inflow = a', 'stock = prev(stock, 10) + inflow - outflow']
		]) {
			const { result } = runTiny(cells, ABC);
			expect(result.errors).toEqual([]);
			let s = 10;
			const expected = YEARS.map(() => (s = s + 2 - 0.1 * s));
			result.series.stock.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 12));
		}
	});

	it('two formulas may read each other through prev without a cycle', () => {
		const { result } = runTiny(['x = prev(y, 1) + 1', 'y = prev(x, 0) * 2']);
		expect(result.errors).toEqual([]);
		expect(result.series.x).toEqual([2, 1, 5, 3, 11]);
		expect(result.series.y).toEqual([0, 4, 2, 10, 6]);
	});

	it('prev() of anything but a name is a syntax error', () => {
		expectCellError('x = prev(a + 1)', 'syntax');
		expectCellError('x = prev(2)', 'syntax');
	});

	it.each(['year', 't', 'pi', 'e'])('prev(%s) is refused at compile time (it used to crash the run)', (name) => {
		const { error, result } = errorOfFormula(`x = prev(${name}, 1)`);
		expect(error?.kind).toBe('syntax');
		expect(result.series.x).toBeUndefined();
	});

	it('a run can be repeated with other inputs on the same program, stocks restarting', () => {
		const model = compileNotebook(makeNotebook(['s = prev(s, 0) + a'], ABC), {});
		const program = createProgram(model);
		expect(runDeterministic(program, { inputs: { a: 1 }, horizon: HORIZON }).series.s).toEqual([1, 2, 3, 4, 5]);
		expect(runDeterministic(program, { inputs: { a: 2 }, horizon: 2022 }).series.s).toEqual([2, 4, 6]);
		expect(runDeterministic(program, { inputs: { a: 1 }, horizon: HORIZON }).series.s).toEqual([1, 2, 3, 4, 5]);
	});
});

describe('dependency order', () => {
	const cells = ['d = c + b', 'c = b * 2', 'b = a + 1', 'total = d + c + b + a'];

	it('formulas run after the formulas they read, whatever the cell order', () => {
		const permutations = (xs: string[]): string[][] =>
			xs.length <= 1 ? [xs] : xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
		for (const order of permutations(cells)) {
			const { result, model } = runTiny(order, { inputs: [{ name: 'a', default: 2 }] });
			expect(result.errors).toEqual([]);
			expect(result.series.b[0]).toBe(3);
			expect(result.series.c[0]).toBe(6);
			expect(result.series.d[0]).toBe(9);
			expect(result.series.total[0]).toBe(20);
			const position = (name: string) => model.formulas.findIndex((f) => f.name === name);
			expect(position('b')).toBeLessThan(position('c'));
			expect(position('c')).toBeLessThan(position('d'));
			expect(position('d')).toBeLessThan(position('total'));
		}
	});

	it('inputs are series too, constant over the years', () => {
		const { result } = runTiny(['x = a'], ABC);
		expect(result.years).toEqual(YEARS);
		expect(result.series.a).toEqual([2, 2, 2, 2, 2]);
		expect(result.series.b).toEqual([3, 3, 3, 3, 3]);
	});
});

describe('data look-ups', () => {
	const data = { s: { 2020: 1, 2021: 2, 2023: 4 }, other: { 2019: 9 } };

	it('data("id") is this year\'s value, NaN without one (with a not-finite warning)', () => {
		const { result, errorOf } = runTiny(['x = data("s")'], { data });
		expect(result.series.x).toEqual([1, 2, NaN, 4, NaN]);
		expect(errorOf('f0')?.kind).toBe('not-finite');
		expect(errorOf('f0')?.message).toContain('2022');
	});

	it('data("id", year - 1) looks at another year; the year is rounded', () => {
		expect(seriesOf('data("s", year - 1)', { data })).toEqual([NaN, 1, 2, NaN, 4]);
		expect(seriesOf('data("s", 2021)', { data })).toEqual([2, 2, 2, 2, 2]);
		expect(seriesOf('data("s", 2020.4)', { data })).toEqual([1, 1, 1, 1, 1]);
		expect(seriesOf('data("other", 2019)', { data })).toEqual([9, 9, 9, 9, 9]);
	});

	it('hasData is 1 where a value exists, else 0', () => {
		expect(seriesOf('hasData("s")', { data })).toEqual([1, 1, 0, 1, 0]);
		expect(seriesOf('hasData("s", year - 1)', { data })).toEqual([0, 1, 1, 0, 1]);
	});

	it('data with a fallback to a stock carries the last value forward', () => {
		const { result } = runTiny(['x = hasData("s") ? data("s") : prev(x, 0) * 10'], { data });
		expect(result.errors).toEqual([]);
		expect(result.series.x).toEqual([1, 2, 20, 4, 40]);
	});

	it('a series id must be a string literal', () => {
		expectCellError('x = data(s)', 'syntax', { data });
		expectCellError('x = hasData(1)', 'syntax', { data });
		expectCellError('x = data()', 'syntax', { data });
	});
});

describe('inputs', () => {
	const inputs = [{ name: 'a', min: 0, max: 10, default: 2 }];
	const run = (given: Record<string, number>) => runTiny(['x = a * 1'], { inputs, given }).result;

	it('take their default when not given', () => {
		expect(run({}).series.x).toEqual([2, 2, 2, 2, 2]);
		expect(run({ unrelated: 5 }).series.a[0]).toBe(2);
	});

	it('take the given value within range', () => {
		expect(run({ a: 7.5 }).series.x[0]).toBe(7.5);
		expect(run({ a: 0 }).series.x[0]).toBe(0);
		expect(run({ a: 10 }).series.x[0]).toBe(10);
	});

	it('are clamped to min and max', () => {
		expect(run({ a: 50 }).series.x[0]).toBe(10);
		expect(run({ a: -3 }).series.x[0]).toBe(0);
		expect(run({ a: -3 }).series.a).toEqual([0, 0, 0, 0, 0]);
	});

	it('fall back to the default when given NaN or an infinity', () => {
		expect(run({ a: NaN }).series.x[0]).toBe(2);
		expect(run({ a: Infinity }).series.x[0]).toBe(2);
		expect(run({ a: -Infinity }).series.x[0]).toBe(2);
	});

	it('inputValues reports the values a run uses, in input order', () => {
		const model = compileNotebook(makeNotebook([], { inputs: [...inputs, { name: 'b', min: -1, max: 1, default: 0.5 }] }), {});
		expect(inputValues(model, { a: 99, b: NaN })).toEqual([10, 0.5]);
		expect(inputValues(model, {})).toEqual([2, 0.5]);
	});
});

describe('errors', () => {
	describe('syntax', () => {
		it.each(['x = 1 +', '1 + 2', 'x[1] = 2', 'x =', 'x = (1 + 2', 'x = 1 2 +', 'x == 1', '= 1', 'x = #'])('%s', (formula) => {
			expectCellError(formula, 'syntax');
		});

		it('a formula without a name says what form is expected', () => {
			expect(expectCellError('1 + 2', 'syntax').message).toContain('name = expression');
			expect(expectCellError('x[1] = 2', 'syntax').message).toContain('plain name');
		});
	});

	describe('unknown-name', () => {
		it('suggests a close name', () => {
			const error = expectCellError('x = grwoth * 2', 'unknown-name', { inputs: [{ name: 'growth' }] });
			expect(error.message).toContain('"grwoth"');
			expect(error.message).toContain('did you mean "growth"');
		});

		it('suggests a formula name too, ignoring case', () => {
			const { errorOf } = runTiny(['marketSize = 10', 'y = marketsize + 1']);
			expect(errorOf('f1')?.kind).toBe('unknown-name');
			expect(errorOf('f1')?.message).toContain('did you mean "marketSize"');
		});

		it('suggests nothing when no name is close', () => {
			const error = expectCellError('x = zebra', 'unknown-name', { inputs: [{ name: 'growth' }] });
			expect(error.message).toContain('"zebra"');
			expect(error.message).not.toContain('did you mean');
		});

		it('also through prev', () => {
			expectCellError('x = prev(nothing, 0)', 'unknown-name');
		});
	});

	describe('unknown-series', () => {
		it.each(['x = data("nope")', 'x = hasData("nope")', 'x = data("nope", year - 1)', 'x = data("__proto__")', 'x = data("toString")'])(
			'%s',
			(formula) => {
				const error = expectCellError(formula, 'unknown-series', { data: { s: { 2020: 1 } } });
				expect(error.message).toMatch(/No data series named "/);
			}
		);
	});

	describe('cycle', () => {
		it('two cells: both get the error, naming the path', () => {
			const { result, errorOf, model } = runTiny(['x = y + 1', 'y = x * 2', 'z = 5']);
			for (const id of ['f0', 'f1']) {
				expect(errorOf(id)?.kind).toBe('cycle');
				expect(errorOf(id)?.message).toMatch(/(x → y → x)|(y → x → y)/);
				expect(errorOf(id)?.message).toContain('prev(');
			}
			expect(result.series.z).toEqual([5, 5, 5, 5, 5]);
			expect(model.formulas.map((f) => f.name)).toEqual(['z']);
		});

		it('a cell reading itself without prev', () => {
			const error = expectCellError('x = x + 1', 'cycle');
			expect(error.message).toContain('x → x');
		});

		it('prev(x, x) reads x this year in its initial value: a cycle', () => {
			expectCellError('x = prev(x, x)', 'cycle');
		});

		it('three cells in a ring each get the error; readers of the ring depend on an error', () => {
			const { errorOf } = runTiny(['p = r', 'q = p', 'r = q', 'reader = q + 1', 'lagged = prev(p)']);
			for (const id of ['f0', 'f1', 'f2']) {
				expect(errorOf(id)?.kind).toBe('cycle');
				// The path follows "reads": p reads r, r reads q, q reads p.
				expect(errorOf(id)?.message).toMatch(/p → r → q → p|r → q → p → r|q → p → r → q/);
			}
			expect(errorOf('f3')?.kind).toBe('depends-on-error');
			expect(errorOf('f4')?.kind).toBe('depends-on-error');
		});
	});

	describe('not-allowed', () => {
		it.each(['evaluate("1 + 1")', 'import({})', 'createUnit("foo")', 'parse("1")', 'compile("1")', 'mod(7, 3)', 'f(2)', 'derivative("x", "x")'])(
			'calling %s',
			(call) => {
				const error = expectCellError(`x = ${call}`, 'not-allowed');
				expect(error.message).toContain('is not allowed');
			}
		);

		it.each([
			['x = (f(y) = y)', 'Defining a function'],
			['x = {a: 1}', 'object'],
			['x = [1, 2]', 'matrix'],
			['x = a.b', 'Property'],
			['x = a[1]', 'index'],
			['x = 1:3', 'range'],
			['x = "text"', 'not a number'],
			['x = "1"', 'not a number'],
			['x = true', 'not a number'],
			['x = a < b < c', 'chained comparison'],
			['x = 1 < 2 <= 3', 'chained comparison'],
			['x = (y = 2)', 'assignment'],
			['x = 3!', 'operator'],
			['x = a & 1', 'operator'],
			['x = a | 1', 'operator'],
			['x = a << 1', 'operator'],
			["x = a'", 'operator'],
			['x = a to b', 'operator']
		])('%s', (formula, mention) => {
			const error = expectCellError(formula, 'not-allowed', ABC);
			expect(error.message.toLowerCase()).toContain(mention.toLowerCase());
		});

		it('a function definition or a block as the whole formula is refused (as not being "name = expression")', () => {
			// The root node is not an assignment, so these are reported as syntax; nested they are not-allowed.
			for (const formula of ['f(x) = x', 'a = 1; b = 2', 'x = 1\ny = 2']) {
				const { error, model } = errorOfFormula(formula);
				expect(['syntax', 'not-allowed']).toContain(error?.kind);
				expect(model.formulas).toEqual([]);
			}
		});
	});

	describe('duplicate-name', () => {
		it('the second formula defining a name is refused; the first runs', () => {
			const { result, errorOf } = runTiny(['x = 1', 'x = 2', 'y = x + 1']);
			expect(errorOf('f0')).toBeUndefined();
			expect(errorOf('f1')?.kind).toBe('duplicate-name');
			expect(errorOf('f1')?.message).toContain('"x"');
			expect(result.series.x).toEqual([1, 1, 1, 1, 1]);
			expect(result.series.y).toEqual([2, 2, 2, 2, 2]);
		});

		it('a formula may not redefine an input', () => {
			const { result, errorOf } = runTiny(['a = 5'], ABC);
			expect(errorOf('f0')?.kind).toBe('duplicate-name');
			expect(result.series.a[0]).toBe(2);
		});

		it('two inputs may not share a name', () => {
			const { model, result } = runTiny(['x = a'], { inputs: [{ name: 'a', default: 1 }, { name: 'a', id: 'in-a2', default: 9 }] });
			expect(result.errors.map((e) => [e.cellId, e.kind])).toEqual([['in-a2', 'duplicate-name']]);
			expect(model.inputs.map((i) => i.id)).toEqual(['in-a']);
			expect(result.series.x[0]).toBe(1);
		});
	});

	describe('bad-name', () => {
		it.each(['__proto__ = 1', 'constructor = 1', 'prototype = 1', 'toString = 1', 'year = 1', 't = 1', 'pi = 3', 'e = 2', 'max = 1', 'prev = 1', 'data = 1'])(
			'%s',
			(formula) => {
				const { error, model } = errorOfFormula(formula);
				// __proto__ starts with "_", so the name rule refuses it before the reserved list does.
				expect(error?.kind).toBe('bad-name');
				expect(model.formulas).toEqual([]);
			}
		);

		it.each(['NaN = 1', 'Infinity = 1', 'true = 1', '1 = 1', '"x" = 1'])('%s: mathjs reads a constant on the left, a syntax error', (formula) => {
			expectCellError(formula, 'syntax');
		});

		it('a too-long name', () => {
			expectCellError(`${'n'.repeat(49)} = 1`, 'bad-name');
			expect(runTiny([`${'n'.repeat(48)} = 1`]).result.errors).toEqual([]);
		});

		it('input names are checked too', () => {
			const { result, model } = runTiny(['x = 1'], { inputs: [{ name: 'constructor' }, { name: '1abc' }, { name: 'year' }, { name: 'ok' }] });
			expect(result.errors.map((e) => [e.cellId, e.kind])).toEqual([
				['in-constructor', 'bad-name'],
				['in-1abc', 'bad-name'],
				['in-year', 'bad-name']
			]);
			expect(model.inputs.map((i) => i.name)).toEqual(['ok']);
		});

		it('a formula reading a name whose definition was refused depends on an error', () => {
			const { errorOf } = runTiny(['toString = 1', 'x = toString + 1']);
			expect(errorOf('f0')?.kind).toBe('bad-name');
			expect(errorOf('f1')?.kind).toBe('depends-on-error');
		});
	});

	describe('depends-on-error', () => {
		it('spreads transitively, also through prev, and leaves unrelated cells alone', () => {
			const { result, errorOf, model } = runTiny([
				'broken = 1 +',
				'direct = broken * 2',
				'transitive = direct + 1',
				'lagged = prev(transitive, 0) + 1',
				'laggedStock = prev(laggedStock, 0) + lagged',
				'unrelated = a * 3',
				'unrelatedStock = prev(unrelatedStock, 1) * 2'
			], ABC);
			expect(errorOf('f0')?.kind).toBe('syntax');
			for (const id of ['f1', 'f2', 'f3', 'f4']) expect(errorOf(id)?.kind, id).toBe('depends-on-error');
			expect(errorOf('f1')?.message).toContain('"broken"');
			expect(errorOf('f2')?.message).toContain('"direct"');
			expect(errorOf('f3')?.message).toContain('"transitive"');
			expect(result.series.unrelated).toEqual([6, 6, 6, 6, 6]);
			expect(result.series.unrelatedStock).toEqual([2, 4, 8, 16, 32]);
			expect(model.formulas.map((f) => f.name).sort()).toEqual(['unrelated', 'unrelatedStock']);
			for (const name of ['broken', 'direct', 'transitive', 'lagged', 'laggedStock']) expect(result.series[name]).toBeUndefined();
		});

		it('a reader of an unknown-name cell depends on an error, and reports no unknown name itself', () => {
			const { errorOf } = runTiny(['x = missing + 1', 'y = x * 2']);
			expect(errorOf('f0')?.kind).toBe('unknown-name');
			expect(errorOf('f1')?.kind).toBe('depends-on-error');
		});

		it('a reader of a not-allowed cell depends on an error', () => {
			const { errorOf } = runTiny(['x = evaluate("2")', 'y = prev(x, 1)']);
			expect(errorOf('f0')?.kind).toBe('not-allowed');
			expect(errorOf('f1')?.kind).toBe('depends-on-error');
		});
	});

	describe('too-long', () => {
		it(`a formula over MAX_FORMULA_LENGTH (${MAX_FORMULA_LENGTH}) characters`, () => {
			let long = 'x = 1';
			while (long.length <= MAX_FORMULA_LENGTH) long += ' + 1';
			const error = expectCellError(long, 'too-long');
			expect(error.message).toContain(String(MAX_FORMULA_LENGTH));
		});

		it('a formula of exactly the limit is read', () => {
			const formula = `x = ${' '.repeat(MAX_FORMULA_LENGTH - 5)}1`;
			expect(formula.length).toBe(MAX_FORMULA_LENGTH);
			expect(runTiny([formula]).result.series.x[0]).toBe(1);
		});

		it('nesting deeper than the limit is refused, not a stack overflow', () => {
			const error = expectCellError(`x = ${'('.repeat(300)}1${')'.repeat(300)}`, 'too-long');
			expect(error.message).toContain('nested');
			expect(valueOf(`${'('.repeat(30)}1${')'.repeat(30)}`)).toBe(1);
		});

		it('a long sum (mathjs nests it left-deep) is not mistaken for deep nesting', () => {
			expect(valueOf(Array(200).fill('1').join(' + '))).toBe(200);
		});
	});

	describe('not-finite', () => {
		it.each([
			['1 / 0', Infinity],
			['-1 / 0', -Infinity],
			['0 / 0', NaN],
			['log(-1)', NaN],
			['sqrt(-1)', NaN],
			['logit(1)', Infinity]
		])('x = %s is a run-time warning naming the value and year', (expression, value) => {
			const { result, errorOf } = runTiny([`x = ${expression}`, 'y = 2']);
			expect(result.series.x[0]).toBe(value);
			expect(errorOf('f0')?.kind).toBe('not-finite');
			expect(errorOf('f0')?.message).toContain(String(value));
			expect(errorOf('f0')?.message).toContain('2020');
			expect(errorOf('f1')).toBeUndefined();
			expect(result.series.y).toEqual([2, 2, 2, 2, 2]);
		});

		it('names the first year that goes wrong', () => {
			const { errorOf } = runTiny(['x = 1 / (year - 2022)']);
			expect(errorOf('f0')?.kind).toBe('not-finite');
			expect(errorOf('f0')?.message).toContain('2022');
		});
	});

	it('errors are reported per cell: at most one each, with the right ids, and the rest still runs', () => {
		const { result, model } = runTiny(
			[
				{ id: 'syntax', formula: 'p = 1 +' },
				{ id: 'unknown', formula: 'q = zzz' },
				{ id: 'series', formula: 'r = data("none")' },
				{ id: 'cyc1', formula: 's = u' },
				{ id: 'cyc2', formula: 'u = s' },
				{ id: 'bad', formula: 'w = import(1)' },
				{ id: 'dup', formula: 'w = 1' },
				{ id: 'dup2', formula: 'w = 2' },
				{ id: 'reserved', formula: 'year = 3' },
				{ id: 'reader', formula: 'x = p + q' },
				{ id: 'inf', formula: 'y = 1 / 0' },
				{ id: 'fine', formula: 'z = a + w' },
				{ id: 'fine2', formula: 'zz = prev(zz, 0) + z' }
			],
			{ ...ABC, data: {} }
		);
		const kinds = Object.fromEntries(result.errors.map((e) => [e.cellId, e.kind]));
		expect(kinds).toEqual({
			syntax: 'syntax',
			unknown: 'unknown-name',
			series: 'unknown-series',
			cyc1: 'cycle',
			cyc2: 'cycle',
			bad: 'not-allowed',
			dup2: 'duplicate-name',
			reserved: 'bad-name',
			reader: 'depends-on-error',
			inf: 'not-finite'
		});
		expect(result.errors.length).toBe(Object.keys(kinds).length);
		expect(result.series.z).toEqual([3, 3, 3, 3, 3]);
		expect(result.series.zz).toEqual([3, 6, 9, 12, 15]);
		expect(model.nameOfCell.get('syntax')).toBe('p');
		expect(model.nameOfCell.get('fine')).toBe('z');
	});
});
