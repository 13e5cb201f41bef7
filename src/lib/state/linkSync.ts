// Keeps the address bar equal to the current scenario (debounced: browsers rate-limit the
// History API), and reads a scenario from the address when the page opens.

import { replaceState } from '$app/navigation';
import { encodeScenario } from '../scenario/encode';
import type { DecodedScenario } from '../scenario/decode';
import type { Notebook } from '../sim/types';
import type { WorkingDocument } from './autosave';
import { w } from '../i18n/screenWords';

export const URL_DELAY_MS = 300;

/** The scenario of the address; the link reader loads only when there is a query to read. */
export async function readScenarioFromAddress(published: Notebook): Promise<DecodedScenario> {
	const query = location.search.replace(/^\?/, '');
	if (query === '') return { document: { notebook: published, inputs: {}, horizon: published.horizon }, notices: [], fromLink: false };
	const { decodeScenario } = await import('../scenario/decode');
	return decodeScenario(query, published);
}

/**
 * Returns a function to call with every new document. `onProblem` hears why the address could
 * not follow (a notebook too large for a link), or null once it can again.
 */
export function addressWriter(published: Notebook, onProblem: (message: string | null) => void) {
	let timer: ReturnType<typeof setTimeout> | null = null;
	let generation = 0;
	return (doc: WorkingDocument) => {
		if (timer) clearTimeout(timer);
		const mine = ++generation;
		timer = setTimeout(async () => {
			let query: string;
			try {
				query = await encodeScenario(doc, published);
			} catch (err) {
				if (mine === generation) onProblem(w('screen_storage_address_not_following', { detail: (err as Error).message }));
				return;
			}
			// A newer document may have arrived while this one was being compressed.
			if (mine !== generation) return;
			onProblem(null);
			if (`?${query}` !== location.search) replaceState(`${location.pathname}?${query}`, {});
		}, URL_DELAY_MS);
	};
}
