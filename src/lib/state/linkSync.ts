// Keeps the address bar equal to the current scenario (debounced: browsers rate-limit the
// History API), and reads a scenario from the address when the page opens.

import { replaceState } from '$app/navigation';
import { decodeScenario, encodeScenario } from '../scenario/codec';
import type { DecodedScenario } from '../scenario/codec';
import type { Notebook } from '../sim/types';
import type { WorkingDocument } from './autosave';

export const URL_DELAY_MS = 300;

export function readScenarioFromAddress(published: Notebook): Promise<DecodedScenario> {
	return decodeScenario(location.search.replace(/^\?/, ''), published);
}

export function addressWriter(published: Notebook) {
	let timer: ReturnType<typeof setTimeout> | null = null;
	let generation = 0;
	return (doc: WorkingDocument) => {
		if (timer) clearTimeout(timer);
		const mine = ++generation;
		timer = setTimeout(async () => {
			const query = await encodeScenario(doc, published);
			// A newer document may have arrived while this one was being compressed.
			if (mine === generation && `?${query}` !== location.search) replaceState(`${location.pathname}?${query}`, {});
		}, URL_DELAY_MS);
	};
}
