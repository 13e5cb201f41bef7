// mathjs's expression parser, assembled from its own factories with only what parsing needs.
// The stock `create({ parseDependencies })` pulls in typed-function, BigNumber, Fraction and
// Complex (about 120 kB gzip) because the node classes can also compile and evaluate. We never
// let mathjs evaluate anything, so the evaluation-side dependencies are given inert stand-ins:
// a node built here cannot compile or evaluate even if someone tried.

// Named imports keep the bundle to these modules alone (mathjs is free of side effects). The
// factories exist in mathjs's ES build but not in its type declarations: see mathjsFactories.d.ts.
import {
	createAccessorNode,
	createArrayNode,
	createAssignmentNode,
	createBlockNode,
	createConditionalNode,
	createConstantNode,
	createFunctionAssignmentNode,
	createFunctionNode,
	createIndexNode,
	createNode,
	createObjectNode,
	createOperatorNode,
	createParenthesisNode,
	createParse,
	createRangeNode,
	createRelationalNode,
	createSymbolNode
} from 'mathjs';
import type { MathNode } from 'mathjs';

type Factory = (deps: Record<string, unknown>) => unknown;
const make = (factory: Factory, deps: Record<string, unknown>) => factory(deps);

const refuse = () => {
	throw new Error('Evaluation through mathjs is disabled: formulas are compiled by the engine.');
};
const noMath = new Proxy({}, { get: refuse });

/** The parser only calls typed() once, to make `parse` itself; it is always given a string. */
function typed(_name: string, signatures: Record<string, (...args: unknown[]) => unknown>) {
	const parseString = signatures['string, Object'];
	return (expression: unknown, options: object = {}) => {
		if (typeof expression !== 'string') throw new TypeError('A formula must be text.');
		return parseString(expression, options);
	};
}
typed.addConversion = () => undefined;

const Node = make(createNode, { mathWithTransform: noMath });
const SymbolNode = make(createSymbolNode, { Node, math: noMath, Unit: undefined });
const nodes = {
	Node,
	SymbolNode,
	AccessorNode: make(createAccessorNode, { Node, subset: refuse }),
	ArrayNode: make(createArrayNode, { Node }),
	AssignmentNode: make(createAssignmentNode, { Node, subset: refuse, matrix: refuse }),
	BlockNode: make(createBlockNode, { Node, ResultSet: refuse }),
	ConditionalNode: make(createConditionalNode, { Node }),
	ConstantNode: make(createConstantNode, { Node, isBounded: () => true }),
	FunctionAssignmentNode: make(createFunctionAssignmentNode, { Node, typed }),
	FunctionNode: make(createFunctionNode, { Node, SymbolNode, math: noMath }),
	IndexNode: make(createIndexNode, { Node, size: refuse }),
	ObjectNode: make(createObjectNode, { Node }),
	OperatorNode: make(createOperatorNode, { Node }),
	ParenthesisNode: make(createParenthesisNode, { Node }),
	RangeNode: make(createRangeNode, { Node }),
	RelationalNode: make(createRelationalNode, { Node })
};

/** Numbers are plain doubles, as in the engine. */
const numeric = (value: string) => Number(value);

/** Parses formula text into a mathjs node tree (never evaluates it), using only the parts assembled above. */
export const parseExpression = make(createParse, {
	...nodes,
	typed,
	numeric,
	config: { number: 'number', numberFallback: 'number' }
}) as (expression: string) => MathNode;
