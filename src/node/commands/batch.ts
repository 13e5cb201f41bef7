// shiftcast batch: one scenario per row of a table, every scenario's figures in one long table.
import { listOption, numberOption, yearsOption } from '../args';
import { MAX_BATCH_FILE_BYTES, readBatch, runBatch } from '../api';
import { readBatchTable } from '../batchTable';
import { batchToCsvPieces } from '../csvOut';
import { ShiftcastInputError } from '../errors';
import { HELP, HORIZON, JSON_OPTION, json, keepYears, type Command } from './shared';

export const batchCommand: Command = {
	name: 'batch',
	summary: 'many scenarios from a table (CSV), all figures in one long table',
	usage: 'shiftcast batch <table.csv | -> [options]',
	description:
		'Reads a table (from a file, or standard input for -) with one scenario per row: columns named after levers (an empty cell keeps the default), and optionally name, version (of the published notebook; default the current one) and horizon. It is read like a data cell’s table: comma, semicolon or tab separated, decimal points or commas. Writes one line per scenario, year and variable (scenario,year,variable,value). Rows that cannot be used are named on standard error (row numbers as a spreadsheet counts them); the others run, and the exit code is 1.',
	options: {
		horizon: HORIZON,
		variables: { value: 'LIST', help: 'Variables to keep, comma-separated, or "all" (default: the notebook’s key figures).' },
		years: { value: 'LIST', help: 'Years to keep, comma-separated (default: every year).' },
		json: JSON_OPTION,
		help: HELP
	},
	examples: [
		"printf 'name,localisationGerman,shakeout\\nGerman push,0.8,\\nShake-out,,0.25\\n' | shiftcast batch - --years 2030,2035 --variables domesticShare,nevShare"
	],
	async run(args, io) {
		if (args.positionals.length !== 1) throw new ShiftcastInputError('Give one table: a CSV file, or - to read standard input. See shiftcast batch --help.');
		const horizon = numberOption(args, 'horizon');
		const variables = listOption(args, 'variables');
		const years = yearsOption(args);
		const source = args.positionals[0];
		const table = source === '-' ? await readBatchTable(await io.stdin(MAX_BATCH_FILE_BYTES)) : await readBatch(source);
		const results = (await runBatch(table.scenarios, { horizon, variables })).map((r) => keepYears(r, years));
		if (args.options.has('json')) await io.out(json(results));
		else for (const piece of batchToCsvPieces(results)) await io.out(piece);
		for (const problem of table.problems) io.err(problem);
		if (table.problems.length) {
			io.err(`${table.problems.length} ${table.problems.length === 1 ? 'row was' : 'rows were'} left out; ${results.length} ${results.length === 1 ? 'scenario' : 'scenarios'} ran.`);
			return 1;
		}
		return 0;
	}
};

