// Build time: the published notebook's texts in the page's language. Chinese texts live beside
// the cells, keyed by cell id and field (notebooks/chinaMarket.zh.json); tests/notebook-zh.test.ts
// checks that every published text has one and keeps the English text's figures.

import zh from '../notebooks/chinaMarket.zh.json';
import type { Cell, MarkdownCell, Notebook } from '../sim/types';
import { headingOf } from '../view/exploreLayout';
import { dataTexts } from './dataTranslation';

type CellTexts = Partial<Record<'text' | 'label' | 'unit' | 'description' | 'note' | 'title', string>> & { annotations?: string[] };
export interface NotebookTranslation {
	title: string;
	cells: Record<string, CellTexts>;
}

/** The translations the site has, by language (English is the notebook's own). */
const TRANSLATIONS: Record<string, NotebookTranslation> = { zh };

/** The fields of a cell that are words to translate (not names, formulas or numbers). */
export const TRANSLATED_FIELDS = ['text', 'label', 'unit', 'description', 'note', 'title'] as const;

export function translationFor(locale: string): NotebookTranslation | undefined {
	return TRANSLATIONS[locale];
}

/**
 * Each published English text to its translation in `locale` (empty for English): the notebook's,
 * and the data's and presets' (server/dataTranslation.ts; a notebook text wins over a data text).
 */
export function publishedTexts(notebook: Notebook, locale: string): Record<string, string> {
	const translation = translationFor(locale);
	const table: Record<string, string> = dataTexts(locale);
	if (!translation) return table;
	table[notebook.title] = translation.title;
	for (const cell of notebook.cells) {
		const texts = translation.cells[cell.id];
		if (!texts) continue;
		for (const field of TRANSLATED_FIELDS) {
			const english = (cell as Cell & Record<string, unknown>)[field];
			// Markdown goes to the page as HTML (server/markdown.ts), not through this table.
			if (field !== 'text' && typeof english === 'string' && english && texts[field]) table[english] = texts[field]!;
		}
		// A text's heading names the levers after it in the explore view.
		const heading = cell.kind === 'markdown' ? headingOf(cell.text) : null;
		const translatedHeading = texts.text ? headingOf(texts.text) : null;
		if (heading && translatedHeading) table[heading] = translatedHeading;
		if (cell.kind === 'chart') cell.annotations?.forEach((a, i) => texts.annotations?.[i] && (table[a.text] = texts.annotations[i]));
	}
	return table;
}

/** A markdown cell's text in `locale`: its translation, else its own. */
export function markdownIn(cell: MarkdownCell, locale: string): string {
	return translationFor(locale)?.cells[cell.id]?.text ?? cell.text;
}
