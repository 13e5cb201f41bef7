// The work this tab can recover: working copies other tabs left behind (closed, or crashed),
// listed with Open and Dismiss. Open makes one this tab's working copy (one undo step), and what
// was open before becomes an entry of its own, so nothing is lost; Dismiss deletes the entry,
// and can be undone until the next dismissal. The list is read at start and again whenever a
// tab says the kept work changed (another tab opened or dismissed an entry).

import { chinaMarketNotebook } from '../notebooks/chinaMarket';
import { loadPublishedVersion } from '../notebooks/published';
import { entryLabel, recoverableCopies } from '../storage/recovery';
import { announce, liveTabIds, onChange } from '../storage/tabPresence';
import { adoptWorkingCopy, allWorkingCopies, deleteWorkingCopy, writeWorkingCopy } from '../storage/workingCopies';
import type { ScenarioOrigin, WorkingCopy } from '../storage/workingCopies';
import type { WorkingDocument } from './autosave';

/** Holds nothing worth recovering: the published notebook as it is. */
export function isUnchanged(doc: WorkingDocument, published = chinaMarketNotebook): boolean {
	return (
		Object.keys(doc.inputs).length === 0 &&
		doc.horizon === published.horizon &&
		!doc.reference &&
		doc.notebook.version === published.version &&
		JSON.stringify(doc.notebook) === JSON.stringify(published)
	);
}

export interface RecoveryEntry {
	copy: WorkingCopy;
	label: string;
}

/** What the list needs of the tab: its id, its document, and how to open a recovered one. */
export interface RecoveryHost {
	tabId(): string | null;
	current(): { document: WorkingDocument; origin: ScenarioOrigin | null };
	/** Opens `copy` as the tab's document (one undo step). */
	open(copy: WorkingCopy): void;
}

export class RecoveryList {
	entries: RecoveryEntry[] = $state.raw([]);
	/** What the last action did ("Opened …", "Dismissed …"), or null. */
	status: string | null = $state(null);
	problems: string[] = $state.raw([]);
	lastDismissed: WorkingCopy | null = $state.raw(null);
	#host: RecoveryHost;

	constructor(host: RecoveryHost) {
		this.#host = host;
	}

	/** Lists `copies` (recoverable ones, newest first). */
	show(copies: WorkingCopy[]): void {
		this.entries = copies.map((copy) => ({ copy, label: entryLabel(copy, chinaMarketNotebook) }));
	}

	/** Follows other tabs' openings and dismissals; returns the way to stop. */
	follow(): () => void {
		return onChange('workingCopies', () => void this.refresh());
	}

	async refresh(): Promise<void> {
		const own = this.#host.tabId();
		if (!own) return;
		const [{ copies, problems }, live] = await Promise.all([allWorkingCopies(), liveTabIds()]);
		this.show(recoverableCopies(copies, live, own, isUnchanged));
		if (problems.length) this.problems = problems;
	}

	async open(entry: RecoveryEntry): Promise<void> {
		const own = this.#host.tabId();
		if (!own) return;
		const { document, origin } = this.#host.current();
		// What is open now stays recoverable, unless it holds nothing or is the same work.
		const keep: WorkingCopy | null =
			isUnchanged(document) || JSON.stringify(document) === JSON.stringify(entry.copy.document)
				? null
				: { tabId: `replaced-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`, savedAt: new Date().toISOString(), document, kind: 'replaced', ...(origin ? { origin } : {}) };
		const outcome = await adoptWorkingCopy(entry.copy.tabId, own, keep);
		if (outcome.kind === 'problem') this.problems = [outcome.message];
		else if (outcome.kind === 'gone') this.status = 'That work was already opened or dismissed in another tab.';
		else {
			// Work saved under an older version opens with that version (loaded on demand).
			await loadPublishedVersion(outcome.copy.document.notebook.version);
			this.#host.open(outcome.copy);
			this.status = `Opened ${entry.label.replace(/^Work/, 'the work')}.${keep ? ' What was open before is kept in this list.' : ''}`;
			this.problems = [];
		}
		await this.refresh();
		announce('workingCopies');
	}

	async dismiss(entry: RecoveryEntry): Promise<void> {
		const problem = await deleteWorkingCopy(entry.copy.tabId);
		if (problem) {
			this.problems = [problem];
			return;
		}
		this.lastDismissed = entry.copy;
		this.status = `Dismissed ${entry.label.replace(/^Work/, 'the work')}.`;
		this.entries = this.entries.filter((e) => e !== entry);
		announce('workingCopies');
	}

	async undoDismiss(): Promise<void> {
		const copy = this.lastDismissed;
		if (!copy) return;
		const problem = await writeWorkingCopy(copy);
		if (problem) {
			this.problems = [problem];
			return;
		}
		this.lastDismissed = null;
		this.status = 'Brought the dismissed work back.';
		await this.refresh();
		announce('workingCopies');
	}
}
