// The saved-scenario library as page state: presets first, then the person's own scenarios,
// kept in the browser's database (storage/scenarioStore.ts), one record each. After every change
// the list is read back and the other tabs are told, so every tab shows the same library.
// Deleting can be undone. The library also remembers which saved scenario this tab's document
// came from (`origin`), for "Save changes to “Name”" and its question when another tab saved it.

import { PRESETS } from '../scenario/presets';
import { exportLibrary, importLibrary, newScenarioId } from '../scenario/library';
import type { SavedScenario } from '../scenario/library';
import { prepareStorage } from '../storage/prepare';
import { addScenarios, deleteScenario, readScenarios, renameScenario, restoreScenario, saveChanges } from '../storage/scenarioStore';
import type { SaveChangesOutcome, StoredScenario } from '../storage/scenarioStore';
import { announce, onChange } from '../storage/tabPresence';
import type { ScenarioOrigin } from '../storage/workingCopies';
import type { WorkingDocument } from './autosave';

/** A stored scenario as the file format and the presets have it (no revision, no list position). */
function plain({ id, name, description, savedAt, document }: SavedScenario): SavedScenario {
	return { id, name, description, savedAt, document };
}

export class ScenarioLibrary {
	readonly presets = PRESETS;
	scenarios: StoredScenario[] = $state.raw([]);
	/** Problems reading storage or importing, in words. */
	problems: string[] = $state.raw([]);
	/** A status line after an action ("Saved “X”.", "Deleted “X”."). */
	status: string | null = $state(null);
	lastDeleted: StoredScenario | null = $state.raw(null);
	/** The saved scenario this tab's document was opened from or last saved as; null for none (or a preset). */
	origin: ScenarioOrigin | null = $state.raw(null);
	/** That scenario as the library has it now (renamed in another tab: its new name); null once deleted. */
	originScenario: StoredScenario | null = $derived(this.scenarios.find((s) => s.id === this.origin?.scenarioId) ?? null);

	all: SavedScenario[] = $derived([...this.presets, ...this.scenarios]);

	/** Reads the library (after anything left in localStorage has been moved in). */
	async load(): Promise<void> {
		const moved = await prepareStorage();
		const { scenarios, problems } = await readScenarios();
		this.scenarios = scenarios;
		this.problems = [...(moved?.libraryProblems ?? []), ...problems];
	}

	/** Follows changes other tabs make (save, rename, delete); returns the way to stop. */
	follow(): () => void {
		return onChange('library', () => void this.#reread());
	}

	async #reread(): Promise<void> {
		const { scenarios, problems } = await readScenarios();
		this.scenarios = scenarios;
		if (problems.length) this.problems = problems;
	}

	isPreset(id: string): boolean {
		return this.presets.some((p) => p.id === id);
	}

	find(id: string): SavedScenario | undefined {
		return this.all.find((s) => s.id === id);
	}

	/** The document of `entry` was opened in this tab: "Save changes" now writes to it (not to a preset). */
	opened(entry: SavedScenario): void {
		const stored = this.scenarios.find((s) => s.id === entry.id);
		this.origin = stored ? { scenarioId: stored.id, name: stored.name, revision: stored.revision } : null;
	}

	/** After a write: `problem` shown, or the list read back, the status said and the other tabs told. */
	async #after(problem: string | null, status: string): Promise<boolean> {
		if (problem) {
			this.problems = [problem];
			return false;
		}
		await this.#reread();
		announce('library');
		this.status = status;
		this.problems = [];
		return true;
	}

	/** Saves `document` as a new scenario; with `becomesOrigin`, "Save changes" then writes to it. */
	async save(name: string, description: string, document: WorkingDocument, { becomesOrigin = false } = {}): Promise<boolean> {
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
		const ok = await this.#after(await addScenarios([scenario], `the scenario “${scenario.name}”`), `Saved “${scenario.name}”.`);
		if (ok && becomesOrigin) this.origin = { scenarioId: scenario.id, name: scenario.name, revision: 1 };
		return ok;
	}

	/**
	 * "Save changes to “Name”": writes `document` over the scenario it came from, unless another tab
	 * saved that scenario since this tab read it (then the outcome says so, and nothing is written
	 * until the person chooses: `overwrite`, or save as a new scenario). Null without an origin.
	 */
	async saveChanges(document: WorkingDocument, overwrite = false): Promise<SaveChangesOutcome | null> {
		const origin = this.origin;
		if (!origin) return null;
		const outcome = await saveChanges(origin.scenarioId, document, origin.revision, overwrite);
		if (outcome.kind === 'saved') {
			this.origin = { scenarioId: origin.scenarioId, name: outcome.scenario.name, revision: outcome.scenario.revision };
			await this.#after(null, `Saved the changes to “${outcome.scenario.name}”.`);
		} else if (outcome.kind === 'problem') this.problems = [outcome.message];
		return outcome;
	}

	/** Saves `document` as a new scenario beside the one it came from ("Keep both"), and works on that one from now on. */
	keepBoth(document: WorkingDocument): Promise<boolean> {
		const base = this.originScenario?.name ?? this.origin?.name ?? 'Scenario';
		const from = this.originScenario;
		return this.save(`${base} (this tab)`.slice(0, 120), from?.description ?? '', document, { becomesOrigin: true });
	}

	async rename(id: string, name: string): Promise<boolean> {
		const clean = name.trim();
		if (!clean) {
			this.problems = ['A scenario needs a name.'];
			return false;
		}
		return this.#after(await renameScenario(id, clean.slice(0, 120)), `Renamed to “${clean}”.`);
	}

	async duplicate(id: string): Promise<boolean> {
		const original = this.find(id);
		if (!original) return false;
		const copy: SavedScenario = { ...structuredClone(plain(original)), id: newScenarioId(this.all), name: `${original.name} (copy)`.slice(0, 120), savedAt: new Date().toISOString() };
		return this.#after(await addScenarios([copy], `the copy of “${original.name}”`), `Duplicated “${original.name}”.`);
	}

	async remove(id: string): Promise<boolean> {
		const outcome = await deleteScenario(id);
		if ('problem' in outcome) return this.#after(outcome.problem, '');
		const removed = outcome.removed;
		const ok = await this.#after(null, removed ? `Deleted “${removed.name}”.` : 'Deleted.');
		this.lastDeleted = removed;
		return ok;
	}

	async undoRemove(): Promise<boolean> {
		const last = this.lastDeleted;
		if (!last) return false;
		const ok = await this.#after(await restoreScenario(last), `Restored “${last.name}”.`);
		if (ok) this.lastDeleted = null;
		return ok;
	}

	exportText(): string {
		return exportLibrary(this.scenarios.map(plain));
	}

	async importText(text: string): Promise<void> {
		const current = this.scenarios.map(plain);
		const outcome = importLibrary(current, text);
		const summary = `Imported ${outcome.added} new scenario${outcome.added === 1 ? '' : 's'}${
			outcome.renamed ? `, ${outcome.renamed} under a new name (their ids were taken by different scenarios)` : ''
		}${outcome.skipped ? `, skipped ${outcome.skipped} already here` : ''}.`;
		const problems = outcome.problems;
		if (outcome.added + outcome.renamed > 0) await this.#after(await addScenarios(outcome.scenarios.slice(current.length), 'the imported scenarios'), summary);
		else this.status = summary;
		if (problems.length) this.problems = [...this.problems, ...problems];
	}
}
