// The notebook page's state: the document (notebook, inputs, horizon, reference), what the
// engine runs, and the latest results. Data flows one way: an edit or a slider move changes the
// document -> the engine is brought in line (compile if the notebook changed, engineSync.svelte.ts,
// then a run; latest wins) -> the result lands here -> charts, tables and figures derive from it.

import { tick } from 'svelte';
import type { EngineClient } from '../worker/client';
import type { CellError, Notebook, RunResult } from '../sim/types';
import { bandVariables, clampToInput, storeInput } from './documentRules';
import { COMPILE_DELAY_MS, EngineSync } from './engineSync.svelte';
import { CellEditing } from './cellEditing.svelte';
import { AnalysisRequests } from './analysisRequests';
import { baselineOf } from './analysisCalls';
import type { PosteriorSummary } from '../worker/protocol';

export type { BacktestOutcome, FitOutcome } from './analysisCalls';
import { Uncertainty } from './uncertainty.svelte';
import { resultUpTo } from '../sim/resultUpTo';
import { inputCells } from '../view/notebookView';
import { measureSliderToChart } from '../view/perfMarks';
import { chartsDrawn } from '../charts/chartClient';
import type { ReferenceRun } from '../charts/chartModel';
import { ReferenceLine } from './referenceLine.svelte';
import { UndoStack } from './undoStack';
import { DocumentSaver } from './documentSaver.svelte';
import type { ReferenceScenario, WorkingDocument } from './workingDocument';
import { isOlderVersion, loadPublishedVersion, publishedFor } from '../notebooks/published';
import { runBasis, sameBasis, type RunBasis } from './runBasis';
import { w } from '../i18n/screenWords';

export type EngineStatus = 'starting' | 'ready' | 'failed';

export type { RenameOffer } from './documentRules';

export class NotebookSession {
	/**
	 * The published notebook the document derives from: the current one, or for a document made
	 * with an older version (an old link, a saved scenario) that version's, so its baseline, its
	 * reset and its link are those it was made with.
	 */
	published: Notebook = $state.raw(null as unknown as Notebook);
	notebook: Notebook = $state.raw(null as unknown as Notebook);
	/** The document was made with an older version of the published notebook. */
	olderVersion = $derived(isOlderVersion(this.notebook));
	/** Only inputs the person changed; everything else is at its default. */
	inputs: Record<string, number> = $state({});
	horizon = $state(2035);
	/** The scenario pinned to compare against, beside the baseline (part of the document: undo, links, saves). */
	reference: ReferenceScenario | null = $state.raw(null);
	readonly #referenceLine = new ReferenceLine();
	/** The reference as charts and key figures take it: its run and its name. */
	referenceRun: ReferenceRun | null = $derived(this.reference ? { run: this.#referenceLine.result, label: this.reference.label } : null);
	result: RunResult | null = $state.raw(null);
	/** What `result` was computed from: the document's notebook, inputs and horizon when its run started. */
	#resultOf: RunBasis | null = $state.raw(null);
	/**
	 * The figures are those of the document as it now is: false from a change until that change's
	 * run lands (a talk step just opened still shows the previous step's figures until then).
	 */
	resultCurrent = $derived(sameBasis(this.#resultOf, runBasis(this)));
	baseline: RunResult | null = $state.raw(null);
	status: EngineStatus = $state('starting');
	/** A problem the person should know about (engine stopped, storage full, ...). */
	notice: string | null = $state(null);
	engineMicros = $state(0);
	/** True once the engine has run this session's notebook (it is then loaded in every worker). */
	engineHasRun = $state(false);
	canUndo = $state(false);
	canRedo = $state(false);
	readonly uncertainty = new Uncertainty();
	/** The analysis cells' requests (sensitivity, fit, back-test, posterior, Sobol, goal seek), with the current inputs. */
	readonly analysis = ((session: NotebookSession) =>
		new AnalysisRequests({
			get engine() {
				return session.#engine;
			},
			get inputs() {
				return $state.snapshot(session.inputs);
			},
			get horizon() {
				return session.horizon;
			},
			onProblem: (message) => (session.notice = message)
		}))(this);
	/** Cell edits and the rename offer; each edit is committed here as one undo step. */
	readonly edits = ((session: NotebookSession) => new CellEditing({
		get notebook() {
			return session.notebook;
		},
		get inputs() {
			return session.inputs;
		},
		get running() {
			return session.running;
		},
		commit: (change, mergeKey, guard, compileNow) => {
			this.#history.record(this.document, mergeKey);
			this.notebook = change.notebook;
			if (change.inputs) this.inputs = change.inputs;
			this.#changed();
			this.#engineSync.schedule(guard, compileNow ? 0 : COMPILE_DELAY_MS);
		}
	}))(this);

	#engine: EngineClient | null = null;
	#history = new UndoStack<WorkingDocument>();
	/** Autosave: the document kept 300 ms after each change, once the tab has a keeper (the app gives it one). */
	readonly saver = new DocumentSaver(() => this.document);
	readonly #engineSync = ((session: NotebookSession) =>
		new EngineSync({
			get engine() {
				return session.#engine;
			},
			get notebook() {
				return session.notebook;
			},
			run: (inputAt) => session.#run(inputAt),
			onProblem: (message) => (session.notice = message)
		}))(this);
	/** The result shown is the build's run of the published notebook, not yet one from the engine. */
	#resultFromBuild = false;

	/** Errors per cell: a refused draft's own errors, else the latest run's (or compile's). */
	errorsByCell = $derived.by(() => {
		const map = new Map<string, CellError[]>();
		for (const e of this.result?.errors ?? this.compileErrors) map.set(e.cellId, [...(map.get(e.cellId) ?? []), e]);
		for (const [id, errors] of this.draftErrors) map.set(id, errors);
		return map;
	});

	/** What the engine last accepted, refused drafts, compile errors, the posterior in use (engineSync.svelte.ts). */
	get running(): Notebook | null {
		return this.#engineSync.running;
	}
	get draftErrors(): ReadonlyMap<string, CellError[]> {
		return this.#engineSync.draftErrors;
	}
	get compileErrors(): CellError[] {
		return this.#engineSync.compileErrors;
	}
	get posterior(): PosteriorSummary | null {
		return this.#engineSync.posterior;
	}

	constructor(published: Notebook, restored?: WorkingDocument) {
		this.published = restored ? publishedFor(restored.notebook) : published;
		this.notebook = restored?.notebook ?? published;
		this.inputs = restored?.inputs ?? {};
		this.horizon = restored?.horizon ?? published.horizon;
		this.reference = restored?.reference ?? null;
	}

	/**
	 * The published notebook's baseline, run at build time (+page.server.ts). Shown as the first
	 * results while the document is the unchanged published notebook: the engine's own run of it,
	 * when it comes, gives the same numbers (the baseline's first years are that run).
	 */
	usePublishedRun(baseline: RunResult, { figures = true }: { figures?: boolean } = {}): void {
		if (this.published.version !== this.notebook.version) return;
		this.baseline = baseline;
		if (!figures || !this.#isPublishedDefault()) return;
		this.result = resultUpTo(baseline, this.horizon);
		this.#resultFromBuild = true;
		this.#resultOf = runBasis(this);
	}

	#isPublishedDefault(): boolean {
		return (
			Object.keys(this.inputs).length === 0 &&
			this.horizon === this.published.horizon &&
			(this.notebook === this.published || JSON.stringify(this.notebook) === JSON.stringify(this.published))
		);
	}

	get document(): WorkingDocument {
		const doc: WorkingDocument = { notebook: this.notebook, inputs: $state.snapshot(this.inputs), horizon: this.horizon };
		if (this.reference) doc.reference = this.reference;
		return doc;
	}

	valueOf(name: string): number {
		const cell = inputCells(this.notebook).find((c) => c.name === name);
		if (!cell) return NaN;
		return clampToInput(cell, this.inputs[name] ?? cell.default);
	}

	/** The formula the engine runs for a cell whose draft was refused, if any. */
	lastGoodFormula(cellId: string): string | null {
		if (!this.draftErrors.has(cellId)) return null;
		const cell = this.running?.cells.find((c) => c.id === cellId);
		return cell?.kind === 'formula' ? cell.formula : null;
	}

	async attach(engine: EngineClient): Promise<void> {
		this.#engine = engine;
		this.uncertainty.attach(engine);
		try {
			this.baseline = await engine.setBaseline(this.published);
			this.status = 'ready';
			void this.#runReference();
			await this.#engineSync.sync(undefined, null);
		} catch (err) {
			this.status = 'failed';
			this.notice = w('screen_analysis_engine_start_failed', { reason: (err as Error).message });
		}
	}

	// ---- inputs and horizon -------------------------------------------------------------

	setInput(name: string, value: number): void {
		const cell = inputCells(this.notebook).find((c) => c.name === name);
		if (!cell || !Number.isFinite(value) || clampToInput(cell, value) === this.valueOf(name)) return;
		this.#history.record(this.document, `input:${name}`);
		storeInput(this.inputs, cell, value);
		this.#changed();
		void this.#run(performance.now());
	}

	resetInput(name: string): void {
		if (!(name in this.inputs)) return;
		this.#history.record(this.document);
		delete this.inputs[name];
		this.#changed();
		void this.#run(performance.now());
	}

	setHorizon(year: number): void {
		this.#history.record(this.document);
		this.horizon = year;
		this.#changed();
		void this.#run(performance.now());
	}

	/** Opens a document restored from storage (no undo step: nothing was undone or done). */
	adopt(doc: WorkingDocument) {
		this.#replaceDocument(doc);
		this.canUndo = this.#history.canUndo;
	}

	resetToPublished() {
		this.#history.record(this.document);
		// The reference is what the person compares against, not an edit: a reset keeps it.
		this.#replaceDocument({ notebook: this.published, inputs: {}, horizon: this.published.horizon, reference: this.reference ?? undefined });
	}

	/**
	 * "Open with the current model": a document of an older version moved to the current one by
	 * the migration (scenario/upgrade.ts), as one undoable step. Returns what changed on the way.
	 */
	async openWithCurrentModel(): Promise<string[]> {
		const before = this.document;
		// Loaded on demand: the upgrade compiles notebooks (mathjs), which a first visit never needs.
		const { upgradeToCurrent } = await import('../scenario/upgrade');
		const { document, notices } = await upgradeToCurrent(before);
		if (document === before) return [];
		this.#history.record(before);
		this.#replaceDocument(document);
		return notices;
	}

	// ---- reference ----------------------------------------------------------------------

	/** Pins a scenario (the current one, a saved one, a preset) as the reference, or clears it (null): one undo step. */
	setReference(reference: ReferenceScenario | null) {
		if (reference === this.reference) return;
		this.#history.record(this.document);
		this.reference = reference;
		this.#changed();
		void this.#runReference();
	}

	clearReference() {
		this.setReference(null);
	}

	/** The reference's run, to MAX_HORIZON; null while it runs or when there is none. */
	get referenceResult(): RunResult | null {
		return this.#referenceLine.result;
	}

	#runReference(): Promise<void> {
		return this.#referenceLine.follow(this.reference, this.#engine, () => this.reference, (message) => (this.notice = message));
	}

	// ---- undo and redo ------------------------------------------------------------------

	undo() {
		const previous = this.#history.undo(this.document);
		if (previous) this.#replaceDocument(previous);
	}

	redo() {
		const next = this.#history.redo(this.document);
		if (next) this.#replaceDocument(next);
	}

	#replaceDocument(doc: WorkingDocument) {
		const notebookChanged = doc.notebook !== this.notebook;
		const versionChanged = doc.notebook.version !== this.notebook.version;
		this.notebook = doc.notebook;
		if (versionChanged) void this.#followVersion();
		this.inputs = { ...doc.inputs };
		this.horizon = doc.horizon;
		if (!ReferenceLine.same(doc.reference ?? null, this.reference)) {
			this.reference = doc.reference ?? null;
			void this.#runReference();
		}
		this.edits.renameOffer = null;
		this.#changed();
		if (notebookChanged) {
			this.#engineSync.forgetDrafts();
			this.#engineSync.schedule(undefined, 0);
		} else void this.#run(performance.now());
	}

	#changed() {
		// Once the document is no longer the published one, the build's numbers are not its numbers.
		if (this.#resultFromBuild && !this.#isPublishedDefault()) {
			this.result = null;
			this.#resultFromBuild = false;
		}
		this.canUndo = this.#history.canUndo;
		this.canRedo = this.#history.canRedo;
		this.saver.schedule();
	}

	/** The published notebook and baseline of the document's version (loaded first if it is an old one). */
	async #followVersion(): Promise<void> {
		const version = this.notebook.version;
		await loadPublishedVersion(version);
		if (this.notebook.version !== version) return; // replaced meanwhile
		this.published = publishedFor(this.notebook);
		this.baseline = null;
		const { baseline, problem } = await baselineOf(this.#engine, this.published);
		if (this.published.version === version) this.baseline = baseline;
		if (problem) this.notice = problem;
	}

	// ---- engine -------------------------------------------------------------------------

	/** `inputAt`: when the person acted, to measure input-to-chart time (null: not a person's act). */
	async #run(inputAt: number | null): Promise<void> {
		if (!this.#engine || !this.running) return;
		// A person's move goes first: band runs pause (between years) until its charts are drawn.
		const release = inputAt !== null ? this.#engine.holdAnalysis() : null;
		if (inputAt !== null) this.uncertainty.linesUpdating();
		const basis = runBasis(this);
		try {
			const response = await this.#engine.run({ inputs: $state.snapshot(this.inputs), horizon: this.horizon });
			if (!response) return; // a newer request replaced this one
			this.result = response.result;
			this.#resultFromBuild = false;
			this.#resultOf = basis;
			// Bands that came in meanwhile go into the same update: one redraw for both.
			this.uncertainty.takePending();
			this.engineMicros = response.engineMicros;
			this.engineHasRun = true;
			await tick();
			// The charts draw in their own worker: the input-to-chart measure ends when they have
			// drawn, and the bands are asked for only then, so on a two-core machine the first
			// lines are not kept waiting behind 10,000 samples.
			const drawnAt = await chartsDrawn();
			if (inputAt !== null) measureSliderToChart(inputAt, drawnAt);
			// Bands follow in the analysis worker; the charts already show the new lines.
			void this.uncertainty.request($state.snapshot(this.inputs), this.horizon, bandVariables(this.notebook));
		} catch (err) {
			// A run cut off by a restart is not news: the restart itself was reported.
			if ((err as Error).name !== 'EngineRestarted') this.notice = (err as Error).message;
		} finally {
			release?.();
		}
	}

	/** Sets several inputs at once (fitted values): one undo step. */
	setInputs(values: Record<string, number>) {
		this.#history.record(this.document);
		for (const [name, value] of Object.entries(values)) {
			const cell = inputCells(this.notebook).find((c) => c.name === name);
			if (cell && Number.isFinite(value)) storeInput(this.inputs, cell, value);
		}
		this.#changed();
		void this.#run(performance.now());
	}

	/** Opens a saved scenario: one undo step brings back what was open before. */
	open(doc: WorkingDocument) {
		this.#history.record(this.document);
		this.#replaceDocument(structuredClone(doc));
	}

	/**
	 * Called by the engine's watchdog after it restarted the worker. After a crash the last run
	 * is repeated on the fresh worker; after a run that was too long it is not (it would only be
	 * stopped again), and the person decides what to change.
	 */
	engineRestarted(message: string, rerun: boolean) {
		this.notice = message;
		if (rerun) void this.#run(null);
	}
}
