// shiftcast bands: Monte Carlo bands of a scenario, with the browser's samples and seed.
import { listOption, numberOption, yearsOption } from '../args';
import { bands } from '../api';
import { toCsv } from '../csvOut';
import { EXAMPLE_LINK, HELP, HORIZON, JSON_OPTION, SEED, THREADS, json, keepYears, oneScenario, printNotices, type Command } from './shared';
import type { Bands } from '../../lib/sim/types';

export const bandsCommand: Command = {
	name: 'bands',
	summary: 'uncertainty bands (Monte Carlo) of a link or scenario file',
	usage: 'shiftcast bands <link | scenario file> [options]',
	description:
		'Samples the uncertain inputs around the scenario’s values as the browser does (same samples, seed and streams: the figures are the browser’s to the digit) and writes the results table with the central run and each variable’s 5th, 25th, 50th, 75th and 95th percentiles (<var>_p5 … <var>_p95).',
	options: {
		samples: { value: 'N', help: 'Samples, 1 to 100,000 (default 10,000, as in the browser).' },
		seed: SEED,
		threads: THREADS,
		horizon: HORIZON,
		variables: { value: 'LIST', help: 'Variables given bands (default: those the notebook charts and shows as key figures).' },
		years: { value: 'LIST', help: 'Years to keep, comma-separated (default: every year).' },
		json: JSON_OPTION,
		help: HELP
	},
	examples: [`shiftcast bands "${EXAMPLE_LINK}" --samples 20000 --threads 2 --variables domesticShare --years 2030,2035,2040`],
	async run(args, io) {
		const source = oneScenario(args, 'bands');
		const years = yearsOption(args);
		const result = await bands(source, {
			samples: numberOption(args, 'samples'),
			seed: numberOption(args, 'seed'),
			threads: numberOption(args, 'threads'),
			horizon: numberOption(args, 'horizon'),
			variables: listOption(args, 'variables')
		});
		printNotices(io, result.name, result.notices);
		const cut = keepYears(result, years, (keep) => ({
			bands: Object.fromEntries(Object.entries(result.bands).map(([v, b]) => [v, Object.fromEntries(Object.entries(b).map(([k, values]) => [k, keep(values)])) as unknown as Bands]))
		}));
		await io.out(args.options.has('json') ? json(cut) : toCsv(cut));
		return 0;
	}
};
