// Named scenarios: their shape and its checks. They are kept in the browser's database
// (storage/scenarioStore.ts) and travel in files (scenario/libraryFile.ts). Stored entries are
// untrusted on the way back in: each is validated on its own (checkEntries), so one corrupt
// entry is set aside and reported while the rest stay usable.

import { z } from 'zod/mini';
import { WorkingDocumentSchema } from '../state/autosave';
import type { WorkingDocument } from '../state/autosave';
import { describeIssues } from './notebookSchema';
import { TalkSchema, type Talk } from '../talk/schema';

export { LIBRARY_KEY } from '../storage/localStorageNotes';
/** Key prefix (a timestamp follows) under which unreadable saved scenarios are set aside. */
export const LIBRARY_SET_ASIDE_PREFIX = 'shiftcast:corrupt:library:';
/** Most scenarios the library holds, and the most an export file may list. */
export const MAX_SCENARIOS = 200;

/** A named scenario kept in the library: a working document with a name, description and save time. */
export interface SavedScenario {
	id: string;
	name: string;
	description: string;
	savedAt: string;
	document: WorkingDocument;
	/** A talk kept in the library (talk/): `document` is then its first step's scenario. Older entries have none. */
	talk?: Talk;
}

/** Validates one saved scenario read from storage or an import file; the name is stored trimmed. */
export const SavedScenarioSchema = z.strictObject({
	id: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/)),
	// z.trim() overwrites the value: the name is stored trimmed, and checked after trimming.
	name: z.string().check(z.trim(), z.minLength(1, { error: 'a name is needed' }), z.maxLength(120)),
	description: z.string().check(z.maxLength(500)),
	savedAt: z.string().check(z.maxLength(40)),
	document: WorkingDocumentSchema,
	talk: z.optional(TalkSchema)
});

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
