// Whether a posterior sample set fits a compiled notebook, and attaching the one that applies.
// A set from a link or a saved scenario is untrusted: wrong names, values out of range, NaN or
// a wrong length are refused with a message on the fit cell, and the bands then sample each
// parameter from its own range, as without a posterior. Nothing else in the notebook changes.

import type { CompiledModel } from '../model';
import type { FitCell, Notebook, PosteriorSample } from '../types';

/** Why `posterior` does not fit `model`, or null when it does. */
export function posteriorProblem(posterior: PosteriorSample, model: CompiledModel): string | null {
	const { parameters, noise, draws } = posterior;
	if (!draws.length || draws.length > 1000) return `it holds ${String(draws.length).replace(/\B(?=(\d{3})+$)/g, ',')} draws (1 to 1,000 are allowed)`;
	const cells = parameters.map((name) => model.inputs.find((c) => c.name === name));
	const unknown = parameters.filter((_, i) => !cells[i]);
	if (unknown.length) return `it names ${unknown.map((n) => `"${n}"`).join(', ')}, not an input of this notebook`;
	if (new Set(parameters).size !== parameters.length) return 'it names a parameter twice';
	// A variable whose formula is broken still counts as the notebook's (its band is just not drawn).
	const defined = new Set([...model.variables, ...model.nameOfCell.values()]);
	const noVariable = noise.filter((v) => !defined.has(v));
	if (noVariable.length) return `its noise is for ${noVariable.map((n) => `"${n}"`).join(', ')}, not a variable of this notebook`;
	const width = parameters.length + noise.length;
	for (let d = 0; d < draws.length; d++) {
		const draw = draws[d];
		if (draw.length !== width) return `draw ${d + 1} has ${draw.length} values, not ${width}`;
		for (let p = 0; p < parameters.length; p++) {
			const v = draw[p];
			const cell = cells[p]!;
			if (!Number.isFinite(v)) return `draw ${d + 1} gives "${parameters[p]}" the value ${v}`;
			if (v < cell.min || v > cell.max) return `draw ${d + 1} puts "${parameters[p]}" at ${v}, outside its range ${cell.min} to ${cell.max}`;
		}
		for (let s = 0; s < noise.length; s++) {
			const v = draw[parameters.length + s];
			if (!(Number.isFinite(v) && v > 0 && v < 1e6)) return `draw ${d + 1} gives the noise of "${noise[s]}" the value ${v}`;
		}
	}
	if (!(posterior.fromYear <= posterior.toYear)) return 'its years run backwards';
	return null;
}

/**
 * Attaches the posterior of the notebook's first fit cell with parameters: its own sample set,
 * else `shipped(notebook, cell)` (the published version's). A set that does not fit is reported
 * as an error on the fit cell and left out.
 */
export function attachPosterior(model: CompiledModel, notebook: Notebook, shipped: (notebook: Notebook, cell: FitCell) => PosteriorSample | undefined): CompiledModel {
	const cell = notebook.cells.find((c): c is FitCell => c.kind === 'fit' && !!c.parameters?.length);
	if (!cell) return model;
	const posterior = cell.posterior ?? shipped(notebook, cell);
	if (!posterior) return model;
	const problem = posteriorProblem(posterior, model);
	if (problem) {
		model.errors.push({
			cellId: cell.id,
			kind: 'bad-posterior',
			message: `The posterior sample set does not fit this notebook (${problem}); the bands sample each parameter from its own range instead.`
		});
		return model;
	}
	model.posterior = posterior;
	return model;
}
