// One scenario, two views. The notebook (/) and the explore view (/explore) are two renderings of
// one document: this object holds it (the session, its undo history, autosave, the library and
// the engine) for the life of the tab, so switching views by a client-side navigation keeps the
// scenario, its undo history and the running engine. Only the first view mounted opens the
// scenario (from the address, else from saved work); the address then always follows the
// document, under the path of the view on screen, so a link opens in the view it was made in.

import { untrack } from 'svelte';
import { browser } from '$app/environment';
import { usePublishedMarkdown } from '../markdown/published';
import { chinaMarketNotebook } from '../notebooks/chinaMarket';
import { loadPublishedVersion } from '../notebooks/published';
import { chartRestartNotice, onChartWorkerRestart } from '../charts/chartClient';
import { NotebookSession } from './notebookSession.svelte';
import { restoreWorkingDocument, saveWorkingDocument } from './autosave';
import { addressWriter, readScenarioFromAddress } from './linkSync';
import { ScenarioLibrary } from './scenarioLibrary.svelte';
import { startEngine } from '../worker/client';
import { firstChartDrawnOr } from '../view/perfMarks';
import type { EngineClient } from '../worker/client';
import type { RunResult } from '../sim/types';

/** Longest the engine waits for the first chart drawn from the build's results. */
const ENGINE_WAIT_MS = 1500;

export class NotebookApp {
	readonly session = new NotebookSession(chinaMarketNotebook);
	readonly library = new ScenarioLibrary();
	/** Why the address could not follow the document (too large for a link), or null. */
	addressProblem: string | null = $state(null);
	/** What a link changed or ignored on the way in, shown once as one notice. */
	linkNotices: string[] = $state([]);
	restoredNote: string | null = $state(null);
	/** Said when an address named a view that does not exist and the notebook opened instead. */
	viewNote: string | null = $state(null);

	#opened = false;
	#openedFromLink = false;
	#engine: EngineClient | null = null;
	#writeAddress = addressWriter(chinaMarketNotebook, (problem) => (this.addressProblem = problem));

	/** The build's first results, shown while the document is the unchanged published notebook. */
	usePublishedRun(baseline: RunResult): void {
		if (!this.#opened) this.session.usePublishedRun(baseline);
	}

	/** Called by each view on mount; opens the scenario and starts the engine the first time only. */
	mount(): void {
		if (this.#opened || !browser) return;
		this.#opened = true;
		this.library.load();
		void this.#open().then(async () => {
			this.#followAddress();
			if (this.session.result) await firstChartDrawnOr(ENGINE_WAIT_MS);
			this.#engine ??= startEngine((why) => this.session.engineRestarted(why.message, why.name === 'EngineCrashed'));
			void this.session.attach(this.#engine);
		});
		addEventListener('pagehide', () => this.session.saveNow());
		onChartWorkerRestart((why) => (this.session.notice = chartRestartNotice(why)));
	}

	/** From the moment the scenario is open: the address follows it; a link's refused formulas join its notice. */
	#followAddress(): void {
		$effect.root(() => {
			// The address bar always holds the current scenario.
			$effect(() => {
				const { notebook, inputs, horizon, reference } = this.session;
				const doc = { notebook, inputs: { ...inputs }, horizon, reference: reference ?? undefined };
				untrack(() => this.#writeAddress(doc));
			});
			// Formulas a link brought that the engine refused belong in the link's notice.
			$effect(() => {
				if (!this.#openedFromLink || !this.session.running) return;
				const refused = this.session.compileErrors.filter((e) => e.kind !== 'depends-on-error');
				if (refused.length) {
					// A refused posterior leaves its cell running (the bands sample ranges instead).
					const more = refused.map((e) => (e.kind === 'bad-posterior' ? `Cell “${e.cellId}” from the link: ${e.message}` : `Cell “${e.cellId}” from the link has an error and does not run: ${e.message}`));
					untrack(() => (this.linkNotices = [...this.linkNotices, ...more]));
				}
				this.#openedFromLink = false;
			});
		});
	}

	/** A link wins over the autosaved work, but that work is first kept in the library. */
	async #open(): Promise<void> {
		const { session, library } = this;
		const restored = restoreWorkingDocument();
		const fromLink = await readScenarioFromAddress(chinaMarketNotebook);
		if (fromLink.fromLink) {
			this.#openedFromLink = true;
			if (restored.kind === 'restored' && JSON.stringify(restored.document) !== JSON.stringify(fromLink.document)) {
				library.save(`Work in progress before opening a link (${new Date().toLocaleString()})`, 'Kept automatically when a link replaced what was open.', restored.document);
			}
			session.adopt(fromLink.document);
			saveWorkingDocument(session.document);
			this.linkNotices = fromLink.notices;
		} else if (restored.kind === 'restored') {
			// Work saved under an older version opens with that version (loaded on demand).
			await loadPublishedVersion(restored.document.notebook.version);
			session.adopt(restored.document);
			this.restoredNote = 'Your edits from last time were restored.';
		} else if (restored.kind === 'corrupt') {
			session.notice = `Your saved work could not be read (${restored.problems.join('; ')}). ${
				restored.setAsideKey ? `It was kept aside in browser storage under “${restored.setAsideKey}”; ` : ''
			}the published notebook is open instead.`;
		}
	}
}

let app: NotebookApp | null = null;

/**
 * The tab's one app state (a fresh one per prerender, where nothing may be shared). Created in
 * an effect root of its own: its derived state must outlive the view that first asked for it.
 */
export function notebookApp(): NotebookApp {
	if (!browser) return new NotebookApp();
	if (!app) $effect.root(() => void (app = new NotebookApp()));
	return app!;
}

/** What both views are given by the build (+page.server.ts): the prose as HTML, the first results. */
export interface PublishedPageData {
	publishedMarkdown: Record<string, string>;
	publishedBaseline: RunResult;
}

/**
 * A view's start, before any cell renders: the build's prose and first results handed to the
 * tab's one app state. (The data is read once: a prerendered page's data never changes.)
 */
export function notebookAppFor(data: () => PublishedPageData): NotebookApp {
	usePublishedMarkdown(() => data().publishedMarkdown);
	const app = notebookApp();
	app.usePublishedRun(untrack(() => data().publishedBaseline));
	return app;
}
