// How many steps the talk being built holds, for the "Talk" link beside Notebook and Explore.
// Imports nothing (it is on the notebook's first visit): it counts without validating, which
// the talk page does when it opens the draft (talk/draft.ts).

/** Where this browser keeps the talk being built (talk/draft.ts says why localStorage). */
export const TALK_DRAFT_KEY = 'shiftcast:talk:v1';
/** Dispatched on window after the draft changes in this tab (another tab's change is a `storage` event). */
export const TALK_DRAFT_EVENT = 'shiftcast:talk-draft';

export function draftStepCount(): number {
	try {
		const text = localStorage.getItem(TALK_DRAFT_KEY);
		if (!text) return 0;
		const steps = (JSON.parse(text) as { steps?: unknown })?.steps;
		return Array.isArray(steps) ? steps.length : 0;
	} catch {
		return 0;
	}
}
