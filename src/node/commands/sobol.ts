// shiftcast sobol: which uncertain inputs matter most for one output in one year.
import { numberOption } from '../args';
import { sobol } from '../api';
import { csvNumber, csvText } from '../../lib/export/csv';
import { EXAMPLE_LINK, HELP, JSON_OPTION, SEED, THREADS, json, oneScenario, printNotices, type Command } from './shared';

export const sobolCommand: Command = {
	name: 'sobol',
	summary: 'Sobol indices: which uncertain inputs matter most for an output',
	usage: 'shiftcast sobol <link | scenario file> [options]',
	description:
		'First-order and total Sobol indices with 95% bootstrap intervals, as the notebook’s sensitivity cell computes them (N base samples, N × (factors + 2) runs). One row per factor, largest total index first.',
	options: {
		variable: { value: 'NAME', help: 'The output (default: the notebook’s sensitivity cell’s, domesticShare).' },
		year: { value: 'YEAR', help: 'Its year (default: the sensitivity cell’s, 2030).' },
		samples: { value: 'N', help: 'Base samples N, 64 to 65,536 (default 4,096, as in the browser).' },
		seed: SEED,
		threads: THREADS,
		json: JSON_OPTION,
		help: HELP
	},
	examples: [`shiftcast sobol "${EXAMPLE_LINK}" --variable nevShare --year 2035 --samples 1024 --threads 2`],
	async run(args, io) {
		const result = await sobol(oneScenario(args, 'sobol'), {
			variable: args.options.get('variable'),
			year: numberOption(args, 'year'),
			samples: numberOption(args, 'samples'),
			seed: numberOption(args, 'seed'),
			threads: numberOption(args, 'threads')
		});
		printNotices(io, result.name, result.notices);
		if (args.options.has('json')) {
			await io.out(json(result));
			return 0;
		}
		const lines = ['factor,label,first,first_low,first_high,total,total_low,total_high'];
		for (const f of result.factors) {
			lines.push([csvText(f.name), csvText(f.label), ...[f.first, f.total].flatMap((i) => [i.estimate, i.low, i.high].map(csvNumber))].join(','));
		}
		await io.out(lines.join('\r\n') + '\r\n');
		return 0;
	}
};
