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
import { addressWriter, readScenarioFromAddress } from './linkSync';
import { ScenarioLibrary } from './scenarioLibrary.svelte';
import { TabKeeper, whenPersonArrives } from './tabKeeper';
import { RecoveryList } from './recovery.svelte';
import { hasStoredWork } from '../storage/localStorageNotes';
import { claimTabId } from '../storage/tabPresence';
import type { WorkingCopy } from '../storage/workingCopies';
import { startEngine } from '../worker/client';
import { firstChartDrawnOr } from '../view/perfMarks';
import type { EngineClient } from '../worker/client';
import type { RunResult } from '../sim/types';
import type { DecodedScenario } from '../scenario/decode';
import { encodeScenario } from '../scenario/encode';
import { chartSourceLine } from '../charts/sourceLine';
import type { ChartActionContext } from '../view/chartActions';
import { refusedCellNotices } from '../view/refusedCells';
import { w } from '../i18n/screenWords';

/** Longest the engine waits for the first chart drawn from the build's results. */
const ENGINE_WAIT_MS = 1500;

export class NotebookApp {
	readonly session = new NotebookSession(chinaMarketNotebook);
	readonly library = new ScenarioLibrary();
	/** Keeps the document as this tab's working copy in the browser's database. */
	readonly keeper = new TabKeeper(() => this.library.origin);
	/** Work other tabs left behind, offered to recover (components/RecoverWork.svelte). */
	readonly recovery = new RecoveryList({
		current: () => ({ document: this.session.document, origin: this.library.origin }),
		open: (copy) => {
			this.session.open(copy.document);
			this.library.origin = copy.origin ?? null;
		}
	});
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

	/**
	 * The build's first results, shown while the document is the unchanged published notebook.
	 * Not when the address carries a scenario: the link is read after the page starts, and the
	 * published figures shown meanwhile would pass for the link's (and every chart would be
	 * drawn twice). The baseline is the same either way.
	 */
	usePublishedRun(baseline: RunResult): void {
		if (!this.#opened) this.session.usePublishedRun(baseline, { figures: !(browser && addressNamesAScenario()) });
	}

	/** Called by each view on mount; opens the scenario and starts the engine the first time only. */
	mount(): void {
		if (this.#opened || !browser) return;
		this.#opened = true;
		// Held from the start, saved work or not, so a tab opened beside this one knows it is open.
		void claimTabId();
		// Whatever goes wrong reading storage, the page still runs (on the published notebook) and says so.
		const opened = this.#open().catch((err) => void (this.session.notice = w('screen_storage_open_failed', { detail: (err as Error).message })));
		void opened.then(async () => {
			this.#followAddress();
			if (this.session.result) await firstChartDrawnOr(ENGINE_WAIT_MS);
			this.#engine ??= startEngine((why) => this.session.engineRestarted(why.message, why.name === 'EngineCrashed'));
			void this.session.attach(this.#engine);
		});
		// Hidden (another tab, the phone's home screen) may be the last moment the page is sure to
		// run: save what waits to be saved. Going away: what is unsaved is written synchronously too.
		addEventListener('visibilitychange', () => {
			if (document.visibilityState === 'hidden') void this.session.saver.flush();
		});
		addEventListener('pagehide', () => this.session.saver.asTabCloses());
		this.library.follow();
		this.recovery.follow();
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
			// The working copy keeps which saved scenario the document came from, with its revision:
			// a "Save changes" or a save that makes a new origin is saved with the copy at once, or a
			// reload would bring back the old revision and take the tab's own save for a conflict.
			let origin = untrack(() => this.library.origin);
			$effect(() => {
				const now = this.library.origin;
				if (now === origin) return;
				origin = now;
				untrack(() => void this.session.saver.now());
			});
			// Formulas a link brought that the engine refused belong in the link's notice.
			$effect(() => {
				if (!this.#openedFromLink || !this.session.running) return;
				// (A refused posterior leaves its cell running: the bands sample ranges instead.)
				const more = refusedCellNotices(this.session.compileErrors);
				if (more.length) untrack(() => (this.linkNotices = [...this.linkNotices, ...more]));
				this.#openedFromLink = false;
			});
		});
	}

	/**
	 * Opens what the tab starts with. With nothing stored in this browser: the address's scenario
	 * or the published notebook, and the storage code waits for the first save or the person
	 * reaching for the page (then lists anything recoverable). Otherwise startChoice decides
	 * (storage/recovery.ts): after a reload the tab's own copy; else a link; else its own copy;
	 * else, when no other tab is open, the most recent copy a closed tab left. What is not opened
	 * is listed as recoverable. A link that replaces the tab's own work keeps that work in the
	 * library first.
	 */
	async #open(): Promise<void> {
		const { session, library, keeper } = this;
		const stored = hasStoredWork();
		const [fromLink, code] = await Promise.all([readScenarioFromAddress(chinaMarketNotebook), stored ? keeper.code() : null]);
		const start = await code?.startTab();
		void library.load();
		if (!code || !start) {
			// From here on every change is saved as this tab's copy.
			session.saver.keepIn(keeper);
			if (fromLink.fromLink) this.#openLink(fromLink);
			// Nothing was stored (or the hint was lost): look once the person is here.
			whenPersonArrives(() => void Promise.all([this.recovery.refresh(), library.reread()]));
			return;
		}
		const own = start.own.kind === 'restored' ? start.own.copy : null;
		const recoverable = code.recoverableCopies(start.copies, start.live, start.tabId, code.isUnchanged);
		const otherTabsAlive = !!start.live && [...start.live].some((id) => id !== start.tabId);
		const choice = code.startChoice({ reload: isReturn(), fromLink: fromLink.fromLink, own, recoverable, otherTabsAlive });
		let opened: WorkingCopy | null = null;
		if (choice.open === 'link') {
			if (own && !code.isUnchanged(own.document) && JSON.stringify(own.document) !== JSON.stringify(fromLink.document)) {
				// A stored name and description, so English in either language (like every name made for a document).
				await library.save(`Work in progress before opening a link (${new Date().toLocaleString()})`, 'Kept automatically when a link replaced what was open.', own.document);
			}
			this.#openLink(fromLink);
		} else if (choice.open === 'own') {
			opened = choice.copy;
		} else if (choice.open === 'adopt') {
			const adopted = await code.adoptWorkingCopy(choice.copy.tabId, start.tabId, null);
			if (adopted.kind === 'adopted') opened = adopted.copy;
		}
		if (opened) {
			// Work saved under an older version opens with that version (loaded on demand).
			await loadPublishedVersion(opened.document.notebook.version);
			session.adopt(opened.document);
			library.origin = opened.origin ?? null;
			if (!fromLink.fromLink) this.restoredNote = w('screen_storage_restored_edits');
		}
		// Only now, the document open: a change made while it was opening must not be saved over
		// the tab's own copy before that copy is read (a change then is saved once kept).
		session.saver.keepIn(keeper);
		this.recovery.entries = recoverable.filter((c) => c.tabId !== (choice.open === 'adopt' ? choice.copy.tabId : null));
		this.recovery.problems = start.problems;
		const corrupt = start.own.kind === 'corrupt' ? start.own : start.moved?.corruptAutosave;
		if (corrupt) session.notice = code.corruptMessage(corrupt);
		if (start.unavailable) session.saver.problem = start.unavailable;
	}

	/** What the charts of both views may do with this scenario (components/ChartActions.svelte). */
	readonly chartActions: ChartActionContext = {
		modelVersion: () => this.session.notebook.version,
		scenarioQuery: async () => {
			try {
				return { query: await encodeScenario(this.session.document, chinaMarketNotebook) };
			} catch (err) {
				return { problem: (err as Error).message };
			}
		},
		addStep: async (chart, chartTitle) => {
			const scenario = await this.chartActions.scenarioQuery();
			if ('problem' in scenario) return w('screen_storage_not_a_step', { problem: scenario.problem });
			// The talk's code loads on first use (a first visit does not need it).
			const { addStepToDraft } = await import('../talk/draft');
			return addStepToDraft({ query: scenario.query, chart, chartTitle });
		},
		embeddable: true,
		sourceLine: (cell) => chartSourceLine(cell, this.session.notebook)
	};

	#openLink(fromLink: DecodedScenario): void {
		this.#openedFromLink = true;
		this.session.adopt(fromLink.document);
		this.linkNotices = fromLink.notices;
	}
}

/** The address asks for more than the current published scenario (anything but `v`). */
function addressNamesAScenario(): boolean {
	return [...new URLSearchParams(location.search).keys()].some((key) => key !== 'v');
}

/** The tab was reloaded, or came back to this page through its history: its own copy is the newest. */
function isReturn(): boolean {
	const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
	return entry?.type === 'reload' || entry?.type === 'back_forward';
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
