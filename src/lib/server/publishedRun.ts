// Build time: the published notebook's baseline run (default inputs, to the last year any horizon
// can reach), computed once while the page is prerendered by the same engine the browser runs.
// The page shows it as the first results of an unchanged notebook before its engine has started
// (NotebookSession.usePublishedRun), so a first visit does not wait for the workers to start,
// compile and run before it can draw its charts.

import type { Notebook, RunResult } from '../sim/types';
import { baselineRun } from '../worker/engineService';

/** The run the engine gives for setBaseline (the same function), done at build time. */
export function publishedBaseline(notebook: Notebook): RunResult {
	return baselineRun(notebook);
}
