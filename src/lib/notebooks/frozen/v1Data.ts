// FROZEN: the data version 1 of the published notebook read (never edit v1-observed-series.json).
import type { DataTable } from '../../sim/types';
import observedSeries from './v1-observed-series.json';

/** Series id -> year -> value, as version 1 read them. */
export const v1Data: DataTable = Object.freeze(observedSeries as unknown as DataTable);
