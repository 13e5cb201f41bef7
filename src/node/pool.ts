// Work shared over `threads` threads: this one and threads - 1 worker threads (poolWorker.ts).
// The work is split the browser's way (by sample or run index, sim/analysis/poolSlices.ts), and
// every random number belongs to a sample, not to a thread, so the results are the same to the
// bit for any number of threads. This thread takes the first share: with two cores, two threads
// are this one and one worker, and the worker's start-up overlaps this thread's share.
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { existsSync } from 'node:fs';
import { createEngineService } from '../lib/worker/engineService';
import type { Notebook } from '../lib/sim/types';
import { engineLoader, runTask, type LoadedEngine, type Task } from './tasks';

/** Most threads a run uses. */
export const MAX_THREADS = 16;

const localEngine = engineLoader(() => createEngineService());

/** This thread's engine, loaded with `notebook` (kept while the same notebook is asked for). */
export function engineFor(notebook: Notebook): Promise<LoadedEngine> {
	return localEngine(notebook);
}

/** The worker's script: the built poolWorker.js next to this module, or, from source, the tsx shim. */
function workerScript(): string {
	const here = fileURLToPath(import.meta.url);
	const fromSource = here.endsWith('.ts');
	const name = fromSource ? 'poolWorker.mjs' : 'poolWorker.js';
	const path = join(dirname(here), name);
	if (!existsSync(path)) throw new Error(`The worker script ${path} is missing.`);
	return path;
}

/**
 * Runs `tasks` over `threads` threads (task i on thread i % threads; task 0 here) and returns
 * their results in task order.
 */
export async function spread<T>(notebook: Notebook, tasks: Task[], threads: number): Promise<T[]> {
	const n = Math.max(1, Math.min(MAX_THREADS, Math.floor(threads) || 1, tasks.length));
	const workers: Worker[] = [];
	const text = JSON.stringify(notebook);
	try {
		const script = n > 1 ? workerScript() : '';
		for (let i = 1; i < n; i++) workers.push(new Worker(script));
		const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
		for (const worker of workers) {
			worker.on('message', (m: { id: number; ok: boolean; result?: unknown; message?: string }) => {
				const p = pending.get(m.id);
				pending.delete(m.id);
				if (m.ok) p?.resolve(m.result);
				else p?.reject(new Error(m.message));
			});
			const fail = (err: Error) => {
				for (const p of pending.values()) p.reject(err);
				pending.clear();
			};
			worker.on('error', fail);
			worker.on('exit', (code) => code !== 0 && fail(new Error(`A worker thread stopped (exit code ${code}).`)));
		}
		const remote = tasks.map((task, i) => {
			const t = i % n;
			if (t === 0) return null;
			return new Promise<unknown>((resolve, reject) => {
				pending.set(i, { resolve, reject });
				workers[t - 1].postMessage({ id: i, notebook: text, task });
			});
		});
		// Rejections are read below, in order; none may go unhandled meanwhile.
		for (const r of remote) r?.catch(() => undefined);
		const { engine } = await localEngine(notebook, text);
		const results: unknown[] = [];
		for (let i = 0; i < tasks.length; i++) results.push(i % n === 0 ? await runTask(engine, tasks[i]) : undefined);
		for (let i = 0; i < tasks.length; i++) if (remote[i]) results[i] = await remote[i];
		return results as T[];
	} finally {
		await Promise.all(workers.map((w) => w.terminate()));
	}
}
