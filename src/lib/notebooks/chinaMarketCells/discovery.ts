// "What would it take?": the scenario-discovery cell of the published notebook, asking the
// question the source articles circle: under which assumptions do foreign brands keep a third of
// the cars sold in China in 2030 (Chinese brands at most 67%, against 74% in the baseline)?

import type { Cell } from '../../sim/types';

export const discoveryCells: Cell[] = [
	{
		id: 'discovery-intro',
		kind: 'markdown',
		text: `## What would it take?

Goal seek moves one lever at a time. The cell below moves all of them at once: it runs the model ten thousand times with every scenario lever spread over its range (a Latin hypercube), marks the runs that meet a condition, and looks for **boxes of lever ranges** where those runs gather (PRIM, the method of the EMA Workbench and RAND's robust decision making). Read a box by three numbers: its *coverage* (of all the runs that meet the condition, the share inside the box), its *density* (of the runs inside the box, the share that meet it) and its *mass* (the share of all runs inside). Each peeling step trades coverage for density; pick the step you believe, open a scenario at its centre, or send the box as a link.`
	},
	{
		id: 'discovery',
		kind: 'discovery',
		title: 'Foreign brands keep a third of the cars sold in China in 2030',
		variable: 'domesticShare',
		year: 2030,
		condition: 'atMost',
		value: 0.67
	}
];
