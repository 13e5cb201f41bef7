// The Node API and the command line in this process: the same figures as the browser's code
// paths, thread counts that change nothing, and every bad input of issue 24 answered with a
// sentence and its exit code. Fast: no process is started (tests/cli/cli.test.ts starts them).
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, truncateSync, openSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { openScenario, readBatch, run, runBatch, goalSeek } from '../../src/node/index';
import { readBatchTable } from '../../src/node/batchTable';
import { PRESETS } from '../../src/lib/scenario/presets';
import { resultsToCsv } from '../../src/lib/export/csv';
import { scenarioToJson } from '../../src/lib/export/scenario';
import { compileNotebook, createProgram, runDeterministic } from '../../src/lib/sim';
import { dataFor } from '../../src/lib/notebooks/published';
import { chinaMarketNotebook } from '../../src/lib/notebooks/chinaMarket';
import { COMMANDS, commandHelp } from '../../src/node/cli';
import { cli, STACK_LINE } from './support';

const tmp = mkdtempSync(join(tmpdir(), 'shiftcast-cli-'));
const file = (name: string, content: string | Buffer) => {
	const path = join(tmp, name);
	writeFileSync(path, content);
	return path;
};
const LINK = 'http://127.0.0.1:4173/?v=3&horizon=2040&localisationGerman=0.6';

describe('a batch gives what single runs give, to the digit', () => {
	it('random scenarios of every lever, against runDeterministic', { timeout: 30_000 }, async () => {
		const levers = chinaMarketNotebook.cells.flatMap((c) => (c.kind === 'input' ? [c] : []));
		let seed = 7;
		const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
		const scenarios = Array.from({ length: 300 }, (_, i) => ({
			name: `s${i}`,
			version: 3,
			inputs: Object.fromEntries(levers.filter(() => random() < 0.5).map((c) => [c.name, c.min + (c.max - c.min) * random()])),
			horizon: 2030 + (i % 21)
		}));
		const results = await runBatch(scenarios, { variables: ['all'] });
		const program = createProgram(compileNotebook(chinaMarketNotebook, dataFor(chinaMarketNotebook)));
		scenarios.forEach((s, i) => {
			const single = runDeterministic(program, { inputs: s.inputs, horizon: s.horizon });
			expect(results[i].years).toEqual(single.years);
			expect(results[i].series).toEqual(single.series);
		});
	});

	it('a batch of the presets gives the compare page’s CSV figures', { timeout: 30_000 }, async () => {
		const levers = [...new Set(PRESETS.flatMap((p) => Object.keys(p.document.inputs)))];
		const table = ['name,' + levers.join(','), ...PRESETS.map((p) => [`"${p.name}"`, ...levers.map((l) => p.document.inputs[l] ?? '')].join(','))].join('\n');
		const { code, out } = await cli(['batch', '-', '--variables', 'all'], table);
		expect(code).toBe(0);
		// The compare page: runScenarios of each preset to max(2035, its horizon), resultsToCsv.
		const rows = PRESETS.map((p) => {
			const program = createProgram(compileNotebook(p.document.notebook, dataFor(p.document.notebook)));
			return { scenario: p.name, result: runDeterministic(program, { inputs: p.document.inputs, horizon: Math.max(2035, p.document.horizon) }) };
		});
		const variables = Object.keys(rows[0].result.series);
		const compare = Papa.parse<string[]>(resultsToCsv(rows, variables).trim(), { skipEmptyLines: true }).data;
		const long = new Map(Papa.parse<string[]>(out.trim(), { skipEmptyLines: true }).data.slice(1).map(([s, y, v, value]) => [`${s}|${y}|${v}`, value]));
		const header = compare[0];
		let compared = 0;
		for (const row of compare.slice(1)) {
			for (let c = 2; c < header.length; c++) {
				expect(long.get(`${row[0]}|${row[1]}|${header[c]}`), `${row[0]} ${row[1]} ${header[c]}`).toBe(row[c]);
				compared++;
			}
		}
		expect(compared).toBe(PRESETS.length * 17 * variables.length);
		expect(long.size).toBe(compared);
	});
});

describe('batch tables are read like data cells', () => {
	it('semicolons and decimal commas, names, versions, horizons and empty cells', async () => {
		const table = await readBatchTable('\uFEFFname;version;horizon;localisation;shakeout\nOld;2;2040;0,6;\nNew;;;;0,25\n');
		expect(table.problems).toEqual([]);
		expect(table.scenarios).toEqual([
			{ name: 'Old', version: 2, inputs: { localisation: 0.6 }, horizon: 2040, row: 2 },
			{ name: 'New', version: 3, inputs: { shakeout: 0.25 }, row: 3 }
		]);
	});

	it('names each bad row as a spreadsheet counts it, and keeps the good ones', async () => {
		const table = await readBatchTable('name,localisationGerman,version\nok,0.5,\nnot a number,abc,\n\nout of range,7,\nold version lacks it,0.5,1\nunknown version,0.5,9\n');
		expect(table.scenarios.map((s) => s.name)).toEqual(['ok']);
		expect(table.problems).toEqual([
			'row 3: “localisationGerman” “abc” is not a number',
			'row 5: “localisationGerman” is 7, outside its range (0 to 1)',
			'row 6: version 1 of the notebook has no lever “localisationGerman”',
			'row 7: version 9 is not a released version of the notebook (1, 2, 3)'
		]);
	});

	it('refuses a header that names no lever', async () => {
		await expect(readBatchTable('nom,localisatonGerman\na,1\n')).rejects.toThrow(/not levers: “nom” \(column 1\), “localisatonGerman” \(column 2\)/);
	});
});

describe('opening links and scenario files', () => {
	it('a repaired link opens with the browser’s notices', async () => {
		const s = await openScenario('https://x.example/?v=3&safetyValue=9&foo=1#top');
		expect(s.document.inputs.safetyValue).toBe(1.5);
		expect(s.notices).toEqual(['"safetyValue" was 9; set to 1.5, the top of its range (0 to 1.5).', 'Ignored "foo": no input of that name.']);
	});

	it('a scenario file (the browser’s download) runs as its link does', async () => {
		const link = await openScenario(LINK);
		const path = file('mine.json', scenarioToJson(link.document, 'Workshop 1'));
		const fromFile = await run(path);
		const fromLink = await run(LINK);
		expect(fromFile.name).toBe('Workshop 1');
		expect(fromFile.series).toEqual(fromLink.series);
	});
});

it('goal seek finds the lever value the browser finds', async () => {
	const result = await goalSeek(LINK, { lever: 'localisationJapanese', variable: 'domesticShare', year: 2030, target: 0.7 });
	expect(result.status).toBe('found');
	if (result.status === 'found') expect(result.output).toBeCloseTo(0.7, 8);
});

describe('bad input: a sentence, an exit code, never a stack trace', () => {
	const cases: [string, () => Promise<string[]> | string[], number, RegExp, string?][] = [
		['an unknown command', () => ['frobnicate'], 2, /unknown command “frobnicate”/],
		['an unknown option', () => ['run', LINK, '--colour', 'red'], 2, /Unknown option --colour/],
		['a negative sample count', () => ['bands', LINK, '--samples', '-5'], 2, /number of samples must be a whole number from 1 to 100,000, not -5/],
		['a sample count that is not a number', () => ['bands', LINK, '--samples=lots'], 2, /--samples must be a number, not “lots”/],
		['a link that cannot be read', () => ['run', `v=3&nb=${'A'.repeat(40)}`], 2, /The edited notebook in the link could not be read \(corrupt or truncated data\); the published notebook was opened instead\./],
		['a path that is neither file nor link', () => ['run', 'no-such-file.json'], 2, /neither a file nor a scenario link/],
		['an empty file', () => ['batch', file('empty.csv', '')], 2, /is empty/],
		['a binary file', () => ['batch', file('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0xff, 0xfe]))], 2, /is not a text file/],
		['a binary scenario file', () => ['run', file('blob.json', Buffer.from([0, 1, 2, 3, 4, 200, 201]))], 2, /is not a text file/],
		[
			'a 100 MB file',
			() => {
				const path = join(tmp, 'huge.csv');
				closeSync(openSync(path, 'w'));
				truncateSync(path, 100 * 1024 * 1024);
				return ['batch', path];
			},
			2,
			/is 104\.9 MB; a batch table is at most 20\.0 MB/
		],
		['a file that is not a scenario', () => ['run', file('other.json', '{"format":"something"}')], 2, /is not a Shiftcast scenario file/],
		['an unknown variable', () => ['run', LINK, '--variables', 'domesticShare,happiness'], 2, /No variable named “happiness”/],
		['a horizon out of range', () => ['run', LINK, '--horizon', '2100'], 2, /horizon must be a whole number from 2,030 to 2,050, not 2100/],
		['a batch with bad rows', () => ['batch', file('rows.csv', 'name,shakeout\ngood,0.1\nbad,lots\n')], 1, /row 3: “shakeout” “lots” is not a number\n1 row was left out; 1 scenario ran\./]
	];
	for (const [what, argv, exit, message] of cases) {
		it(what, async () => {
			const { code, err } = await cli(await argv());
			expect(err).toMatch(message);
			expect(code).toBe(exit);
			expect(err).not.toMatch(STACK_LINE);
		});
	}

	it('a repaired link runs, its notices on standard error, exit 0', async () => {
		const { code, out, err } = await cli(['run', 'v=3&localisationUS=0.1&localisationUS=0.3&horizon=2100', '--variables', 'domesticShare']);
		expect(code).toBe(0);
		expect(err).toBe('link: "horizon" 2100 is outside 2030 to 2050; set to 2050.\nlink: "localisationUS" appears twice; the first value was used.\n');
		expect(out.trim().split('\r\n').at(-1)).toMatch(/^link,2050,0\.\d+$/);
	});
});

describe('help', () => {
	for (const command of COMMANDS) {
		it(`${command.name} --help shows its options and an example`, async () => {
			const { code, out } = await cli([command.name, '--help']);
			expect(code).toBe(0);
			expect(out).toBe(commandHelp(command));
			for (const name of Object.keys(command.options)) expect(out).toContain(`--${name}`);
			expect(command.examples.length).toBeGreaterThan(0);
		});
	}
});

it('readBatch reads a file from disk', async () => {
	const table = await readBatch(file('two.csv', 'name,shakeout\na,0.1\nb,0.2\n'));
	expect(table.scenarios.map((s) => s.inputs.shakeout)).toEqual([0.1, 0.2]);
});
