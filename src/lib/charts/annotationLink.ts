// A link's chart notes, read one by one before the notebook is checked: a note that cannot be
// read (a non-number, an unknown kind, a text too long, past the count) is left out and named in
// the link's notice, and the chart and the rest of the notebook open as they are. A note that
// reads but lies outside the chart's years is kept: the chart says, in its text alternative,
// that it did not draw it (charts/chartModel.ts), since the horizon can bring it back into view.

import { AnnotationSchema } from '../scenario/notebookSchema';
import { LIMITS } from '../scenario/limits';
import { firstProblems } from '../scenario/linkText';
import { w } from '../i18n/screenWords';

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export function keepReadableAnnotations(cells: unknown[], notices: string[]): void {
	cells.forEach((cell, i) => {
		if (!isRecord(cell) || cell.kind !== 'chart' || !Object.hasOwn(cell, 'annotations')) return;
		const list = cell.annotations;
		const problems: string[] = [];
		let notes: unknown[] = [];
		if (!Array.isArray(list)) problems.push(w('screen_link_notes_not_list'));
		else {
			notes = list.filter((note, n) => {
				if (n >= LIMITS.annotations) return false;
				const checked = AnnotationSchema.safeParse(note);
				if (!checked.success) problems.push(w('screen_link_note', { n: n + 1, problem: checked.error.issues[0]?.message ?? 'unreadable' }));
				return checked.success;
			});
			if (list.length > LIMITS.annotations) problems.push(w('screen_link_notes_past_limit', { count: list.length - LIMITS.annotations, limit: LIMITS.annotations }));
		}
		if (!problems.length) return;
		cells[i] = { ...cell, annotations: notes };
		const title = typeof cell.title === 'string' && cell.title ? cell.title.slice(0, 80) : String(cell.id);
		notices.push(w('screen_link_chart_notes', { title, problems: firstProblems(problems) }));
	});
}
