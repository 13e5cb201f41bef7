// A scenario shown outside the tab's own document: an embed (/embed) or a talk's step (/talk).
// It opens a link's query with the browser's one link reader and runs it in an engine of its
// own, and it never keeps anything: no working copy, no library, no address bar. (Only
// NotebookApp calls session.saver.keepIn, which is what writes a document to storage.)

import { chinaMarketNotebook } from '../notebooks/chinaMarket';
import { NotebookSession } from './notebookSession.svelte';
import { startEngine, type EngineClient } from '../worker/client';
import type { RunResult } from '../sim/types';
import { queryKeyOf } from '../scenario/queryKey';

export class StandaloneScenario {
	readonly session = new NotebookSession(chinaMarketNotebook);
	/** What the last query opened had ignored or changed (the link reader's notices). */
	notices: string[] = $state([]);
	/** True once a query's scenario is in the session (its figures may still be computing). */
	opened = $state(false);
	#engine: EngineClient | null = null;

	/** The build's results of the published notebook, drawn before the engine answers when the query asks for nothing else. */
	usePublishedRun(baseline: RunResult): void {
		this.session.usePublishedRun(baseline);
	}

	/**
	 * Opens `query` (a link's query without its `?`, and without parameters that are not the
	 * scenario's). The first call starts the engine; later calls replace the scenario (one run).
	 */
	async open(query: string): Promise<void> {
		const { decodeScenario } = await import('../scenario/decode');
		const decoded = await decodeScenario(query, chinaMarketNotebook);
		this.session.adopt(decoded.document);
		this.notices = decoded.notices;
		this.opened = true;
		if (this.#engine) return;
		this.#engine = startEngine((why) => this.session.engineRestarted(why.message, why.name === 'EngineCrashed'));
		await this.session.attach(this.#engine);
	}
}

/** `query` without the named parameters (an embed's `chart`, a talk's `t`), the rest untouched and in order. */
export function withoutParameters(query: string, names: readonly string[]): string {
	return query
		.replace(/^\?/, '')
		.split('&')
		.filter((pair) => pair !== '' && !names.includes(queryKeyOf(pair)))
		.join('&');
}
