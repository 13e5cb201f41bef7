// The command line, whole process (start-up, reading, running, writing), on the built package
// (dist/, built first when missing or older than the sources):
//   cli_batch_10k_ms   shiftcast batch of 10,000 scenarios of the published notebook to 2035
//                      (a table of random values of every scenario lever; the default variables, the key
//                      figures, every year: 1.19 million lines)
//   cli_bands_100k_ms  shiftcast bands --samples 100000 --threads 2 of the published notebook
// Median of a few runs each; the output goes to /dev/null. Last stdout line: JSON.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chinaMarketNotebook } from '../../src/lib/notebooks/chinaMarket';
import { scenarioLevers } from '../../src/lib/sim/analysis/discovery';
import { ensureBuilt, BIN } from '../../tests/cli/support';

const RUNS = 3;
await ensureBuilt();

// 10,000 scenarios: each scenario lever of the current notebook (not the calibrated parameters) drawn in its range, seeded.
const names = new Set(scenarioLevers(chinaMarketNotebook));
const levers = chinaMarketNotebook.cells.flatMap((c) => (c.kind === 'input' && names.has(c.name) ? [c] : []));
let seed = 1;
const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const lines = ['name,' + levers.map((l) => l.name).join(',')];
for (let i = 0; i < 10_000; i++) lines.push(`s${i},` + levers.map((l) => +(l.min + (l.max - l.min) * random()).toPrecision(6)).join(','));
const dir = mkdtempSync(join(tmpdir(), 'shiftcast-bench-'));
const table = join(dir, 'batch10k.csv');
writeFileSync(table, lines.join('\n') + '\n');

function timed(args: string[]): number {
	const started = performance.now();
	const r = spawnSync(process.execPath, [BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
	const ms = performance.now() - started;
	if (r.status !== 0) throw new Error(`shiftcast ${args[0]} exited with ${r.status}: ${r.stderr}`);
	return ms;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const batch = Array.from({ length: RUNS }, () => timed(['batch', table, '--horizon', '2035']));
const band = Array.from({ length: RUNS }, () => timed(['bands', 'v=3', '--samples', '100000', '--threads', '2']));
const lineCount = execFileSync(process.execPath, [BIN, 'batch', table, '--horizon', '2035'], { maxBuffer: 1 << 30 }).toString().split('\n').length - 2;
console.error(`batch 10k: ${batch.map((x) => x.toFixed(0)).join(', ')} ms (${lineCount.toLocaleString('en')} lines); bands 100k on 2 threads: ${band.map((x) => x.toFixed(0)).join(', ')} ms`);
console.log(JSON.stringify({ cli_batch_10k_ms: Math.round(median(batch)), cli_bands_100k_ms: Math.round(median(band)), cli_batch_10k_lines: lineCount }));
