// shiftcast run: the year-by-year figures of scenarios given as links or scenario files.
import { listOption, numberOption, yearsOption } from '../args';
import { run } from '../api';
import { openScenario } from '../open';
import { toCsv } from '../csvOut';
import { ShiftcastInputError } from '../errors';
import { EXAMPLE_LINK, HELP, HORIZON, JSON_OPTION, json, keepYears, printNotices, type Command } from './shared';

export const runCommand: Command = {
	name: 'run',
	summary: 'the year-by-year figures of links or scenario files',
	usage: 'shiftcast run <link | scenario file>... [options]',
	description:
		'Reads each link with the browser’s own reader (its notices go to standard error) and each scenario file (the notebook’s "Download scenario"), runs it, and writes the browser’s "Download results" table: one row per scenario and year, a column per variable. A link that cannot be read exits with 2; one that was repaired (a value clamped, a key ignored) runs.',
	options: {
		horizon: HORIZON,
		variables: { value: 'LIST', help: 'Variables to keep, comma-separated (default: all).' },
		years: { value: 'LIST', help: 'Years to keep, comma-separated (default: every year).' },
		json: JSON_OPTION,
		help: HELP
	},
	examples: [`shiftcast run "${EXAMPLE_LINK}" --variables domesticShare,nevShare --years 2030,2040`],
	async run(args, io) {
		if (!args.positionals.length) throw new ShiftcastInputError('Give at least one link or scenario file. See shiftcast run --help.');
		const horizon = numberOption(args, 'horizon');
		const variables = listOption(args, 'variables');
		const years = yearsOption(args);
		// Every input is read before any runs: one that cannot be read stops the command with nothing written.
		const many = args.positionals.length > 1;
		const scenarios = [];
		for (const [i, source] of args.positionals.entries()) {
			try {
				const s = await openScenario(source);
				scenarios.push(s.kind === 'link' ? { ...s, name: many ? `link ${i + 1}` : 'link' } : s);
			} catch (err) {
				if (err instanceof ShiftcastInputError && many) throw new ShiftcastInputError(`${source.length > 80 ? `${source.slice(0, 77)}…` : source}: ${err.message}`, { notices: err.notices });
				throw err;
			}
		}
		const results = [];
		for (const s of scenarios) {
			printNotices(io, s.name, s.notices);
			results.push(keepYears(await run(s, { horizon, variables }), years));
		}
		await io.out(args.options.has('json') ? json(results) : toCsv(results));
		return 0;
	}
};
