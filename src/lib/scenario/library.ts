// Named scenarios: their shape, plus export to and import from a JSON file. They are kept in the
// browser's database (storage/scenarioStore.ts). Stored entries are untrusted on the way back
// in: each is validated on its own (checkEntries), so one corrupt entry is set aside and
// reported while the rest stay usable.

import { z } from 'zod/mini';
import { WorkingDocumentSchema } from '../state/autosave';
import type { WorkingDocument } from '../state/autosave';
import { describeIssues } from './notebookSchema';

export { LIBRARY_KEY } from '../storage/localStorageNotes';
/** Key prefix (a timestamp follows) under which unreadable saved scenarios are set aside. */
export const LIBRARY_SET_ASIDE_PREFIX = 'shiftcast:corrupt:library:';
/** The `format` field that marks a file as a scenario export. */
export const EXPORT_FORMAT = 'shiftcast-scenarios';
/** Most scenarios the library holds, and the most an export file may list. */
export const MAX_SCENARIOS = 200;

/** A named scenario kept in the library: a working document with a name, description and save time. */
export interface SavedScenario {
	id: string;
	name: string;
	description: string;
	savedAt: string;
	document: WorkingDocument;
}

/** Validates one saved scenario read from storage or an import file; the name is stored trimmed. */
export const SavedScenarioSchema = z.strictObject({
	id: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/)),
	// z.trim() overwrites the value: the name is stored trimmed, and checked after trimming.
	name: z.string().check(z.trim(), z.minLength(1, { error: 'a name is needed' }), z.maxLength(120)),
	description: z.string().check(z.maxLength(500)),
	savedAt: z.string().check(z.maxLength(40)),
	document: WorkingDocumentSchema
});

const ExportSchema = z.strictObject({
	format: z.literal(EXPORT_FORMAT),
	version: z.literal(1),
	exportedAt: z.optional(z.string().check(z.maxLength(40))),
	scenarios: z.array(z.unknown()).check(z.maxLength(MAX_SCENARIOS))
});

/** The saved scenarios that could be read, and what could not. */
export interface LoadedLibrary {
	scenarios: SavedScenario[];
	/** What could not be read, in words; empty when all is well. */
	problems: string[];
}

/** Stored entries sorted into those that validate and those that do not (each entry alone). */
export interface CheckedEntries<T> {
	good: { entry: T; raw: unknown }[];
	bad: unknown[];
	/** One sentence per bad entry, naming it. */
	problems: string[];
}

/** Validates each stored entry on its own with `schema`, so one corrupt entry spoils no other. */
export function checkEntries<T>(list: unknown[], schema: z.ZodMiniType): CheckedEntries<T> {
	const checked: CheckedEntries<T> = { good: [], bad: [], problems: [] };
	list.forEach((raw, i) => {
		const parsed = schema.safeParse(raw);
		if (parsed.success) checked.good.push({ entry: parsed.data as T, raw });
		else {
			checked.bad.push(raw);
			const name = typeof (raw as { name?: unknown })?.name === 'string' ? `“${(raw as { name: string }).name}”` : `number ${i + 1}`;
			checked.problems.push(`Saved scenario ${name} could not be read (${describeIssues(parsed.error).slice(0, 2).join('; ')}).`);
		}
	});
	return checked;
}

/** A fresh scenario id that none of `existing` uses. */
export function newScenarioId(existing: { id: string }[]): string {
	const ids = new Set(existing.map((s) => s.id));
	for (;;) {
		const id = `s-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;
		if (!ids.has(id)) return id;
	}
}

/** The scenarios as the JSON text of an export file. */
export function exportLibrary(scenarios: SavedScenario[]): string {
	return JSON.stringify({ format: EXPORT_FORMAT, version: 1, exportedAt: new Date().toISOString(), scenarios }, null, '\t');
}

/** The library after an import, with counts of scenarios added, renamed and skipped, and the problems met. */
export interface ImportOutcome {
	scenarios: SavedScenario[];
	added: number;
	renamed: number;
	skipped: number;
	problems: string[];
}

/**
 * Merges a file's scenarios into the library without overwriting: an identical entry is
 * skipped; an entry whose id is taken by a different scenario comes in under a new id with
 * "(imported)" after its name. Entries that fail validation are listed and left out.
 */
export function importLibrary(current: SavedScenario[], fileText: string): ImportOutcome {
	const outcome: ImportOutcome = { scenarios: current.slice(), added: 0, renamed: 0, skipped: 0, problems: [] };
	let json: unknown;
	try {
		json = JSON.parse(fileText);
	} catch {
		outcome.problems.push('The file is not JSON.');
		return outcome;
	}
	const file = ExportSchema.safeParse(json);
	if (!file.success) {
		outcome.problems.push(`The file is not a Shiftcast scenarios export (${describeIssues(file.error).slice(0, 2).join('; ')}).`);
		return outcome;
	}
	file.data.scenarios.forEach((entry, i) => {
		const parsed = SavedScenarioSchema.safeParse(entry);
		if (!parsed.success) {
			outcome.problems.push(`Scenario ${i + 1} in the file was left out: ${describeIssues(parsed.error).slice(0, 2).join('; ')}.`);
			return;
		}
		const incoming = parsed.data as SavedScenario;
		const same = outcome.scenarios.find((s) => s.id === incoming.id);
		if (same && JSON.stringify(same) === JSON.stringify(incoming)) {
			outcome.skipped++;
		} else if (same) {
			outcome.scenarios.push({ ...incoming, id: newScenarioId(outcome.scenarios), name: `${incoming.name} (imported)`.slice(0, 120) });
			outcome.renamed++;
		} else {
			outcome.scenarios.push(incoming);
			outcome.added++;
		}
	});
	if (outcome.scenarios.length > MAX_SCENARIOS) {
		outcome.problems.push(`The library holds at most ${MAX_SCENARIOS} scenarios; the rest of the file was left out.`);
		outcome.scenarios = outcome.scenarios.slice(0, MAX_SCENARIOS);
	}
	return outcome;
}
