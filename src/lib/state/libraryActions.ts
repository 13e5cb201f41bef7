// The library's changes (state/scenarioLibrary.svelte.ts calls them): each writes one record in
// the database (storage/scenarioWrites.ts), then the library reads the list back and tells the
// other tabs (settle). Loaded with the first change, not by a first visit. Status lines and
// problems are worded in the page's language, and so are the names made here ("X (this tab)",
// "X (copy)"), which are then stored as the person's own text.

import { newScenarioId } from '../scenario/library';
import type { SavedScenario } from '../scenario/library';
import { exportLibrary, importLibrary } from '../scenario/libraryFile';
import { addScenarios, deleteScenario, renameScenario, restoreScenario, saveChanges as writeChanges } from '../storage/scenarioWrites';
import type { SaveChangesOutcome } from '../storage/scenarioWrites';
import type { WorkingDocument } from './autosave';
import type { Talk } from '../talk/schema';
import type { ScenarioLibrary } from './scenarioLibrary.svelte';
import { w } from '../i18n/screenWords';
import { shown } from '../i18n/publishedTexts';

/** A stored scenario as the file format and the presets have it (no revision, no list position). */
function plain({ id, name, description, savedAt, document, talk }: SavedScenario): SavedScenario {
	return talk ? { id, name, description, savedAt, document, talk } : { id, name, description, savedAt, document };
}

export async function save(library: ScenarioLibrary, name: string, description: string, document: WorkingDocument, { becomesOrigin = false, talk }: { becomesOrigin?: boolean; talk?: Talk } = {}): Promise<boolean> {
	const clean = name.trim();
	if (!clean) {
		library.problems = [w('screen_storage_name_first')];
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
	const ok = await library.settle(await addScenarios([scenario], w('screen_storage_what_named_scenario', { name: scenario.name })), w('screen_storage_saved', { name: scenario.name }));
	if (ok && becomesOrigin) library.origin = { scenarioId: scenario.id, name: scenario.name, revision: 1 };
	return ok;
}

export async function saveChanges(library: ScenarioLibrary, document: WorkingDocument, overwrite: boolean): Promise<SaveChangesOutcome | null> {
	const origin = library.origin;
	if (!origin) return null;
	const outcome = await writeChanges(origin.scenarioId, document, origin.revision, overwrite);
	if (outcome.kind === 'saved') {
		library.origin = { scenarioId: origin.scenarioId, name: outcome.scenario.name, revision: outcome.scenario.revision };
		await library.settle(null, w('screen_storage_saved_changes', { name: outcome.scenario.name }));
	} else if (outcome.kind === 'problem') library.problems = [outcome.message];
	return outcome;
}

export function keepBoth(library: ScenarioLibrary, document: WorkingDocument): Promise<boolean> {
	const from = library.originScenario;
	const base = from?.name ?? library.origin?.name ?? w('screen_names_scenario');
	return save(library, w('screen_names_this_tab', { name: base }).slice(0, 120), from?.description ?? '', document, { becomesOrigin: true });
}

export async function rename(library: ScenarioLibrary, id: string, name: string): Promise<boolean> {
	const clean = name.trim();
	if (!clean) {
		library.problems = [w('screen_storage_name_needed')];
		return false;
	}
	return library.settle(await renameScenario(id, clean.slice(0, 120)), w('screen_storage_renamed', { name: clean }));
}

export async function duplicate(library: ScenarioLibrary, id: string): Promise<boolean> {
	const original = library.find(id);
	if (!original) return false;
	const copy: SavedScenario = { ...structuredClone(plain(original)), id: newScenarioId(library.all), name: w('screen_names_copy', { name: original.name }).slice(0, 120), savedAt: new Date().toISOString() };
	// A preset's name as the page shows it (the copy's own name is stored, in English).
	const name = shown(original.name);
	return library.settle(await addScenarios([copy], w('screen_storage_what_copy', { name })), w('screen_storage_duplicated', { name }));
}

export async function remove(library: ScenarioLibrary, id: string): Promise<boolean> {
	const outcome = await deleteScenario(id);
	if ('problem' in outcome) return library.settle(outcome.problem, '');
	const ok = await library.settle(null, outcome.removed ? w('screen_storage_deleted_named', { name: outcome.removed.name }) : w('screen_storage_deleted'));
	library.lastDeleted = outcome.removed;
	return ok;
}

export async function undoRemove(library: ScenarioLibrary): Promise<boolean> {
	const last = library.lastDeleted;
	if (!last) return false;
	const ok = await library.settle(await restoreScenario(last), w('screen_storage_restored', { name: last.name }));
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
	const summary = w('screen_storage_imported', {
		added: w(outcome.added === 1 ? 'screen_storage_imported_added_one' : 'screen_storage_imported_added_many', { count: outcome.added }),
		renamed: outcome.renamed ? w('screen_storage_imported_renamed', { count: outcome.renamed }) : '',
		skipped: outcome.skipped ? w('screen_storage_imported_skipped', { count: outcome.skipped }) : ''
	});
	if (outcome.added + outcome.renamed > 0) await library.settle(await addScenarios(outcome.scenarios.slice(current.length), w('screen_storage_what_imported')), summary);
	else library.status = summary;
	if (outcome.problems.length) library.problems = [...library.problems, ...outcome.problems];
}
