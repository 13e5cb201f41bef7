// A sentence with markup inside it (a <strong>, a span a test reads by its test id) stays one
// message, in each language's own word order: the component calls the message with those
// parameters set to `slot(name)` and renders `parts(text)` in order, each slot as its markup and
// the rest as text.

const MARK = '\u{E000}';

/** The stand-in for a parameter the component renders as markup. */
export const slot = (name: string): string => `${MARK}${name}${MARK}`;

export type Part = { slot: string; text: '' } | { slot: null; text: string };

/** A message's text split at its slots, in order; no empty text parts. */
export function parts(text: string): Part[] {
	return text
		.split(MARK)
		.map((piece, i): Part => (i % 2 ? { slot: piece, text: '' } : { slot: null, text: piece }))
		.filter((p) => p.slot !== null || p.text !== '');
}
