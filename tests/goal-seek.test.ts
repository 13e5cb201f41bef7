// Goal seek: Brent's method on known roots, and solving for the levers of the published notebook:
// the engine's results on the frozen version 2 (exact figures), and the current version 3.
import { describe, expect, it } from 'vitest';
import { brent, goalSeek, leversReaching } from '../src/lib/sim/analysis/goalSeek';
import { compileNotebook } from '../src/lib/sim/model';
import { createProgram, runDeterministic } from '../src/lib/sim/run';
import { LEVERS, chinaMarketNotebook } from '../src/lib/notebooks/chinaMarket';
import { LEVERS_V2, chinaMarketNotebookV2 } from '../src/lib/notebooks/frozen/chinaMarketV2';
import { v2Data } from '../src/lib/notebooks/frozen/v2Data';
import { observedSeries } from '../src/lib/data/index';

describe('brent', () => {
	it('finds roots of smooth and awkward functions', () => {
		expect(brent((x) => x * x - 2, 0, 2)).toBeCloseTo(Math.SQRT2, 9);
		expect(brent((x) => Math.cos(x) - x, 0, 1)).toBeCloseTo(0.7390851332, 9);
		expect(brent((x) => x ** 3, -1, 0.5)).toBeCloseTo(0, 3);
		expect(brent((x) => (x < 0.3 ? -1 : 1), 0, 1, 1e-12)).toBeCloseTo(0.3, 9);
	});
	it('refuses an interval without a change of sign', () => {
		expect(() => brent((x) => x * x + 1, -1, 1)).toThrow(/differ in sign/);
	});
});

describe('goal seek on version 2 of the published notebook (frozen, with its data)', () => {
	const model = compileNotebook(chinaMarketNotebookV2, v2Data);
	const outputWith = (inputs: Record<string, number>) => {
		const run = runDeterministic(createProgram(model, 1), { inputs, horizon: 2030 });
		return run.series.foreignShare[run.years.indexOf(2030)];
	};

	it('solves for a lever: foreign brands 27% in 2030 by localisation, and the value gives it', () => {
		const result = goalSeek(model, { inputs: {}, lever: 'localisation', variable: 'foreignShare', year: 2030, target: 0.27 });
		expect(result.status).toBe('found');
		if (result.status !== 'found') return;
		expect(result.value).toBeGreaterThanOrEqual(0);
		expect(result.value).toBeLessThanOrEqual(1);
		expect(outputWith({ localisation: result.value })).toBeCloseTo(0.27, 6);
		expect(result.runs).toBeLessThan(100);
	});

	it('says when no value in range reaches the target, with the reachable span and the closest value', () => {
		const result = goalSeek(model, { inputs: {}, lever: 'localisation', variable: 'foreignShare', year: 2030, target: 0.9 });
		expect(result.status).toBe('out-of-reach');
		if (result.status !== 'out-of-reach') return;
		expect(result.reachable[1]).toBeLessThan(0.9);
		expect(result.output).toBeCloseTo(result.reachable[1], 4);
	});

	it('says when a lever does not affect the output (levers act from 2026: none moves 2024)', () => {
		const result = goalSeek(model, { inputs: {}, lever: 'localisation', variable: 'foreignShare', year: 2024, target: 0.3 });
		expect(result.status).toBe('no-effect');
	});

	it('tries each lever alone', () => {
		const results = leversReaching(model, { inputs: {}, variable: 'foreignShare', year: 2030, target: 0.2 }, LEVERS_V2);
		expect(results).toHaveLength(LEVERS_V2.length);
		expect(results.some((r) => r.status === 'found')).toBe(true);
		expect(results.some((r) => r.status !== 'found')).toBe(true);
	});
});

describe('goal seek on the published notebook (version 3)', () => {
	const model = compileNotebook(chinaMarketNotebook, observedSeries);
	const outputWith = (inputs: Record<string, number>) => {
		const run = runDeterministic(createProgram(model, 1), { inputs, horizon: 2030 });
		return run.series.foreignShare[run.years.indexOf(2030)];
	};

	it('solves for a lever: foreign brands 25% in 2030 by German localisation, and the value gives it', () => {
		const result = goalSeek(model, { inputs: {}, lever: 'localisationGerman', variable: 'foreignShare', year: 2030, target: 0.25 });
		expect(result.status).toBe('found');
		if (result.status !== 'found') return;
		expect(result.value).toBeGreaterThanOrEqual(0);
		expect(result.value).toBeLessThanOrEqual(1);
		expect(outputWith({ localisationGerman: result.value })).toBeCloseTo(0.25, 6);
		expect(result.runs).toBeLessThan(100);
	});

	it('says when no value in range reaches the target, with the reachable span and the closest value', () => {
		const result = goalSeek(model, { inputs: {}, lever: 'localisationGerman', variable: 'foreignShare', year: 2030, target: 0.9 });
		expect(result.status).toBe('out-of-reach');
		if (result.status !== 'out-of-reach') return;
		expect(result.reachable[1]).toBeLessThan(0.9);
		expect(result.output).toBeCloseTo(result.reachable[1], 4);
	});

	it('says when a lever does not affect the output (levers act from 2026: none moves 2024)', () => {
		for (const lever of ['localisationJapanese', 'localisationGerman', 'localisationUS', 'localisationOther']) {
			const result = goalSeek(model, { inputs: {}, lever, variable: 'foreignShare', year: 2024, target: 0.3 });
			expect(result.status, lever).toBe('no-effect');
		}
	});

	it('tries each lever alone', () => {
		const results = leversReaching(model, { inputs: {}, variable: 'foreignShare', year: 2030, target: 0.2 }, LEVERS);
		expect(results).toHaveLength(LEVERS.length);
		expect(results.some((r) => r.status === 'found')).toBe(true);
		expect(results.some((r) => r.status !== 'found')).toBe(true);
	});
});
