// Version 1 as one loadable piece: its notebook and the data it read. Loaded only when a
// version-1 document is opened (notebooks/published.ts), so a first visit never pays for it.
import type { DataTable } from '../../sim/types';
import { chinaMarketNotebookV1 } from './chinaMarketV1';
import observedSeries from './v1-observed-series.json';

export const version1 = { notebook: chinaMarketNotebookV1, data: Object.freeze(observedSeries as unknown as DataTable) };
