// The engine's public face: compile a notebook once, run it many times. Pure TypeScript, no DOM.
export { compileNotebook, MAX_CELLS } from './model';
export type { CompiledModel, ModelFormula } from './model';
export { createProgram, runDeterministic, inputValues, simulate } from './run';
export type { Program } from './run';
export { parseFormula, checkVariableName, FormulaError, MAX_FORMULA_LENGTH } from './parse';
export { FUNCTIONS, BUILTIN_SYMBOLS } from './functions';
export * from './types';
