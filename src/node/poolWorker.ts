// A worker thread of the command line's pool (pool.ts): loads the notebook it is sent into an
// engine service of its own and runs the tasks it is given (tasks.ts), one at a time.
import './englishWords';
import { parentPort } from 'node:worker_threads';
import { createEngineService } from '../lib/worker/engineService';
import type { Notebook } from '../lib/sim/types';
import { engineLoader, runTask, transferables, type Task } from './tasks';

const engineFor = engineLoader(() => createEngineService());
let queue: Promise<void> = Promise.resolve();

parentPort!.on('message', (message: { id: number; notebook: string; task: Task }) => {
	queue = queue.then(async () => {
		try {
			const { engine } = await engineFor(JSON.parse(message.notebook) as Notebook, message.notebook);
			const result = await runTask(engine, message.task);
			parentPort!.postMessage({ id: message.id, ok: true, result }, transferables(result));
		} catch (err) {
			parentPort!.postMessage({ id: message.id, ok: false, message: (err as Error)?.message ?? String(err) });
		}
	});
});
