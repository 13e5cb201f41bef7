// The working document's shape, and the few helpers views need without its schema: a view that
// pins a reference must not load zod and the whole notebook schema on a first visit (the
// schema, in autosave.ts, is for reading documents back from outside).
import type { Notebook } from '../sim/types';

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

/** `doc` as a reference named `label` (its own reference, if any, is not carried: one level only). */
export function asReference(doc: WorkingDocument, label: string): ReferenceScenario {
	const { notebook, inputs, horizon } = doc;
	return { label: label.trim().slice(0, MAX_REFERENCE_LABEL) || 'Reference', notebook, inputs: { ...inputs }, horizon };
}
