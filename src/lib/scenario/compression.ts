// Text <-> deflate-raw <-> base64url, for the edited notebook that travels in a link. Uses the
// platform's CompressionStream (browsers, Node 18+), so nothing is bundled. Inflating is the
// dangerous direction: the input is untrusted, so output is counted as it streams and the
// stream is abandoned the moment it passes the cap (a few KB can unpack to gigabytes).

/** The packed text is not base64url, not deflate-raw, truncated, or not UTF-8. */
export class CorruptDataError extends Error {
	override name = 'CorruptDataError';
}

/** Unpacking produced more than the allowed number of bytes; it was stopped there. */
export class InflatedTooLargeError extends Error {
	override name = 'InflatedTooLargeError';
	constructor(readonly maxBytes: number) {
		super(`unpacks to more than ${maxBytes} bytes`);
	}
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

/** base64url without padding (RFC 4648 section 5). */
export function bytesToBase64url(bytes: Uint8Array): string {
	let out = '';
	let i = 0;
	for (; i + 2 < bytes.length; i += 3) {
		const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
		out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63] + ALPHABET[n & 63];
	}
	const rest = bytes.length - i;
	if (rest === 1) {
		const n = bytes[i] << 16;
		out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63];
	} else if (rest === 2) {
		const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
		out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63];
	}
	return out;
}

/** Strict: only the base64url alphabet, no padding, no whitespace. Throws CorruptDataError. */
export function base64urlToBytes(text: string): Uint8Array {
	if (text.length % 4 === 1) throw new CorruptDataError('base64url text has an impossible length');
	const out = new Uint8Array(Math.floor((text.length * 3) / 4));
	let bits = 0;
	let acc = 0;
	let o = 0;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		const value = code < 128 ? LOOKUP[code] : -1;
		if (value < 0) throw new CorruptDataError(`character ${i + 1} is not base64url`);
		acc = ((acc << 6) | value) & 0xffffff;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[o++] = (acc >> bits) & 0xff;
		}
	}
	return out;
}

async function readAll(stream: ReadableStream<Uint8Array>, maxBytes: number, onTooLarge: () => void): Promise<Uint8Array> {
	const reader = stream.getReader();
	const chunks: Uint8Array[] = [];
	let total = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		total += value.byteLength;
		if (total > maxBytes) {
			onTooLarge();
			reader.cancel().catch(() => {});
			throw new InflatedTooLargeError(maxBytes);
		}
		chunks.push(value);
	}
	const out = new Uint8Array(total);
	let at = 0;
	for (const chunk of chunks) {
		out.set(chunk, at);
		at += chunk.byteLength;
	}
	return out;
}

/** Packs text with deflate-raw and encodes the bytes as base64url without padding. */
export async function deflateToBase64url(text: string): Promise<string> {
	const stream = new CompressionStream('deflate-raw');
	const writer = stream.writable.getWriter();
	// Not awaited: the readable must be drained at the same time or a large input stalls on backpressure.
	writer.write(new TextEncoder().encode(text)).catch(() => {});
	writer.close().catch(() => {});
	return bytesToBase64url(await readAll(stream.readable, Number.POSITIVE_INFINITY, () => {}));
}

/**
 * Unpacks text made by deflateToBase64url. Throws InflatedTooLargeError as soon as the output
 * passes maxBytes, and CorruptDataError for anything unreadable (bad characters, not deflate,
 * truncated, not UTF-8).
 */
export async function inflateFromBase64url(text: string, maxBytes: number): Promise<string> {
	const packed = base64urlToBytes(text);
	let bytes: Uint8Array;
	try {
		const stream = new DecompressionStream('deflate-raw');
		const writer = stream.writable.getWriter();
		writer.write(packed as Uint8Array<ArrayBuffer>).catch(() => {});
		writer.close().catch(() => {});
		bytes = await readAll(stream.readable, maxBytes, () => writer.abort().catch(() => {}));
	} catch (err) {
		if (err instanceof InflatedTooLargeError) throw err;
		throw new CorruptDataError(`not readable deflate data (${(err as Error)?.message ?? err})`);
	}
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		throw new CorruptDataError('unpacked data is not UTF-8 text');
	}
}
