// "Lines first": the analysis worker's side of holding a long Monte Carlo run while a slider's
// lines are computed and drawn. On a two-core machine a 10,000-sample run takes one core for
// about 50 ms; while it runs, the main thread and the chart worker share the other, and the
// slowest slider moves were those that met a band run (npm run bench). The page says 'hold'
// when a slider run starts and 'release' once its charts are drawn; between simulated years
// the run yields to the event loop (so those messages get in) and waits while held.
//
// A run never waits more than MAX_PAUSE_MS between two years, so during a long fast drag (holds
// back to back) the bands still refresh, only more slowly. A hold also lapses by itself
// MAX_HOLD_MS after the last 'hold', so a lost 'release' costs nothing lasting.

export type GateMessage = 'hold' | 'release';

/** Longer than a slider run takes to draw (about 10 ms, 20 at worst here). */
export const MAX_PAUSE_MS = 40;
/** A hold not renewed for this long is over. */
export const MAX_HOLD_MS = 150;

export interface YieldGate {
	/** Listens for 'hold' and 'release' on `port` (the page keeps the other end). */
	attach(port: MessagePort): void;
	/** Lets queued messages in, then waits while a hold is on (at most MAX_PAUSE_MS). */
	pass(): Promise<void>;
}

export function createYieldGate(now: () => number = () => performance.now()): YieldGate {
	let heldUntil = 0;
	let wake: (() => void) | null = null;
	// A message to ourselves gives queued messages their turn, without the 4 ms clamp nested
	// setTimeout calls get. Messages on two channels need not arrive in order: a 'hold' may take
	// effect one year late (a few ms).
	const self = new MessageChannel();
	const resumeQueue: (() => void)[] = [];
	self.port1.onmessage = () => resumeQueue.shift()?.();
	const yieldToEvents = () =>
		new Promise<void>((resume) => {
			resumeQueue.push(resume);
			self.port2.postMessage(null);
		});

	return {
		attach(port) {
			port.onmessage = (event: MessageEvent<GateMessage>) => {
				if (event.data === 'hold') heldUntil = now() + MAX_HOLD_MS;
				else {
					heldUntil = 0;
					wake?.();
				}
			};
		},
		async pass() {
			await yieldToEvents();
			const latest = now() + MAX_PAUSE_MS;
			while (now() < Math.min(heldUntil, latest)) {
				await new Promise<void>((resume) => {
					wake = resume;
					setTimeout(resume, Math.min(heldUntil, latest) - now());
				});
				wake = null;
			}
		}
	};
}
