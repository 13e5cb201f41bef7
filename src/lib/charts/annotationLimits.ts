// How many notes a chart holds and how long each is. Apart from the rest of annotations.ts:
// the notebook's schema (on the page's first load) needs only these two numbers.

export const ANNOTATION_LIMITS = {
	/** Notes on one chart. */
	count: 20,
	/** Characters in one note's text. */
	text: 120
} as const;
