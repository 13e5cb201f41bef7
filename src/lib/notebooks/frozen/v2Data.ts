// FROZEN: the data version 2 of the published notebook read (never edit v2-observed-series.json).
import type { DataTable } from '../../sim/types';
import observedSeries from './v2-observed-series.json';

/** Series id -> year -> value, as version 2 read them. */
export const v2Data: DataTable = Object.freeze(observedSeries as unknown as DataTable);
