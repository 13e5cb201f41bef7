// Reading a file the command line or the API was pointed at, with the checks every file gets
// before its text is looked at: it exists, it is a file, it is not too large, not empty and
// not binary. Each failure is a ShiftcastInputError with a sentence for the person.
import { readFileSync, statSync } from 'node:fs';
import { ShiftcastInputError } from './errors';

/** "12.3 MB", "800 kB", "512 bytes". */
export function sizeText(bytes: number): string {
	if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
	if (bytes >= 1e3) return `${Math.round(bytes / 1e3)} kB`;
	return `${bytes} bytes`;
}

/** The text of `path` (UTF-8), or a ShiftcastInputError saying why it cannot be read. */
export function readTextFile(path: string, what: string, maxBytes: number): string {
	let size: number;
	try {
		const stat = statSync(path);
		if (stat.isDirectory()) throw new ShiftcastInputError(`“${path}” is a folder, not a ${what}.`);
		size = stat.size;
	} catch (err) {
		if (err instanceof ShiftcastInputError) throw err;
		throw new ShiftcastInputError(`Cannot open “${path}”: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}.`);
	}
	if (size > maxBytes) throw new ShiftcastInputError(`“${path}” is ${sizeText(size)}; a ${what} is at most ${sizeText(maxBytes)}.`);
	let bytes: Buffer;
	try {
		bytes = readFileSync(path);
	} catch (err) {
		throw new ShiftcastInputError(`Cannot read “${path}”: ${(err as Error).message}.`);
	}
	return decodeText(bytes, `“${path}”`, what);
}

/** Bytes as UTF-8 text, or a ShiftcastInputError when they are empty or not text. `label` names them. */
export function decodeText(bytes: Uint8Array, label: string, what: string): string {
	if (bytes.length === 0 || !Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1').trim()) throw new ShiftcastInputError(`${label} is empty.`);
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		throw new ShiftcastInputError(`${label} is not a text file (it is not UTF-8 text); a ${what} is text.`);
	}
	// A NUL or other control bytes: a binary file that happens to decode (an image, a zip).
	if (/[\u0000-\u0008\u000e-\u001f]/.test(text.slice(0, 65536))) throw new ShiftcastInputError(`${label} is not a text file (it holds binary data); a ${what} is text.`);
	return text;
}
