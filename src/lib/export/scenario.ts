// A working document as a file a person can keep, share or load again.

import type { WorkingDocument } from '../state/autosave';

export const SCENARIO_FORMAT = 'shiftcast-scenario';
export const SCENARIO_FORMAT_VERSION = 1;

export interface ScenarioFile {
	format: typeof SCENARIO_FORMAT;
	version: typeof SCENARIO_FORMAT_VERSION;
	name?: string;
	exportedAt: string;
	notebook: WorkingDocument['notebook'];
	inputs: WorkingDocument['inputs'];
	horizon: number;
}

/**
 * Pretty-printed JSON (two-space indent, trailing newline). Only the document's own fields are
 * written, so nothing else that happens to ride on the object leaks into the file. `now` is
 * for tests.
 */
export function scenarioToJson(doc: WorkingDocument, name?: string, now: Date = new Date()): string {
	const file: ScenarioFile = {
		format: SCENARIO_FORMAT,
		version: SCENARIO_FORMAT_VERSION,
		...(name !== undefined && name.trim() !== '' ? { name: name.trim() } : {}),
		exportedAt: now.toISOString(),
		notebook: doc.notebook,
		inputs: doc.inputs,
		horizon: doc.horizon
	};
	return JSON.stringify(file, null, 2) + '\n';
}
