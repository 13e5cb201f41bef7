// One worker_thread of the Monte Carlo pool experiment in scripts/bench/monteCarlo.ts: runs the
// slice of samples it is sent with the pool's own code (monteCarloSlice, src/lib/sim/analysis/monteCarlo.ts)
// and sends back the requested variables' values for every year (transferred, not copied).

import '../../src/node/englishWords';
import { parentPort } from 'node:worker_threads';
import { annualSeries } from '../../src/lib/data/index';
import { chinaMarketNotebook } from '../../src/lib/notebooks/chinaMarket';
import { compileNotebook } from '../../src/lib/sim/index';
import type { MonteCarloOptions } from '../../src/lib/sim/index';
import { monteCarloSlice } from '../../src/lib/sim/analysis/monteCarlo';

export interface SliceRequest extends MonteCarloOptions {
	start: number;
	count: number;
}

const model = compileNotebook(chinaMarketNotebook, annualSeries);

parentPort!.on('message', (request: SliceRequest) => {
	const out = monteCarloSlice(model, request, request.start, request.count);
	parentPort!.postMessage(out, [out.buffer]);
});
