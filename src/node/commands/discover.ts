// shiftcast discover: scenario discovery, every lever swept and PRIM's box of where a condition holds.
import { numberOption } from '../args';
import { discover } from '../api';
import { csvNumber, csvText } from '../../lib/export/csv';
import { ShiftcastInputError } from '../errors';
import { EXAMPLE_LINK, HELP, JSON_OPTION, SEED, THREADS, json, oneScenario, printNotices, type Command } from './shared';
import type { DiscoveryConditionKind } from '../../lib/sim/types';

export const discoverCommand: Command = {
	name: 'discover',
	summary: 'scenario discovery: where in the levers’ ranges a condition holds (PRIM)',
	usage: 'shiftcast discover <link | scenario file> [--variable NAME --year YEAR (--at-least V | --at-most V | --between LOW,HIGH)] [options]',
	description:
		'Sweeps every scenario lever over its range (a Latin hypercube of runs, the browser’s seed), marks the runs where the output meets the condition, and finds boxes of lever ranges where it mostly does (PRIM). Without a question, asks the notebook’s discovery cell’s. Writes the chosen box, one row per lever (its range in the box and in full, and whether the box restricts it); a summary goes to standard error. --json gives every run and the whole trajectory.',
	options: {
		variable: { value: 'NAME', help: 'The output (default: the discovery cell’s).' },
		year: { value: 'YEAR', help: 'Its year (default: the discovery cell’s).' },
		'at-least': { value: 'V', help: 'Cases: the output at least V (a share as a fraction).' },
		'at-most': { value: 'V', help: 'Cases: the output at most V.' },
		between: { value: 'LOW,HIGH', help: 'Cases: the output between LOW and HIGH.' },
		runs: { value: 'N', help: 'Runs, 100 to 100,000 (default 10,000, as in the browser).' },
		seed: SEED,
		threads: THREADS,
		json: JSON_OPTION,
		help: HELP
	},
	examples: [`shiftcast discover "${EXAMPLE_LINK}" --variable domesticShare --year 2030 --at-most 0.67 --runs 4000 --threads 2`],
	async run(args, io) {
		const source = oneScenario(args, 'discover');
		const given = (['at-least', 'at-most', 'between'] as const).filter((k) => args.options.has(k));
		if (given.length > 1) throw new ShiftcastInputError('Give one condition: --at-least, --at-most or --between.');
		let condition: DiscoveryConditionKind | undefined;
		let value: number | undefined;
		let upper: number | undefined;
		if (given[0] === 'between') {
			const parts = args.options.get('between')!.split(',').map((p) => p.trim());
			if (parts.length !== 2 || parts.some((p) => !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(p))) throw new ShiftcastInputError('--between takes two numbers, LOW,HIGH (such as 0.6,0.7).');
			[value, upper] = parts.map(Number);
			condition = 'between';
		} else if (given[0]) {
			condition = given[0] === 'at-least' ? 'atLeast' : 'atMost';
			value = numberOption(args, given[0]);
		}
		const result = await discover(source, {
			variable: args.options.get('variable'),
			year: numberOption(args, 'year'),
			condition,
			value,
			upper,
			runs: numberOption(args, 'runs'),
			seed: numberOption(args, 'seed'),
			threads: numberOption(args, 'threads')
		});
		printNotices(io, result.name, result.notices);
		const step = result.trajectory[result.chosen];
		const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
		io.err(`${result.caseCount} of ${result.runs} runs (${pct(result.baseRate)}) meet the condition.${step ? ` Chosen box (step ${result.chosen} of ${result.trajectory.length - 1}): coverage ${pct(step.coverage)}, density ${pct(step.density)}.` : ''}${result.reason ? ` (${result.reason})` : ''}`);
		if (args.options.has('json')) {
			await io.out(json(result));
			return 0;
		}
		const lines = ['lever,box_low,box_high,min,max,restricted'];
		result.levers.forEach((lever, i) => {
			const restricted = step?.restricted.some((r) => r.name === lever.name) ?? false;
			lines.push([csvText(lever.name), csvNumber(step?.lo[i] ?? lever.min), csvNumber(step?.hi[i] ?? lever.max), csvNumber(lever.min), csvNumber(lever.max), restricted ? 'yes' : 'no'].join(','));
		});
		await io.out(lines.join('\r\n') + '\r\n');
		return 0;
	}
};
