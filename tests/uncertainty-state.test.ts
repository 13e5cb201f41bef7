// The notebook's Monte Carlo state (src/lib/state/uncertainty.svelte.ts) with a fake engine:
// overlapping runs must not hide the newer run's progress bar and Cancel; bands arriving during a
// slider move wait for its lines.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BAND_MERGE_MS, PROGRESS_AFTER_MS, Uncertainty } from '../src/lib/state/uncertainty.svelte';
import type { EngineClient } from '../src/lib/worker/client';
import type { MonteCarloResult } from '../src/lib/sim/types';

function fakeEngine() {
	const pending: { resolve: (r: MonteCarloResult | null) => void; samples: number }[] = [];
	const engine = {
		monteCarlo: (options: { samples: number }) => new Promise<MonteCarloResult | null>((resolve) => pending.push({ resolve, samples: options.samples })),
		cancelAnalysis: vi.fn(),
		holdAnalysis: vi.fn(() => () => undefined)
	} as unknown as EngineClient;
	const result = (samples: number): MonteCarloResult => ({ years: [2035], samples, seed: 1, bands: {}, uncertainInputs: [], elapsedMs: 1 });
	return { engine, pending, result };
}

describe('Uncertainty runs', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('an older run ending keeps the newer run marked as running, with its progress bar', async () => {
		const { engine, pending, result } = fakeEngine();
		const u = new Uncertainty();
		u.attach(engine);
		u.request({}, 2035, ['nevShare']);
		u.samples = 100_000;
		u.rerun();
		expect(pending.map((p) => p.samples)).toEqual([10_000, 100_000]);
		vi.advanceTimersByTime(PROGRESS_AFTER_MS + 1);
		expect(u.running && u.slow).toBe(true);
		pending[0].resolve(result(10_000)); // the older run ends first
		await vi.runAllTimersAsync();
		expect(u.result?.samples).toBe(10_000);
		expect(u.running).toBe(true); // the newer one is still going: progress and Cancel stay
		expect(u.slow).toBe(true);
		pending[1].resolve(result(100_000));
		await vi.runAllTimersAsync();
		expect(u.result?.samples).toBe(100_000);
		expect(u.running).toBe(false);
		expect(u.slow).toBe(false);
	});

	it('a run replaced before it started changes nothing; cancelling says so', async () => {
		const { engine, pending } = fakeEngine();
		const u = new Uncertainty();
		u.attach(engine);
		u.rerun(); // nothing asked for yet: no run
		expect(pending).toHaveLength(0);
		u.request({}, 2035, ['nevShare']);
		expect(u.running).toBe(true);
		u.cancel();
		expect(engine.cancelAnalysis).toHaveBeenCalled();
		expect(u.running).toBe(false);
		expect(u.message).toContain('cancelled');
		pending[0].resolve(null);
		await vi.runAllTimersAsync();
		expect(u.running).toBe(false);
	});

	/** A band run whose result arrives right after a slider moved (its lines not yet shown). */
	function bandsArrivingDuringAMove() {
		const { engine, pending, result } = fakeEngine();
		const u = new Uncertainty();
		u.attach(engine);
		u.request({}, 2035, ['nevShare']);
		u.linesUpdating(); // a slider moved: its lines are coming
		pending[0].resolve(result(10_000));
		return { u, pending, result };
	}

	it("bands that arrive while a slider's lines are on their way wait for them and are drawn with them", async () => {
		const { u } = bandsArrivingDuringAMove();
		await vi.advanceTimersByTimeAsync(1);
		expect(u.result).toBeNull(); // held for the lines
		u.takePending(); // the session shows the lines, and the bands with them
		expect(u.result?.samples).toBe(10_000);
	});

	it('held bands are shown on their own once the input is BAND_MERGE_MS old; later ones at once', async () => {
		const { u, pending, result } = bandsArrivingDuringAMove();
		await vi.advanceTimersByTimeAsync(BAND_MERGE_MS - 10);
		expect(u.result).toBeNull();
		await vi.advanceTimersByTimeAsync(20);
		expect(u.result?.samples).toBe(10_000);
		// No input for a while: a new run's bands go straight up.
		u.samples = 5_000;
		u.rerun();
		pending[1].resolve(result(5_000));
		await vi.advanceTimersByTimeAsync(0);
		expect(u.result?.samples).toBe(5_000);
	});

	it('switching the bands off drops held bands too', async () => {
		const { u } = bandsArrivingDuringAMove();
		await vi.advanceTimersByTimeAsync(1);
		u.setEnabled(false);
		await vi.advanceTimersByTimeAsync(BAND_MERGE_MS * 2);
		expect(u.result).toBeNull();
	});
});
