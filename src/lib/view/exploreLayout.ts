// What the explore view shows, derived from the notebook's own cells (so an edited notebook with
// new inputs and charts gets its own explore view): the inputs grouped under the headings that
// precede them in the notebook, calibrated groups apart, and the charts to choose from.

import type { ChartCell, HeadlineCell, InputCell, Notebook } from '../sim/types';
import { shown } from '../i18n/publishedTexts';

export interface InputGroup {
	/** The heading the inputs follow in the notebook ("Localisation", ...), in the page's language. */
	title: string;
	inputs: InputCell[];
	/** Every input of the group is fitted by the notebook's fit cells: shown folded. */
	calibrated: boolean;
}

/** The first heading line of a markdown text, without its #s; null if it has none. */
export function headingOf(text: string): string | null {
	const line = text.split('\n').find((l) => /^#{1,6}\s+\S/.test(l));
	return line ? line.replace(/^#{1,6}\s+/, '').trim() : null;
}

/** The notebook's inputs, grouped by the heading before them, in notebook order. */
export function inputGroups(notebook: Notebook): InputGroup[] {
	const fitted = new Set(notebook.cells.flatMap((c) => (c.kind === 'fit' || c.kind === 'backtest' ? (c.parameters ?? []) : [])));
	const groups: InputGroup[] = [];
	let heading = 'Inputs';
	let current: InputGroup | null = null;
	for (const cell of notebook.cells) {
		if (cell.kind === 'markdown') {
			const next = headingOf(cell.text);
			if (next) {
				heading = next;
				current = null;
			}
		} else if (cell.kind === 'input') {
			if (!current) {
				current = { title: shown(heading), inputs: [], calibrated: false };
				groups.push(current);
			}
			current.inputs.push(cell);
		}
	}
	for (const g of groups) g.calibrated = g.inputs.every((i) => fitted.has(i.name));
	return groups;
}

/** The line charts first (the shares chart of the published notebook is the first), then the rest. */
export function chartChoices(notebook: Notebook): ChartCell[] {
	const charts = notebook.cells.filter((c): c is ChartCell => c.kind === 'chart');
	return [...charts.filter((c) => c.style === 'line'), ...charts.filter((c) => c.style !== 'line')];
}

/** The notebook's first key-figures cell, if any. */
export function headlineCell(notebook: Notebook): HeadlineCell | undefined {
	return notebook.cells.find((c): c is HeadlineCell => c.kind === 'headline');
}
