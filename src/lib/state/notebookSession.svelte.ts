// The notebook page's state: the notebook, the inputs a person set, and the latest results.
// Data flows one way: an input changes -> a run is requested from the worker (latest wins)
// -> the result lands here -> charts and tables derive from it.

import { tick } from 'svelte';
import type { EngineClient } from '../worker/client';
import type { CellError, Notebook, RunResult } from '../sim/types';
import { inputCells } from '../view/notebookView';
import { measureSliderToChart } from '../view/perfMarks';

export type EngineStatus = 'starting' | 'ready' | 'failed';

export class NotebookSession {
	notebook: Notebook = $state.raw(null as unknown as Notebook);
	/** Only inputs the person changed; everything else is at its default. */
	inputs = $state<Record<string, number>>({});
	horizon = $state(2035);
	result = $state.raw<RunResult | null>(null);
	baseline = $state.raw<RunResult | null>(null);
	compileErrors = $state.raw<CellError[]>([]);
	status = $state<EngineStatus>('starting');
	failure = $state<string | null>(null);
	/** Last time the engine spent on a run, microseconds (shown for the curious). */
	engineMicros = $state(0);

	#engine: EngineClient | null = null;

	/** Every error for a cell: compile errors before the first run, the run's afterwards. */
	errorsByCell = $derived.by(() => {
		const map = new Map<string, CellError[]>();
		for (const e of this.result?.errors ?? this.compileErrors) map.set(e.cellId, [...(map.get(e.cellId) ?? []), e]);
		return map;
	});

	constructor(notebook: Notebook) {
		this.notebook = notebook;
		this.horizon = notebook.horizon;
	}

	valueOf(name: string): number {
		const cell = inputCells(this.notebook).find((c) => c.name === name);
		return this.inputs[name] ?? cell?.default ?? NaN;
	}

	async attach(engine: EngineClient): Promise<void> {
		this.#engine = engine;
		try {
			const report = await engine.load($state.snapshot(this.notebook) as Notebook);
			this.compileErrors = report.errors;
			this.baseline = report.baseline;
			this.status = 'ready';
			await this.#run(null);
		} catch (err) {
			this.status = 'failed';
			this.failure = `The model engine could not start: ${(err as Error).message}`;
		}
	}

	setInput(name: string, value: number): void {
		const cell = inputCells(this.notebook).find((c) => c.name === name);
		if (!cell || !Number.isFinite(value)) return;
		const clamped = Math.min(cell.max, Math.max(cell.min, value));
		if (clamped === cell.default) delete this.inputs[name];
		else this.inputs[name] = clamped;
		void this.#run(performance.now());
	}

	resetInput(name: string): void {
		delete this.inputs[name];
		void this.#run(performance.now());
	}

	setHorizon(year: number): void {
		this.horizon = year;
		void this.#run(performance.now());
	}

	/** `inputAt`: when the person acted, to measure input-to-chart time (null: not a person's act). */
	async #run(inputAt: number | null): Promise<void> {
		if (!this.#engine || this.status !== 'ready') return;
		try {
			const response = await this.#engine.run({ inputs: $state.snapshot(this.inputs), horizon: this.horizon });
			if (!response) return; // a newer request replaced this one
			this.result = response.result;
			this.engineMicros = response.engineMicros;
			await tick();
			if (inputAt !== null) measureSliderToChart(inputAt);
		} catch (err) {
			this.failure = `A model run failed: ${(err as Error).message}`;
		}
	}
}
