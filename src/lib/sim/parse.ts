// Formula text -> a small checked expression tree (Expr). mathjs only parses here; it never
// evaluates. Every mathjs node type and function name is checked against a fixed list, so an
// untrusted formula can name nothing outside it.

import type { MathNode } from 'mathjs';
import { parseExpression } from './mathParser';
import { BINARY_OPERATORS, BUILTIN_SYMBOLS, FUNCTIONS, UNARY_OPERATORS } from './functions';
import type { CellErrorKind } from './types';
import { checkVariableName } from './names';
import { w, type ScreenWordKey } from '../i18n/screenWords';

export { checkVariableName, IDENTIFIER } from './names';


/** The checked expression tree a formula parses to; `k` names the kind of node. */
export type Expr =
	| { k: 'num'; value: number }
	| { k: 'ref'; name: string }
	| { k: 'prev'; name: string; init: Expr | null }
	| { k: 'data'; series: string; year: Expr | null; test: boolean }
	| { k: 'unary'; op: string; arg: Expr }
	| { k: 'binary'; op: string; left: Expr; right: Expr }
	| { k: 'call'; fn: string; args: Expr[] }
	| { k: 'if'; cond: Expr; then: Expr; else: Expr };

/** A parsed `name = expression` formula. */
export interface ParsedFormula {
	name: string;
	expr: Expr;
}

/** A problem with a formula: its kind and a message a person can act on. */
export class FormulaError extends Error {
	constructor(
		readonly kind: CellErrorKind,
		message: string
	) {
		super(message);
	}
}

/** Longest formula accepted, in characters. */
export const MAX_FORMULA_LENGTH = 2000;
// Deep enough for a sum of a couple of hundred terms (mathjs nests them left-deep), shallow enough
// that compiling and running never come near the stack limit.
const MAX_DEPTH = 256;
/** Parses `name = expression`. Throws FormulaError with a message a person can act on. */
export function parseFormula(text: string): ParsedFormula {
	if (text.length > MAX_FORMULA_LENGTH) {
		throw new FormulaError('too-long', w('screen_engine_too_long', { length: text.length, limit: MAX_FORMULA_LENGTH }));
	}
	// mathjs's recursive-descent parser spends many stack frames per bracket; refuse deep
	// bracketing before it can overflow the stack.
	if (bracketDepth(text) > MAX_BRACKETS) {
		throw new FormulaError('too-long', w('screen_engine_brackets_deep', { limit: MAX_BRACKETS }));
	}
	let root: MathNode;
	try {
		root = parseExpression(text);
	} catch (err) {
		throw new FormulaError('syntax', w('screen_engine_syntax', { detail: syntaxDetail((err as Error).message) }));
	}
	if (root.type !== 'AssignmentNode') {
		throw new FormulaError('syntax', w('screen_engine_form'));
	}
	const assign = root as unknown as { object: MathNode; index: unknown; value: MathNode };
	if (assign.object.type !== 'SymbolNode' || assign.index) {
		throw new FormulaError('syntax', w('screen_engine_left_side'));
	}
	const name = (assign.object as unknown as { name: string }).name;
	const nameProblem = checkVariableName(name);
	if (nameProblem) throw new FormulaError('bad-name', nameProblem);
	return { name, expr: toExpr(assign.value, 0) };
}

const MAX_BRACKETS = 64;

function bracketDepth(text: string): number {
	let depth = 0;
	let deepest = 0;
	for (const ch of text) {
		if (ch === '(' || ch === '[' || ch === '{') deepest = Math.max(deepest, ++depth);
		else if (ch === ')' || ch === ']' || ch === '}') depth--;
	}
	return deepest;
}

function toExpr(node: MathNode, depth: number): Expr {
	if (depth > MAX_DEPTH) throw new FormulaError('too-long', w('screen_engine_levels_deep', { limit: MAX_DEPTH }));
	const n = node as unknown as Record<string, unknown>;
	switch (node.type) {
		case 'ConstantNode': {
			if (typeof n.value !== 'number') {
				throw new FormulaError('not-allowed', w('screen_engine_standalone', { value: JSON.stringify(n.value) }));
			}
			return { k: 'num', value: n.value };
		}
		case 'SymbolNode':
			return { k: 'ref', name: n.name as string };
		case 'ParenthesisNode':
			return toExpr(n.content as MathNode, depth + 1);
		case 'ConditionalNode':
			return {
				k: 'if',
				cond: toExpr(n.condition as MathNode, depth + 1),
				then: toExpr(n.trueExpr as MathNode, depth + 1),
				else: toExpr(n.falseExpr as MathNode, depth + 1)
			};
		case 'OperatorNode':
			return operator(n.fn as string, n.op as string, n.args as MathNode[], depth);
		case 'FunctionNode':
			return call(n.fn as MathNode, n.args as MathNode[], depth);
		default:
			throw new FormulaError('not-allowed', w('screen_engine_node_not_allowed', { what: describeNode(node.type) }));
	}
}

function operator(fn: string, op: string, args: MathNode[], depth: number): Expr {
	if (args.length === 1 && UNARY_OPERATORS.has(fn)) {
		return { k: 'unary', op: fn, arg: toExpr(args[0], depth + 1) };
	}
	if (args.length === 2 && BINARY_OPERATORS.has(fn)) {
		return { k: 'binary', op: fn, left: toExpr(args[0], depth + 1), right: toExpr(args[1], depth + 1) };
	}
	throw new FormulaError('not-allowed', w('screen_engine_operator', { op }));
}

function call(fnNode: MathNode, args: MathNode[], depth: number): Expr {
	if (fnNode.type !== 'SymbolNode') {
		throw new FormulaError('not-allowed', w('screen_engine_named_functions'));
	}
	const fn = (fnNode as unknown as { name: string }).name;
	const spec = FUNCTIONS.get(fn);
	if (!spec) throw new FormulaError('not-allowed', w('screen_engine_function', { fn, allowed: [...FUNCTIONS.keys()].join(', ') }));
	if (args.length < spec.minArgs || args.length > spec.maxArgs) {
		const want = spec.minArgs === spec.maxArgs ? `${spec.minArgs}` : w('screen_engine_arity_range', { min: spec.minArgs, max: spec.maxArgs });
		throw new FormulaError('syntax', w(spec.maxArgs === 1 ? 'screen_engine_arity_one' : 'screen_engine_arity_many', { fn, want, count: args.length }));
	}
	switch (fn) {
		case 'prev': {
			if (args[0].type !== 'SymbolNode') {
				throw new FormulaError('syntax', w('screen_engine_prev_one'));
			}
			const name = (args[0] as unknown as { name: string }).name;
			// Built-ins have no slot to look back at: prev(year) would crash the run, not lag.
			if (BUILTIN_SYMBOLS.has(name)) {
				throw new FormulaError('syntax', w('screen_engine_prev_builtin', { name }));
			}
			return { k: 'prev', name, init: args[1] ? toExpr(args[1], depth + 1) : null };
		}
		case 'data':
		case 'hasData': {
			const first = args[0] as unknown as { type: string; value: unknown };
			if (first.type !== 'ConstantNode' || typeof first.value !== 'string') {
				throw new FormulaError('syntax', w('screen_engine_series_quotes', { fn }));
			}
			return { k: 'data', series: first.value, year: args[1] ? toExpr(args[1], depth + 1) : null, test: fn === 'hasData' };
		}
		default:
			return { k: 'call', fn, args: args.map((a) => toExpr(a, depth + 1)) };
	}
}

/** The syntax messages of mathjs's parser a person meets most; any other stays as mathjs writes it. */
const MATHJS_SYNTAX: readonly (readonly [RegExp, ScreenWordKey])[] = [
	[/^Unexpected end of expression$/, 'screen_engine_mathjs_end'],
	[/^Value expected$/, 'screen_engine_mathjs_value'],
	[/^Parenthesis \) expected$/, 'screen_engine_mathjs_paren'],
	[/^Parenthesis \] expected$/, 'screen_engine_mathjs_bracket'],
	[/^Unexpected part "(.*)"$/, 'screen_engine_mathjs_unexpected_part'],
	[/^Syntax error in part "(.*)"$/, 'screen_engine_mathjs_part_error'],
	[/^Unexpected operator (.*)$/, 'screen_engine_mathjs_operator'],
	[/^Digit expected, got "(.*)"$/, 'screen_engine_mathjs_digit'],
	[/^Invalid left hand side of assignment operator =$/, 'screen_engine_mathjs_left_side']
];

/** A mathjs syntax message ("Value expected (char 16)") in the page's words. */
function syntaxDetail(message: string): string {
	const found = /^(.*) \(char (\d+)\)$/s.exec(message);
	if (!found) return message;
	for (const [pattern, key] of MATHJS_SYNTAX) {
		const part = pattern.exec(found[1]);
		if (part) return w(key, { what: part[1] ?? '', char: found[2] });
	}
	return message;
}

function describeNode(type: string): string {
	const names: Record<string, ScreenWordKey> = {
		AssignmentNode: 'screen_engine_node_assignment',
		FunctionAssignmentNode: 'screen_engine_node_function_definition',
		AccessorNode: 'screen_engine_node_accessor',
		IndexNode: 'screen_engine_node_index',
		ObjectNode: 'screen_engine_node_object',
		ArrayNode: 'screen_engine_node_array',
		BlockNode: 'screen_engine_node_block',
		RangeNode: 'screen_engine_node_range',
		RelationalNode: 'screen_engine_node_relational'
	};
	return Object.hasOwn(names, type) ? w(names[type]) : w('screen_engine_node_other', { type });
}

/** Names an expression reads in the current year (not through prev). */
export function currentReferences(expr: Expr, into = new Set<string>()): Set<string> {
	visit(expr, (e) => {
		if (e.k === 'ref') into.add(e.name);
	});
	return into;
}

/** Names an expression reads from the previous year, through prev(). */
export function laggedReferences(expr: Expr, into = new Set<string>()): Set<string> {
	visit(expr, (e) => {
		if (e.k === 'prev') into.add(e.name);
	});
	return into;
}

/** Data series ids an expression looks up. */
export function seriesReferences(expr: Expr, into = new Set<string>()): Set<string> {
	visit(expr, (e) => {
		if (e.k === 'data') into.add(e.series);
	});
	return into;
}

/** Visits every node; a prev()'s variable is not visited as a current reference. */
function visit(expr: Expr, f: (e: Expr) => void): void {
	f(expr);
	switch (expr.k) {
		case 'prev':
			if (expr.init) visit(expr.init, f);
			break;
		case 'data':
			if (expr.year) visit(expr.year, f);
			break;
		case 'unary':
			visit(expr.arg, f);
			break;
		case 'binary':
			visit(expr.left, f);
			visit(expr.right, f);
			break;
		case 'call':
			for (const a of expr.args) visit(a, f);
			break;
		case 'if':
			visit(expr.cond, f);
			visit(expr.then, f);
			visit(expr.else, f);
			break;
	}
}
