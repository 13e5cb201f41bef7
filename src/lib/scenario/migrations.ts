// Upgrades of documents made with older versions of the published notebook. A released version
// is kept frozen (notebooks/frozen/), so its links and saved scenarios open as they were made;
// these steps run when the reader asks to open one with the current model (scenario/upgrade.ts),
// through MIGRATIONS[v], MIGRATIONS[v + 1], ... up to the current version. For a version of which
// no notebook was kept, the codec runs the same chain while it reads the link.
//
// When the published notebook changes, bump its version, freeze the old one (with the data it
// read) in notebooks/frozen/, register it in notebooks/published.ts, and add an entry here keyed
// by the version it upgrades FROM, plus a fixture file tests/fixtures/links-v<new>.json with its
// recorded figures (scripts/recordLinkFigures.ts). What a migration receives:
// - `inputs`: the document's values, as finite numbers, not yet checked against the new version's
//   input cells (so old names are still there to rename);
// - `horizon`: the document's horizon, already within range;
// - `notebook`: the document's notebook, of the version the step upgrades from (the published
//   one with the person's edits, if any).
// It returns a new document (never mutates its argument) and one sentence per change a reader
// should know about. Whatever it returns is validated again afterwards.

import type { WorkingDocument } from '../state/autosave';
import { dataFor, publishedNotebook } from '../notebooks/published';
import { CALIBRATED } from '../notebooks/chinaMarket';
import { carryEdits } from './carryEdits';
import { quote } from './linkText';

export type Migration = (doc: WorkingDocument) => { doc: WorkingDocument; notes: string[] };

/**
 * Version 1 to 2: the levers keep their names, values and ranges (they now act from 2026 on);
 * the calibrated parameters were fitted again to 2019-2025; edited cells carry over where they
 * still compile.
 */
function versionOneToTwo(doc: WorkingDocument): { doc: WorkingDocument; notes: string[] } {
	const from = publishedNotebook(1)!;
	const to = publishedNotebook(2)!;
	const { notebook, notes } = carryEdits(doc.notebook, from, to, dataFor(to));
	const refitted = Object.keys(doc.inputs).filter((name) => Object.hasOwn(CALIBRATED, name));
	if (refitted.length) {
		notes.push(
			`Calibrated values you set (${refitted.map((n) => quote(n)).join(', ')}) were kept as set; version 2 fitted its own to 2019-2025, and Reset on each puts it back.`
		);
	}
	return { doc: { notebook, inputs: { ...doc.inputs }, horizon: doc.horizon }, notes };
}

/** Keyed by the version a migration upgrades from. */
export const MIGRATIONS: Record<number, Migration> = { 1: versionOneToTwo };

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
