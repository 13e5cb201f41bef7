// mathjs exports a factory for each of its parts from its ES build; its type declarations
// leave them out. These are the ones mathParser.ts assembles.
import 'mathjs';

type Factory = (deps: Record<string, unknown>) => unknown;

declare module 'mathjs' {
	export const createAccessorNode: Factory;
	export const createArrayNode: Factory;
	export const createAssignmentNode: Factory;
	export const createBlockNode: Factory;
	export const createConditionalNode: Factory;
	export const createConstantNode: Factory;
	export const createFunctionAssignmentNode: Factory;
	export const createFunctionNode: Factory;
	export const createIndexNode: Factory;
	export const createNode: Factory;
	export const createObjectNode: Factory;
	export const createOperatorNode: Factory;
	export const createParenthesisNode: Factory;
	export const createParse: Factory;
	export const createRangeNode: Factory;
	export const createRelationalNode: Factory;
	export const createSymbolNode: Factory;
}
