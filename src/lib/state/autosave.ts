// The working document: its shape and its schema. It is kept in the browser's database, one
// copy per tab (storage/workingCopies.ts), so a reload, a crash or a closed tab loses nothing;
// what is read back is untrusted and validated with WorkingDocumentSchema.

import { z } from 'zod/mini';
import { NotebookSchema } from '../scenario/notebookSchema';
import { MAX_REFERENCE_LABEL } from './workingDocument';

export { MAX_REFERENCE_LABEL, asReference, type ReferenceScenario, type WorkingDocument } from './workingDocument';

export { AUTOSAVE_KEY } from '../storage/localStorageNotes';
/** Key prefix (a time follows) of a working document that could not be read, set aside. */
export const SET_ASIDE_PREFIX = 'shiftcast:corrupt:';

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
