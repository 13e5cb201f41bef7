// Engine workers started as soon as the app's first script runs (src/hooks.client.ts), before
// the page hydrates. Hydration is one long task on the main thread, and a worker's script is
// fetched and started only when the main thread gets a moment: a worker created during
// hydration would wait for it to end. startEngine then takes these instead of creating its own.

import EngineWorker from './engine.worker?worker';

const prestarted: Worker[] = [];

/** Starts `count` engine workers now (browser only). */
export function prestartEngineWorkers(count: number): void {
	for (let i = 0; i < count; i++) prestarted.push(new EngineWorker());
}

/** A prestarted engine worker if one is left, else a new one. */
export function engineWorker(): Worker {
	return prestarted.shift() ?? new EngineWorker();
}
