// The one message an embed sends to the page around it: its height, so the host can size the
// iframe to fit (no inner scroll bar, no gap). Sent to `parent` on load and on every change of
// size, only when the embed is in a frame. The height is not a secret, so it goes to any origin
// ('*'); the host checks where it came from (`event.origin`, see snippet.ts).

/** The message's `type`: namespaced, so a host with other embeds can tell it apart. */
export const EMBED_HEIGHT_MESSAGE = 'shiftcast:embed-height';

export interface EmbedHeightMessage {
	type: typeof EMBED_HEIGHT_MESSAGE;
	/** The embed's content height in CSS pixels, a whole number. */
	height: number;
	/** The chart cell shown (the host may have several embeds). */
	chart: string;
}

/** Tallest height reported: a runaway layout must not make a host page endless. */
export const MAX_EMBED_HEIGHT = 10_000;

export function heightMessage(height: number, chart: string): EmbedHeightMessage {
	return { type: EMBED_HEIGHT_MESSAGE, height: Math.min(MAX_EMBED_HEIGHT, Math.max(0, Math.ceil(height))), chart };
}

/** Whether `data` is a height message (what a host's listener checks, after the origin). */
export function isHeightMessage(data: unknown): data is EmbedHeightMessage {
	if (!data || typeof data !== 'object') return false;
	const m = data as Record<string, unknown>;
	return m.type === EMBED_HEIGHT_MESSAGE && typeof m.height === 'number' && Number.isFinite(m.height) && m.height > 0 && m.height <= MAX_EMBED_HEIGHT && typeof m.chart === 'string';
}

/**
 * Tells the frame's parent the height of `content` now and whenever it changes. Does nothing
 * outside a frame. Returns a function that stops it.
 */
export function reportHeight(content: HTMLElement, chart: () => string): () => void {
	if (typeof window === 'undefined' || window.parent === window) return () => {};
	let last = -1;
	const send = (again = false) => {
		// The content's own height (not the document's scrollHeight, which is at least the frame's
		// height and so could never shrink once a host has made the frame taller).
		const message = heightMessage(content.getBoundingClientRect().height, chart());
		if (message.height === last && !again) return;
		last = message.height;
		window.parent.postMessage(message, '*');
	};
	const observer = new ResizeObserver(() => send());
	observer.observe(content);
	// Once more at the load event, even if unchanged: a host whose listener came late hears it then.
	const onload = () => send(true);
	if (document.readyState === 'complete') send(true);
	else addEventListener('load', onload, { once: true });
	return () => {
		observer.disconnect();
		removeEventListener('load', onload);
	};
}
