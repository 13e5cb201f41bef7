// What the discovery cell shows, worked out apart from the component so it can be tested: the
// question in words, bounds in the units people read (a share as a percentage), the step chosen,
// the levers a box restricts most, the box's centre, and what to say when there is no box.

import type { DiscoveryCell, DiscoveryConditionKind, InputCell, ValueFormat } from '../sim/types';
import type { PrimStep } from '../sim/analysis/prim';
import { formatValue, millionsToShown, shownToMillions } from './format';
import { w, type ScreenWordKey } from '../i18n/screenWords';

export const DEFAULT_DISCOVERY_RUNS = 10_000;

const CONDITION_KEYS: Record<DiscoveryConditionKind, ScreenWordKey> = {
	atLeast: 'screen_discovery_condition_at_least',
	atMost: 'screen_discovery_condition_at_most',
	between: 'screen_discovery_condition_between'
};

/** The conditions a question may set, in the order the cell offers them. */
export const CONDITION_KINDS = Object.keys(CONDITION_KEYS) as DiscoveryConditionKind[];

/** A condition in the page's words: "at most" / "不高于". */
export const conditionWords = (kind: DiscoveryConditionKind): string => w(CONDITION_KEYS[kind]);

/** A bound as typed: percent for shares (33 for 0.33), volumes in the page's unit (view/format.ts), the value itself otherwise. */
export function boundToText(value: number | undefined, format: ValueFormat): string {
	if (value === undefined || !Number.isFinite(value)) return '';
	if (format === 'millions') return String(millionsToShown(value));
	return format === 'percent' ? String(Math.round(value * 100 * 1e6) / 1e6) : String(value);
}

/** A typed bound back in the variable's units; NaN when it is not a number. */
export function textToBound(text: string, format: ValueFormat): number {
	const trimmed = text.trim().replace(/%$/, '').replace(',', '.');
	if (trimmed === '') return Number.NaN;
	const n = Number(trimmed);
	if (format === 'millions') return shownToMillions(n);
	return format === 'percent' ? n / 100 : n;
}

/** The question in the page's words: "Chinese brands' share at home in 2030 at most 67.0%". */
export function questionText(cell: DiscoveryCell, label: string, format: ValueFormat): string {
	const bound = (v: number | undefined) => formatValue(v, format);
	const words = { variable: label, year: cell.year };
	if (cell.condition === 'between') return w('screen_discovery_question_between', { ...words, lower: bound(cell.value), upper: bound(cell.upper) });
	return w(cell.condition === 'atMost' ? 'screen_discovery_question_at_most' : 'screen_discovery_question_at_least', { ...words, bound: bound(cell.value) });
}

/** What the question asks, whatever the page's language: a report for another question is stale. */
export const questionKey = (cell: DiscoveryCell): string => JSON.stringify([cell.variable, cell.year, cell.condition, cell.value, cell.upper]);

/**
 * The step shown: the cell's chosen one when the trajectory has it, else PRIM's own (`fallback`). A
 * chosen step past the trajectory is reported (the link asked for a box that is not there).
 */
export function chosenStep(trajectory: readonly PrimStep[], wanted: number | undefined, fallback = trajectory.length - 1): { index: number; problem: string | null } {
	const last = Math.max(0, trajectory.length - 1);
	if (wanted === undefined) return { index: Math.max(0, Math.min(fallback, last)), problem: null };
	if (wanted <= last) return { index: wanted, problem: null };
	return { index: Math.max(0, Math.min(fallback, last)), problem: w('screen_analysis_discovery_step_missing', { wanted, last }) };
}

/** How much of its full range a restriction removes (0: none, 1: all). */
export function narrowing(step: PrimStep, dim: number, full: readonly [number, number]): number {
	const width = full[1] - full[0];
	return width > 0 ? 1 - (step.hi[dim] - step.lo[dim]) / width : 0;
}

/** The restricted levers, most restricted first (the scatter shows the first two). */
export function mostRestricted(step: PrimStep, ranges: readonly (readonly [number, number])[]): number[] {
	return step.restricted.map((r) => r.dim).sort((a, b) => narrowing(step, b, ranges[b]) - narrowing(step, a, ranges[a]));
}

/**
 * The box's centre on each restricted lever, on a value its slider can take (a switch on the side
 * the box keeps, a slider on its step); the others keep the scenario's values.
 */
export function boxCentre(step: PrimStep, names: readonly string[], inputs: readonly InputCell[] = []): Record<string, number> {
	return Object.fromEntries(
		step.restricted.map((r) => {
			const centre = (step.lo[r.dim] + step.hi[r.dim]) / 2;
			const input = inputs.find((c) => c.name === names[r.dim]);
			if (!input) return [names[r.dim], centre];
			if (input.control === 'switch') return [input.name, centre < (input.min + input.max) / 2 ? input.min : input.max];
			const onStep = input.min + Math.round((centre - input.min) / input.step) * input.step;
			// Kept inside the box: a step may land just outside a narrow one.
			const inside = Math.min(step.hi[r.dim], Math.max(step.lo[r.dim], onStep));
			return [input.name, Number(inside.toFixed(10))];
		})
	);
}

/** The unit written after a bound's box: " %" for shares, the page's volume unit for millions. */
export function boundUnit(format: ValueFormat): string {
	return format === 'percent' ? ' %' : format === 'millions' ? ` ${w('screen_format_millions_unit')}` : '';
}

/** A first upper bound when 'between' is chosen: a little above the lower one (5 points for a share). */
export function upperAbove(value: number, format: ValueFormat): number {
	if (format === 'percent') return value + 0.05;
	return value + Math.max(Math.abs(value) * 0.1, 1e-6);
}

/** Said plainly when there is no box to show, or when the box does no better than the runs overall. */
export function discoveryVerdict(reason: string | null, step: PrimStep | undefined, baseRate: number, caseCount: number): string | null {
	if (reason === 'no-cases') return w('screen_analysis_verdict_no_cases');
	if (reason === 'all-cases') return w('screen_analysis_verdict_all_cases');
	if (!step || step.restricted.length === 0 || step.density <= baseRate * 1.02) {
		return w('screen_analysis_verdict_no_better', { share: (baseRate * 100).toFixed(1) });
	}
	if (reason === 'too-few-cases') return w('screen_analysis_verdict_few_cases', { count: caseCount });
	return null;
}
