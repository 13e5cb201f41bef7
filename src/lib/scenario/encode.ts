// Writing scenario links (the format is described in codec.ts). Kept apart from reading them
// (decode.ts): every page writes its address from the start, but only a page opened from a link
// reads one, so a first visit loads only this half.

import type { Notebook } from '../sim/types';
import type { WorkingDocument } from '../state/autosave';
import { publishedVersions, type PublishedVersions } from '../notebooks/published';
import { deflateToBase64url } from './compression';
import { notebookDiff } from './notebookDiff';
import { formatCount } from './linkText';
import { RESERVED_KEYS } from './reservedKeys';

/** Size caps on a scenario link: the whole query, the `nb` parameter, and `nb` once unpacked (bytes). */
export const LINK_LIMITS = { queryChars: 120_000, notebookParamChars: 100_000, inflatedBytes: 400_000 };

/** Thrown by encodeScenario when the edited notebook is too big to travel in a link. */
export class ScenarioTooLargeError extends Error {
	override name = 'ScenarioTooLargeError';
}

/**
 * The query string (without `?`) that reopens `doc`. A document of an older released version
 * keeps its version: its link names it and holds its edits against that version's notebook.
 * Throws ScenarioTooLargeError past LINK_LIMITS.
 */
export async function encodeScenario(doc: WorkingDocument, current: Notebook, versions: PublishedVersions = publishedVersions): Promise<string> {
	const published = (doc.notebook.version !== current.version && (await versions.load(doc.notebook.version))) || current;
	const parts = [`v=${published.version}`];
	if (doc.horizon !== published.horizon) parts.push(`horizon=${encodeURIComponent(String(doc.horizon))}`);
	const written = new Set<string>();
	for (const cell of doc.notebook.cells) {
		if (cell.kind !== 'input' || RESERVED_KEYS.has(cell.name) || written.has(cell.name)) continue;
		written.add(cell.name);
		if (!Object.hasOwn(doc.inputs, cell.name)) continue;
		const value = doc.inputs[cell.name];
		if (typeof value !== 'number' || !Number.isFinite(value) || value === cell.default) continue;
		// encodeURIComponent: String(1e21) is "1e+21", and a bare + would read back as a space.
		parts.push(`${cell.name}=${encodeURIComponent(String(value))}`);
	}
	const diff = notebookDiff(doc.notebook, published);
	if (diff) {
		const json = JSON.stringify(diff);
		// A reader refuses more than this unpacked (decode.ts): a link it would refuse is never written.
		const bytes = new TextEncoder().encode(json).length;
		if (bytes > LINK_LIMITS.inflatedBytes) {
			throw new ScenarioTooLargeError(`The edited notebook is too large to share as a link (${formatCount(bytes)} bytes unpacked, over ${formatCount(LINK_LIMITS.inflatedBytes)}).`);
		}
		const nb = await deflateToBase64url(json);
		if (nb.length > LINK_LIMITS.notebookParamChars) {
			throw new ScenarioTooLargeError(
				`The edited notebook is too large to share as a link (${formatCount(nb.length)} characters packed, over ${formatCount(LINK_LIMITS.notebookParamChars)}).`
			);
		}
		parts.push(`nb=${nb}`);
	}
	if (doc.reference) {
		const { label, ...reference } = doc.reference;
		let inner: string;
		try {
			inner = await encodeScenario(reference, current, versions);
		} catch (err) {
			if (err instanceof ScenarioTooLargeError) throw new ScenarioTooLargeError(`The reference scenario: ${err.message}`);
			throw err;
		}
		parts.push(`ref=${encodeURIComponent(`${inner}&label=${encodeURIComponent(label)}`)}`);
	}
	const query = parts.join('&');
	if (query.length > LINK_LIMITS.queryChars) {
		throw new ScenarioTooLargeError(`The scenario is too large to share as a link (${formatCount(query.length)} characters, over ${formatCount(LINK_LIMITS.queryChars)}).`);
	}
	return query;
}
