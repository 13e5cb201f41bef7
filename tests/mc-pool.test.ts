// Monte Carlo over a pool: samples split by index, run in slices, merged. Same seed, same bands
// to the bit for pool sizes 1, 2 and 4, and the same as the single-thread run, with the posterior
// (joint draws and predictive noise) and without.
import { describe, expect, it } from 'vitest';
import { monteCarloSlice, poolMonteCarlo, runMonteCarlo } from '../src/lib/sim/analysis/monteCarlo';
import { compileNotebook } from '../src/lib/sim/model';
import { attachPosterior } from '../src/lib/sim/analysis/posteriorCheck';
import { shippedPosterior } from '../src/lib/notebooks/shippedPosterior';
import { chinaMarketNotebook } from '../src/lib/notebooks/chinaMarket';
import { observedSeries } from '../src/lib/data/index';
import type { MonteCarloOptions } from '../src/lib/sim/types';

// On the published notebook (version 3), with sliders moved off their defaults (the origins'
// localisation and an export lever) and bands on both bases.
const options: MonteCarloOptions = {
	inputs: { localisationJapanese: 0.5, localisationGerman: 0.5, localisationUS: 0.5, localisationOther: 0.5, exportGrowth: 0.1 },
	horizon: 2035,
	samples: 3001,
	seed: 11,
	variables: ['domesticShare', 'nevShare', 'foreignShare', 'domesticShareCaam', 'passengerExports']
};

describe('Monte Carlo pool', () => {
	for (const [name, model] of [
		['with the posterior', attachPosterior(compileNotebook(chinaMarketNotebook, observedSeries), chinaMarketNotebook, shippedPosterior)],
		['without a posterior', compileNotebook(chinaMarketNotebook, observedSeries)]
	] as const) {
		it(`${name}: pool sizes 1, 2 and 4 give the single-thread bands to the bit`, async () => {
			expect(model.posterior !== undefined, 'posterior attached').toBe(name === 'with the posterior');
			for (const lever of Object.keys(options.inputs)) expect(model.inputs.some((c) => c.name === lever), lever).toBe(true);
			const single = runMonteCarlo(model, options);
			expect(Object.keys(single.bands).sort()).toEqual([...options.variables].sort());
			// A fake pool: each slice runs in this thread, on its own (as a worker would), out of order.
			const slices: [number, number][] = [];
			const runSlice = async (start: number, count: number) => {
				slices.push([start, count]);
				await new Promise((r) => setTimeout(r, Math.random() * 5));
				return monteCarloSlice(model, options, start, count);
			};
			for (const size of [1, 2, 4]) {
				slices.length = 0;
				const pooled = await poolMonteCarlo(model, options, size, runSlice);
				expect(slices).toHaveLength(size);
				expect(pooled.bands, `pool of ${size}`).toEqual(single.bands);
				expect(pooled.uncertainInputs).toEqual(single.uncertainInputs);
				expect(pooled.predictive).toEqual(single.predictive);
			}
		});
	}
});

describe('poolSlices', () => {
	it('splits at even boundaries into at most the pool size, covering every sample once', async () => {
		const { poolSlices } = await import('../src/lib/sim/analysis/poolSlices');
		for (const [samples, size] of [[10_000, 1], [10_000, 3], [3001, 4], [1, 4], [7, 2]]) {
			const slices = poolSlices(samples, size);
			expect(slices.length).toBeLessThanOrEqual(size);
			let next = 0;
			for (const s of slices) {
				expect(s.start).toBe(next);
				expect(s.start % 2).toBe(0);
				next += s.count;
			}
			expect(next).toBe(samples);
		}
	});
});
