// Scenario discovery (sim/analysis/discovery.ts) and its Latin hypercube: one sample per stratum,
// slices that join into the whole; on the published notebook (version 3, with its shipped
// posterior) a box for "NEV share in 2030 at least 80%" that asks for faster electrification or
// a higher ceiling, the same for any split of the runs or when paused (even while another
// discovery runs); and plain messages for bad options.
import { describe, expect, it } from 'vitest';
import { observedSeries } from '../src/lib/data/index';
import { LEVERS, chinaMarketNotebook } from '../src/lib/notebooks/chinaMarket';
import { shippedPosterior } from '../src/lib/notebooks/shippedPosterior';
import { compileNotebook } from '../src/lib/sim/model';
import { checkDiscovery, discover, discoverPausable, discoveryAssemble, discoveryRuns, meetsCondition, scenarioLevers } from '../src/lib/sim/analysis/discovery';
import type { DiscoveryOptions, DiscoveryResult } from '../src/lib/sim/analysis/discovery';
import { latinHypercube } from '../src/lib/sim/analysis/latinHypercube';
import { attachPosterior } from '../src/lib/sim/analysis/posteriorCheck';
import { poolSlices } from '../src/lib/sim/analysis/poolSlices';

describe('the Latin hypercube', () => {
	const n = 1000;
	const whole = latinHypercube(['a', 'b', 'c', 'd'], n, 11);

	it('puts exactly one sample in each stratum of every dimension', () => {
		for (const column of whole) {
			const seen = new Uint8Array(n);
			for (const v of column) seen[Math.floor(v * n)]++;
			expect(Math.min(...column)).toBeGreaterThanOrEqual(0);
			expect(Math.max(...column)).toBeLessThan(1);
			expect(seen.every((c) => c === 1)).toBe(true);
		}
	});

	it('gives the whole again from slices, whatever the split', () => {
		for (const cuts of [[0, 500, 1000], [0, 1, 333, 999, 1000], [0, 1000]]) {
			const slices = cuts.slice(1).map((end, k) => latinHypercube(['a', 'b', 'c', 'd'], n, 11, cuts[k], end - cuts[k]));
			whole.forEach((column, d) => {
				const joined = new Float64Array(n);
				slices.forEach((s, k) => joined.set(s[d], cuts[k]));
				expect(joined).toEqual(column);
			});
		}
	});

	it('keeps a named dimension whatever the others are, and differs by seed and by name', () => {
		expect(latinHypercube(['c'], n, 11)[0]).toEqual(whole[2]);
		expect(latinHypercube(['a'], n, 12)[0]).not.toEqual(whole[0]);
		expect(whole[1]).not.toEqual(whole[0]);
		expect(latinHypercube(2, 10, 1)).toHaveLength(2);
		expect(() => latinHypercube(2, 10, 1, 8, 5)).toThrow(/not within/);
	});
});

describe('discovery on the published notebook', () => {
	const model = attachPosterior(compileNotebook(chinaMarketNotebook, observedSeries), chinaMarketNotebook, shippedPosterior);
	const options: DiscoveryOptions = { variable: 'nevShare', year: 2030, condition: { kind: 'atLeast', value: 0.8 }, runs: 3000, seed: 1, inputs: {}, horizon: 2035 };
	const result = discover(model, options);
	const box = result.prim.steps[result.prim.chosen];
	const withoutTime = (r: DiscoveryResult) => ({ ...r, elapsedMs: 0 });

	it('varies every scenario lever, over its slider', () => {
		expect(scenarioLevers(chinaMarketNotebook)).toEqual([...LEVERS]);
		expect(result.levers).toEqual([...LEVERS]);
		result.levers.forEach((name, k) => {
			const cell = model.inputs.find((c) => c.name === name)!;
			expect(result.ranges[k]).toEqual([cell.min, cell.max]);
			expect(Math.min(...result.columns[k])).toBeGreaterThanOrEqual(cell.min);
			expect(Math.max(...result.columns[k])).toBeLessThanOrEqual(cell.max);
		});
	});

	it('finds some cases, not all, and a box that asks for faster electrification or a higher ceiling', () => {
		expect(result.runs).toBe(3000);
		expect(result.prim.reason).toBeNull();
		expect(result.prim.cases).toBeGreaterThan(0);
		expect(result.prim.cases).toBeLessThan(3000);
		result.outcome.forEach((v, i) => expect(result.cases[i]).toBe(v >= 0.8 ? 1 : 0));
		const upward = box.restricted.filter((r) => (r.name === 'electrificationPace' || r.name === 'nevCeiling') && r.lowerP !== null);
		expect(upward.length).toBeGreaterThan(0);
		for (const r of upward) expect(r.lowerP!).toBeLessThan(1e-6);
		expect(box.density).toBeGreaterThan(result.prim.baseRate * 2);
	});

	it('gives the identical result for runs split in 2 or 3 slices, in any order', () => {
		for (const slices of [poolSlices(3000, 2), poolSlices(3000, 3), [{ start: 1234, count: 1766 }, { start: 0, count: 1234 }]]) {
			const parts = slices.map((s) => discoveryRuns(model, options, s.start, s.count));
			expect(withoutTime(discoveryAssemble(model, options, parts))).toEqual(withoutTime(result));
		}
	});

	it('is the same when paused between chunks, and a rejected pause stops it', async () => {
		let pauses = 0;
		const paused = await discoverPausable(model, options, async () => void pauses++);
		expect(pauses).toBeGreaterThan(1);
		expect(withoutTime(paused)).toEqual(withoutTime(result));
		await expect(discoverPausable(model, options, () => Promise.reject(new Error('stopped')))).rejects.toThrow('stopped');
	});

	it('reports progress, ending at 1', () => {
		const seen: number[] = [];
		discover(model, { ...options, runs: 5000 }, (f) => seen.push(f));
		expect(seen.length).toBeGreaterThan(1);
		expect(seen.at(-1)).toBe(1);
		expect([...seen].sort((a, b) => a - b)).toEqual(seen);
	});

	it('says when no run or every run is a case', () => {
		expect(discover(model, { ...options, runs: 200, condition: { kind: 'atLeast', value: 2 } }).prim.reason).toBe('no-cases');
		expect(discover(model, { ...options, runs: 200, condition: { kind: 'between', value: -1, upper: 2 } }).prim.reason).toBe('all-cases');
	});

	it('rejects bad options with a plain message', () => {
		const bad = (over: Partial<DiscoveryOptions>) => () => checkDiscovery(model, { ...options, ...over });
		expect(bad({ variable: 'nevShares' })).toThrow('No variable named "nevShares" runs in this notebook.');
		expect(bad({ year: 2036 })).toThrow('The year must be a whole year from 2019 to 2035, not 2036.');
		expect(bad({ year: 2018 })).toThrow(/from 2019 to 2035, not 2018/);
		expect(bad({ year: 2030.5 })).toThrow(/whole year/);
		expect(bad({ condition: { kind: 'atLeast', value: NaN } })).toThrow("The condition's value must be a number, not NaN.");
		expect(bad({ condition: { kind: 'between', value: 0.8, upper: 0.5 } })).toThrow('The upper end (0.5) is below the lower end (0.8).');
		expect(bad({ condition: { kind: 'between', value: 0.8 } })).toThrow(/upper end must be a number/);
		expect(bad({ condition: { kind: 'above', value: 0.8 } as never })).toThrow(/"at least", "at most" or "between"/);
		expect(bad({ levers: ['nevCeiling', 'warpDrive'] })).toThrow('No input named "warpDrive" in this notebook.');
		expect(bad({ levers: [] })).toThrow(/no scenario lever/);
		expect(bad({ runs: Infinity })).toThrow(/number of runs/);
		expect(() => discover(model, { ...options, variable: 'nope' })).toThrow(/No variable named/);
	});

	it('reads conditions as written', () => {
		expect(meetsCondition({ kind: 'atLeast', value: 0.5 }, 0.5)).toBe(true);
		expect(meetsCondition({ kind: 'atMost', value: 0.5 }, 0.51)).toBe(false);
		expect(meetsCondition({ kind: 'between', value: 0.2, upper: 0.4 }, 0.4)).toBe(true);
		expect(meetsCondition({ kind: 'atLeast', value: -Infinity }, NaN)).toBe(false);
	});
});

describe('discoveries that overlap', () => {
	it('do not disturb each other when one pauses while another runs', async () => {
		const model = attachPosterior(compileNotebook(chinaMarketNotebook, observedSeries), chinaMarketNotebook, shippedPosterior);
		const base: DiscoveryOptions = { variable: 'domesticShare', year: 2030, condition: { kind: 'atMost', value: 0.67 }, runs: 4000, seed: 2, inputs: {}, horizon: 2035, levers: ['nevCeiling', 'techLeadMax'] };
		// The second scenario moves a lever the first does not vary: shared buffers would leak it.
		const other = { ...base, inputs: { safetyValue: 1.5 }, seed: 3 };
		const alone = discover(model, base);
		let inner: Promise<DiscoveryResult> | null = null;
		const paused = await discoverPausable(model, base, async () => {
			inner ??= discoverPausable(model, other, async () => {});
			await inner;
		});
		expect(paused.outcome).toEqual(alone.outcome);
		expect((await inner!).outcome).toEqual(discover(model, other).outcome);
	});
});
