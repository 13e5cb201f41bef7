// The chain that runs migrations one version after another (scenario/migrations.ts holds the
// steps). Kept apart from the steps so the link reader, which loads with the page, does not pull
// in what the steps need (the notebook compiler).

import type { WorkingDocument } from '../state/autosave';
import { w } from '../i18n/screenWords';

/** One step that moves a document from its version to the next, with notes on what changed. */
export type Migration = (doc: WorkingDocument) => { doc: WorkingDocument; notes: string[] };

/** The migrated document and the notices to show about it. */
export interface MigrationOutcome {
	doc: WorkingDocument;
	notices: string[];
}

/** The oldest link version that can still be upgraded to `current`. */
export function oldestKnownVersion(current: number, migrations: Record<number, Migration>): number {
	let oldest = current;
	for (const key of Object.keys(migrations)) {
		const from = Number(key);
		if (Number.isInteger(from) && from >= 1 && from < oldest && Object.hasOwn(migrations, key)) oldest = from;
	}
	return oldest;
}

/**
 * Applies the chain from `from` up to `to`. Stops at the first missing or failing step, says so,
 * and keeps the document as it was before that step.
 */
export function migrateDocument(
	doc: WorkingDocument,
	from: number,
	to: number,
	migrations: Record<number, Migration>
): MigrationOutcome {
	const notices: string[] = [];
	if (from >= to) return { doc, notices };
	notices.push(w('screen_link_migrated', { from, to }));
	let current = doc;
	for (let version = from; version < to; version++) {
		const step = Object.hasOwn(migrations, version) ? migrations[version] : undefined;
		if (typeof step !== 'function') {
			notices.push(w('screen_link_no_migration', { from: version, to: version + 1 }));
			break;
		}
		try {
			const { doc: next, notes } = step(current);
			current = next;
			for (const note of notes) notices.push(String(note));
		} catch (err) {
			notices.push(w('screen_link_migration_failed', { from: version, to: version + 1, why: String((err as Error)?.message ?? err) }));
			break;
		}
	}
	return { doc: current, notices };
}
