// A link to another view or language of the same scenario, followed inside the app: the document,
// its undo history and the engine carry over. The query is read at the click: the address follows
// the document through SvelteKit's replaceState, which page.url does not see. A click with a
// modifier key or another button is left to the browser (new tab, new window).
import { goto } from '$app/navigation';

/** Follows `path` with the address's scenario; false when the click is the browser's to handle. */
export function followWithScenario(event: MouseEvent, path: string): boolean {
	if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return false;
	event.preventDefault();
	void goto(`${path}${location.search}`, { noScroll: true, keepFocus: true });
	return true;
}
