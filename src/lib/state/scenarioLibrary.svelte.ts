// The saved-scenario library as page state: presets first, then the person's own scenarios,
// kept in the browser's database (storage/scenarioStore.ts), one record each. After every change
// the list is read back and the other tabs are told, so every tab shows the same library; a
// change another tab makes is read here too. Deleting can be undone. The library also remembers
// which saved scenario this tab's document came from (`origin`), for "Save changes to “Name”".
// The changes themselves are in state/libraryActions.ts, loaded with the first one: reading the
// list is all a first visit needs (the page's JavaScript budget is 100 kB gzip).

import { PRESETS } from '../scenario/presets';
import type { SavedScenario } from '../scenario/library';
import { hasStoredWork } from '../storage/localStorageNotes';
import { prepareStorage } from '../storage/prepare';
import type { StoredScenario } from '../storage/scenarioStore';
import type { SaveChangesOutcome } from '../storage/scenarioWrites';
import { announce, onChange } from '../storage/tabPresence';
import type { ScenarioOrigin } from '../storage/workingCopies';
import type { WorkingDocument } from './autosave';
import type { Talk } from '../talk/schema';

const actions = () => import('./libraryActions');
const store = () => import('../storage/scenarioStore');

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

	/**
	 * Reads the library (after anything left in localStorage has been moved in). With nothing
	 * stored in this browser there is nothing to read, and the storage code is not loaded: the
	 * panel reads again when opened (reread), as does a change made here or in another tab.
	 */
	async load(): Promise<void> {
		const moved = await prepareStorage();
		// Problems met moving an earlier version's scenarios are said even when none could be moved.
		if (!moved && !hasStoredWork()) return;
		const { scenarios, problems } = await (await store()).readScenarios();
		this.scenarios = scenarios;
		this.problems = [...(moved?.libraryProblems ?? []), ...problems];
	}

	/** Follows changes other tabs make (save, rename, delete); returns the way to stop. */
	follow(): () => void {
		return onChange('library', () => void this.reread());
	}

	/** Reads the list again; problems reading it replace those shown. */
	async reread(): Promise<void> {
		await prepareStorage();
		const { scenarios, problems } = await (await store()).readScenarios();
		this.scenarios = scenarios;
		if (problems.length) this.problems = problems;
	}

	/** After a write: `problem` shown, or the list read back, the status said and the other tabs told. */
	async settle(problem: string | null, status: string): Promise<boolean> {
		if (problem) {
			this.problems = [problem];
			return false;
		}
		await this.reread();
		announce('library');
		this.status = status;
		this.problems = [];
		return true;
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

	/** Saves `document` as a new scenario; with `becomesOrigin`, "Save changes" then writes to it; with `talk`, it is kept as that talk. */
	async save(name: string, description: string, document: WorkingDocument, options: { becomesOrigin?: boolean; talk?: Talk } = {}): Promise<boolean> {
		return (await actions()).save(this, name, description, document, options);
	}

	/**
	 * "Save changes to “Name”": writes `document` over the scenario it came from, unless another tab
	 * saved that scenario since this tab read it (then the outcome says so, and nothing is written
	 * until the person chooses: `overwrite`, or keepBoth). Null without an origin.
	 */
	async saveChanges(document: WorkingDocument, overwrite = false): Promise<SaveChangesOutcome | null> {
		return (await actions()).saveChanges(this, document, overwrite);
	}

	/** Saves `document` as a new scenario beside the one it came from ("Keep both"), and works on that one from now on. */
	async keepBoth(document: WorkingDocument): Promise<boolean> {
		return (await actions()).keepBoth(this, document);
	}

	async rename(id: string, name: string): Promise<boolean> {
		return (await actions()).rename(this, id, name);
	}

	async duplicate(id: string): Promise<boolean> {
		return (await actions()).duplicate(this, id);
	}

	async remove(id: string): Promise<boolean> {
		return (await actions()).remove(this, id);
	}

	async undoRemove(): Promise<boolean> {
		return (await actions()).undoRemove(this);
	}

	/** The person's scenarios as the text of an export file. */
	async exportText(): Promise<string> {
		return (await actions()).exportText(this);
	}

	async importText(text: string): Promise<void> {
		return (await actions()).importText(this, text);
	}
}
