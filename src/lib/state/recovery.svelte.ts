// The work this tab can recover: working copies other tabs left behind (closed, or crashed),
// listed by components/RecoverWork.svelte with Open and Dismiss (state/recoveryActions.ts, loaded
// with that list). The list is read at start and again whenever another tab says the kept work
// changed (it opened or dismissed an entry).

import { onChange } from '../storage/tabPresence';
import type { ScenarioOrigin, WorkingCopy } from '../storage/workingCopies';
import type { WorkingDocument } from './autosave';

/** What the list needs of the tab: its document, and how to open a recovered one. */
export interface RecoveryHost {
	current(): { document: WorkingDocument; origin: ScenarioOrigin | null };
	/** Opens `copy` as the tab's document (one undo step). */
	open(copy: WorkingCopy): void;
}

export class RecoveryList {
	/** Recoverable copies, newest first. */
	entries: WorkingCopy[] = $state.raw([]);
	/** What the last action did ("Opened …", "Dismissed …"), or null. */
	status: string | null = $state(null);
	problems: string[] = $state.raw([]);
	lastDismissed: WorkingCopy | null = $state.raw(null);
	readonly host: RecoveryHost;

	constructor(host: RecoveryHost) {
		this.host = host;
	}

	/** Follows other tabs' openings and dismissals; returns the way to stop. */
	follow(): () => void {
		return onChange('workingCopies', () => void this.refresh());
	}

	/** Reads the kept copies again: those of tabs no longer alive are listed. */
	async refresh(): Promise<void> {
		return (await import('./recoveryActions')).refresh(this);
	}
}
