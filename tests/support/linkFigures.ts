// The figures a fixture link is held to: what the engine gives for the document it opens,
// at a few years, to full precision (so "the same figures" means the same to the last digit).
import { compileNotebook, createProgram, runDeterministic } from '../../src/lib/sim';
import { dataFor } from '../../src/lib/notebooks/published';
import type { WorkingDocument } from '../../src/lib/state/autosave';

/** Each version's headline variables; a variable a version lacks is skipped (versions 1 and 2 have no origins, no CAAM basis). */
export const FIGURE_VARIABLES = ['domesticShare', 'nevShare', 'domesticShareNev', 'domesticShareIce', 'foreignSales', 'domesticShareCaam', 'germanShare', 'japaneseShare', 'usShare', 'otherShare', 'passengerExports'] as const;

/** variable -> year -> value, at 2019, 2024, 2025, 2030 and the document's horizon. */
export function linkFigures(doc: WorkingDocument): Record<string, Record<string, number>> {
	const model = compileNotebook(doc.notebook, dataFor(doc.notebook));
	const result = runDeterministic(createProgram(model), { inputs: doc.inputs, horizon: doc.horizon });
	const years = [...new Set([2019, 2024, 2025, 2030, doc.horizon])];
	const figures: Record<string, Record<string, number>> = {};
	for (const variable of FIGURE_VARIABLES) {
		const values = result.series[variable];
		if (!values) continue;
		figures[variable] = Object.fromEntries(years.map((y) => [String(y), values[result.years.indexOf(y)]]));
	}
	return figures;
}
