// The published notebook's text cells as HTML, rendered at build time (lib/server/markdown.ts)
// and handed to the page as its data. A text cell whose markdown is still the published text
// shows this HTML; any other text is rendered in the browser (render.ts, loaded on demand).

let published: () => Record<string, string> = () => ({});

/** `rendered` is read on every lookup (a getter, so it follows the page's data). */
export function usePublishedMarkdown(rendered: () => Record<string, string>): void {
	published = rendered;
}

/** The prerendered HTML of `text`, if it is published text; undefined otherwise. */
export function publishedHtml(text: string): string | undefined {
	// A page without the published prose in its data (the talk page, reached from the notebook
	// in the same tab) gives undefined: then nothing is prerendered.
	const map = published() ?? {};
	return Object.hasOwn(map, text) ? map[text] : undefined;
}
