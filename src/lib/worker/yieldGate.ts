// "Lines first": the analysis worker's side of holding a long Monte Carlo run while a slider's
// lines are computed and drawn. On a two-core machine a 10,000-sample run takes one core for
// about 50 ms; while it runs, the main thread and the chart worker share the other, and the
// slowest slider moves were those that met a band run (npm run bench). The page says 'hold'
// when a slider run starts and 'release' once its charts are drawn; between simulated years
// the run yields to the event loop (so those messages get in) and waits while held.
//
// A hold lapses by itself after MAX_HOLD_MS, so a lost 'release' (a page that went away, a
// restarted worker) never stalls the bands.

export type GateMessage = 'hold' | 'release';

/** Longer than any slider run takes to draw (tens of ms), short enough to go unnoticed if lost. */
export const MAX_HOLD_MS = 150;

export interface YieldGate {
	/** Listens for 'hold' and 'release' on `port` (the page keeps the other end). */
	attach(port: MessagePort): void;
	/** Lets queued messages in, then waits while a hold is on. */
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
			while (now() < heldUntil) {
				await new Promise<void>((resume) => {
					wake = resume;
					setTimeout(resume, heldUntil - now());
				});
				wake = null;
			}
		}
	};
}
