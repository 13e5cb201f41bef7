// Which names a notebook may define. Kept apart from the parser so the page can check names
// without loading mathjs (which lives in the worker only).

import { FUNCTIONS } from './functions';
import { w } from '../i18n/screenWords';

/** The shape of a variable name: a letter, then at most 47 letters, digits or _. */
export const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]{0,47}$/;

/**
 * Names that would reach into JavaScript objects if they were ever used as keys, mathjs names
 * that mean something else, and the keys scenario links use for themselves.
 */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([
	'__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty',
	'year', 't', 'pi', 'e', 'true', 'false', 'NaN', 'Infinity', 'null', 'undefined',
	'and', 'or', 'not', 'xor', 'mod', 'to', 'in',
	'v', 'nb', 'horizon', 'ref'
]);

/** Why `name` cannot name a variable, or null when it can. */
export function checkVariableName(name: string): string | null {
	if (!IDENTIFIER.test(name)) {
		return w('screen_engine_bad_name', { name });
	}
	if (RESERVED_NAMES.has(name) || FUNCTIONS.has(name)) return w('screen_engine_reserved', { name });
	return null;
}
