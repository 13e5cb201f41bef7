#!/usr/bin/env node
// The `shiftcast` executable: the command line (cli.ts) on the process's streams. Whatever
// happens, the person reads a sentence, never a stack trace.
import { main, EXIT } from './cli';
import type { Io } from './commands/shared';
import { decodeText, sizeText } from './read';
import { ShiftcastInputError } from './errors';

function fail(err: unknown): never {
	process.stderr.write(`shiftcast: an error in Shiftcast itself: ${(err as Error)?.message ?? String(err)}\n`);
	process.exit(EXIT.internal);
}
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);
// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
	if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
	fail(err);
});

const io: Io = {
	out: (text) =>
		new Promise((resolve) => {
			if (process.stdout.write(text)) resolve();
			else process.stdout.once('drain', resolve);
		}),
	err: (text) => void process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
	async stdin(maxBytes) {
		const chunks: Buffer[] = [];
		let size = 0;
		for await (const chunk of process.stdin) {
			size += (chunk as Buffer).length;
			if (size > maxBytes) throw new ShiftcastInputError(`Standard input is over ${sizeText(maxBytes)}; a table is at most that.`);
			chunks.push(chunk as Buffer);
		}
		return decodeText(Buffer.concat(chunks), 'Standard input', 'table');
	}
};

main(process.argv.slice(2), io).then((code) => {
	process.exitCode = code;
}, fail);
