// Upgrades of documents made with older versions of the published notebook. A released version
// is kept frozen (notebooks/frozen/), so its links and saved scenarios open as they were made;
// these steps run when the reader asks to open one with the current model (scenario/upgrade.ts),
// through MIGRATIONS[v], MIGRATIONS[v + 1], ... up to the current version (scenario/migrationChain.ts). For a version of which
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
import { CALIBRATED_V2 } from '../notebooks/frozen/chinaMarketV2';
import { CALIBRATED, LOCALISATION_LEVERS } from '../notebooks/chinaMarket';
import { carryEdits } from './carryEdits';
import { quote } from './linkText';
import type { Migration } from './migrationChain';

export { migrateDocument, oldestKnownVersion, type Migration } from './migrationChain';


/**
 * Version 1 to 2: the levers keep their names, values and ranges (they now act from 2026 on);
 * the calibrated parameters were fitted again to 2019-2025; edited cells carry over where they
 * still compile.
 */
function versionOneToTwo(doc: WorkingDocument): { doc: WorkingDocument; notes: string[] } {
	const from = publishedNotebook(1)!;
	const to = publishedNotebook(2)!;
	const { notebook, notes } = carryEdits(doc.notebook, from, to, (notebook) => dataFor(notebook));
	const refitted = Object.keys(doc.inputs).filter((name) => Object.hasOwn(CALIBRATED_V2, name));
	if (refitted.length) {
		notes.push(
			`Calibrated values you set (${refitted.map((n) => quote(n)).join(', ')}) were kept as set; version 2 fitted its own to 2019-2025, and Reset on each puts it back.`
		);
	}
	return { doc: { notebook, inputs: { ...doc.inputs }, horizon: doc.horizon }, notes };
}

/** Version 3's names of the origins whose localisation levers take version 2's one value. */
const ORIGIN_WORDS: Record<(typeof LOCALISATION_LEVERS)[number], string> = {
	localisationJapanese: 'Japanese',
	localisationGerman: 'German',
	localisationUS: 'US',
	localisationOther: 'Korean and other'
};

/**
 * Version 2 to 3: the one `localisation` lever becomes one per foreign origin, each taking its
 * value; the other levers keep their names and values (`marketGrowth` now grows the cars sold in
 * China, exports having levers of their own); version 2's calibrated values that version 3 still
 * has are kept as set, those it no longer has are dropped, each said; edited cells carry over
 * where they still compile.
 */
function versionTwoToThree(doc: WorkingDocument): { doc: WorkingDocument; notes: string[] } {
	const from = publishedNotebook(2)!;
	const to = publishedNotebook(3)!;
	const { notebook, notes } = carryEdits(doc.notebook, from, to, (notebook) => dataFor(notebook));
	const inputs = { ...doc.inputs };
	if (Object.hasOwn(inputs, 'localisation')) {
		const value = inputs.localisation;
		delete inputs.localisation;
		for (const lever of LOCALISATION_LEVERS) inputs[lever] = value;
		notes.push(
			`Localisation (${value}) is one lever per foreign origin in version 3: ${LOCALISATION_LEVERS.map((l) => `${ORIGIN_WORDS[l]} (${quote(l)})`).join(', ')} each took ${value}.`
		);
	}
	if (Object.hasOwn(inputs, 'marketGrowth')) {
		notes.push(`Market growth (${inputs.marketGrowth}) now grows the cars sold in China; exports have levers of their own (${quote('exportGrowth')}, ${quote('exportDomesticShare')}).`);
	}
	const dropped = Object.keys(inputs).filter((name) => Object.hasOwn(CALIBRATED_V2, name) && !Object.hasOwn(CALIBRATED, name));
	for (const name of dropped) delete inputs[name];
	if (dropped.length) {
		notes.push(`Version 3 has no ${dropped.map((n) => quote(n)).join(', ')} (it calibrates a pull per foreign origin instead); the value${dropped.length > 1 ? 's' : ''} you set ${dropped.length > 1 ? 'were' : 'was'} left out.`);
	}
	const kept = Object.keys(inputs).filter((name) => Object.hasOwn(CALIBRATED, name));
	if (kept.length) {
		notes.push(`Calibrated values you set (${kept.map((n) => quote(n)).join(', ')}) were kept as set; version 3 fitted its own to the record on both bases, and Reset on each puts it back.`);
	}
	return { doc: { notebook, inputs, horizon: doc.horizon }, notes };
}

/** Keyed by the version a migration upgrades from. */
export const MIGRATIONS: Record<number, Migration> = { 1: versionOneToTwo, 2: versionTwoToThree };
