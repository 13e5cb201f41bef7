// Monte Carlo bands for the notebook: how wide the future is under the inputs' uncertainty
// ranges. Runs in the analysis worker, so the sliders' own runs never wait behind it; while a
// slider moves only the newest request runs (latest wins). A run that takes longer than
// PROGRESS_AFTER_MS shows a progress bar and can be cancelled.

import type { MonteCarloResult } from '../sim/types';
import type { EngineClient } from '../worker/client';
import { w } from '../i18n/screenWords';

export const SAMPLE_CHOICES = [1_000, 5_000, 10_000, 50_000, 100_000] as const;
export const PROGRESS_AFTER_MS = 200;
/**
 * While a slider is dragged, bands refresh at most this often. A band run of 10,000 samples
 * takes one of two cores for about 50 ms, and its result means new figures and a redraw of
 * every banded chart; four refreshes a second keep the bands moving without slowing the lines.
 */
export const BAND_REFRESH_MS = 250;
/**
 * Bands that arrive within this long of a person's input wait for that input's lines and are
 * drawn with them in one update. Drawn on their own, they occupy the chart worker just when the
 * next move's lines need it: before the fan plugin and the yield gate, moves that met a band
 * redraw took 21.5 ms (median) against 9.2 ms for the others. With those in place, an A/B run
 * shows no clear difference either way; this keeps the collision from coming back.
 */
export const BAND_MERGE_MS = 100;

export class Uncertainty {
	enabled = $state(true);
	samples = $state(10_000);
	seed = $state(1);
	result: MonteCarloResult | null = $state.raw(null);
	running = $state(false);
	/** 0..1 while a run is going. */
	progress = $state(0);
	/** True once a run has gone on longer than PROGRESS_AFTER_MS. */
	slow = $state(false);
	message: string | null = $state(null);

	#engine: EngineClient | null = null;
	#last: { inputs: Record<string, number>; horizon: number; variables: string[] } | null = null;
	#lastStart = -Infinity;
	/** Runs started so far; the newest one's number. */
	#started = 0;
	#trailing: ReturnType<typeof setTimeout> | null = null;
	/** Bands waiting to be drawn with the next lines (see BAND_MERGE_MS). */
	#pending: MonteCarloResult | null = null;
	#pendingTimer: ReturnType<typeof setTimeout> | null = null;
	#mergeUntil = -Infinity;

	attach(engine: EngineClient) {
		this.#engine = engine;
	}

	/**
	 * Asks for bands of `variables` under the current inputs. Throttled: at most one start per
	 * BAND_REFRESH_MS, and the last request of a burst always runs (newer calls replace older ones).
	 */
	request(inputs: Record<string, number>, horizon: number, variables: string[]) {
		this.#last = { inputs, horizon, variables };
		if (!this.enabled || !this.#engine) return;
		if (this.#trailing) clearTimeout(this.#trailing);
		const wait = this.#lastStart + BAND_REFRESH_MS - performance.now();
		if (wait <= 0) void this.#start(inputs, horizon, variables);
		else this.#trailing = setTimeout(() => this.#last && void this.#start(this.#last.inputs, this.#last.horizon, this.#last.variables), wait);
	}

	async #start(inputs: Record<string, number>, horizon: number, variables: string[]) {
		this.#trailing = null;
		this.#lastStart = performance.now();
		if (!this.#engine) return;
		// Runs overlap (a newer one waits while an older one finishes): only the newest may say
		// whether a run is going and how far it is, or an older run ending would hide the progress
		// bar and Cancel of the newer one.
		const mine = ++this.#started;
		const newest = () => mine === this.#started;
		this.running = true;
		this.progress = 0;
		const slowTimer = setTimeout(() => newest() && (this.slow = true), PROGRESS_AFTER_MS);
		try {
			const result = await this.#engine.monteCarlo(
				{ inputs, horizon, samples: this.samples, seed: this.seed, variables },
				(fraction) => newest() && (this.progress = fraction)
			);
			if (!result) return; // replaced by a newer request before it started
			this.#deliver(result);
			if (newest()) {
				this.message = null;
				this.running = false;
			}
		} catch (err) {
			if (newest()) {
				this.running = false;
				this.message = (err as Error).name === 'EngineRestarted' ? w('screen_analysis_bands_cancelled') : (err as Error).message;
			}
		} finally {
			clearTimeout(slowTimer);
			if (newest() && !this.running) this.slow = false;
		}
	}

	/** The session is updating the lines for a person's input: bands arriving now wait for them. */
	linesUpdating() {
		this.#mergeUntil = performance.now() + BAND_MERGE_MS;
	}

	/** Shows waiting bands now; the session calls it in the same step that shows new lines. */
	takePending() {
		if (this.#pendingTimer) clearTimeout(this.#pendingTimer);
		this.#pendingTimer = null;
		if (this.#pending) this.result = this.#pending;
		this.#pending = null;
	}

	#deliver(result: MonteCarloResult) {
		const wait = this.#mergeUntil - performance.now();
		if (wait <= 0) {
			this.#pending = null;
			this.result = result;
			return;
		}
		// The lines of a recent input are on their way: draw these bands with them, or on their
		// own once the input is BAND_MERGE_MS old (the person stopped moving).
		this.#pending = result;
		if (this.#pendingTimer) clearTimeout(this.#pendingTimer);
		this.#pendingTimer = setTimeout(() => this.takePending(), wait);
	}

	/** Re-runs with the last request (after the sample count or seed changed). */
	rerun() {
		if (this.#last) void this.#start(this.#last.inputs, this.#last.horizon, this.#last.variables);
	}

	setEnabled(on: boolean) {
		this.enabled = on;
		if (on) this.rerun();
		else {
			this.#pending = null; // bands switched off: waiting ones are not wanted either
			this.takePending();
			this.result = null;
		}
	}

	cancel() {
		this.#engine?.cancelAnalysis();
		this.running = false;
		this.slow = false;
		this.message = w('screen_analysis_bands_cancelled_hint');
	}
}
