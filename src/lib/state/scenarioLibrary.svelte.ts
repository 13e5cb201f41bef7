// The saved-scenario library as page state: presets first, then the person's own scenarios,
// persisted to browser storage after every change. Deleting can be undone.

import { PRESETS } from '../scenario/presets';
import { exportLibrary, importLibrary, newScenarioId, readLibrary, writeLibrary } from '../scenario/library';
import type { SavedScenario } from '../scenario/library';
import type { WorkingDocument } from './autosave';

export class ScenarioLibrary {
	readonly presets = PRESETS;
	scenarios: SavedScenario[] = $state.raw([]);
	/** Problems reading storage or importing, in words. */
	problems: string[] = $state.raw([]);
	/** A status line after an action ("Saved “X”.", "Deleted “X”."). */
	status: string | null = $state(null);
	lastDeleted: { scenario: SavedScenario; index: number } | null = $state.raw(null);

	all = $derived([...this.presets, ...this.scenarios]);

	load() {
		const loaded = readLibrary();
		this.scenarios = loaded.scenarios;
		this.problems = loaded.problems;
	}

	isPreset(id: string): boolean {
		return this.presets.some((p) => p.id === id);
	}

	find(id: string): SavedScenario | undefined {
		return this.all.find((s) => s.id === id);
	}

	#commit(next: SavedScenario[], status: string): boolean {
		const problem = writeLibrary(next);
		if (problem) {
			this.problems = [problem];
			return false;
		}
		this.scenarios = next;
		this.status = status;
		this.problems = [];
		return true;
	}

	save(name: string, description: string, document: WorkingDocument): boolean {
		const clean = name.trim();
		if (!clean) {
			this.problems = ['Give the scenario a name first.'];
			return false;
		}
		const scenario: SavedScenario = {
			id: newScenarioId(this.all),
			name: clean.slice(0, 120),
			description: description.trim().slice(0, 500),
			savedAt: new Date().toISOString(),
			document: structuredClone(document)
		};
		return this.#commit([...this.scenarios, scenario], `Saved “${scenario.name}”.`);
	}

	rename(id: string, name: string): boolean {
		const clean = name.trim();
		if (!clean) {
			this.problems = ['A scenario needs a name.'];
			return false;
		}
		return this.#commit(
			this.scenarios.map((s) => (s.id === id ? { ...s, name: clean.slice(0, 120) } : s)),
			`Renamed to “${clean}”.`
		);
	}

	duplicate(id: string): boolean {
		const original = this.find(id);
		if (!original) return false;
		const copy: SavedScenario = { ...structuredClone(original), id: newScenarioId(this.all), name: `${original.name} (copy)`.slice(0, 120), savedAt: new Date().toISOString() };
		return this.#commit([...this.scenarios, copy], `Duplicated “${original.name}”.`);
	}

	remove(id: string): boolean {
		const index = this.scenarios.findIndex((s) => s.id === id);
		if (index < 0) return false;
		const scenario = this.scenarios[index];
		const ok = this.#commit(this.scenarios.filter((s) => s.id !== id), `Deleted “${scenario.name}”.`);
		if (ok) this.lastDeleted = { scenario, index };
		return ok;
	}

	undoRemove(): boolean {
		const last = this.lastDeleted;
		if (!last) return false;
		const next = this.scenarios.slice();
		next.splice(Math.min(last.index, next.length), 0, last.scenario);
		const ok = this.#commit(next, `Restored “${last.scenario.name}”.`);
		if (ok) this.lastDeleted = null;
		return ok;
	}

	exportText(): string {
		return exportLibrary(this.scenarios);
	}

	importText(text: string): void {
		const outcome = importLibrary(this.scenarios, text);
		const summary = `Imported ${outcome.added} new scenario${outcome.added === 1 ? '' : 's'}${
			outcome.renamed ? `, ${outcome.renamed} under a new name (their ids were taken by different scenarios)` : ''
		}${outcome.skipped ? `, skipped ${outcome.skipped} already here` : ''}.`;
		if (outcome.added + outcome.renamed > 0) this.#commit(outcome.scenarios, summary);
		else this.status = summary;
		this.problems = outcome.problems;
	}
}
