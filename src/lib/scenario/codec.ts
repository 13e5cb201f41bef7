// Scenario links, En-ROADS style: `v=2&horizon=2040&localisation=0.6`, listing only what differs
// from the published notebook, so links stay short and readable. A notebook whose cells were
// edited travels as one more parameter, `nb`: a diff against the published notebook, deflated
// and base64url-encoded.
//
// `v` names the published notebook the link was made with. A link of an older released version
// opens with that version's notebook (kept frozen in notebooks/frozen/), so it gives the figures
// it gave when it was made; moving it to the current model is its reader's choice
// (scenario/upgrade.ts), never done here.
//
// A link is untrusted input. Decoding never throws and never returns a broken document: it opens
// with everything it could read and says, one sentence per item, what it ignored or changed.
// Keys from the link only ever go into Maps, never into plain objects, so `__proto__` and
// friends are just unknown names.

import type { Cell, Notebook } from '../sim/types';
import type { WorkingDocument } from '../state/autosave';
import { MAX_HORIZON, MIN_HORIZON } from '../worker/protocol';
import { publishedVersions, type PublishedVersions } from '../notebooks/published';
import { CorruptDataError, InflatedTooLargeError, deflateToBase64url, inflateFromBase64url } from './compression';
import { migrateDocument, oldestKnownVersion, type Migration } from './migrationChain';
import { checkNotebook } from './notebookSchema';
import { notebookDiff } from './notebookDiff';
import { finishNotices, formatCount, listIds, quote } from './linkText';
import { INPUT_NAME, PUBLISHED_OPENED, RESERVED_KEYS, clampToRange, copyOf, inputCellsByName, settle } from './settle';

export { MAX_NOTICES } from './linkText';
export { notebookDiff, type NotebookDiff } from './notebookDiff';
export { RESERVED_KEYS } from './settle';

/** Size caps on a scenario link: the whole query, the `nb` parameter, and `nb` once unpacked (bytes). */
export const LINK_LIMITS = { queryChars: 120_000, notebookParamChars: 100_000, inflatedBytes: 400_000 };

/** What reading a link gives: the document to open, what was ignored or changed, and whether the link had parameters. */
export interface DecodedScenario {
	document: WorkingDocument;
	/** One sentence each: everything in the link that was ignored or changed, and why. */
	notices: string[];
	/** False when the query carried no parameters at all (open autosave or defaults instead). */
	fromLink: boolean;
}

/** Overrides for decodeScenario, used by tests: migration steps and the released versions. */
export interface DecodeOptions {
	/**
	 * Steps for versions of which no notebook is kept (tests inject fake ones). Every released
	 * version is kept (notebooks/published.ts), so reading a link never needs one, and the steps
	 * of scenario/migrations.ts, which compile notebooks, stay out of the page's first load.
	 */
	migrations?: Record<number, Migration>;
	/** Replaces the released versions of notebooks/published.ts (tests inject their own). */
	versions?: PublishedVersions;
}

/** Thrown by encodeScenario when the edited notebook is too big to travel in a link. */
export class ScenarioTooLargeError extends Error {
	override name = 'ScenarioTooLargeError';
}


// ---------------------------------------------------------------------------------------------
// Encoding

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
		const nb = await deflateToBase64url(JSON.stringify(diff));
		if (nb.length > LINK_LIMITS.notebookParamChars) {
			throw new ScenarioTooLargeError(
				`The edited notebook is too large to share as a link (${formatCount(nb.length)} characters packed, over ${formatCount(LINK_LIMITS.notebookParamChars)}).`
			);
		}
		parts.push(`nb=${nb}`);
	}
	const query = parts.join('&');
	if (query.length > LINK_LIMITS.queryChars) {
		throw new ScenarioTooLargeError(`The scenario is too large to share as a link (${formatCount(query.length)} characters, over ${formatCount(LINK_LIMITS.queryChars)}).`);
	}
	return query;
}

// ---------------------------------------------------------------------------------------------
// Decoding helpers

function times(count: number): string {
	return count === 2 ? 'twice' : `${count} times`;
}

type Parsed = { ok: true; value: number } | { ok: false; reason: string };

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Decimal numbers only (no hex, no empty-means-zero); spaces and a leading + are fine. */
function parseNumber(raw: string): Parsed {
	const text = raw.trim();
	if (text === '') return { ok: false, reason: 'an empty value is not a number' };
	if (/^[+-]?(?:NaN|Infinity)$/i.test(text)) return { ok: false, reason: `${text} is not a finite number` };
	if (text.length > 400 || !DECIMAL.test(text)) return { ok: false, reason: `${quote(text)} is not a number` };
	const value = Number(text);
	if (!Number.isFinite(value)) return { ok: false, reason: `${quote(text, 24).slice(1, -1)} is not a finite number` };
	return { ok: true, value: value + 0 }; // -0 -> 0
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function defaultDocument(published: Notebook): WorkingDocument {
	return { notebook: copyOf(published), inputs: {}, horizon: published.horizon };
}


/** Reads `nb`. Returns the edited notebook, or null (with notices saying why) to use the published one. */
async function readNotebookParam(raw: string, published: Notebook, notices: string[]): Promise<Notebook | null> {
	const unreadable = (why: string) => notices.push(`The edited notebook in the link could not be read (${why}); ${PUBLISHED_OPENED}`);
	if (raw.length > LINK_LIMITS.notebookParamChars) {
		notices.push(`The edited notebook in the link is too large (over ${formatCount(LINK_LIMITS.notebookParamChars)} characters); ${PUBLISHED_OPENED}`);
		return null;
	}
	if (raw.trim() === '') {
		unreadable('it is empty');
		return null;
	}
	let text: string;
	try {
		text = await inflateFromBase64url(raw.trim(), LINK_LIMITS.inflatedBytes);
	} catch (err) {
		if (err instanceof InflatedTooLargeError) {
			notices.push(`The edited notebook in the link is too large (over ${formatCount(LINK_LIMITS.inflatedBytes)} bytes when unpacked); ${PUBLISHED_OPENED}`);
		} else if (err instanceof CorruptDataError) {
			unreadable('corrupt or truncated data');
		} else {
			unreadable(`corrupt or truncated data: ${(err as Error)?.message ?? err}`);
		}
		return null;
	}
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		unreadable('its content is not JSON');
		return null;
	}

	// Shape of the diff. Keys go into Maps; nothing from the link is merged into an object.
	const shapeProblem = (() => {
		if (!isRecord(json)) return 'expected an object';
		const extra = Object.keys(json).filter((k) => k !== 'order' && k !== 'cells' && k !== 'title');
		if (extra.length) return `unexpected field ${quote(extra[0])}`;
		if (!Array.isArray(json.order) || !json.order.every((id) => typeof id === 'string')) return '"order" must be a list of cell ids';
		if (!isRecord(json.cells)) return '"cells" must be an object';
		if (Object.hasOwn(json, 'title') && typeof json.title !== 'string') return '"title" must be text';
		return null;
	})();
	if (shapeProblem) {
		unreadable(`it does not have the expected structure: ${shapeProblem}`);
		return null;
	}
	const diff = json as { order: string[]; cells: Record<string, unknown>; title?: string };
	const carried = new Map<string, unknown>(Object.keys(diff.cells).map((id) => [id, diff.cells[id]]));
	const publishedById = new Map<string, Cell>(published.cells.map((cell) => [cell.id, cell]));

	const cells: unknown[] = [];
	const missing: string[] = [];
	const mismatched: string[] = [];
	const placed = new Set<string>();
	for (const id of diff.order) {
		placed.add(id);
		if (carried.has(id)) {
			const cell = carried.get(id);
			if (isRecord(cell) && cell.id !== id) mismatched.push(id);
			cells.push(cell);
		} else if (publishedById.has(id)) {
			cells.push(publishedById.get(id));
		} else {
			missing.push(id);
		}
	}
	if (mismatched.length) {
		notices.push(`The edited notebook in the link has problems: cells listed as ${listIds(mismatched)} carry a different id; ${PUBLISHED_OPENED}`);
		return null;
	}
	if (missing.length) {
		notices.push(
			`The edited notebook in the link refers to ${missing.length === 1 ? 'a cell' : `${missing.length} cells`} it does not include (${listIds(missing)}); ${missing.length === 1 ? 'it was' : 'they were'} left out.`
		);
	}
	const unplaced = [...carried.keys()].filter((id) => !placed.has(id));
	if (unplaced.length) {
		notices.push(
			`The edited notebook in the link carries ${unplaced.length === 1 ? 'a cell' : `${unplaced.length} cells`} not placed in it (${listIds(unplaced)}); ${unplaced.length === 1 ? 'it was' : 'they were'} left out.`
		);
	}
	const candidate = {
		id: published.id,
		version: published.version,
		title: Object.hasOwn(diff, 'title') ? diff.title : published.title,
		startYear: published.startYear,
		horizon: published.horizon,
		cells
	};
	const check = checkNotebook(candidate);
	if (!check.ok) {
		notices.push(`The edited notebook in the link has problems: ${check.problems.join('; ')}; ${PUBLISHED_OPENED}`);
		return null;
	}
	return check.notebook;
}

// ---------------------------------------------------------------------------------------------
// Decoding

/** The oldest link version this site can open: a kept (frozen) notebook, or the start of the migration chain. */
function oldestReadableVersion(current: number, migrations: Record<number, Migration>, versions: PublishedVersions): number {
	return Math.min(oldestKnownVersion(current, migrations), ...versions.released);
}

const TRACKING_KEY = /^(?:utm_[a-z_]+|fbclid|gclid|msclkid|mc_eid|ref)$/;

async function decode(query: string, currentNotebook: Notebook, migrations: Record<number, Migration>, versions: PublishedVersions): Promise<DecodedScenario> {
	let published = currentNotebook;
	const text = query.startsWith('?') ? query.slice(1) : query;
	if (text.length > LINK_LIMITS.queryChars) {
		return {
			document: defaultDocument(published),
			notices: [`This link is too long (${formatCount(text.length)} characters, over ${formatCount(LINK_LIMITS.queryChars)}); the default scenario was opened instead.`],
			fromLink: true
		};
	}
	// URLSearchParams never throws: bad escapes stay as they are, bad UTF-8 becomes U+FFFD.
	const params = new Map<string, { value: string; count: number }>();
	for (const [key, value] of new URLSearchParams(text)) {
		// Campaign and click trackers that sites append to shared links are not ours to report.
		if (TRACKING_KEY.test(key)) continue;
		const seen = params.get(key);
		if (seen) seen.count++;
		else params.set(key, { value, count: 1 });
	}
	if (params.size === 0) return { document: defaultDocument(published), notices: [], fromLink: false };

	const notices: string[] = [];
	const take = (key: string): string | undefined => {
		const entry = params.get(key);
		if (!entry) return undefined;
		if (entry.count > 1) notices.push(`${quote(key)} appears ${times(entry.count)}; the first value was used.`);
		return entry.value;
	};
	const current = published.version;

	// Version. An older released version opens with its own (frozen) notebook.
	let linkVersion = current;
	const vRaw = take('v');
	if (vRaw === undefined) notices.push(`"v" is missing; the link was read as version ${current}.`);
	else {
		const v = parseNumber(vRaw);
		const oldest = oldestReadableVersion(current, migrations, versions);
		if (!v.ok || !Number.isInteger(v.value)) {
			notices.push(`"v" is ${quote(vRaw)}, not a version number; the link was read as version ${current}.`);
		} else if (v.value > current) {
			notices.push(`This link was made by a newer version of the notebook (v${v.value}); it was opened with version ${current}, so results may differ.`);
		} else if (v.value < oldest) {
			notices.push(`This link names version ${v.value}, older than any this site can read (the oldest is ${oldest}); it was read as version ${current}, so results may differ.`);
		} else linkVersion = v.value;
	}
	const frozen = linkVersion < current ? await versions.load(linkVersion) : undefined;
	if (frozen) published = frozen;
	// Only a version older than any kept notebook is upgraded while it is read.
	const migrating = linkVersion < current && !frozen;

	// Notebook.
	let notebook = copyOf(published);
	const nbRaw = take('nb');
	if (nbRaw !== undefined) notebook = (await readNotebookParam(nbRaw, published, notices)) ?? notebook;

	// Horizon.
	let horizon = published.horizon;
	const hRaw = take('horizon');
	if (hRaw !== undefined) {
		const h = parseNumber(hRaw);
		if (!h.ok) notices.push(`Ignored "horizon": ${h.reason}.`);
		else if (h.value < MIN_HORIZON || h.value > MAX_HORIZON) {
			horizon = h.value < MIN_HORIZON ? MIN_HORIZON : MAX_HORIZON;
			notices.push(`"horizon" ${h.value} is outside ${MIN_HORIZON} to ${MAX_HORIZON}; set to ${horizon}.`);
		} else if (!Number.isInteger(h.value)) {
			horizon = Math.round(h.value);
			notices.push(`"horizon" ${h.value} is not a whole year; set to ${horizon}.`);
		} else horizon = h.value;
	}

	// Inputs, as numbers. Names are checked now, unless a migration may still rename them.
	const known = inputCellsByName(notebook);
	const values = new Map<string, number>();
	for (const key of params.keys()) {
		if (RESERVED_KEYS.has(key)) continue;
		if (!INPUT_NAME.test(key) || (!migrating && !known.has(key))) {
			notices.push(`Ignored ${quote(key)}: no input of that name.`);
			continue;
		}
		const parsed = parseNumber(take(key)!);
		if (!parsed.ok) notices.push(`Ignored ${quote(key)}: ${parsed.reason}.`);
		// Clamped now so notices follow the order of the link; after a migration, settle() does it.
		else values.set(key, migrating ? parsed.value : clampToRange(key, parsed.value, known.get(key)!, notices));
	}

	let doc: WorkingDocument = { notebook, inputs: Object.fromEntries(values), horizon };
	if (migrating) {
		const migrated = migrateDocument(doc, linkVersion, current, migrations);
		notices.push(...migrated.notices);
		doc = migrated.doc;
	}
	return { document: settle(doc, published, notices), notices: finishNotices(notices), fromLink: true };
}

/**
 * Reads a query string (with or without `?`). Never throws: whatever cannot be read is left at
 * its default and described in `notices`.
 */
export async function decodeScenario(query: string, published: Notebook, options: DecodeOptions = {}): Promise<DecodedScenario> {
	try {
		return await decode(typeof query === 'string' ? query : String(query ?? ''), published, options.migrations ?? {}, options.versions ?? publishedVersions);
	} catch (err) {
		// Only a bug (or a stack overflow on absurd input) gets here; the reader still gets a working page.
		return {
			document: defaultDocument(published),
			notices: finishNotices([`This link could not be read (${(err as Error)?.message ?? 'unknown error'}); the default scenario was opened instead.`]),
			fromLink: true
		};
	}
}
