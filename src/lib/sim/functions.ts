// The fixed list of functions a formula may call. Anything not named here is refused at
// compile time: formulas arrive in links from strangers, so nothing reaches mathjs's own
// function table (which includes `import`, `evaluate`, `parse`, `createUnit`, ...).
//
// Each function is a plain scalar function; the compiler lifts it over sample arrays.
// `prev`, `data`, `hasData`, `step` and `ramp` are special forms handled by the compiler,
// listed here so the allowed list and its documentation live in one place.

/** One allowed function: its argument counts, a short description, and its scalar implementation (none for special forms). */
export interface FunctionSpec {
	minArgs: number;
	maxArgs: number;
	doc: string;
	fn?: (...args: number[]) => number;
}

const logistic = (x: number) => 1 / (1 + Math.exp(-x));

/** Every function a formula may call, by name. */
export const FUNCTIONS: ReadonlyMap<string, FunctionSpec> = new Map<string, FunctionSpec>([
	['abs', { minArgs: 1, maxArgs: 1, fn: Math.abs, doc: 'absolute value' }],
	['sqrt', { minArgs: 1, maxArgs: 1, fn: Math.sqrt, doc: 'square root' }],
	['exp', { minArgs: 1, maxArgs: 1, fn: Math.exp, doc: 'e to the power x' }],
	[
		'log',
		{
			minArgs: 1,
			maxArgs: 2,
			fn: (x: number, base?: number) => (base === undefined ? Math.log(x) : Math.log(x) / Math.log(base)),
			doc: 'natural logarithm, or log(x, base)'
		}
	],
	['log10', { minArgs: 1, maxArgs: 1, fn: Math.log10, doc: 'base-10 logarithm' }],
	['pow', { minArgs: 2, maxArgs: 2, fn: Math.pow, doc: 'pow(x, y) = x ^ y' }],
	['min', { minArgs: 1, maxArgs: 8, fn: Math.min, doc: 'smallest argument' }],
	['max', { minArgs: 1, maxArgs: 8, fn: Math.max, doc: 'largest argument' }],
	['floor', { minArgs: 1, maxArgs: 1, fn: Math.floor, doc: 'round down' }],
	['ceil', { minArgs: 1, maxArgs: 1, fn: Math.ceil, doc: 'round up' }],
	['round', { minArgs: 1, maxArgs: 1, fn: Math.round, doc: 'round to the nearest integer' }],
	['sign', { minArgs: 1, maxArgs: 1, fn: Math.sign, doc: '-1, 0 or 1' }],
	[
		'clamp',
		{
			minArgs: 3,
			maxArgs: 3,
			fn: (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x)),
			doc: 'clamp(x, lo, hi) keeps x within lo..hi'
		}
	],
	['logistic', { minArgs: 1, maxArgs: 1, fn: logistic, doc: '1 / (1 + exp(-x)): an S-curve from 0 to 1' }],
	[
		'logit',
		{ minArgs: 1, maxArgs: 1, fn: (p: number) => Math.log(p / (1 - p)), doc: 'log(p / (1 - p)), the inverse of logistic' }
	],
	[
		'share',
		{
			minArgs: 2,
			maxArgs: 2,
			fn: (a: number, b: number) => logistic(a - b),
			doc: 'share(Va, Vb): two-way logit share of option a, exp(Va) / (exp(Va) + exp(Vb))'
		}
	],
	['prev', { minArgs: 1, maxArgs: 2, doc: "prev(x) or prev(x, initial): x's value in the previous year (initial, default 0, in the first year)" }],
	['data', { minArgs: 1, maxArgs: 2, doc: 'data("series") or data("series", year): an observed value, NaN where there is none' }],
	['hasData', { minArgs: 1, maxArgs: 2, doc: 'hasData("series") or hasData("series", year): 1 where an observed value exists, else 0' }],
	['step', { minArgs: 1, maxArgs: 1, doc: 'step(y0): 0 before year y0, 1 from y0 on' }],
	['ramp', { minArgs: 2, maxArgs: 2, doc: 'ramp(y0, y1): 0 up to y0, rising linearly to 1 at y1, 1 after' }]
]);

/** Operators, by mathjs's function name for them. */
export const BINARY_OPERATORS: ReadonlyMap<string, (a: number, b: number) => number> = new Map([
	['add', (a: number, b: number) => a + b],
	['subtract', (a: number, b: number) => a - b],
	['multiply', (a: number, b: number) => a * b],
	['divide', (a: number, b: number) => a / b],
	['pow', (a: number, b: number) => Math.pow(a, b)],
	['mod', (a: number, b: number) => a - b * Math.floor(a / b)],
	['equal', (a: number, b: number) => (a === b ? 1 : 0)],
	['unequal', (a: number, b: number) => (a !== b ? 1 : 0)],
	['smaller', (a: number, b: number) => (a < b ? 1 : 0)],
	['larger', (a: number, b: number) => (a > b ? 1 : 0)],
	['smallerEq', (a: number, b: number) => (a <= b ? 1 : 0)],
	['largerEq', (a: number, b: number) => (a >= b ? 1 : 0)],
	['and', (a: number, b: number) => (a && b ? 1 : 0)],
	['or', (a: number, b: number) => (a || b ? 1 : 0)],
	['xor', (a: number, b: number) => ((a ? 1 : 0) ^ (b ? 1 : 0))]
]);

/** The unary operators a formula may use, by mathjs operator name. */
export const UNARY_OPERATORS: ReadonlyMap<string, (a: number) => number> = new Map([
	['unaryMinus', (a: number) => -a],
	['unaryPlus', (a: number) => a],
	['not', (a: number) => (a ? 0 : 1)]
]);

/** Names every formula can read without defining them. */
export const BUILTIN_SYMBOLS: ReadonlyMap<string, string> = new Map([
	['year', 'the simulated year, e.g. 2027'],
	['t', 'years since the notebook starts (0 in the first year)'],
	['pi', '3.14159...'],
	['e', '2.71828...']
]);
