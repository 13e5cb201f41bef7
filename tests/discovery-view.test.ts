// The discovery cell's words and choices, apart from the component: bounds as people type them,
// the step a link asks for, the levers a box restricts most, its centre, and what is said when
// there is no box; and the published outlooks the panel offers.
import { describe, expect, it } from 'vitest';
import { boundToText, boxCentre, upperAbove, chosenStep, discoveryVerdict, mostRestricted, questionText, textToBound } from '../src/lib/view/discovery';
import { outlookPoints } from '../src/lib/view/outlookPoints';
import { seededObservations } from '../src/lib/view/observations';
import { dataFor } from '../src/lib/notebooks/published';
import { chinaMarketNotebook, LAST_DATA_YEAR } from '../src/lib/notebooks/chinaMarket';
import { addCell, updateCell } from '../src/lib/notebooks/edits';
import type { PrimStep } from '../src/lib/sim/analysis/prim';
import type { DiscoveryCell } from '../src/lib/sim/types';

const step = (lo: number[], hi: number[], restricted: number[]): PrimStep => ({
	phase: 'peel',
	lo,
	hi,
	count: 100,
	cases: 80,
	coverage: 0.5,
	density: 0.8,
	mass: 0.1,
	restricted: restricted.map((dim) => ({ dim, name: `x${dim}`, lo: lo[dim], hi: hi[dim], lowerP: 0.01, upperP: null }))
});

describe('discovery cell words', () => {
	it('reads and writes bounds in percent for shares, as they are otherwise', () => {
		expect(boundToText(0.67, 'percent')).toBe('67');
		expect(textToBound('33', 'percent')).toBeCloseTo(0.33);
		expect(textToBound('33%', 'percent')).toBeCloseTo(0.33);
		expect(textToBound('1,5', 'number')).toBe(1.5);
		expect(textToBound('abc', 'percent')).toBeNaN();
		expect(textToBound('', 'number')).toBeNaN();
	});

	it('says the question in words', () => {
		const cell = chinaMarketNotebook.cells.find((c): c is DiscoveryCell => c.kind === 'discovery')!;
		expect(questionText(cell, 'Chinese brands at home', 'percent')).toBe('Chinese brands at home in 2030 at most 67.0%');
		expect(questionText({ ...cell, condition: 'between', value: 0.6, upper: 0.7 }, 'X', 'percent')).toBe('X in 2030 between 60.0% and 70.0%');
	});

	it('shows the chosen step, or PRIM’s when none is chosen, and names a step past the trajectory', () => {
		const t = [step([0, 0], [1, 1], []), step([0.1, 0], [1, 1], [0]), step([0.2, 0], [1, 0.8], [0, 1])];
		expect(chosenStep(t, undefined, 2)).toEqual({ index: 2, problem: null });
		expect(chosenStep(t, 1, 2)).toEqual({ index: 1, problem: null });
		const far = chosenStep(t, 9, 2);
		expect(far.index).toBe(2);
		expect(far.problem).toMatch(/step 9.*steps 0 to 2/);
	});

	it('orders restrictions by how much of the range they remove, and opens the centre of restricted levers only', () => {
		const s = step([0.2, 0, 0.5], [1, 0.3, 1], [0, 1, 2]);
		expect(mostRestricted(s, [[0, 1], [0, 1], [0, 1]])).toEqual([1, 2, 0]);
		expect(boxCentre(step([0.2, 0], [1, 1], [0]), ['a', 'b'])).toEqual({ a: 0.6 });
	});

	it('opens a box on values the sliders can take: a switch on the kept side, a slider on its step, inside the box', () => {
		const slider = { id: 'a', kind: 'input', name: 'a', label: 'A', unit: '', min: 2, max: 30, step: 1, default: 8, description: '', control: 'slider' } as const;
		const toggle = { ...slider, id: 'b', name: 'b', min: 0, max: 1, control: 'switch' } as const;
		const centre = boxCentre(step([7.19, 0.5], [30, 1], [0, 1]), ['a', 'b'], [slider, toggle]);
		expect(centre).toEqual({ a: 19, b: 1 });
		// A box narrower than a step keeps the value inside it.
		expect(boxCentre(step([7.2, 0], [7.6, 1], [0]), ['a', 'b'], [slider, toggle])).toEqual({ a: 7.2 });
	});

	it('starts an upper bound above the lower one when between is chosen', () => {
		expect(upperAbove(0.67, 'percent')).toBeCloseTo(0.72);
		expect(upperAbove(2, 'number')).toBeCloseTo(2.2);
		expect(upperAbove(0, 'number')).toBeGreaterThan(0);
	});

	it('says when there is nothing to find, or nothing better than the base rate', () => {
		expect(discoveryVerdict('no-cases', undefined, 0, 0)).toMatch(/^No run meets/);
		expect(discoveryVerdict('all-cases', undefined, 1, 100)).toMatch(/^Every run meets/);
		expect(discoveryVerdict(null, { ...step([0], [1], []), density: 0.3 }, 0.3, 30)).toMatch(/^No box does better than the base rate \(30\.0%/);
		expect(discoveryVerdict('too-few-cases', step([0.5], [1], [0]), 0.001, 5)).toMatch(/^Only 5 runs/);
		expect(discoveryVerdict(null, step([0.5], [1], [0]), 0.3, 30)).toBeNull();
	});

	it('a new discovery cell asks a question that can be asked; a bad bound is refused with a message', () => {
		const added = addCell(chinaMarketNotebook, 'discovery');
		expect(added.ok).toBe(true);
		if (!added.ok) return;
		const id = added.focusCellId!;
		expect(updateCell(added.notebook, id, { condition: 'between', value: 0.5, upper: 0.4 } as Partial<DiscoveryCell>)).toMatchObject({ ok: false, message: expect.stringMatching(/upper bound \(0\.4\) must be above/) });
		expect(updateCell(added.notebook, id, { value: Number.NaN } as Partial<DiscoveryCell>)).toMatchObject({ ok: false, message: 'The bound must be a number.' });
		expect(updateCell(added.notebook, id, { year: 2030.5 } as Partial<DiscoveryCell>)).toMatchObject({ ok: false });
	});
});

describe('outlooks offered for matching', () => {
	it('are the forecast points the charts draw after the data, each with its variable and source lines', () => {
		const points = outlookPoints(chinaMarketNotebook, seededObservations(dataFor(chinaMarketNotebook)), LAST_DATA_YEAR);
		expect(points.length).toBeGreaterThanOrEqual(8);
		expect(points.every((p) => p.year > LAST_DATA_YEAR)).toBe(true);
		const iea = points.find((p) => p.series === 'nev_share_outlook_iea')!;
		expect(iea).toMatchObject({ variable: 'nevShare', year: 2030, value: 0.8 });
		expect(iea.notes.join(' ')).toMatch(/IEA/);
		expect(points.find((p) => p.series === 'domestic_share_outlook_alixpartners')).toMatchObject({ variable: 'domesticShare', year: 2030, value: 0.7 });
		expect(new Set(points.map((p) => p.key)).size).toBe(points.length);
	});
});
