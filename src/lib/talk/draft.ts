// Placeholder until talks land: the talk being built in this browser.

export interface DraftStepInput {
	/** The scenario's query as a link carries it (no leading `?`). */
	query: string;
	/** The chart cell's id. */
	chart: string;
	chartTitle: string;
}

/** Adds a step to the talk being built; returns what to tell the person. */
export async function addStepToDraft(step: DraftStepInput): Promise<string> {
	return `Talks are not built yet (${step.chartTitle}).`;
}
