// A chart's notes as a view shows them: which are drawn (within the years shown) and which are
// not, and the sentences the chart's text alternative adds for them. Loaded by ChartView only
// for a chart that has notes (the published notebook's charts have none), so a first visit
// does not download it.

import type { ChartAnnotation } from '../sim/types';
import { formatValue } from '../view/format';
import type { ChartModel } from './chartModel';

export interface PlacedNotes {
	/** Within the years shown: drawn. */
	shown: ChartAnnotation[];
	/** Outside them (a link's, or the horizon moved): kept in the cell, said in the text alternative, not drawn. */
	skipped: ChartAnnotation[];
}

export function placeAnnotations(notes: readonly ChartAnnotation[], years: { fromYear: number; toYear: number }): PlacedNotes {
	const within = (a: ChartAnnotation) => (a.kind === 'label' ? a.year >= years.fromYear && a.year <= years.toYear : a.to >= years.fromYear && a.from <= years.toYear);
	// Copies: a cell's notes may be state proxies, which cannot be posted to the chart worker.
	return { shown: notes.filter(within).map((a) => ({ ...a })), skipped: notes.filter((a) => !within(a)).map((a) => ({ ...a })) };
}

/** "2027, 45.0%: target" or "2024–2026 (shaded): price war". */
export function annotationPhrase(a: ChartAnnotation, formatter: (v: number) => string): string {
	return a.kind === 'label' ? `${a.year}, ${formatter(a.value)}: ${a.text}` : `${a.from === a.to ? a.from : `${a.from}–${a.to}`} (shaded): ${a.text}`;
}

/** The chart's notes as sentences for its text alternative ("" when it has none), each starting with a space. */
export function describeAnnotations(placed: PlacedNotes, years: { fromYear: number; toYear: number }, formatter: (v: number) => string): string {
	const list = (notes: ChartAnnotation[]) => notes.map((a) => annotationPhrase(a, formatter)).join('; ');
	let text = '';
	if (placed.shown.length) text += ` Notes on the chart: ${list(placed.shown)}.`;
	if (placed.skipped.length) text += ` Not drawn, outside the years shown (${years.fromYear}–${years.toYear}): ${list(placed.skipped)}.`;
	return text;
}

/** What ChartView needs: the notes to draw, and the sentences its text alternative adds. */
export function notesOf(notes: readonly ChartAnnotation[], model: ChartModel): { shown: ChartAnnotation[]; text: string } {
	const placed = placeAnnotations(notes, model);
	return { shown: placed.shown, text: describeAnnotations(placed, model, (v) => formatValue(v, model.format)) };
}
