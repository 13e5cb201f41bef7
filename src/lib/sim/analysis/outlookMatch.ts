// "What does this outlook imply?": the lever settings, each within its slider range, that bring
// several outputs in several years closest to figures an outlook states (IEA's NEV share in 2030,
// say, and a consultancy's share of Chinese brands). Goal seek (goalSeek.ts) solves one lever for
// one target; this solves several levers for several targets at once, as bounded least squares.
// (About 360 lines, over the usual 300: the search and its least-squares steps have no other user.)
//
// Each miss is measured against its tolerance (0.1 percentage point for a share, 0.1% of the
// target otherwise): the search minimises the sum of squared misses in tolerances, which for
// targets of one kind (all shares, say) is the sum of squared misses in the variable's units, and
// which keeps a target in millions of cars from drowning one in shares. Levers move by their
// position within their range (0 at min, 1 at max), so levers of any scale move alike.
//
// Where levers outnumber what the targets pin down, many settings reach the targets; a small pull
// towards the scenario's own values (a Tikhonov term) picks the one that changes it least, so the
// answer is unique and reads as "the least change to your scenario that matches the outlook".
//
// The search: Nelder-Mead (nelderMead.ts) from a few deterministic starts (the scenario's values,
// the box's centre, two opposite corners of its inner quarter; the later ones only while the
// targets are not all reached), positions clamped into the range with a cost for straying (as in
// fitting.ts), finds the basin; a projected Levenberg polish (Gauss-Newton steps, damped by a
// multiple of the identity, Jacobian by forward differences, a lever at a slider end held there
// while the misses push it outwards) finishes. A Gauss-Newton step along the curved valley of
// settings with equal misses lands beside it; up to three steps on the misses alone, by the same
// Jacobian, bring it back (second-order corrections). Nelder-Mead alone crawls along that valley:
// with five levers for two targets it took 8,600 runs to settle the tie-break that the polish
// settles in about thirty (docs/outlook-matching.md).
// Levers with a whole-number step (years, counts) end on their step and the others are polished
// around them; a fractional step is only the slider's resolution (goal seek sets such levers to
// any value too), so those are left as found.

import type { CompiledModel } from '../model';
import { createProgram, inputValues, simulate } from '../run';
import type { Program } from '../run';
import type { InputCell, Notebook } from '../types';
import { nelderMead } from './nelderMead';
import { w } from '../../i18n/screenWords';

/** One figure an outlook states: `variable` should be `value` in `year`. */
export interface OutlookTarget {
	variable: string;
	year: number;
	value: number;
	/** Where the figure comes from ("IEA, 2030"), carried through to the result. */
	label?: string;
}

export interface OutlookMatchRequest {
	targets: OutlookTarget[];
	/** Input cells the search may move; every other input keeps its value in `inputs`. */
	levers: string[];
	/** The scenario's current input values (missing ones take their defaults). */
	inputs: Record<string, number>;
	/** The scenario's last year; targets must fall within the notebook's years up to it. */
	horizon: number;
	/** Model runs the search may use (default DEFAULT_MAX_EVALUATIONS). */
	maxEvaluations?: number;
	/**
	 * The notebook the model was compiled from. It tells scenario levers from calibrated
	 * parameters (its fit and back-test cells' parameters, as the explore view groups them) and
	 * shares from other figures (formulas formatted as percent, inputs in units of share). Without
	 * it, only the model's posterior parameters count as calibrated, and every target as a plain
	 * number (within 0.1% of itself). The worker should pass the notebook it loaded.
	 */
	notebook?: Pick<Notebook, 'cells'>;
}

/** How far one target was missed at the setting found. */
export interface OutlookMiss {
	variable: string;
	year: number;
	label?: string;
	target: number;
	/** The model's value at the setting found. */
	reached: number;
	/** reached − target, in the variable's units (a share as a fraction). */
	miss: number;
	/** The miss in percentage points, for a share. */
	missPoints?: number;
	/** The largest miss that counts as reached, in the variable's units. */
	tolerance: number;
	withinTolerance: boolean;
}

export interface OutlookMatchResult {
	/** Lever -> the value found (within its slider range). */
	values: Record<string, number>;
	/** The scenario's inputs with those values set: what "Apply" would make of it. */
	scenario: Record<string, number>;
	misses: OutlookMiss[];
	/** Root mean square of the misses, in the variables' units (meaningful when they share one). */
	rmse: number;
	/** Every miss within its tolerance. */
	reachedAll: boolean;
	/** Levers that ended at a slider end: a sign the outlook lies beyond what they can reach. */
	atBounds: string[];
	evaluations: number;
	elapsedMs: number;
}

/** A share counts as reached within 0.1 percentage point. */
export const SHARE_TOLERANCE = 0.001;
/** Any other figure within 0.1% of its target (1e-6 absolute for a target of 0). */
export const RELATIVE_TOLERANCE = 0.001;
export const DEFAULT_MAX_EVALUATIONS = 4000;

/**
 * The pull towards the scenario's values: its weight per squared range, in squared tolerances. It
 * shifts a miss by at most about a hundredth of a tolerance (for a lever whose whole range moves
 * its target by one tolerance; far less for any lever that matters).
 */
const NEARNESS = 1e-2;
/** A lever within this share of its range from an end counts as at that end. */
const AT_BOUND = 1e-6;
/** Nelder-Mead's iterations from one start, per lever: the polish, not the simplex, finishes. */
const ITERATIONS_PER_LEVER = 100;
/** The polish: most Gauss-Newton iterations, and the finite-difference step (share of the range). */
const POLISH_ITERATIONS = 60;
const DIFFERENCE_STEP = 1e-6;
/** A polish step that gains less than this (3e-4 of a tolerance on a miss) or a millionth of the loss ends the polish. */
const LOSS_FLOOR = 1e-7;
/** Longest span of years a match will simulate (a guard against a runaway horizon). */
const MAX_YEARS = 1000;
const BUDGET_SPENT = Symbol('budget spent');

const programs = new WeakMap<CompiledModel, Program>();

/** The lever settings nearest to the outlook's figures (see the top of this file). Throws an Error in words for a request it cannot run. */
export function matchOutlooks(model: CompiledModel, request: OutlookMatchRequest): OutlookMatchResult {
	const started = performance.now();
	const { levers, targets, discrete, maxEvaluations } = checkRequest(model, request);
	let program = programs.get(model);
	if (!program) programs.set(model, (program = createProgram(model, 1)));
	const prog = program;

	const base = inputValues(model, request.inputs);
	const lastYear = Math.max(...targets.map((t) => t.year));
	const atYear = new Map<number, number[]>();
	targets.forEach((t, k) => atYear.set(t.year - model.startYear, [...(atYear.get(t.year - model.startYear) ?? []), k]));
	const slots = targets.map((t) => model.variables.indexOf(t.variable));
	const spans = levers.map((c) => c.max - c.min);
	const z0 = levers.map((c, i) => (spans[i] > 0 ? (base[c.index] - c.min) / spans[i] : 0));
	// Once rounded, a whole-number lever's value is computed from its step count, exactly.
	let snapped = false;
	const valueAt = (z: number, i: number) => {
		const { min, max, step } = levers[i];
		if (snapped && discrete.includes(i)) return min + Math.round((z * spans[i]) / step) * step;
		return z <= 0 ? min : z >= 1 ? max : min + z * spans[i];
	};

	let evaluations = 0;
	const reachedAt = (z: number[]): number[] => {
		evaluations++;
		base.forEach((v, i) => (prog.inputBuffers[i][0] = v));
		levers.forEach((c, i) => (prog.inputBuffers[c.index][0] = valueAt(z[i], i)));
		const reached = new Array<number>(targets.length).fill(NaN);
		simulate(prog, lastYear, (y) => {
			for (const k of atYear.get(y) ?? []) reached[k] = prog.ctx.cur[slots[k]][0];
		});
		return reached;
	};
	// The residuals: each miss in tolerances, then each lever's pull towards the scenario's value.
	let limit = maxEvaluations - 1 - 2 * discrete.length; // the rounding's runs and the final run kept back
	const pull = Math.sqrt(NEARNESS);
	type Point = { z: number[]; residuals: number[]; loss: number; misses: number };
	let best: Point = { z: z0, residuals: [], loss: Infinity, misses: Infinity };
	const evaluate = (z: number[]): Point => {
		if (evaluations >= limit) throw BUDGET_SPENT;
		const reached = reachedAt(z);
		const residuals = [...targets.map((t, k) => (reached[k] - t.value) / t.tolerance), ...z.map((v, i) => pull * (v - z0[i]))];
		const misses = residuals.slice(0, targets.length).reduce((s, r) => s + r * r, 0);
		const loss = Number.isFinite(misses) ? residuals.reduce((s, r) => s + r * r, 0) : Infinity;
		const point = { z, residuals, loss, misses };
		if (loss < best.loss) best = point;
		return point;
	};
	const clamp = (v: number) => Math.min(1, Math.max(0, v));

	// Nelder-Mead over the levers `free` (indices) from `from`, the others held; a step outside the box costs its squared distance.
	const simplexSearch = (free: number[], from: number[], tolerance: number) => {
		const objective = (x: number[]) => {
			const z = from.slice();
			free.forEach((i, j) => (z[i] = clamp(x[j])));
			return evaluate(z).loss + free.reduce((s, i, j) => s + (x[j] - z[i]) ** 2, 0);
		};
		const start = free.map((i) => from[i]);
		nelderMead(objective, start, { steps: start.map((v) => (v <= 0.9 ? 0.1 : -0.1)), tolerance, maxIterations: ITERATIONS_PER_LEVER * free.length });
	};

	// The projected Levenberg polish over `free` from the best point (see the top of this file).
	const polish = (free: number[]) => {
		let at = best.loss < Infinity ? best : evaluate(best.z);
		// Levenberg's damping (a multiple of the identity; positions share one scale), not Marquardt's
		// (of the diagonal, whose entries dwarf the valley's curvature and would stall every step along it).
		let damping = 1e-6;
		for (let iteration = 0; iteration < POLISH_ITERATIONS && free.length; iteration++) {
			const columns = free.map((i) => {
				const h = at.z[i] + DIFFERENCE_STEP <= 1 ? DIFFERENCE_STEP : -DIFFERENCE_STEP;
				const moved = evaluate(at.z.map((v, j) => (j === i ? v + h : v)));
				return moved.residuals.map((r, k) => (r - at.residuals[k]) / h);
			});
			const gradient = columns.map((c) => c.reduce((s, v, k) => s + v * at.residuals[k], 0));
			const open = free.map((i, j) => j).filter((j) => !((at.z[free[j]] <= 0 && gradient[j] > 0) || (at.z[free[j]] >= 1 && gradient[j] < 0)));
			if (!open.length || columns.some((c) => !c.every(Number.isFinite))) return;
			const normal = open.map((a) => open.map((b) => columns[a].reduce((s, v, k) => s + v * columns[b][k], 0)));
			const missNormal = open.map((a) => open.map((b) => columns[a].reduce((s, v, k) => (k < targets.length ? s + v * columns[b][k] : s), 0) + (a === b ? 1e-6 : 0)));
			// A Gauss-Newton step from `from` by this Jacobian; `residuals` may be the misses alone (the rest count as 0).
			const moveBy = (from: Point, matrix: number[][], residuals: number[]) => {
				const step = solve(matrix, open.map((j) => -columns[j].reduce((s, v, k) => s + v * (residuals[k] ?? 0), 0)));
				const z = from.z.slice();
				open.forEach((j, a) => (z[free[j]] = clamp(z[free[j]] + step[a])));
				return evaluate(z);
			};
			let next: Point | null = null;
			while (!next && damping < 1e10) {
				let trial = moveBy(at, normal.map((row, a) => row.map((v, b) => (a === b ? v + damping : v))), at.residuals);
				// A step along a curved valley of equal misses lands beside it: steps on the misses alone,
				// by the same Jacobian, bring it back (second-order corrections), one run each.
				for (let r = 0; r < 3 && trial.loss >= at.loss; r++) {
					const back = moveBy(trial, missNormal, trial.residuals.slice(0, targets.length));
					if (!(back.misses < trial.misses)) break;
					trial = back;
				}
				if (trial.loss < at.loss) next = trial;
				damping = next ? Math.max(damping / 10, 1e-9) : damping * 10;
			}
			if (!next) return;
			const gained = at.loss - next.loss;
			at = next;
			if (gained <= Math.max(1e-6 * at.loss, LOSS_FLOOR)) return;
		}
	};
	const spent = (err: unknown) => {
		if (err !== BUDGET_SPENT) throw err;
	};
	// Reached: the misses' root mean square within a tenth of a tolerance.
	const allReached = () => best.misses <= 0.01 * targets.length;

	const moving = levers.map((_, i) => i).filter((i) => spans[i] > 0);
	try {
		evaluate(z0);
		for (const start of starts(z0)) {
			if (start !== z0 && allReached()) break;
			simplexSearch(moving, start, Math.max(1e-3, 1e-4 * best.loss));
		}
		polish(moving);
	} catch (err) {
		spent(err);
	}

	// Whole-number levers onto their step (the better neighbour, one lever at a time), then the others polished around them.
	if (discrete.length) {
		snapped = true;
		limit = Math.max(limit, evaluations) + 2 * discrete.length;
		const onStep = (z: number, i: number, up: boolean) => {
			const { step } = levers[i];
			const steps = (z * spans[i]) / step;
			const k = Math.min(Math.max(0, up ? Math.ceil(steps - 1e-9) : Math.floor(steps + 1e-9)), Math.floor(spans[i] / step + 1e-9));
			return (k * step) / spans[i];
		};
		for (const i of discrete) {
			const from = best.z;
			const [down, up] = [false, true].map((upward) => evaluate(from.map((v, j) => (j === i ? onStep(v, i, upward) : v))));
			best = up.loss < down.loss ? up : down;
		}
		try {
			polish(moving.filter((i) => !discrete.includes(i)));
		} catch (err) {
			spent(err);
		}
	}

	const reached = reachedAt(best.z);
	const values = Object.fromEntries(levers.map((c, i) => [c.name, valueAt(best.z[i], i)]));
	const misses = targets.map((t, k): OutlookMiss => {
		const miss = reached[k] - t.value;
		const { variable, year, label, tolerance, share } = t;
		return { variable, year, ...(label !== undefined && { label }), target: t.value, reached: reached[k], miss, ...(share && { missPoints: miss * 100 }), tolerance, withinTolerance: Math.abs(miss) <= tolerance };
	});
	return {
		values,
		scenario: { ...request.inputs, ...values },
		misses,
		rmse: Math.sqrt(misses.reduce((s, m) => s + m.miss ** 2, 0) / misses.length),
		reachedAll: misses.every((m) => m.withinTolerance),
		atBounds: levers.filter((_, i) => spans[i] > 0 && (best.z[i] <= AT_BOUND || best.z[i] >= 1 - AT_BOUND)).map((c) => c.name),
		evaluations,
		elapsedMs: performance.now() - started
	};
}

/** The scenario's point, the centre, then two opposite corners of the box's inner quarter (none twice). */
function starts(z0: number[]): number[][] {
	const out = [z0, z0.map(() => 0.5), z0.map((_, i) => (i % 2 ? 0.75 : 0.25)), z0.map((_, i) => (i % 2 ? 0.25 : 0.75))];
	return out.filter((z, k) => out.findIndex((w) => w.every((v, i) => Math.abs(v - z[i]) < 1e-9)) === k);
}

/** Solves the small system A x = b (A symmetric, positive definite once damped) by Gaussian elimination with pivoting. */
function solve(A: number[][], b: number[]): number[] {
	const n = b.length;
	const m = A.map((row, i) => [...row, b[i]]);
	for (let c = 0; c < n; c++) {
		let p = c;
		for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
		[m[c], m[p]] = [m[p], m[c]];
		for (let r = c + 1; r < n; r++) {
			const f = m[r][c] / m[c][c];
			for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
		}
	}
	const x = new Array<number>(n).fill(0);
	for (let r = n - 1; r >= 0; r--) x[r] = (m[r][n] - m[r].slice(r + 1, n).reduce((s, v, k) => s + v * x[r + 1 + k], 0)) / m[r][r];
	return x;
}

interface Lever extends InputCell {
	/** The input's slot in the model. */
	index: number;
}
interface Target extends OutlookTarget {
	tolerance: number;
	share: boolean;
}

/** The request checked: levers and targets resolved, or an Error a person can act on. */
function checkRequest(model: CompiledModel, request: OutlookMatchRequest) {
	const { notebook } = request;
	const { startYear } = model;
	const lastYear = startYear + MAX_YEARS - 1;
	if (!(Number.isInteger(request.horizon) && request.horizon >= startYear && request.horizon <= lastYear)) throw new Error(w('screen_engine_analysis_outlooks_horizon', { start: startYear, last: lastYear }));
	if (!request.targets?.length) throw new Error(w('screen_engine_analysis_outlooks_no_targets'));
	if (!request.levers?.length) throw new Error(w('screen_engine_analysis_outlooks_no_levers'));
	const maxEvaluations = request.maxEvaluations ?? DEFAULT_MAX_EVALUATIONS;
	if (!(Number.isInteger(maxEvaluations) && maxEvaluations >= 20)) throw new Error(w('screen_engine_analysis_outlooks_max_runs'));

	const fitted = (notebook?.cells ?? []).flatMap((c) => (c.kind === 'fit' || c.kind === 'backtest' ? (c.parameters ?? []) : []));
	const calibrated = new Set([...fitted, ...(model.posterior?.parameters ?? [])]);
	const formulas = new Set(model.nameOfCell.values());
	const levers: Lever[] = [];
	for (const name of new Set(request.levers)) {
		const index = model.inputs.findIndex((c) => c.name === name);
		if (index < 0) {
			if (formulas.has(name)) throw new Error(w('screen_engine_analysis_outlooks_formula', { name }));
			throw new Error(w('screen_engine_analysis_outlooks_no_lever', { name }));
		}
		const cell = model.inputs[index];
		if (calibrated.has(name)) throw new Error(w('screen_engine_analysis_outlooks_calibrated', { label: cell.label, name }));
		if (cell.control === 'switch') throw new Error(w('screen_engine_analysis_outlooks_switch', { label: cell.label, name }));
		levers.push({ ...cell, index });
	}
	// Whole-number steps only (see the top of this file).
	const discrete = levers.flatMap((c, i) => (c.max > c.min && Number.isInteger(c.step) && c.step >= 1 ? [i] : []));

	const shares = new Set<string>();
	for (const cell of notebook?.cells ?? []) {
		const name = cell.kind === 'formula' && cell.format === 'percent' ? model.nameOfCell.get(cell.id) : undefined;
		if (name) shares.add(name);
		if (cell.kind === 'input' && cell.unit === 'share') shares.add(cell.name);
	}
	const targets: Target[] = request.targets.map((t) => {
		if (!model.variables.includes(t.variable)) throw new Error(w('screen_engine_analysis_outlooks_no_output', { variable: t.variable }));
		if (!(Number.isInteger(t.year) && t.year >= startYear && t.year <= request.horizon)) {
			throw new Error(w('screen_engine_analysis_outlooks_target_year', { variable: t.variable, start: startYear, horizon: request.horizon, year: String(t.year) }));
		}
		if (typeof t.value !== 'number' || !Number.isFinite(t.value)) throw new Error(w('screen_engine_analysis_outlooks_target_value', { variable: t.variable, year: t.year }));
		const share = shares.has(t.variable);
		const tolerance = share ? SHARE_TOLERANCE : Math.abs(t.value) > 0 ? RELATIVE_TOLERANCE * Math.abs(t.value) : 1e-6;
		return { ...t, tolerance, share };
	});
	return { levers, targets, discrete, maxEvaluations };
}
