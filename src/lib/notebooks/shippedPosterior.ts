// The posterior sample set shipped with the published notebook (version 2), computed by
// `npm run calibrate` (scripts/calibrate.ts) and read by the workers only: the page never loads
// it. It applies to a fit cell that still calibrates the published parameters to the published
// series and years; an edited fit cell (other parameters, pairs or years) has none until one is
// computed for it in the app. Version 1 shipped no posterior: its bands stay as they were.

import posteriorV2 from './posterior-v2.json';
import type { FitCell, Notebook, PosteriorSample } from '../sim/types';

const shipped = posteriorV2 as PosteriorSample;

export function shippedPosterior(notebook: Pick<Notebook, 'version'>, cell: FitCell): PosteriorSample | undefined {
	if (notebook.version !== 2) return undefined;
	const sameParameters = cell.parameters?.length === shipped.parameters.length && shipped.parameters.every((p) => cell.parameters!.includes(p));
	const sameSeries = shipped.noise.every((v) => cell.pairs.some((pair) => pair.variable === v));
	const sameYears = cell.fromYear === shipped.fromYear && cell.toYear === shipped.toYear;
	return sameParameters && sameSeries && sameYears ? shipped : undefined;
}
