// Shared by the command line's tests: an in-process run of the command line with its output
// captured, and the built package (dist/) made once, and again only when a source file is newer.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/node/cli';

export const ROOT = join(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'dist', 'bin.js');

/** The command line run in this process: exit code, standard output and error. */
export async function cli(argv: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
	let out = '';
	let err = '';
	const code = await main(argv, {
		out: async (t) => void (out += t),
		err: (t) => void (err += t.endsWith('\n') ? t : `${t}\n`),
		stdin: async () => stdin
	});
	return { code, out, err };
}

/** A stack trace's line ("    at f (file.js:1:2)"): never in what the command line prints. */
export const STACK_LINE = /^\s+at .+(:\d+:\d+\)?|native\))$/m;

function newest(dir: string): number {
	let latest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
	}
	return latest;
}

/**
 * Builds dist/ (npm run build:cli) unless it is newer than every source file. Test files that
 * need it run in parallel: a lock directory lets one build while the others wait.
 */
export async function ensureBuilt(): Promise<void> {
	const lock = join(ROOT, 'dist.lock');
	const fresh = () => {
		const built = [BIN, join(ROOT, 'dist', 'types', 'node', 'index.d.ts'), join(ROOT, 'dist', 'types', '.complete')];
		if (!built.every(existsSync)) return false;
		const sources = Math.max(newest(join(ROOT, 'src', 'node')), newest(join(ROOT, 'src', 'lib')), statSync(join(ROOT, 'vite.cli.config.ts')).mtimeMs);
		return built.every((f) => statSync(f).mtimeMs > sources);
	};
	for (;;) {
		if (fresh()) return;
		try {
			mkdirSync(lock);
		} catch {
			// Another file is building (or a stale lock from a killed run, older than 5 minutes).
			if (Date.now() - statSync(lock).mtimeMs > 300_000) rmdirSync(lock);
			await new Promise((r) => setTimeout(r, 500));
			continue;
		}
		try {
			if (!fresh()) execFileSync('npm', ['run', 'build:cli'], { cwd: ROOT, stdio: 'pipe' });
		} finally {
			rmdirSync(lock);
		}
		return;
	}
}
