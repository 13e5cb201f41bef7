// Scenario files: the library exported to a JSON file, and such a file imported into it without
// overwriting anything. Loaded only when the library panel exports or imports.

import { w } from '../i18n/screenWords';
import { z } from 'zod/mini';
import { MAX_SCENARIOS, SavedScenarioSchema, newScenarioId } from './library';
import type { SavedScenario } from './library';
import { describeIssues } from './notebookSchema';

/** The `format` field that marks a file as a scenario export. */
export const EXPORT_FORMAT = 'shiftcast-scenarios';

const ExportSchema = z.strictObject({
	format: z.literal(EXPORT_FORMAT),
	version: z.literal(1),
	exportedAt: z.optional(z.string().check(z.maxLength(40))),
	scenarios: z.array(z.unknown()).check(z.maxLength(MAX_SCENARIOS))
});

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
		outcome.problems.push(w('screen_libraryfile_not_json'));
		return outcome;
	}
	const file = ExportSchema.safeParse(json);
	if (!file.success) {
		outcome.problems.push(w('screen_libraryfile_not_export', { problems: describeIssues(file.error).slice(0, 2).join('; ') }));
		return outcome;
	}
	file.data.scenarios.forEach((entry, i) => {
		const parsed = SavedScenarioSchema.safeParse(entry);
		if (!parsed.success) {
			outcome.problems.push(w('screen_libraryfile_scenario_left_out', { n: i + 1, problems: describeIssues(parsed.error).slice(0, 2).join('; ') }));
			return;
		}
		const incoming = parsed.data as SavedScenario;
		const same = outcome.scenarios.find((s) => s.id === incoming.id);
		if (same && JSON.stringify(same) === JSON.stringify(incoming)) {
			outcome.skipped++;
		} else if (same) {
			outcome.scenarios.push({ ...incoming, id: newScenarioId(outcome.scenarios), name: w('screen_names_imported', { name: incoming.name }).slice(0, 120) });
			outcome.renamed++;
		} else {
			outcome.scenarios.push(incoming);
			outcome.added++;
		}
	});
	if (outcome.scenarios.length > MAX_SCENARIOS) {
		outcome.problems.push(w('screen_libraryfile_full', { max: MAX_SCENARIOS }));
		outcome.scenarios = outcome.scenarios.slice(0, MAX_SCENARIOS);
	}
	return outcome;
}
