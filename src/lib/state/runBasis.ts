// What a run computes from: the document's notebook, inputs and horizon. The session keeps the
// basis of the figures it shows, to tell whether they are still the document's
// (NotebookSession.resultCurrent: a talk step just opened shows the previous step's until its run lands).
import type { Notebook } from '../sim/types';

export interface RunBasis {
	notebook: Notebook;
	/** As JSON, so a later change to the same inputs object is seen. */
	inputs: string;
	horizon: number;
}

export function runBasis(doc: { notebook: Notebook; inputs: Record<string, number>; horizon: number }): RunBasis {
	return { notebook: doc.notebook, inputs: JSON.stringify(doc.inputs), horizon: doc.horizon };
}

export const sameBasis = (a: RunBasis | null, b: RunBasis): boolean => !!a && a.notebook === b.notebook && a.inputs === b.inputs && a.horizon === b.horizon;
