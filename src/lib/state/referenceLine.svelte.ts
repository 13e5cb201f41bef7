// The reference scenario's line: its run, in its own notebook and version, to MAX_HORIZON (charts
// and key figures cut it to the horizon). The session owns the reference itself (part of the
// document: undo, links, saves); this keeps the run in step with it.

import type { RunResult } from '../sim/types';
import type { EngineClient } from '../worker/client';
import type { ReferenceScenario } from './autosave';
import { MAX_HORIZON } from '../worker/protocol';
import { loadPublishedVersion } from '../notebooks/published';
import { w } from '../i18n/screenWords';

export class ReferenceLine {
	/** The reference's run; null while it runs or when there is none. */
	result: RunResult | null = $state.raw(null);

	/** Same reference (undo steps hold copies, so identity alone is not enough). */
	static same(a: ReferenceScenario | null, b: ReferenceScenario | null): boolean {
		return a === b || (!!a && !!b && JSON.stringify(a) === JSON.stringify(b));
	}

	/**
	 * Runs `reference`; the result is kept only while `current()` is still that reference.
	 * `onProblem` hears a failure (a restart of the engine is not one).
	 */
	async follow(reference: ReferenceScenario | null, engine: EngineClient | null, current: () => ReferenceScenario | null, onProblem: (message: string) => void): Promise<void> {
		this.result = null;
		if (!reference || !engine) return;
		try {
			// Its version's notebook and data must be there first (a reference may be an old link's).
			await loadPublishedVersion(reference.notebook.version);
			const [result] = await engine.runScenarios([{ notebook: reference.notebook, inputs: reference.inputs, horizon: MAX_HORIZON }]);
			if (current() === reference) this.result = result ?? null;
		} catch (err) {
			if ((err as Error).name !== 'EngineRestarted' && current() === reference) onProblem(w('screen_analysis_reference_failed', { reason: (err as Error).message }));
		}
	}
}
