// Whether a posterior sample set fits a compiled notebook, and attaching the one that applies.
// A set from a link or a saved scenario is untrusted: wrong names, values out of range, NaN or
// a wrong length are refused with a message on the fit cell, and the bands then sample each
// parameter from its own range, as without a posterior. Nothing else in the notebook changes.

import type { CompiledModel } from '../model';
import type { FitCell, Notebook, PosteriorSample } from '../types';
import { w } from '../../i18n/screenWords';

/** Names as the messages quote them: "a", "b" in English, “a”、“b” in Chinese. */
const quoted = (names: string[]) => names.map((name) => w('screen_engine_analysis_quoted', { name })).join(w('screen_engine_analysis_list_separator'));

/** Why `posterior` does not fit `model`, or null when it does. */
export function posteriorProblem(posterior: PosteriorSample, model: CompiledModel): string | null {
	const { parameters, noise, draws } = posterior;
	if (!draws.length || draws.length > 1000) return w('screen_engine_analysis_set_draws', { count: String(draws.length).replace(/\B(?=(\d{3})+$)/g, ',') });
	const cells = parameters.map((name) => model.inputs.find((c) => c.name === name));
	const unknown = parameters.filter((_, i) => !cells[i]);
	if (unknown.length) return w('screen_engine_analysis_set_unknown', { names: quoted(unknown) });
	if (new Set(parameters).size !== parameters.length) return w('screen_engine_analysis_set_twice');
	// A variable whose formula is broken still counts as the notebook's (its band is just not drawn).
	const defined = new Set([...model.variables, ...model.nameOfCell.values()]);
	const noVariable = noise.filter((v) => !defined.has(v));
	if (noVariable.length) return w('screen_engine_analysis_set_noise_for', { names: quoted(noVariable) });
	const width = parameters.length + noise.length;
	for (let d = 0; d < draws.length; d++) {
		const draw = draws[d];
		if (draw.length !== width) return w('screen_engine_analysis_set_width', { draw: d + 1, count: draw.length, width });
		for (let p = 0; p < parameters.length; p++) {
			const v = draw[p];
			const cell = cells[p]!;
			if (!Number.isFinite(v)) return w('screen_engine_analysis_set_value', { draw: d + 1, name: parameters[p], value: v });
			if (v < cell.min || v > cell.max) return w('screen_engine_analysis_set_range', { draw: d + 1, name: parameters[p], value: v, min: cell.min, max: cell.max });
		}
		for (let s = 0; s < noise.length; s++) {
			const v = draw[parameters.length + s];
			if (!(Number.isFinite(v) && v > 0 && v < 1e6)) return w('screen_engine_analysis_set_noise_value', { draw: d + 1, name: noise[s], value: v });
		}
	}
	if (!(posterior.fromYear <= posterior.toYear)) return w('screen_engine_analysis_set_years');
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
			message: w('screen_engine_analysis_set_misfit', { problem })
		});
		return model;
	}
	model.posterior = posterior;
	return model;
}
