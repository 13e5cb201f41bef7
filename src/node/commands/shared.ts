// What the commands share: the Io they write through, their common options, and small helpers.
import type { OptionSpec, ParsedArgs } from '../args';
import { ShiftcastInputError } from '../errors';

/** Where a command reads and writes: the process's streams, or a test's buffers. */
export interface Io {
	/** Writes to standard output, waiting when the reader is slow (a pipe). */
	out(text: string): Promise<void>;
	/** One message line (or lines) to standard error. */
	err(text: string): void;
	/** Standard input, whole, up to `maxBytes`. */
	stdin(maxBytes: number): Promise<string>;
}

export interface Command {
	name: string;
	/** One line for the list of commands. */
	summary: string;
	/** "shiftcast run <link | scenario file>..." */
	usage: string;
	/** A few sentences under the usage line. */
	description: string;
	options: Record<string, OptionSpec>;
	/** Commands that work as written (tests run every one). */
	examples: string[];
	/** Runs the command; resolves to the exit code. */
	run(args: ParsedArgs, io: Io): Promise<number>;
}

/** A link of the published notebook for examples: the address the README's preview serves. */
export const EXAMPLE_LINK = 'http://127.0.0.1:4173/?v=3&horizon=2040&localisationGerman=0.6';

export const HELP: OptionSpec = { flag: true, help: 'Show this help.' };
export const JSON_OPTION: OptionSpec = { flag: true, help: 'Write JSON instead of CSV.' };
export const HORIZON: OptionSpec = { value: 'YEAR', help: 'Last year, 2030 to 2050 (default: the scenario’s own).' };
export const THREADS: OptionSpec = { value: 'N', help: 'Worker threads sharing the runs (default 1); the results are the same for any N.' };
export const SEED: OptionSpec = { value: 'N', help: 'Seed of the random streams (default 1, as in the browser).' };

/** The one scenario an analysis command takes. */
export function oneScenario(args: ParsedArgs, command: string): string {
	if (args.positionals.length !== 1) throw new ShiftcastInputError(`shiftcast ${command} takes one link or scenario file${args.positionals.length ? `, not ${args.positionals.length}` : ''}. See shiftcast ${command} --help.`);
	return args.positionals[0];
}

/** Prints the reader's notices of a scenario on standard error. */
export function printNotices(io: Io, name: string, notices: string[]): void {
	for (const notice of notices) io.err(`${name}: ${notice}`);
}

/** Results cut to `years` (each must be among the run's years). */
export function keepYears<T extends { years: number[]; series: Record<string, number[]> }>(result: T, years: number[] | undefined, extra: (keep: (values: number[]) => number[]) => Partial<T> = () => ({})): T {
	if (!years) return result;
	const missing = years.filter((y) => !result.years.includes(y));
	if (missing.length) throw new ShiftcastInputError(`--years: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not among the years run (${result.years[0]} to ${result.years.at(-1)}).`);
	const at = years.map((y) => result.years.indexOf(y));
	const keep = (values: number[]) => at.map((i) => values[i]);
	return { ...result, years, series: Object.fromEntries(Object.entries(result.series).map(([k, v]) => [k, keep(v)])), ...extra(keep) };
}

/** JSON with two-space indent and a final newline. */
export const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n';
