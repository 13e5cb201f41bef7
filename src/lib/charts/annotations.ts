// A chart's notes as people type them: checks with a message for each refusal, and the one
// conversion between what people see and what the cell stores.
//
// Units: a label's value is typed in the chart's display unit (a percent chart: 45 means 45%)
// and stored in model units (0.45), like every other number in the notebook, so the chart, the
// SVG and a link all read it without knowing how it was typed. Millions and plain numbers are
// shown as stored, so only percent converts. Loaded with the cell's editor, not on first visit.
// Refusals are in the page's language (`screen_annotation_*` messages).

import type { ChartAnnotation, ValueFormat } from '../sim/types';
import { LIMITS } from '../scenario/limits';
import { w, type ScreenWordKey } from '../i18n/screenWords';
import { millionsToShown, shownToMillions } from '../view/format';

/** How many notes a chart holds and how long each is (scenario/limits.ts). */
export const ANNOTATION_LIMITS = { count: LIMITS.annotations, text: LIMITS.annotationText } as const;

/** The years a chart shows and the unit it shows values in: what a note is checked against. */
export interface ChartFrame {
	fromYear: number;
	toYear: number;
	format: ValueFormat;
}

/** A value as the person typed it (display unit: percent for shares, the page's volume unit) -> model units. */
export function toModelValue(shown: number, format: ValueFormat): number {
	return format === 'percent' ? shown / 100 : format === 'millions' ? shownToMillions(shown) : shown;
}

/** A stored value -> the display unit, rounded so 0.07 shows as 7, not 7.000000000000001. */
export function toShownValue(value: number, format: ValueFormat): number {
	return format === 'percent' ? Number((value * 100).toPrecision(12)) : format === 'millions' ? millionsToShown(value) : value;
}

/** The unit to name beside a label's value box, in the page's words ("million", 万辆). */
export function unitName(format: ValueFormat): string {
	return format === 'percent' ? '%' : format === 'millions' ? w('screen_format_millions_unit') : '';
}

/** A note's fields as typed (text boxes give strings). */
export type AnnotationDraft = { kind: 'label'; year: string; value: string; text: string } | { kind: 'span'; from: string; to: string; text: string };

export type AnnotationField = 'year' | 'value' | 'from' | 'to' | 'text';

export type CheckedAnnotation = { ok: true; annotation: ChartAnnotation } | { ok: false; field: AnnotationField; message: string };

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

// One sentence per field and refusal, not "Type {what}.": each language words the field in its own place.
type NumberField = 'year' | 'value' | 'from' | 'to';
const EMPTY: Record<NumberField, ScreenWordKey> = { year: 'screen_annotation_type_year', value: 'screen_annotation_type_value', from: 'screen_annotation_type_from', to: 'screen_annotation_type_to' };
const NOT_NUMBER: Record<NumberField, ScreenWordKey> = {
	year: 'screen_annotation_year_not_number',
	value: 'screen_annotation_value_not_number',
	from: 'screen_annotation_from_not_number',
	to: 'screen_annotation_to_not_number'
};
const NOT_WHOLE: Record<'year' | 'from' | 'to', ScreenWordKey> = { year: 'screen_annotation_year_not_whole', from: 'screen_annotation_from_not_whole', to: 'screen_annotation_to_not_whole' };

/** A decimal number, or why not. A trailing % is allowed (people type "45%" on a percent chart). */
function parseNumber(raw: string, field: NumberField): { value: number } | { message: string } {
	const text = raw.trim().replace(/\s*%$/, '');
	if (text === '') return { message: w(EMPTY[field]) };
	const value = Number(text);
	if (!DECIMAL.test(text) || !Number.isFinite(value)) return { message: w(NOT_NUMBER[field], { raw: raw.trim().slice(0, 24) }) };
	return { value: value + 0 };
}

function parseYear(raw: string, field: keyof typeof NOT_WHOLE, frame: ChartFrame): { value: number } | { message: string } {
	const read = parseNumber(raw, field);
	if ('message' in read) return read;
	if (!Number.isInteger(read.value)) return { message: w(NOT_WHOLE[field], { value: read.value }) };
	if (read.value < frame.fromYear || read.value > frame.toYear) return { message: w('screen_annotation_outside_years', { value: read.value, from: frame.fromYear, to: frame.toYear }) };
	return read;
}

function checkText(raw: string): string | null {
	const text = raw.trim();
	if (!text) return w('screen_annotation_type_text');
	if (text.length > ANNOTATION_LIMITS.text) return w('screen_annotation_text_too_long', { max: ANNOTATION_LIMITS.text, length: text.length });
	return null;
}

/**
 * Checks a typed note against the chart it goes on: its years within the chart's, its value a
 * number, its text present and short. Returns the note to store (value in model units) or the
 * first problem, naming the field it is in.
 */
export function checkAnnotation(draft: AnnotationDraft, frame: ChartFrame): CheckedAnnotation {
	const text = draft.text.trim();
	if (draft.kind === 'label') {
		const year = parseYear(draft.year, 'year', frame);
		if ('message' in year) return { ok: false, field: 'year', message: year.message };
		const value = parseNumber(draft.value, 'value');
		if ('message' in value) return { ok: false, field: 'value', message: value.message };
		const problem = checkText(text);
		if (problem) return { ok: false, field: 'text', message: problem };
		return { ok: true, annotation: { kind: 'label', year: year.value, value: toModelValue(value.value, frame.format), text } };
	}
	const from = parseYear(draft.from, 'from', frame);
	if ('message' in from) return { ok: false, field: 'from', message: from.message };
	const to = parseYear(draft.to, 'to', frame);
	if ('message' in to) return { ok: false, field: 'to', message: to.message };
	if (to.value < from.value) return { ok: false, field: 'to', message: w('screen_annotation_span_reversed', { to: to.value, from: from.value }) };
	const problem = checkText(text);
	if (problem) return { ok: false, field: 'text', message: problem };
	return { ok: true, annotation: { kind: 'span', from: from.value, to: to.value, text } };
}

/** A stored note as the editor's text boxes show it (value in the display unit). */
export function draftOf(a: ChartAnnotation, format: ValueFormat): AnnotationDraft {
	return a.kind === 'label'
		? { kind: 'label', year: String(a.year), value: String(toShownValue(a.value, format)), text: a.text }
		: { kind: 'span', from: String(a.from), to: String(a.to), text: a.text };
}
