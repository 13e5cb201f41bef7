// "Open with the current model": a document made with an older version of the published
// notebook (an old link, a saved scenario) moved to the current version by the migration chain,
// then checked like anything read from outside. The caller makes it one undoable step.

import { w } from '../i18n/screenWords';
import type { WorkingDocument } from '../state/autosave';
import { currentPublished, isOlderVersion, loadPublishedVersion } from '../notebooks/published';
import { MIGRATIONS, migrateDocument, type Migration } from './migrations';
import { finishNotices } from './linkText';
import { settle } from './settle';

/** The document moved to the current version, and the notices to show about it. */
export interface UpgradeOutcome {
	document: WorkingDocument;
	/** What changed on the way, one sentence each: cells that did not carry over first. */
	notices: string[];
}

/** `doc` moved to the current published version; `doc` itself when it already is current. */
export async function upgradeToCurrent(doc: WorkingDocument, migrations: Record<number, Migration> = MIGRATIONS): Promise<UpgradeOutcome> {
	if (!isOlderVersion(doc.notebook)) return { document: doc, notices: [] };
	const from = doc.notebook.version;
	const to = currentPublished.version;
	// The steps read each version's published notebook: have them all at hand.
	for (let v = from; v <= to; v++) await loadPublishedVersion(v);
	const migrated = migrateDocument(doc, from, to, migrations);
	// migrateDocument's first sentence speaks of a link; say what happened here instead.
	const notices = [w('screen_link_upgraded', { from, to }), ...migrated.notices.slice(1)];
	const document = settle(migrated.doc, currentPublished, notices);
	// The reference is a scenario of its own, with its own version: the upgrade leaves it as it is.
	if (doc.reference) document.reference = doc.reference;
	return { document, notices: finishNotices(notices) };
}
