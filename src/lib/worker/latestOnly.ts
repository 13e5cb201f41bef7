// Latest-request-wins scheduling. While one request runs, newer ones replace each other in a
// single waiting slot; when the running one ends, only the newest waiting request is sent.
// Dragging a slider therefore never builds a backlog: at most one run is in flight and at most
// one waits, and the value the slider stops on is always the last one computed.

export interface LatestOnly<Req, Res> {
	/** Submits a request. Resolves with its response, or with null if a newer one replaced it. */
	submit(request: Req): Promise<Res | null>;
}

export function latestOnly<Req, Res>(send: (request: Req) => Promise<Res>): LatestOnly<Req, Res> {
	let running = false;
	let waiting: { request: Req; resolve: (r: Res | null) => void; reject: (e: unknown) => void } | null = null;

	const start = (request: Req, resolve: (r: Res | null) => void, reject: (e: unknown) => void) => {
		running = true;
		send(request)
			.then(resolve, reject)
			.finally(() => {
				running = false;
				const next = waiting;
				waiting = null;
				if (next) start(next.request, next.resolve, next.reject);
			});
	};

	return {
		submit(request: Req) {
			return new Promise<Res | null>((resolve, reject) => {
				if (!running) return start(request, resolve, reject);
				waiting?.resolve(null); // superseded before it ever ran
				waiting = { request, resolve, reject };
			});
		}
	};
}
