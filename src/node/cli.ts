// The command line: `shiftcast <command> [arguments] [options]`. A thin layer over the API
// (api.ts): each command (commands/*.ts) parses its options, calls the API, writes CSV or JSON.
// Exit codes: 0 done; 1 a batch ran with some rows left out; 2 the input could not be used (an
// unknown command or option, a link or file that cannot be read, a bad value); 3 an error of
// Shiftcast itself. Messages are sentences on standard error, never a stack trace.
import './englishWords';
import { parseArgs } from './args';
import { ShiftcastInputError } from './errors';
import { runCommand } from './commands/run';
import { batchCommand } from './commands/batch';
import { bandsCommand } from './commands/bands';
import { sobolCommand } from './commands/sobol';
import { goalSeekCommand } from './commands/goalSeek';
import { discoverCommand } from './commands/discover';
import type { Command, Io } from './commands/shared';

export type { Io, Command } from './commands/shared';

export const COMMANDS: Command[] = [runCommand, batchCommand, bandsCommand, sobolCommand, goalSeekCommand, discoverCommand];

/** Exit codes. */
export const EXIT = { ok: 0, someRowsLeftOut: 1, badInput: 2, internal: 3 } as const;

/** The help of one command: usage, what it does, its options and its example. */
export function commandHelp(command: Command): string {
	const names = Object.entries(command.options).map(([name, spec]) => [`--${name}${spec.value ? ` ${spec.value}` : ''}`, spec.help] as const);
	const width = Math.max(...names.map(([n]) => n.length));
	return [
		`Usage: ${command.usage}`,
		'',
		wrap(command.description, 2),
		'',
		'Options:',
		...names.map(([n, h]) => `  ${n.padEnd(width)}  ${h}`),
		'',
		`Example${command.examples.length > 1 ? 's' : ''}:`,
		...command.examples.map((e) => `  ${e}`),
		''
	].join('\n');
}

/** The list of commands. */
export function generalHelp(): string {
	const width = Math.max(...COMMANDS.map((c) => c.name.length));
	return [
		'Usage: shiftcast <command> [arguments] [options]',
		'',
		'  The Shiftcast notebook’s engine without a browser: the same figures, to the digit.',
		'',
		'Commands:',
		...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
		'',
		'Run "shiftcast <command> --help" for a command’s options and an example.',
		'Exit codes: 0 done; 1 a batch ran but left rows out; 2 the input could not be used; 3 an error in Shiftcast.',
		''
	].join('\n');
}

function wrap(text: string, indent: number, width = 96): string {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/)) {
		if (line && line.length + 1 + word.length > width - indent) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	if (line) lines.push(line);
	return lines.map((l) => ' '.repeat(indent) + l).join('\n');
}

/** Runs the command line with `argv` (without node and the script); resolves to the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
	const [name, ...rest] = argv;
	if (name === undefined) {
		io.err(generalHelp());
		return EXIT.badInput;
	}
	if (name === '--help' || name === '-h' || name === 'help') {
		const topic = rest[0] && COMMANDS.find((c) => c.name === rest[0]);
		await io.out(topic ? commandHelp(topic) : generalHelp());
		return EXIT.ok;
	}
	const command = COMMANDS.find((c) => c.name === name);
	if (!command) {
		io.err(`shiftcast: unknown ${name.startsWith('-') ? 'option' : 'command'} “${name}”. Commands: ${COMMANDS.map((c) => c.name).join(', ')}. See shiftcast --help.`);
		return EXIT.badInput;
	}
	try {
		const args = parseArgs(rest, command.options, command.name);
		if (args.options.has('help')) {
			await io.out(commandHelp(command));
			return EXIT.ok;
		}
		return await command.run(args, io);
	} catch (err) {
		if (err instanceof ShiftcastInputError) {
			io.err(`shiftcast ${command.name}: ${err.message}`);
			return err.exitCode;
		}
		io.err(`shiftcast ${command.name}: an error in Shiftcast itself: ${(err as Error)?.message ?? String(err)}`);
		return EXIT.internal;
	}
}
