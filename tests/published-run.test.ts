// The first results a visitor sees before the engine starts: the published notebook's baseline,
// run at build time (src/lib/server/publishedRun.ts), shown while the document is the unchanged
// published notebook (NotebookSession.usePublishedRun), and never for anything else.
import { describe, expect, it, vi } from 'vitest';
import { observedSeries } from '../src/lib/data';
import { chinaMarketNotebook } from '../src/lib/notebooks/chinaMarket';
import { publishedBaseline } from '../src/lib/server/publishedRun';
import { compileNotebook, createProgram, runDeterministic } from '../src/lib/sim';
import { resultUpTo } from '../src/lib/sim/resultUpTo';
import { inputCells } from '../src/lib/view/notebookView';

// The session reaches the chart worker's client, which imports the worker through Vite.
vi.mock('../src/lib/charts/chart.worker?worker', () => ({ default: class {} }));
const { NotebookSession } = await import('../src/lib/state/notebookSession.svelte');

const baseline = publishedBaseline(chinaMarketNotebook);
const runTo = (horizon: number) => runDeterministic(createProgram(compileNotebook(chinaMarketNotebook, observedSeries), 1), { inputs: {}, horizon });
const someInput = inputCells(chinaMarketNotebook)[0];
const otherValue = someInput.default === someInput.max ? someInput.min : someInput.max;

describe('the build-time run of the published notebook', () => {
	it('holds, in its first years, exactly the run to any earlier horizon', () => {
		for (const horizon of [2030, 2035, 2042, 2050]) expect(resultUpTo(baseline, horizon)).toEqual(runTo(horizon));
	});

	it('is shown as the first results of the unchanged published notebook, before any engine', () => {
		const session = new NotebookSession(chinaMarketNotebook);
		session.usePublishedRun(baseline);
		expect(session.baseline).toBe(baseline);
		expect(session.result).toEqual(runTo(chinaMarketNotebook.horizon));
		expect(session.status).toBe('starting');
	});

	it('is taken away as soon as the document changes (an input moved before the engine answered)', () => {
		const session = new NotebookSession(chinaMarketNotebook);
		session.usePublishedRun(baseline);
		session.setInput(someInput.name, otherValue);
		expect(session.result).toBeNull();
		expect(session.baseline).toBe(baseline);
	});

	it('is taken away when a link or saved work opens something else, kept when it opens the same', () => {
		const changed = new NotebookSession(chinaMarketNotebook);
		changed.usePublishedRun(baseline);
		changed.adopt({ notebook: chinaMarketNotebook, inputs: { [someInput.name]: otherValue }, horizon: chinaMarketNotebook.horizon });
		expect(changed.result).toBeNull();

		const longer = new NotebookSession(chinaMarketNotebook);
		longer.usePublishedRun(baseline);
		longer.adopt({ notebook: chinaMarketNotebook, inputs: {}, horizon: 2040 });
		expect(longer.result).toBeNull();

		const same = new NotebookSession(chinaMarketNotebook);
		same.usePublishedRun(baseline);
		same.adopt({ notebook: structuredClone(chinaMarketNotebook), inputs: {}, horizon: chinaMarketNotebook.horizon });
		expect(same.result).toEqual(runTo(chinaMarketNotebook.horizon));
	});

	it('is not shown when the address carries a scenario still to be read (the baseline is)', () => {
		const session = new NotebookSession(chinaMarketNotebook);
		session.usePublishedRun(baseline, { figures: false });
		expect(session.result).toBeNull();
		expect(session.resultCurrent).toBe(false);
		expect(session.baseline).toBe(baseline);
	});

	it('is not shown for saved work the page opens with', () => {
		const session = new NotebookSession(chinaMarketNotebook, { notebook: chinaMarketNotebook, inputs: { [someInput.name]: otherValue }, horizon: 2035 });
		session.usePublishedRun(baseline);
		expect(session.result).toBeNull();
		expect(session.baseline).toBe(baseline);
	});

	it('says whether the figures shown are the current document\'s (a talk step waits for its own)', () => {
		const session = new NotebookSession(chinaMarketNotebook);
		expect(session.resultCurrent).toBe(false);
		session.usePublishedRun(baseline);
		expect(session.resultCurrent).toBe(true);
		session.adopt({ notebook: chinaMarketNotebook, inputs: { [someInput.name]: otherValue }, horizon: chinaMarketNotebook.horizon });
		expect(session.resultCurrent).toBe(false);
		// Back to what the shown figures were computed from: current again, without a run.
		session.adopt({ notebook: chinaMarketNotebook, inputs: {}, horizon: chinaMarketNotebook.horizon });
		expect(session.resultCurrent).toBe(true);
		session.setHorizon(2040);
		expect(session.resultCurrent).toBe(false);
	});
});
