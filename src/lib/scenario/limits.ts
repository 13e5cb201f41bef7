// The notebook's size limits, apart from its schema: the cell-edit operations check them, and
// load early (scenario/notebookSchema.ts would bring zod with them).

/** Size limits on a notebook read from outside: cells, text lengths, list lengths and serialised size. */
export const LIMITS = {
	cells: 200,
	formulaLength: 2000,
	markdownLength: 20_000,
	textLength: 2000,
	/** Variables of a chart or table, years of key figures, and a fit cell's pairs and parameters (version 3 fits 14 parameters to 13 series). */
	listLength: 24,
	/** Serialised notebook, characters. */
	notebookChars: 400_000,
	/** Rows in one data cell. */
	dataRows: 5000,
	/** Distinct brought series in one notebook (over all its data cells). */
	dataSeries: 50,
	/** Notes on one chart, and characters in one note's text (charts/annotations.ts). */
	annotations: 20,
	annotationText: 120
} as const;
