// Build time: the published notebook's baseline run (default inputs, to the last year any horizon
// can reach), computed once while the page is prerendered by the same engine the browser runs.
// The page shows it as the first results of an unchanged notebook before its engine has started
// (NotebookSession.usePublishedRun), so a first visit does not wait for the workers to start,
// compile and run before it can draw its charts.

import { observedSeries } from '../data/index';
import { compileNotebook, createProgram, runDeterministic } from '../sim/index';
import type { Notebook, RunResult } from '../sim/types';
import { MAX_HORIZON } from '../worker/protocol';

export function publishedBaseline(notebook: Notebook): RunResult {
	return runDeterministic(createProgram(compileNotebook(notebook, observedSeries), 1), { inputs: {}, horizon: MAX_HORIZON });
}
