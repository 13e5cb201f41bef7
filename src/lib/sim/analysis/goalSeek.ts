// Goal seek: the value of one lever, within its slider range, that brings an output in a year to
// a target, with every other input where the scenario has it. The range is scanned for a change
// of sign of output − target (a bracket), then Brent's method (Brent 1973, "Algorithms for
// Minimization without Derivatives", ch. 4: bisection, secant and inverse quadratic steps)
// closes on the root. Without a bracket the target is out of reach: the reachable span and the
// closest value are reported instead (the best scan point, refined by golden-section search).

import type { CompiledModel } from '../model';
import { createProgram, inputValues, simulate } from '../run';
import type { Program } from '../run';
import { w } from '../../i18n/screenWords';

export type GoalSeekResult =
	| { status: 'found'; lever: string; value: number; output: number; runs: number }
	| { status: 'out-of-reach'; lever: string; closest: number; output: number; reachable: [number, number]; runs: number }
	| { status: 'no-effect'; lever: string; output: number; runs: number };

export interface GoalSeekRequest {
	inputs: Record<string, number>;
	lever: string;
	variable: string;
	year: number;
	target: number;
}

/** Points scanned across the lever's range for a bracket. */
const SCAN_POINTS = 41;

/**
 * A root of `f` in [a, b], where f(a) and f(b) differ in sign (or one is 0), to within `tol`.
 * Brent's zeroin, after the published algorithm.
 */
export function brent(f: (x: number) => number, a: number, b: number, tol = 1e-10, maxIterations = 100): number {
	let fa = f(a);
	let fb = f(b);
	if (fa === 0) return a;
	if (fb === 0) return b;
	if (fa * fb > 0) throw new RangeError('brent: f(a) and f(b) must differ in sign.');
	let c = a;
	let fc = fa;
	let d = b - a;
	let e = d;
	for (let i = 0; i < maxIterations; i++) {
		if (fb * fc > 0) {
			c = a;
			fc = fa;
			d = b - a;
			e = d;
		}
		if (Math.abs(fc) < Math.abs(fb)) {
			a = b;
			b = c;
			c = a;
			fa = fb;
			fb = fc;
			fc = fa;
		}
		const tol1 = 2 * Number.EPSILON * Math.abs(b) + 0.5 * tol;
		const m = 0.5 * (c - b);
		if (Math.abs(m) <= tol1 || fb === 0) return b;
		if (Math.abs(e) >= tol1 && Math.abs(fa) > Math.abs(fb)) {
			// Secant (two points) or inverse quadratic interpolation (three).
			const s = fb / fa;
			let p: number;
			let q: number;
			if (a === c) {
				p = 2 * m * s;
				q = 1 - s;
			} else {
				const qa = fa / fc;
				const r = fb / fc;
				p = s * (2 * m * qa * (qa - r) - (b - a) * (r - 1));
				q = (qa - 1) * (r - 1) * (s - 1);
			}
			if (p > 0) q = -q;
			else p = -p;
			if (2 * p < Math.min(3 * m * q - Math.abs(tol1 * q), Math.abs(e * q))) {
				e = d;
				d = p / q;
			} else {
				d = m;
				e = m;
			}
		} else {
			d = m;
			e = m;
		}
		a = b;
		fa = fb;
		b += Math.abs(d) > tol1 ? d : m > 0 ? tol1 : -tol1;
		fb = f(b);
	}
	return b;
}

const programs = new WeakMap<CompiledModel, Program>();

/** Solves for `request.lever` (see the top of this file). Throws for an unknown lever, variable or year. */
export function goalSeek(model: CompiledModel, request: GoalSeekRequest): GoalSeekResult {
	const leverIndex = model.inputs.findIndex((c) => c.name === request.lever);
	if (leverIndex < 0) throw new Error(w('screen_engine_analysis_no_input', { name: request.lever }));
	const slot = model.variables.indexOf(request.variable);
	if (slot < 0) throw new Error(w('screen_engine_analysis_no_variable', { variable: request.variable }));
	if (!(Number.isInteger(request.year) && request.year >= model.startYear)) throw new RangeError(w('screen_engine_analysis_year_from', { start: model.startYear }));
	if (!Number.isFinite(request.target)) throw new RangeError(w('screen_engine_analysis_target_number'));
	let program = programs.get(model);
	if (!program) programs.set(model, (program = createProgram(model, 1)));
	const base = inputValues(model, request.inputs);
	const last = request.year - model.startYear;
	const { min, max } = model.inputs[leverIndex];
	let runs = 0;
	const output = (x: number): number => {
		runs++;
		base.forEach((v, i) => program!.inputBuffers[i].fill(i === leverIndex ? x : v));
		let out = NaN;
		simulate(program!, request.year, (y) => {
			if (y === last) out = program!.ctx.cur[slot][0];
		});
		return out;
	};
	const gap = (x: number) => output(x) - request.target;

	const xs = Array.from({ length: SCAN_POINTS }, (_, i) => min + ((max - min) * i) / (SCAN_POINTS - 1));
	const ys = xs.map(output);
	const finite = ys.filter(Number.isFinite);
	const low = Math.min(...finite);
	const high = Math.max(...finite);
	if (!finite.length || high - low <= 1e-12 * Math.max(1, Math.abs(high))) {
		return { status: 'no-effect', lever: request.lever, output: ys[0], runs };
	}
	// The bracket nearest the lever's current value, so a target reached twice gives the nearer value.
	const current = base[leverIndex];
	let best: [number, number] | null = null;
	for (let i = 0; i + 1 < xs.length; i++) {
		const [a, b] = [ys[i] - request.target, ys[i + 1] - request.target];
		if (!(Number.isFinite(a) && Number.isFinite(b)) || a * b > 0) continue;
		const distance = Math.min(Math.abs(xs[i] - current), Math.abs(xs[i + 1] - current));
		if (!best || distance < Math.min(Math.abs(best[0] - current), Math.abs(best[1] - current))) best = [xs[i], xs[i + 1]];
	}
	if (best) {
		const value = brent(gap, best[0], best[1], 1e-9 * Math.max(1, max - min));
		return { status: 'found', lever: request.lever, value, output: output(value), runs };
	}
	// Out of reach: the closest scan point, refined between its neighbours (golden section on |gap|).
	let i = 0;
	for (let k = 1; k < ys.length; k++) if (Math.abs(ys[k] - request.target) < Math.abs(ys[i] - request.target)) i = k;
	let a = xs[Math.max(0, i - 1)];
	let b = xs[Math.min(xs.length - 1, i + 1)];
	const phi = (Math.sqrt(5) - 1) / 2;
	for (let k = 0; k < 40; k++) {
		const c = b - phi * (b - a);
		const d = a + phi * (b - a);
		if (Math.abs(gap(c)) < Math.abs(gap(d))) b = d;
		else a = c;
	}
	const closest = Math.abs(gap(a)) <= Math.abs(ys[i] - request.target) ? (a + b) / 2 : xs[i];
	return { status: 'out-of-reach', lever: request.lever, closest, output: output(closest), reachable: [low, high], runs };
}

/** Goal seek for each lever alone: which of them can reach the target, and at what value. */
export function leversReaching(model: CompiledModel, request: Omit<GoalSeekRequest, 'lever'>, levers: readonly string[]): GoalSeekResult[] {
	return levers.filter((name) => model.inputs.some((c) => c.name === name)).map((lever) => goalSeek(model, { ...request, lever }));
}
