// Keeping the engine's notebook in step with the document's. A formula being typed may be
// broken: the document keeps exactly what the person typed (so autosave never loses it) while
// the engine keeps running the cell's last good version, and the cell shows both. Compiles are
// debounced, one at a time; a guarded (typed) cell stays guarded until it is compiled.
// Part of the notebook session (notebookSession.svelte.ts), which lends the engine, the
// document's notebook and its run.

import type { CellError, Notebook } from '../sim/types';
import type { EngineClient } from '../worker/client';
import type { PosteriorSummary } from '../worker/protocol';
import { withLastGoodDrafts } from './documentRules';
import { w } from '../i18n/screenWords';

export const COMPILE_DELAY_MS = 250;

export interface SyncHost {
	readonly engine: EngineClient | null;
	readonly notebook: Notebook;
	/** Runs the accepted notebook; `inputAt` as in the session's run. */
	run(inputAt: number | null): Promise<void>;
	/** A compile that failed for another reason than a restart. */
	onProblem(message: string): void;
}

export class EngineSync {
	/** The notebook the engine last accepted: broken drafts replaced by their last good version. */
	running: Notebook | null = $state.raw(null);
	/** Own errors of formula cells whose current text is refused (the engine runs the last good one). */
	draftErrors: ReadonlyMap<string, CellError[]> = $state.raw(new Map());
	compileErrors: CellError[] = $state.raw([]);
	/** The posterior the bands draw the calibrated parameters from (summary; the draws stay in the workers). */
	posterior: PosteriorSummary | null = $state.raw(null);
	#host: SyncHost;
	#timer: ReturnType<typeof setTimeout> | null = null;
	#pendingGuard: string | undefined = undefined;

	constructor(host: SyncHost) {
		this.#host = host;
	}

	/** A compile after `delay`; `guard` is the formula cell being typed. */
	schedule(guard?: string, delay = COMPILE_DELAY_MS) {
		this.#pendingGuard = guard ?? this.#pendingGuard;
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = setTimeout(() => {
			const g = this.#pendingGuard;
			this.#pendingGuard = undefined;
			this.#timer = null;
			void this.sync(g, performance.now());
		}, delay);
	}

	/** A whole new document: drafts of the old one no longer apply. */
	forgetDrafts() {
		this.draftErrors = new Map();
	}

	/** Sends the document's notebook to the engine, with refused drafts at their last good version. */
	async sync(guard: string | undefined, inputAt: number | null): Promise<void> {
		const engine = this.#host.engine;
		if (!engine) return;
		const candidate = withLastGoodDrafts(this.#host.notebook, this.running, this.draftErrors, guard);
		let report;
		try {
			report = await engine.load(candidate, guard);
		} catch (err) {
			// Cut off by a restart of the engine: compile again on the fresh worker.
			if ((err as Error).name === 'EngineRestarted') this.schedule(guard, 0);
			else this.#host.onProblem(w('screen_analysis_compile_failed', { reason: (err as Error).message }));
			return;
		}
		const drafts = new Map(this.draftErrors);
		if (report.accepted) {
			this.running = candidate;
			this.compileErrors = report.errors;
			this.posterior = report.posterior ?? null;
			if (guard) drafts.delete(guard);
			for (const id of drafts.keys()) if (!candidate.cells.some((c) => c.id === id)) drafts.delete(id);
			this.draftErrors = drafts;
			await this.#host.run(inputAt);
		} else if (guard) {
			drafts.set(guard, report.errors.filter((e) => e.cellId === guard));
			this.draftErrors = drafts;
		}
	}
}
