// PRIM's options, data and results (prim.ts computes them): apart, so the page and the worker's
// protocol can name a step or a result without the algorithm.

/** Fewer cases than this: the box is computed, but `reason` warns that it rests on very few. */
export const MIN_CASES = 10;

export interface PrimOptions {
	/** Share of the box's points one peel removes (0.05). */
	peelAlpha?: number;
	/** One paste adds this share of the box's runs (0.05). */
	pasteAlpha?: number;
	/** Least share of all runs the box keeps (0.05). */
	minMass?: number;
}

/** The runs: one column per input (run i's value at [i]), whether each run is a case, each input's full range. */
export interface PrimData {
	columns: Float64Array[];
	cases: Uint8Array;
	/** Each input's full range; widened to the data if a value lies outside it. */
	ranges: readonly (readonly [number, number])[];
	/** Input names (default x0, x1, ...). */
	names?: readonly string[];
}

/** 'no-cases' or 'all-cases': nothing to find, the trajectory is the first box alone. 'too-few-cases': computed, but under MIN_CASES cases. */
export type PrimReason = 'no-cases' | 'all-cases' | 'too-few-cases';

/** One restricted input of a box, with the quasi-p-value of each restricted side (null: that side is not restricted). */
export interface PrimRestriction {
	dim: number;
	name: string;
	lo: number;
	hi: number;
	lowerP: number | null;
	upperP: number | null;
}

/** One box of the trajectory. */
export interface PrimStep {
	phase: 'start' | 'peel' | 'paste';
	/** The box's limits, one per input. */
	lo: number[];
	hi: number[];
	/** Runs in the box, and cases among them. */
	count: number;
	cases: number;
	/** Cases in the box / all cases. */
	coverage: number;
	/** Cases in the box / runs in the box. */
	density: number;
	/** Runs in the box / all runs. */
	mass: number;
	restricted: PrimRestriction[];
}

export interface PrimResult {
	runs: number;
	cases: number;
	/** Cases / runs: the density of the box holding everything. */
	baseRate: number;
	reason: PrimReason | null;
	/** The first box, every peel, then every paste. */
	steps: PrimStep[];
	/** The box PRIM returns: the last step, the densest (peels raise the density, pastes keep it). */
	chosen: number;
	names: string[];
	ranges: [number, number][];
	peelAlpha: number;
	pasteAlpha: number;
	minMass: number;
}
