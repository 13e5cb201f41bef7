// The Node API: scenarios opened from links or files, run, and analysed with the browser's own
// engine code (lib/worker/engineService.ts, the web worker's service) and options, returning
// plain arrays and objects. The command line (cli.ts) is a thin layer over it.
// Split by what it does: apiOptions.ts (the scenario argument, defaults, option checks),
// apiRuns.ts (runs and batches), apiAnalyses.ts (bands, Sobol, goal seek, discovery).
import { currentPublished } from '../lib/notebooks/published';
import type { Notebook } from '../lib/sim/types';

export type { OpenedScenario } from './open';
export type { BatchScenario, BatchTable } from './batchTable';
export type { Bands, DiscoveryConditionKind } from '../lib/sim/types';
export type { GoalSeekResult } from '../lib/worker/protocol';
export type { PrimReason, PrimStep } from '../lib/sim/analysis/primTypes';
export { DEFAULT_BAND_SAMPLES, DEFAULT_DISCOVERY_RUNS, DEFAULT_SEED, DEFAULT_SOBOL_SAMPLES, type ScenarioSource } from './apiOptions';
export * from './apiRuns';
export * from './apiAnalyses';

/** The notebook a new visitor opens (the current published version). */
export const publishedNotebook: Notebook = currentPublished;
