// Upgrades for links made by older versions of the published notebook. A link names the version
// it was made with (`v=`); before its values are checked, the document read from it is passed
// through MIGRATIONS[v], MIGRATIONS[v + 1], ... up to the current version.
//
// When the published notebook changes in a way that changes what a link means (an input renamed,
// rescaled or removed; its range changed), bump its version and add an entry here keyed by the
// version it upgrades FROM, plus a fixture file tests/fixtures/links-v<old>.json that must keep
// opening. What a migration receives:
// - `inputs`: every value the link carried under a valid input name, as finite numbers, not yet
//   checked against any input cell (so old names are still there to rename);
// - `horizon`: the link's horizon, already within range;
// - `notebook`: the CURRENT published notebook with the link's edits (if any) applied by cell id.
// It returns a new document (never mutates its argument) and one sentence per change a reader
// should know about. Whatever it returns is validated again afterwards.

import type { WorkingDocument } from '../state/autosave';

export type Migration = (doc: WorkingDocument) => { doc: WorkingDocument; notes: string[] };

/** Keyed by the version a migration upgrades from. Empty: only version 1 has been published. */
export const MIGRATIONS: Record<number, Migration> = {};

export interface MigrationOutcome {
	doc: WorkingDocument;
	notices: string[];
}

/** The oldest link version that can still be upgraded to `current`. */
export function oldestKnownVersion(current: number, migrations: Record<number, Migration> = MIGRATIONS): number {
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
	migrations: Record<number, Migration> = MIGRATIONS
): MigrationOutcome {
	const notices: string[] = [];
	if (from >= to) return { doc, notices };
	notices.push(`This link was made by version ${from} of the notebook; it was updated to version ${to}.`);
	let current = doc;
	for (let version = from; version < to; version++) {
		const step = Object.hasOwn(migrations, version) ? migrations[version] : undefined;
		if (typeof step !== 'function') {
			notices.push(`There is no update from version ${version} to ${version + 1}; the rest of the link was read as it is, so results may differ.`);
			break;
		}
		try {
			const { doc: next, notes } = step(current);
			current = next;
			for (const note of notes) notices.push(String(note));
		} catch (err) {
			notices.push(
				`Updating the link from version ${version} to ${version + 1} failed (${(err as Error)?.message ?? err}); the rest of the link was read as it is, so results may differ.`
			);
			break;
		}
	}
	return { doc: current, notices };
}
