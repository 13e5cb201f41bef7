// Scenario discovery benchmark: 10,000 Latin hypercube runs of every scenario lever of the
// published notebook (one thread, to 2035, the shipped posterior attached as the app has it),
// cases where foreign brands hold at least a third of cars sold in China in 2030 (the model's
// domesticShare at most 0.67), then PRIM; and PRIM alone on those runs.
// Run: npx tsx scripts/bench/discovery.ts. Progress on stderr, one JSON line on stdout.

import '../../src/node/englishWords';
import { observedSeries } from '../../src/lib/data/index';
import { chinaMarketNotebook } from '../../src/lib/notebooks/chinaMarket';
import { shippedPosterior } from '../../src/lib/notebooks/shippedPosterior';
import { compileNotebook } from '../../src/lib/sim/model';
import { discover, scenarioLevers } from '../../src/lib/sim/analysis/discovery';
import type { DiscoveryOptions, DiscoveryResult } from '../../src/lib/sim/analysis/discovery';
import { attachPosterior } from '../../src/lib/sim/analysis/posteriorCheck';
import { prim } from '../../src/lib/sim/analysis/prim';
import { emit, log, median, sig } from './timing';

const model = attachPosterior(compileNotebook(chinaMarketNotebook, observedSeries), chinaMarketNotebook, shippedPosterior);
const options = (seed: number): DiscoveryOptions => ({
	variable: 'domesticShare',
	year: 2030,
	condition: { kind: 'atMost', value: 0.67 },
	runs: 10_000,
	seed,
	inputs: {},
	horizon: 2035,
	levers: scenarioLevers(chinaMarketNotebook)
});

// The process's CPU time beside the wall-clock time: on a shared machine the wall clock also
// counts the time spent waiting for a core, the CPU time (one thread here) hardly does.
const cpuMs = (since: NodeJS.CpuUsage) => {
	const used = process.cpuUsage(since);
	return (used.user + used.system) / 1000;
};

// A first run builds the program; then five, each with a new seed (every run sampled again).
const first = discover(model, options(1));
const discoveryTimes: number[] = [];
const discoveryCpu: number[] = [];
for (let seed = 1; seed <= 5; seed++) {
	const cpu = process.cpuUsage();
	discoveryTimes.push(discover(model, options(seed)).elapsedMs);
	discoveryCpu.push(cpuMs(cpu));
}
log(`discovery, ${first.runs} runs x ${first.levers.length} levers + PRIM: ${discoveryTimes.map((t) => t.toFixed(0)).join(', ')} ms; median ${median(discoveryTimes).toFixed(1)} ms (CPU median ${median(discoveryCpu).toFixed(1)} ms)`);

const data = { columns: first.columns, cases: first.cases, ranges: first.ranges, names: first.levers };
prim(data); // warm-up
const primTimes: number[] = [];
const primCpu: number[] = [];
for (let k = 0; k < 9; k++) {
	const cpu = process.cpuUsage();
	const started = performance.now();
	prim(data);
	primTimes.push(performance.now() - started);
	primCpu.push(cpuMs(cpu));
}
log(`PRIM alone: ${primTimes.map((t) => t.toFixed(1)).join(', ')} ms; median ${median(primTimes).toFixed(1)} ms (CPU median ${median(primCpu).toFixed(1)} ms)`);

function describe(result: DiscoveryResult): string[] {
	const { prim: p } = result;
	const box = p.steps[p.chosen];
	const lines = [
		`cases: ${p.cases} of ${p.runs} (base rate ${p.baseRate.toFixed(3)})${p.reason ? `, ${p.reason}` : ''}`,
		`chosen box: step ${p.chosen} of ${p.steps.length - 1} (${p.steps.filter((s) => s.phase === 'paste').length} pastes), coverage ${box.coverage.toFixed(3)}, density ${box.density.toFixed(3)}, mass ${box.mass.toFixed(3)}`
	];
	for (const r of box.restricted) {
		const [lo, hi] = p.ranges[r.dim];
		const qp = [r.lowerP === null ? '' : `lower qp ${r.lowerP.toExponential(1)}`, r.upperP === null ? '' : `upper qp ${r.upperP.toExponential(1)}`].filter(Boolean).join(', ');
		lines.push(`  ${r.name}: ${sig(r.lo, 4)} to ${sig(r.hi, 4)} (of ${lo} to ${hi}; ${qp})`);
	}
	return lines;
}
describe(first).forEach((line) => log(line));

const box = first.prim.steps[first.prim.chosen];
emit({
	discovery_ms_median: sig(median(discoveryTimes)),
	prim_ms_median: sig(median(primTimes)),
	discovery_cpu_ms_median: sig(median(discoveryCpu)),
	prim_cpu_ms_median: sig(median(primCpu)),
	prim_ms_min: sig(Math.min(...primTimes)),
	discovery_runs: first.runs,
	discovery_levers: first.levers.length,
	discovery_base_rate: sig(first.prim.baseRate),
	discovery_box_coverage: sig(box.coverage),
	discovery_box_density: sig(box.density),
	discovery_box_restricted: box.restricted.map((r) => r.name)
});
