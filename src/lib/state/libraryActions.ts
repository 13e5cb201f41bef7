// The library's changes (state/scenarioLibrary.svelte.ts calls them): each writes one record in
// the database (storage/scenarioWrites.ts), then the library reads the list back and tells the
// other tabs (settle). Loaded with the first change, not by a first visit.

import { newScenarioId } from '../scenario/library';
import type { SavedScenario } from '../scenario/library';
import { exportLibrary, importLibrary } from '../scenario/libraryFile';
import { addScenarios, deleteScenario, renameScenario, restoreScenario, saveChanges as writeChanges } from '../storage/scenarioWrites';
import type { SaveChangesOutcome } from '../storage/scenarioWrites';
import type { WorkingDocument } from './autosave';
import type { Talk } from '../talk/schema';
import type { ScenarioLibrary } from './scenarioLibrary.svelte';

/** A stored scenario as the file format and the presets have it (no revision, no list position). */
function plain({ id, name, description, savedAt, document, talk }: SavedScenario): SavedScenario {
	return talk ? { id, name, description, savedAt, document, talk } : { id, name, description, savedAt, document };
}

export async function save(library: ScenarioLibrary, name: string, description: string, document: WorkingDocument, { becomesOrigin = false, talk }: { becomesOrigin?: boolean; talk?: Talk } = {}): Promise<boolean> {
	const clean = name.trim();
	if (!clean) {
		library.problems = ['Give the scenario a name first.'];
		return false;
	}
	const scenario: SavedScenario = {
		id: newScenarioId(library.all),
		name: clean.slice(0, 120),
		description: description.trim().slice(0, 500),
		savedAt: new Date().toISOString(),
		document: structuredClone(document)
	};
	if (talk) scenario.talk = structuredClone(talk);
	const ok = await library.settle(await addScenarios([scenario], `the scenario “${scenario.name}”`), `Saved “${scenario.name}”.`);
	if (ok && becomesOrigin) library.origin = { scenarioId: scenario.id, name: scenario.name, revision: 1 };
	return ok;
}

export async function saveChanges(library: ScenarioLibrary, document: WorkingDocument, overwrite: boolean): Promise<SaveChangesOutcome | null> {
	const origin = library.origin;
	if (!origin) return null;
	const outcome = await writeChanges(origin.scenarioId, document, origin.revision, overwrite);
	if (outcome.kind === 'saved') {
		library.origin = { scenarioId: origin.scenarioId, name: outcome.scenario.name, revision: outcome.scenario.revision };
		await library.settle(null, `Saved the changes to “${outcome.scenario.name}”.`);
	} else if (outcome.kind === 'problem') library.problems = [outcome.message];
	return outcome;
}

export function keepBoth(library: ScenarioLibrary, document: WorkingDocument): Promise<boolean> {
	const from = library.originScenario;
	const base = from?.name ?? library.origin?.name ?? 'Scenario';
	return save(library, `${base} (this tab)`.slice(0, 120), from?.description ?? '', document, { becomesOrigin: true });
}

export async function rename(library: ScenarioLibrary, id: string, name: string): Promise<boolean> {
	const clean = name.trim();
	if (!clean) {
		library.problems = ['A scenario needs a name.'];
		return false;
	}
	return library.settle(await renameScenario(id, clean.slice(0, 120)), `Renamed to “${clean}”.`);
}

export async function duplicate(library: ScenarioLibrary, id: string): Promise<boolean> {
	const original = library.find(id);
	if (!original) return false;
	const copy: SavedScenario = { ...structuredClone(plain(original)), id: newScenarioId(library.all), name: `${original.name} (copy)`.slice(0, 120), savedAt: new Date().toISOString() };
	return library.settle(await addScenarios([copy], `the copy of “${original.name}”`), `Duplicated “${original.name}”.`);
}

export async function remove(library: ScenarioLibrary, id: string): Promise<boolean> {
	const outcome = await deleteScenario(id);
	if ('problem' in outcome) return library.settle(outcome.problem, '');
	const ok = await library.settle(null, outcome.removed ? `Deleted “${outcome.removed.name}”.` : 'Deleted.');
	library.lastDeleted = outcome.removed;
	return ok;
}

export async function undoRemove(library: ScenarioLibrary): Promise<boolean> {
	const last = library.lastDeleted;
	if (!last) return false;
	const ok = await library.settle(await restoreScenario(last), `Restored “${last.name}”.`);
	if (ok) library.lastDeleted = null;
	return ok;
}

export function exportText(library: ScenarioLibrary): string {
	return exportLibrary(library.scenarios.map(plain));
}

/** Merges a file's scenarios in, overwriting nothing (scenario/libraryFile.ts says how). */
export async function importText(library: ScenarioLibrary, text: string): Promise<void> {
	const current = library.scenarios.map(plain);
	const outcome = importLibrary(current, text);
	const summary = `Imported ${outcome.added} new scenario${outcome.added === 1 ? '' : 's'}${
		outcome.renamed ? `, ${outcome.renamed} under a new name (their ids were taken by different scenarios)` : ''
	}${outcome.skipped ? `, skipped ${outcome.skipped} already here` : ''}.`;
	if (outcome.added + outcome.renamed > 0) await library.settle(await addScenarios(outcome.scenarios.slice(current.length), 'the imported scenarios'), summary);
	else library.status = summary;
	if (outcome.problems.length) library.problems = [...library.problems, ...outcome.problems];
}
