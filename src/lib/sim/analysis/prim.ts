// PRIM, the patient rule induction method (Friedman and Fisher 1999), as scenario discovery uses
// it (Bryant and Lempert 2010) and as the EMA Workbench implements it (Kwakkel 2017,
// ema_workbench/analysis/prim.py): a box over the inputs that holds many of the runs of interest
// (cases, y = 1) and few of the others. Longer than the usual file: peeling, pasting and the
// quasi-p-values share one piece of bookkeeping, which is the point of the file.
//
// Peeling: from the box holding every run, each step considers, for every input, cutting the
// box's lowest or highest `peelAlpha` quantile of its points (the EMA Workbench's quantile, a
// midpoint between two data values), and takes the cut that leaves the highest density (share of
// cases in the box); ties go to the cut removing fewer points, then to an input already
// restricted. A cut that leaves less than `minMass` of all runs is not considered; peeling stops
// when no cut raises the density. (The EMA Workbench's default objective, 'lenient1', divides the
// gain by the points removed; with quantile cuts on continuous inputs every cut removes about the
// same number, so the 'original' objective used here, density itself, ranks them alike and is
// easier to explain. Not so for an input with two values (a switch lever): its one cut removes
// about half the box, which density alone may take greedily where lenient1 would not.)
// Pasting then widens one restricted side at a time to take in the `pasteAlpha` × (runs in the
// box) runs nearest it among those just outside it (inside the box on every other side), as
// Friedman and Fisher paste, taking the widening with the best density, while the density does
// not fall. (The EMA Workbench adds a `pasteAlpha` share of the runs just outside instead, which
// steps much further when those are many.)
//
// Quasi-p-value of a restricted side (Bryant and Lempert 2010, EMA's _calculate_quasip): with
// that one side put back to the input's full range, p = cases / runs in the wider box; the
// quasi-p-value is P(X >= cases in the box), X ~ Binomial(runs in the box, p): how likely a box
// this rich in cases would be by chance if the restriction did nothing.
//
// Speed (sortedIndex.ts): each input's points are sorted once (radix sort); the box keeps, per input, its points
// in that order, so a peel reads only about alpha of them from one end. Every run carries the
// number of box sides it lies outside, and the sum of their ids: a run outside exactly one side
// is what the quasi-p-value of that side and the pasting along it need.

import { binomialUpperTail } from './binomialTail';
import { rankOf, sortedOrder } from './sortedIndex';
import { MIN_CASES, type PrimData, type PrimOptions, type PrimReason, type PrimResult, type PrimStep, type PrimRestriction } from './primTypes';

export { binomialUpperTail } from './binomialTail';
export { MIN_CASES } from './primTypes';
export type { PrimData, PrimOptions, PrimReason, PrimResult, PrimRestriction, PrimStep } from './primTypes';

function checkData(data: PrimData, options: PrimOptions) {
	const { columns, cases, ranges } = data;
	const n = cases.length;
	for (let i = 0; i < n; i++) if (cases[i] > 1) throw new Error(`Run ${i} is marked ${cases[i]}; a run is a case (1) or not (0).`);
	if (ranges.length !== columns.length) throw new Error(`PRIM needs one range per input: ${columns.length} inputs, ${ranges.length} ranges.`);
	columns.forEach((c, j) => {
		if (c.length !== n) throw new Error(`Input ${j} has ${c.length} values for ${n} runs.`);
		for (let i = 0; i < n; i++) if (!Number.isFinite(c[i])) throw new Error(`Input ${j} is ${c[i]} in run ${i}; PRIM needs finite values.`);
	});
	const peelAlpha = options.peelAlpha ?? 0.05;
	const pasteAlpha = options.pasteAlpha ?? 0.05;
	const minMass = options.minMass ?? 0.05;
	if (!(peelAlpha > 0 && peelAlpha < 0.5)) throw new Error(`The peeling share must lie between 0 and 0.5, not ${peelAlpha}.`);
	if (!(pasteAlpha > 0 && pasteAlpha < 0.5)) throw new Error(`The pasting share must lie between 0 and 0.5, not ${pasteAlpha}.`);
	if (!(minMass > 0 && minMass <= 1)) throw new Error(`The least box mass must lie in (0, 1], not ${minMass}.`);
	return { peelAlpha, pasteAlpha, minMass };
}

/** The box during a run: its limits, counts, and each run's sides (see the top of this file). */
class BoxState {
	count: number;
	cases: number;
	/** Sides of the box each run lies outside. */
	readonly outside: Uint8Array;
	/** Sum of those sides' ids: side 2j is input j's lower limit, 2j + 1 its upper. */
	readonly sideSum: Int32Array;
	/** Runs (and cases) outside one side alone, per side. */
	readonly single: Int32Array;
	readonly singleCases: Int32Array;
	readonly lo: number[];
	readonly hi: number[];

	constructor(
		readonly x: Float64Array[],
		readonly y: Uint8Array,
		/** Each input's runs in order of its values, all of them. */
		readonly order: Uint32Array[],
		readonly initLo: number[],
		readonly initHi: number[],
		cases: number
	) {
		const n = y.length;
		this.count = n;
		this.cases = cases;
		this.outside = new Uint8Array(n);
		this.sideSum = new Int32Array(n);
		this.single = new Int32Array(2 * x.length);
		this.singleCases = new Int32Array(2 * x.length);
		this.lo = initLo.slice();
		this.hi = initHi.slice();
	}

	isRestricted(s: number): boolean {
		const j = s >> 1;
		return s & 1 ? this.hi[j] !== this.initHi[j] : this.lo[j] !== this.initLo[j];
	}

	/** Moves side s to `value`; the runs between the old and the new limit cross it. */
	move(s: number, value: number): void {
		const j = s >> 1;
		const upper = (s & 1) === 1;
		const list = this.order[j];
		const xj = this.x[j];
		const old = upper ? this.hi[j] : this.lo[j];
		const tighten = upper ? value < old : value > old;
		// The runs between: for a lower side [min, max) of the two limits, for an upper (min, max].
		const from = rankOf(list, list.length, xj, Math.min(old, value), upper);
		const to = rankOf(list, list.length, xj, Math.max(old, value), upper);
		const delta = tighten ? 1 : -1;
		const { outside, sideSum, single, singleCases, y } = this;
		for (let k = from; k < to; k++) {
			const i = list[k];
			const before = outside[i];
			if (before === 1) {
				single[sideSum[i]]--;
				singleCases[sideSum[i]] -= y[i];
			}
			const after = (outside[i] = before + delta);
			sideSum[i] += delta * s;
			if (after === 1) {
				single[sideSum[i]]++;
				singleCases[sideSum[i]] += y[i];
			}
			if (before === 0) {
				this.count--;
				this.cases -= y[i];
			} else if (after === 0) {
				this.count++;
				this.cases += y[i];
			}
		}
		if (upper) this.hi[j] = value;
		else this.lo[j] = value;
	}

	/** Quasi-p-value of side s: the box against the box with that side at the input's full range. */
	quasiP(s: number): number {
		const wider = this.count + this.single[s];
		return binomialUpperTail(this.cases, this.count, (this.cases + this.singleCases[s]) / wider);
	}
}

/**
 * The box's runs in order of each input, for peeling: list j holds them between head[j] and
 * tail[j], among runs that have left the box since it was last compacted (skipped while
 * reading; compacted once they are half the list). Runs past the input's own limits are cut off
 * by moving head or tail, so a peel reads about alpha of the box from one end, not all of it.
 */
class SortedBox {
	readonly lists: Uint32Array[];
	readonly head: Int32Array;
	readonly tail: Int32Array;
	/** The last peelAt's limit, runs removed and cases among them. */
	value = 0;
	removed = 0;
	removedCases = 0;

	constructor(readonly box: BoxState) {
		this.lists = box.order.map((o) => o.slice());
		this.head = new Int32Array(box.order.length);
		this.tail = new Int32Array(box.order.length).fill(box.y.length);
	}

	/** The peel of side s by quantile alpha (EMA's get_quantile on the box's runs): sets value, removed, removedCases. */
	peelAt(s: number, alpha: number): void {
		const { outside, count: n, y } = this.box;
		const j = s >> 1;
		const upper = (s & 1) === 1;
		const list = this.lists[j];
		const xj = this.box.x[j];
		const step = upper ? -1 : 1;
		const end = upper ? this.tail[j] - 1 : this.head[j];
		// Ranks counted from the end peeled: A the nearer of the two data values, B the farther.
		const pos = (n - 1) * (upper ? 1 - alpha : alpha);
		const A = upper ? n - 1 - Math.ceil(pos) : Math.floor(pos);
		let B = upper ? n - 1 - Math.floor(pos) : Math.ceil(pos);
		let k = end - step;
		let r = -1;
		let vA = 0;
		let vB = 0;
		while (r < B) {
			k += step;
			if (outside[list[k]] !== 0) continue;
			r++;
			if (r === A) vA = xj[list[k]];
			if (r === B) vB = xj[list[k]];
		}
		// Over ties, EMA moves the farther value on until the two differ.
		while (vA === vB && B < n - 1) {
			do k += step;
			while (outside[list[k]] !== 0);
			B++;
			vB = xj[list[k]];
		}
		const value = (vA + vB) / 2;
		let removed = 0;
		let removedCases = 0;
		for (k = end; ; k += step) {
			const i = list[k];
			if (outside[i] !== 0) continue;
			if (upper ? !(xj[i] > value) : !(xj[i] < value)) break;
			removed++;
			removedCases += y[i];
		}
		this.value = value;
		this.removed = removed;
		this.removedCases = removedCases;
	}

	/** After a peel of side s: cut the runs past its new limit off list j's end, compact lists gone stale. */
	afterPeel(s: number): void {
		const j = s >> 1;
		const list = this.lists[j];
		const xj = this.box.x[j];
		if (s & 1) while (this.tail[j] > this.head[j] && xj[list[this.tail[j] - 1]] > this.box.hi[j]) this.tail[j]--;
		else while (this.head[j] < this.tail[j] && xj[list[this.head[j]]] < this.box.lo[j]) this.head[j]++;
		const { outside, count } = this.box;
		this.lists.forEach((l, m) => {
			if (this.tail[m] - this.head[m] <= 2 * count) return;
			let w = 0;
			for (let k = this.head[m]; k < this.tail[m]; k++) if (outside[l[k]] === 0) l[w++] = l[k];
			this.head[m] = 0;
			this.tail[m] = w;
		});
	}
}

/** Smallest and largest of a column, starting from a range's ends. */
function widened(column: Float64Array, lo: number, hi: number): [number, number] {
	for (let i = 0; i < column.length; i++) {
		const v = column[i];
		if (v < lo) lo = v;
		if (v > hi) hi = v;
	}
	return [lo, hi];
}

/** PRIM over `data` (see the top of this file): the whole peeling and pasting trajectory. */
export function prim(data: PrimData, options: PrimOptions = {}): PrimResult {
	const { peelAlpha, pasteAlpha, minMass } = checkData(data, options);
	const x = data.columns;
	const y = data.cases;
	const N = y.length;
	const D = x.length;
	const names = Array.from({ length: D }, (_, j) => data.names?.[j] ?? `x${j}`);
	let total = 0;
	for (let i = 0; i < N; i++) total += y[i];
	const ranges = data.ranges.map(([lo, hi], j) => widened(x[j], lo, hi));
	const initLo = ranges.map((r) => r[0]);
	const initHi = ranges.map((r) => r[1]);
	const reason: PrimReason | null = total === 0 ? 'no-cases' : total === N ? 'all-cases' : total < MIN_CASES ? 'too-few-cases' : null;
	const result: PrimResult = { runs: N, cases: total, baseRate: N ? total / N : 0, reason, steps: [], chosen: 0, names, ranges, peelAlpha, pasteAlpha, minMass };

	const record = (phase: PrimStep['phase']) => {
		const { count, cases, lo, hi } = box;
		const restricted: PrimRestriction[] = [];
		for (let j = 0; j < D; j++) {
			const lower = box.isRestricted(2 * j);
			const upper = box.isRestricted(2 * j + 1);
			if (lower || upper) restricted.push({ dim: j, name: names[j], lo: lo[j], hi: hi[j], lowerP: lower ? box.quasiP(2 * j) : null, upperP: upper ? box.quasiP(2 * j + 1) : null });
		}
		const step = { phase, lo: lo.slice(), hi: hi.slice(), count, cases, coverage: total ? cases / total : 0, density: count ? cases / count : 0, mass: N ? count / N : 0, restricted };
		result.steps.push(step);
	};

	if (reason === 'no-cases' || reason === 'all-cases') {
		const count = N;
		result.steps.push({ phase: 'start', lo: initLo, hi: initHi, count, cases: total, coverage: total ? 1 : 0, density: N ? total / N : 0, mass: N ? 1 : 0, restricted: [] });
		return result;
	}
	const box = new BoxState(x, y, x.map(sortedOrder), initLo, initHi, total);
	record('start');
	peel(box, peelAlpha, minMass * N, () => record('peel'));
	paste(box, pasteAlpha, () => record('paste'));
	result.chosen = result.steps.length - 1;
	return result;
}

/** Peels while a peel leaving at least `minCount` runs raises the density. */
function peel(box: BoxState, alpha: number, minCount: number, onStep: () => void): void {
	const sorted = new SortedBox(box);
	const sides = 2 * box.x.length;
	const restrictedDim = (s: number) => box.isRestricted(s & ~1) || box.isRestricted(s | 1);
	for (;;) {
		const { count, cases } = box;
		let best = -1;
		let bestValue = 0;
		let bestKept = 0;
		let bestCases = 0;
		for (let s = 0; s < sides; s++) {
			sorted.peelAt(s, alpha);
			const kept = count - sorted.removed;
			if (kept === count || kept < minCount) continue;
			const keptCases = cases - sorted.removedCases;
			// Densities compared by cross products of whole numbers: exact, so ties are ties.
			if (best >= 0) {
				const a = keptCases * bestKept;
				const b = bestCases * kept;
				if (a < b) continue;
				if (a === b && (kept < bestKept || (kept === bestKept && !(restrictedDim(s) && !restrictedDim(best))))) continue;
			}
			best = s;
			bestValue = sorted.value;
			bestKept = kept;
			bestCases = keptCases;
		}
		if (best < 0 || bestCases * count <= cases * bestKept) return;
		box.move(best, bestValue);
		sorted.afterPeel(best);
		onStep();
	}
}

/**
 * Pastes while the density does not fall: each candidate widens one restricted side to take in
 * the ceil(alpha × count) runs nearest it among those outside that side alone (more on a tie of
 * values; the new limit halfway to the next one, or the input's full range when none is left);
 * the densest is taken, the larger on a tie.
 */
function paste(box: BoxState, alpha: number, onStep: () => void): void {
	const { x, y, outside, sideSum, order, lo, hi } = box;
	const N = y.length;
	const sides = 2 * x.length;
	for (;;) {
		const { count, cases } = box;
		const want = Math.max(1, Math.ceil(alpha * count));
		let best = -1;
		let bestValue = 0;
		let bestAdded = 0;
		let bestCases = 0;
		for (let s = 0; s < sides; s++) {
			if (!box.isRestricted(s)) continue;
			const j = s >> 1;
			const upper = (s & 1) === 1;
			const list = order[j];
			const xj = x[j];
			// Walk away from the side through the runs in order of input j, taking those outside it alone.
			const step = upper ? 1 : -1;
			let k = upper ? rankOf(list, N, xj, hi[j], true) : rankOf(list, N, xj, lo[j], false) - 1;
			let added = 0;
			let addedCases = 0;
			let last = 0;
			let value = upper ? box.initHi[j] : box.initLo[j];
			for (; k >= 0 && k < N; k += step) {
				const i = list[k];
				if (outside[i] !== 1 || sideSum[i] !== s) continue;
				if (added >= want && xj[i] !== last) {
					value = (last + xj[i]) / 2;
					break;
				}
				added++;
				addedCases += y[i];
				last = xj[i];
			}
			if (added === 0) continue;
			if (best >= 0) {
				const a = (cases + addedCases) * (count + bestAdded);
				const b = (cases + bestCases) * (count + added);
				if (a < b || (a === b && added <= bestAdded)) continue;
			}
			best = s;
			bestValue = value;
			bestAdded = added;
			bestCases = addedCases;
		}
		if (best < 0 || (cases + bestCases) * count < cases * (count + bestAdded)) return;
		box.move(best, bestValue);
		onStep();
	}
}
