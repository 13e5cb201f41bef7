// Outlook matching benchmark: two published outlooks for 2030 matched at once with three levers
// of the published notebook, from its defaults, as the engine answers "what does this outlook
// imply?": IEA's "about 80% NEV share of China's car sales by 2030" (nevShare 2030 = 0.80) and
// AlixPartners' "Chinese brands over 70% of China's market by 2030" (domesticShare 2030 = 0.70),
// with electrificationPace, nevCeiling and shakeout. Median of 7 (after one warm-up), target 500 ms.
// Run: npx tsx scripts/bench/outlookMatch.ts. Progress on stderr, one JSON line on stdout.

import '../../src/node/englishWords';
import { observedSeries } from '../../src/lib/data/index';
import { chinaMarketNotebook } from '../../src/lib/notebooks/chinaMarket';
import { shippedPosterior } from '../../src/lib/notebooks/shippedPosterior';
import { compileNotebook } from '../../src/lib/sim/model';
import { matchOutlooks } from '../../src/lib/sim/analysis/outlookMatch';
import type { OutlookMatchRequest, OutlookMatchResult } from '../../src/lib/sim/analysis/outlookMatch';
import { attachPosterior } from '../../src/lib/sim/analysis/posteriorCheck';
import { emit, log, median, sig } from './timing';

const RUNS = 7;
const model = attachPosterior(compileNotebook(chinaMarketNotebook, observedSeries), chinaMarketNotebook, shippedPosterior);
const request: OutlookMatchRequest = {
	targets: [
		{ variable: 'nevShare', year: 2030, value: 0.8, label: 'IEA: about 80% NEV share of car sales by 2030' },
		{ variable: 'domesticShare', year: 2030, value: 0.7, label: 'AlixPartners: Chinese brands over 70% by 2030' }
	],
	levers: ['electrificationPace', 'nevCeiling', 'shakeout'],
	inputs: {},
	horizon: chinaMarketNotebook.horizon,
	notebook: chinaMarketNotebook
};

matchOutlooks(model, request); // warm-up: builds the program, lets the JIT settle
const times: number[] = [];
let result: OutlookMatchResult | null = null;
for (let i = 0; i < RUNS; i++) {
	result = matchOutlooks(model, request);
	times.push(result.elapsedMs);
}
const found = result!;

log(`outlook match, 2 targets x 3 levers: median ${median(times).toFixed(0)} ms (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}), ${found.evaluations} model runs`);
for (const [lever, value] of Object.entries(found.values)) log(`  ${lever} = ${value.toFixed(4)}`);
for (const m of found.misses) {
	log(`  ${m.variable} ${m.year}: target ${m.target}, reached ${m.reached.toFixed(5)}, miss ${m.missPoints !== undefined ? `${m.missPoints.toExponential(2)} pp` : m.miss.toExponential(2)}`);
}
log(`  reached all: ${found.reachedAll}; at a slider end: ${found.atBounds.length ? found.atBounds.join(', ') : 'none'}`);

emit({
	outlook_match_ms_median: sig(median(times)),
	outlook_match_evaluations: found.evaluations,
	outlook_match_reached_all: found.reachedAll,
	outlook_match_values: Object.fromEntries(Object.entries(found.values).map(([k, v]) => [k, sig(v, 5)])),
	outlook_match_misses_pp: Object.fromEntries(found.misses.map((m) => [`${m.variable}_${m.year}`, sig(m.missPoints ?? m.miss, 3)]))
});
