// Keeps the working document in localStorage so a reload, a crash or a closed tab loses
// nothing. What is read back is untrusted: it is validated, and a corrupt entry is set aside
// under another key (never silently dropped) and reported.

import { z } from 'zod/mini';
import { NotebookSchema, describeIssues } from '../scenario/notebookSchema';
import type { Notebook } from '../sim/types';

export const AUTOSAVE_KEY = 'shiftcast:autosave:v1';
export const SET_ASIDE_PREFIX = 'shiftcast:corrupt:';

export interface WorkingDocument {
	notebook: Notebook;
	inputs: Record<string, number>;
	horizon: number;
	/** A second scenario the charts and key figures compare against, beside the baseline. */
	reference?: ReferenceScenario;
}

/**
 * A reference: a whole scenario of its own (any version, edited or not), pinned with a name. It
 * holds no reference of its own, so a document never nests more than one level.
 */
export interface ReferenceScenario {
	label: string;
	notebook: Notebook;
	inputs: Record<string, number>;
	horizon: number;
}

/** Longest name a reference may carry (links and saved scenarios). */
export const MAX_REFERENCE_LABEL = 120;

const scenarioFields = {
	notebook: NotebookSchema,
	inputs: z.record(
		z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_]{0,47}$/)),
		z.number().check(z.refine(Number.isFinite, { error: 'expected a finite number' }))
	),
	horizon: z.int().check(z.minimum(2030), z.maximum(2050))
};

export const ReferenceSchema = z.strictObject({
	label: z.string().check(z.minLength(1), z.maxLength(MAX_REFERENCE_LABEL)),
	...scenarioFields
});

/** The document a person works on; also what saved scenarios and links hold. */
export const WorkingDocumentSchema = z.strictObject({ ...scenarioFields, reference: z.optional(ReferenceSchema) });

/** `doc` as a reference named `label` (its own reference, if any, is not carried: one level only). */
export function asReference(doc: WorkingDocument, label: string): ReferenceScenario {
	const { notebook, inputs, horizon } = doc;
	return { label: label.trim().slice(0, MAX_REFERENCE_LABEL) || 'Reference', notebook, inputs: { ...inputs }, horizon };
}

const SavedSchema = z.extend(WorkingDocumentSchema, { savedAt: z.string().check(z.maxLength(40)) });

export type Restored =
	| { kind: 'none' }
	| { kind: 'restored'; document: WorkingDocument; savedAt: string }
	| { kind: 'corrupt'; problems: string[]; setAsideKey: string | null };

/** Storage may be missing (private modes) or throw on access; treat that as "no storage". */
export function storage(): Storage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null;
	}
}

/** The stored text under `key`; null if absent; 'unreadable' if storage refuses to be read. */
export function readItem(store: Storage, key: string): string | null | 'unreadable' {
	try {
		return store.getItem(key);
	} catch {
		return 'unreadable';
	}
}

/** The saved document's text; null if there is none or no storage. */
function savedText(): string | null | 'unreadable' {
	const store = storage();
	return store ? readItem(store, AUTOSAVE_KEY) : null;
}

/** Whether anything is saved at all (cheap: read before the page starts, src/hooks.client.ts). */
export function hasSavedWork(): boolean {
	return savedText() !== null;
}

export function restoreWorkingDocument(): Restored {
	const store = storage();
	const raw = savedText();
	// Storage that throws on reading holds nothing we can use.
	if (!store || raw === null || raw === 'unreadable') return { kind: 'none' };
	let json: unknown;
	let problems: string[];
	try {
		json = JSON.parse(raw);
		const parsed = SavedSchema.safeParse(json);
		if (parsed.success) {
			const { savedAt, ...document } = parsed.data;
			return { kind: 'restored', document: document as WorkingDocument, savedAt };
		}
		problems = describeIssues(parsed.error);
	} catch (err) {
		problems = [`not readable as JSON (${(err as Error).message})`];
	}
	const setAsideKey = `${SET_ASIDE_PREFIX}${new Date().toISOString()}`;
	try {
		store.setItem(setAsideKey, raw);
		store.removeItem(AUTOSAVE_KEY);
		return { kind: 'corrupt', problems, setAsideKey };
	} catch {
		return { kind: 'corrupt', problems, setAsideKey: null };
	}
}

/** Returns null when saved, or a message saying why not (storage full or unavailable). */
export function saveWorkingDocument(document: WorkingDocument): string | null {
	const store = storage();
	if (!store) return 'This browser does not allow saving here, so edits last only until the tab closes.';
	try {
		store.setItem(AUTOSAVE_KEY, JSON.stringify({ savedAt: new Date().toISOString(), ...document }));
		return null;
	} catch (err) {
		return isStorageFull(err)
			? 'Browser storage is full: your latest edits are not saved. Free some space (or delete saved scenarios) to keep them.'
			: `Your edits could not be saved: ${(err as Error).message}`;
	}
}

export function isStorageFull(err: unknown): boolean {
	return err instanceof DOMException && (err.name === 'QuotaExceededError' || err.code === 22);
}

export function clearWorkingDocument(): void {
	storage()?.removeItem(AUTOSAVE_KEY);
}
