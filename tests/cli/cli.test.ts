// SLOW (builds dist/ once when a source is newer, then starts processes): the command line as a
// person runs it. Every link fixture of versions 1, 2 and 3 gives its recorded figures through
// `shiftcast run` (one process per fixture file), every --help example works as written in a
// shell, threads change no bit of the built package's analyses, and bad input exits with a
// sentence, never a stack trace.
import { beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { COMMANDS } from '../../src/node/cli';
import { FIGURE_VARIABLES } from '../support/linkFigures';
import linksV1 from '../fixtures/links-v1.json';
import linksV2 from '../fixtures/links-v2.json';
import linksV3 from '../fixtures/links-v3.json';
import { BIN, ROOT, STACK_LINE, ensureBuilt } from './support';

type Exit = { code: number; out: string; err: string };

function spawnCli(args: string[], options: { shell?: string } = {}): Promise<Exit> {
	return new Promise((resolve) => {
		const [file, argv] = options.shell !== undefined ? ['sh', ['-c', options.shell]] : [process.execPath, [BIN, ...args]];
		const bin = mkBinDir();
		execFile(file, argv, { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, PATH: `${bin}:${process.env.PATH}` } }, (error, out, err) => {
			resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, out, err });
		});
	});
}

let binDir = '';
/** A folder holding a `shiftcast` that runs the built command line, for examples typed as a person types them. */
function mkBinDir(): string {
	if (binDir) return binDir;
	binDir = mkdtempSync(join(tmpdir(), 'shiftcast-bin-'));
	const script = join(binDir, 'shiftcast');
	writeFileSync(script, `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
	chmodSync(script, 0o755);
	return binDir;
}

beforeAll(ensureBuilt, 600_000);

const fixtures = [linksV1, linksV2, linksV3];

describe('every link fixture gives its recorded figures through the command line', () => {
	for (const fixture of fixtures) {
		it(`version ${fixture.version}: ${fixture.links.length} links in one process`, { timeout: 120_000 }, async () => {
			const { code, out, err } = await spawnCli(['run', ...fixture.links.map((l) => l.query), '--json']);
			expect(err).not.toMatch(STACK_LINE);
			expect(code, err).toBe(0);
			const results = JSON.parse(out) as { version: number; horizon: number; notices: string[]; years: number[]; series: Record<string, number[]> }[];
			expect(results).toHaveLength(fixture.links.length);
			fixture.links.forEach((link, i) => {
				const r = results[i];
				const readAsCurrent = (() => {
					const v = new URLSearchParams(link.query).get('v');
					return v === null || Number(v) > fixture.version;
				})();
				// A link read as the current version has the current version's figures (compared in its own fixture only).
				if (readAsCurrent && fixture.version !== 3) return;
				const years = [...new Set([2019, 2024, 2025, 2030, r.horizon])];
				const figures: Record<string, Record<string, number>> = {};
				for (const variable of FIGURE_VARIABLES) {
					const values = r.series[variable];
					if (values) figures[variable] = Object.fromEntries(years.map((y) => [String(y), values[r.years.indexOf(y)]]));
				}
				expect(figures, link.name).toEqual(link.figures);
				// The reader's notices are the browser's (each expected one a part of the notice in its place).
				expect(r.notices.length, link.name).toBe(link.notices.length);
				link.notices.forEach((n, k) => expect(r.notices[k], link.name).toContain(n));
				// And they were printed on standard error.
				for (const n of r.notices) expect(err).toContain(n);
			});
		});
	}
});

describe('every --help example works as written', () => {
	for (const command of COMMANDS) {
		for (const example of command.examples) {
			it(example, { timeout: 120_000 }, async () => {
				const { code, out, err } = await spawnCli([], { shell: example });
				expect(code, err).toBe(0);
				expect(out.length).toBeGreaterThan(20);
				expect(err).not.toMatch(STACK_LINE);
			});
		}
	}
});

it('the built API gives the same bits on 1 and 2 threads (bands, Sobol indices, discovery)', { timeout: 180_000 }, async () => {
	const api = (await import(pathToFileURL(join(ROOT, 'dist', 'index.js')).href)) as typeof import('../../src/node/index');
	const link = 'v=3&horizon=2040&localisationGerman=0.6';
	const one = await api.bands(link, { samples: 3001, threads: 1, variables: ['domesticShare', 'nevShare'] });
	const two = await api.bands(link, { samples: 3001, threads: 2, variables: ['domesticShare', 'nevShare'] });
	expect(two).toEqual(one);
	expect(one.bands.domesticShare.p50.every(Number.isFinite)).toBe(true);
	expect(await api.sobol(link, { samples: 256, threads: 2 })).toEqual(await api.sobol(link, { samples: 256, threads: 1 }));
	const d1 = await api.discover(link, { runs: 1000, threads: 1 });
	expect(await api.discover(link, { runs: 1000, threads: 3 })).toEqual(d1);
	expect(d1.runs).toBe(1000);
});

describe('bad input in a real process: a sentence and an exit code', () => {
	it('an unknown command', async () => {
		const { code, err } = await spawnCli(['nope']);
		expect(code).toBe(2);
		expect(err).toMatch(/^shiftcast: unknown command “nope”/);
	});
	it('a negative sample count', async () => {
		const { code, err } = await spawnCli(['bands', 'v=3', '--samples', '-1']);
		expect(code).toBe(2);
		expect(err).toBe('shiftcast bands: The number of samples must be a whole number from 1 to 100,000, not -1.\n');
	});
	it('binary input on standard input', async () => {
		const { code, err } = await spawnCli([], { shell: `head -c 2000 "${process.execPath}" | shiftcast batch -` });
		expect(code).toBe(2);
		expect(err).toMatch(/Standard input is not a text file/);
		expect(err).not.toMatch(STACK_LINE);
	});
	it('a reader that stops early is not an error', async () => {
		const { code, err } = await spawnCli([], { shell: 'shiftcast run v=3 | head -c 10 >/dev/null' });
		expect(code).toBe(0);
		expect(err).toBe('');
	});
});
