// The published notebook's own words in the page's language. The build hands a Chinese page a
// table from each published English text (a lever's label, a chart's title, a formula's note...)
// to its translation (server/publishedTranslation.ts); an English page gets none. The document
// keeps its one set of cells, in English, so a scenario, its link and its figures are the same
// in both languages; only what is shown changes. Text a person wrote is not in the table and
// shows as written.

let published: () => Record<string, string> | undefined = () => undefined;

/** `texts` is read on every lookup (a getter, so it follows the page's data). */
export function usePublishedTexts(texts: () => Record<string, string> | undefined): void {
	published = texts;
}

/** `text` as this page shows it: the translation of a published text, else the text itself. */
export function shown(text: string): string;
export function shown(text: string | undefined): string | undefined;
export function shown(text: string | undefined): string | undefined {
	if (text === undefined) return text;
	const table = published();
	return table && Object.hasOwn(table, text) ? table[text] : text;
}

/** The table in use (undefined before a page hands one over): what a cache of shown texts is made with. */
export function publishedTextsInUse(): Record<string, string> | undefined {
	return published();
}

/** `named` with its label as shown: a reference scenario's run, whose name may be a preset's. */
export function withShownLabel<T extends { label: string }>(named: T | null): T | null {
	return named && { ...named, label: shown(named.label) };
}
