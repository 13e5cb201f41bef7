// shiftcast goal-seek: the value of one lever that brings an output to a target.
import { numberOption } from '../args';
import { goalSeek } from '../api';
import { csvNumber, csvText } from '../../lib/export/csv';
import { ShiftcastInputError } from '../errors';
import { EXAMPLE_LINK, HELP, JSON_OPTION, json, oneScenario, printNotices, type Command } from './shared';

export const goalSeekCommand: Command = {
	name: 'goal-seek',
	summary: 'the value of a lever that brings an output to a target',
	usage: 'shiftcast goal-seek <link | scenario file> --lever NAME --variable NAME --target VALUE [options]',
	description:
		'Moves one lever within its slider range, every other lever where the scenario has it, until the output reaches the target in that year (the notebook’s goal seek). Shares are fractions: 0.7 for 70%. Writes one row: status (found, out-of-reach or no-effect), the lever’s value (the closest one when out of reach) and the output it gives.',
	options: {
		lever: { value: 'NAME', help: 'The lever to move.' },
		variable: { value: 'NAME', help: 'The output to bring to the target.' },
		target: { value: 'VALUE', help: 'The value wanted, in the output’s units.' },
		year: { value: 'YEAR', help: 'The year (default: the scenario’s horizon).' },
		json: JSON_OPTION,
		help: HELP
	},
	examples: [`shiftcast goal-seek "${EXAMPLE_LINK}" --lever localisationJapanese --variable domesticShare --year 2030 --target 0.7`],
	async run(args, io) {
		const source = oneScenario(args, 'goal-seek');
		for (const required of ['lever', 'variable', 'target']) {
			if (!args.options.has(required)) throw new ShiftcastInputError(`shiftcast goal-seek needs --${required}. See shiftcast goal-seek --help.`);
		}
		const result = await goalSeek(source, {
			lever: args.options.get('lever')!,
			variable: args.options.get('variable')!,
			target: numberOption(args, 'target')!,
			year: numberOption(args, 'year')
		});
		printNotices(io, result.name, result.notices);
		if (result.status === 'out-of-reach') {
			io.err(`The target ${result.target} is out of reach with “${result.lever}” alone: ${result.variable} in ${result.year} goes from ${result.reachable[0]} to ${result.reachable[1]}; the closest value is given.`);
		} else if (result.status === 'no-effect') io.err(`“${result.lever}” does not move ${result.variable} in ${result.year}.`);
		if (args.options.has('json')) {
			await io.out(json(result));
			return 0;
		}
		const value = result.status === 'found' ? result.value : result.status === 'out-of-reach' ? result.closest : undefined;
		const reach = result.status === 'out-of-reach' ? result.reachable : [undefined, undefined];
		const header = 'lever,variable,year,target,status,value,output,reachable_low,reachable_high,runs';
		const row = [csvText(result.lever), csvText(result.variable), result.year, csvNumber(result.target), result.status, csvNumber(value), csvNumber(result.output), csvNumber(reach[0]), csvNumber(reach[1]), result.runs];
		await io.out(`${header}\r\n${row.join(',')}\r\n`);
		return 0;
	}
};
