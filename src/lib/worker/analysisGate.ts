// The page's end of the analysis worker's yield gate (worker/yieldGate.ts has the why). Slider
// runs hold band runs until their charts are drawn. The gate outlives worker restarts: each new
// analysis worker is given a fresh channel, and a hold still on is passed on to it.

import { transfer } from 'comlink';
import type { EngineWorkerApi } from './protocol';
import type { GateMessage } from './yieldGate';

export interface AnalysisGate {
	/** Gives a (new) analysis worker its end of a fresh channel. */
	connect(api: Pick<EngineWorkerApi, 'attachGate'>): void;
	/** Holds band runs; call the returned function once the lines are drawn (twice is harmless). */
	hold(): () => void;
}

export function analysisGate(): AnalysisGate {
	let port: MessagePort | null = null;
	let holds = 0;
	const send = (message: GateMessage) => port?.postMessage(message);
	return {
		connect(api) {
			port?.close();
			const channel = new MessageChannel();
			port = channel.port1;
			void api.attachGate(transfer(channel.port2, [channel.port2]));
			if (holds > 0) send('hold');
		},
		hold() {
			holds++;
			// Every hold renews the worker's deadline (a hold lapses after MAX_HOLD_MS): during a
			// drag the runs overlap and the count may not reach zero between them.
			send('hold');
			let released = false;
			return () => {
				if (released) return;
				released = true;
				if (--holds === 0) send('release');
			};
		}
	};
}
