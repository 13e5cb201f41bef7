// The comparison page's state: two to four scenarios side by side, the years and unit of the
// difference table, and the "why do they differ?" attribution. The page's address holds all of
// it, so a comparison is a link of its own:
//   /compare?s=<scenario link query>&n=<name>&s=...&n=...&years=2030,2035&unit=pp&out=domesticShare&a=0&b=1&ay=2030

import type { EngineClient } from '../worker/client';
import { w } from '../i18n/screenWords';
import type { Attribution } from '../sim/analysis/attribution';
import type { MonteCarloResult, Notebook, RunResult } from '../sim/types';
import type { ScenarioRun } from '../worker/protocol';
import type { WorkingDocument } from './autosave';
import { decodeScenario, encodeScenario } from '../scenario/codec';
import { m } from '$lib/paraglide/messages';

export const MAX_COMPARED = 4;
/** Uncertainty bands of each compared scenario: the notebook page's default sample count and seed. */
export const COMPARE_BAND_SAMPLES = 10_000;
export const COMPARE_BAND_SEED = 1;
export type DifferenceUnit = 'pp' | 'pct';

export interface ComparedScenario {
	key: string;
	name: string;
	query: string;
	document: WorkingDocument;
	notices: string[];
}

let nextKey = 1;

export class CompareSession {
	readonly published: Notebook;
	scenarios: ComparedScenario[] = $state.raw([]);
	results: RunResult[] = $state.raw([]);
	baseline: RunResult | null = $state.raw(null);
	years: number[] = $state.raw([2030, 2035]);
	unit: DifferenceUnit = $state('pp');
	output = $state('domesticShare');
	pair: [number, number] = $state.raw([0, 1]);
	attributionYear = $state(2030);
	attribution: Attribution | null = $state.raw(null);
	attributing = $state(false);
	problems: string[] = $state.raw([]);
	ready = $state(false);
	/** Monte Carlo bands per scenario (same order as `results`), once computed. */
	bands: (MonteCarloResult | null)[] = $state.raw([]);
	bandsRunning = $state(false);
	bandsProblem: string | null = $state(null);

	#engine: EngineClient | null = null;
	readonly #bandVariables: string[];
	#bandRequests = 0;

	/** `bandVariables`: the outputs given uncertainty bands (charts, figures, the CSV). */
	constructor(published: Notebook, bandVariables: string[] = []) {
		this.published = published;
		this.#bandVariables = bandVariables;
	}

	async attach(engine: EngineClient) {
		this.#engine = engine;
		this.baseline = await engine.setBaseline(this.published);
		this.ready = true;
		await this.refresh();
	}

	/** Reads a comparison from the page's query string. */
	async readQuery(params: URLSearchParams) {
		const queries = params.getAll('s').slice(0, MAX_COMPARED);
		const names = params.getAll('n');
		const problems: string[] = [];
		if (params.getAll('s').length > MAX_COMPARED) problems.push(m.compare_only_first({ max: MAX_COMPARED }));
		const scenarios: ComparedScenario[] = [];
		for (const [i, query] of queries.entries()) {
			const decoded = await decodeScenario(query, this.published);
			scenarios.push({ key: `c${nextKey++}`, name: (names[i] ?? '').slice(0, 120) || w('screen_names_numbered_scenario', { n: i + 1 }), query, document: decoded.document, notices: decoded.notices });
		}
		const years = (params.get('years') ?? '')
			.split(',')
			.map((y) => Number(y))
			.filter((y) => Number.isInteger(y) && y >= 2019 && y <= 2050);
		if (years.length) this.years = [...new Set(years)].slice(0, 6);
		if (params.get('unit') === 'pct') this.unit = 'pct';
		const out = params.get('out');
		if (out && /^[A-Za-z][A-Za-z0-9_]{0,47}$/.test(out)) this.output = out;
		const a = Number(params.get('a') ?? 0);
		const b = Number(params.get('b') ?? 1);
		if (Number.isInteger(a) && Number.isInteger(b) && a !== b && a >= 0 && b >= 0) this.pair = [a, b];
		const ay = Number(params.get('ay'));
		if (Number.isInteger(ay) && ay >= 2019 && ay <= 2050) this.attributionYear = ay;
		this.scenarios = scenarios;
		this.problems = problems;
		await this.refresh();
	}

	/** The query string that reopens this comparison exactly. */
	toQuery(): string {
		const p = new URLSearchParams();
		for (const s of this.scenarios) {
			p.append('s', s.query);
			p.append('n', s.name);
		}
		p.set('years', this.years.join(','));
		p.set('unit', this.unit);
		p.set('out', this.output);
		p.set('a', String(this.pair[0]));
		p.set('b', String(this.pair[1]));
		p.set('ay', String(this.attributionYear));
		return p.toString();
	}

	async add(name: string, document: WorkingDocument, notices: string[] = []) {
		if (this.scenarios.length >= MAX_COMPARED) {
			this.problems = [m.compare_at_most({ max: MAX_COMPARED })];
			return;
		}
		let query: string;
		try {
			query = await encodeScenario(document, this.published);
		} catch (err) {
			this.problems = [m.compare_cannot_compare({ name, reason: (err as Error).message })];
			return;
		}
		this.scenarios = [...this.scenarios, { key: `c${nextKey++}`, name: name.slice(0, 120), query, document, notices }];
		this.problems = [];
		await this.refresh();
	}

	/** Adds a scenario from a pasted link: a full address or just its query string. */
	async addLink(text: string, name: string) {
		const trimmed = text.trim();
		const query = trimmed.includes('?') ? trimmed.slice(trimmed.indexOf('?') + 1) : trimmed;
		const decoded = await decodeScenario(query, this.published);
		await this.add(name || w('screen_names_pasted_link', { n: this.scenarios.length + 1 }), decoded.document, decoded.notices);
	}

	async remove(key: string) {
		this.scenarios = this.scenarios.filter((s) => s.key !== key);
		this.pair = [Math.min(this.pair[0], Math.max(0, this.scenarios.length - 1)), Math.min(this.pair[1], Math.max(0, this.scenarios.length - 1))];
		await this.refresh();
	}

	async refresh() {
		if (!this.#engine || !this.ready) return;
		const horizon = Math.max(2035, ...this.years, this.attributionYear);
		const specs: ScenarioRun[] = this.scenarios.map((s) => ({ notebook: s.document.notebook, inputs: s.document.inputs, horizon: Math.max(horizon, s.document.horizon) }));
		try {
			this.results = await this.#engine.runScenarios(specs);
		} catch (err) {
			this.problems = [(err as Error).message];
		}
		// Bands follow in the analysis worker; the lines and the attribution do not wait for them.
		void this.#refreshBands(specs);
		await this.explain();
	}

	/** Same horizons as the deterministic runs, so band years line up with result years. */
	async #refreshBands(specs: ScenarioRun[]) {
		if (!this.#engine || !this.#bandVariables.length) return;
		const mine = ++this.#bandRequests;
		this.bands = [];
		if (!specs.length) return;
		this.bandsRunning = true;
		try {
			const bands = await this.#engine.monteCarloScenarios(specs, { samples: COMPARE_BAND_SAMPLES, seed: COMPARE_BAND_SEED, variables: this.#bandVariables });
			if (!bands) return; // a newer comparison replaced this one
			this.bands = bands;
			this.bandsProblem = null;
		} catch (err) {
			this.bandsProblem = m.compare_bands_failed({ reason: (err as Error).message });
		} finally {
			// An older request ending must not clear the flag of the one still running.
			if (mine === this.#bandRequests) this.bandsRunning = false;
		}
	}

	/** Recomputes the attribution for the chosen pair, output and year. */
	async explain() {
		const [ia, ib] = this.pair;
		const a = this.scenarios[ia];
		const b = this.scenarios[ib];
		if (!this.#engine || !a || !b || ia === ib) {
			this.attribution = null;
			return;
		}
		this.attributing = true;
		try {
			this.attribution = await this.#engine.attribute(
				{ notebook: a.document.notebook, inputs: a.document.inputs },
				{ notebook: b.document.notebook, inputs: b.document.inputs },
				this.output,
				this.attributionYear
			);
		} catch (err) {
			this.problems = [(err as Error).message];
			this.attribution = null;
		} finally {
			this.attributing = false;
		}
	}

	valueAt(index: number, variable: string, year: number): number | undefined {
		const r = this.results[index];
		const i = r?.years.indexOf(year) ?? -1;
		return i >= 0 ? r.series[variable]?.[i] : undefined;
	}
}
