// The package's API: `import { run, runBatch, bands, sobol, goalSeek, discover } from 'shiftcast'`.
// Each function is documented where it is defined (api.ts, open.ts).
import './englishWords';
export { run, readBatch, runBatch, bands, sobol, goalSeek, discover, asRunResult, publishedNotebook, DEFAULT_BAND_SAMPLES, DEFAULT_SEED, DEFAULT_SOBOL_SAMPLES, DEFAULT_DISCOVERY_RUNS, MAX_BATCH_FILE_BYTES } from './api';
export type { ScenarioSource, ScenarioResult, RunOptions, BatchOptions, BatchResult, BandsOptions, BandsResult, SobolOptions, SobolResult, GoalSeekOptions, DiscoverOptions, DiscoverResult, Bands, GoalSeekResult, PrimStep, PrimReason, DiscoveryConditionKind, BatchScenario, BatchTable } from './api';
export { openScenario, openLink, openScenarioFile, openScenarioText, type OpenedScenario } from './open';
export { ShiftcastInputError } from './errors';
export { toCsv, batchToCsv } from './csvOut';
