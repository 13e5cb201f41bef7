// The posterior sample sets shipped with the published notebook's versions, computed by
// `npm run calibrate` (scripts/calibrate.ts) and read by the workers only: the page never loads
// them. A set applies to a fit cell that still calibrates the published parameters to the
// published series and years; an edited fit cell (other parameters, pairs or years) has none
// until one is computed for it in the app. Version 1 shipped none: its bands stay as they were.
// Version 2's set is frozen with it.

import posteriorV2 from './frozen/posterior-v2.json';
import posteriorV3 from './posterior-v3.json';
import type { FitCell, Notebook, PosteriorSample } from '../sim/types';

const SHIPPED: Readonly<Record<number, PosteriorSample>> = { 2: posteriorV2 as PosteriorSample, 3: posteriorV3 as PosteriorSample };

export function shippedPosterior(notebook: Pick<Notebook, 'version'>, cell: FitCell): PosteriorSample | undefined {
	const shipped = Object.hasOwn(SHIPPED, notebook.version) ? SHIPPED[notebook.version] : undefined;
	if (!shipped) return undefined;
	const sameParameters = cell.parameters?.length === shipped.parameters.length && shipped.parameters.every((p) => cell.parameters!.includes(p));
	const sameSeries = shipped.noise.every((v) => cell.pairs.some((pair) => pair.variable === v));
	const sameYears = cell.fromYear === shipped.fromYear && cell.toYear === shipped.toYear;
	return sameParameters && sameSeries && sameYears ? shipped : undefined;
}
