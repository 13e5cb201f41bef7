// Scenario links, En-ROADS style: `v=1&horizon=2040&localisation=0.6`, listing only what differs
// from the published notebook, so links stay short and readable. A notebook whose cells were
// edited travels as one more parameter, `nb`: a diff against the published notebook, deflated
// and base64url-encoded.
//
// A link is untrusted input. Decoding never throws and never returns a broken document: it opens
// with everything it could read and says, one sentence per item, what it ignored or changed.
// Keys from the link only ever go into Maps, never into plain objects, so `__proto__` and
// friends are just unknown names.

import type { Cell, InputCell, Notebook } from '../sim/types';
import type { WorkingDocument } from '../state/autosave';
import { MAX_HORIZON, MIN_HORIZON } from '../worker/protocol';
import { CorruptDataError, InflatedTooLargeError, deflateToBase64url, inflateFromBase64url } from './compression';
import { MIGRATIONS, migrateDocument, oldestKnownVersion, type Migration } from './migrations';
import { checkNotebook } from './notebookSchema';

export const LINK_LIMITS = { queryChars: 120_000, notebookParamChars: 100_000, inflatedBytes: 400_000 };

/** Notices beyond this many are summed up in one last sentence. */
export const MAX_NOTICES = 20;

/** Parameter names the codec itself uses; an input with one of these names cannot travel in a link. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['v', 'horizon', 'nb']);

export interface DecodedScenario {
	document: WorkingDocument;
	/** One sentence each: everything in the link that was ignored or changed, and why. */
	notices: string[];
	/** False when the query carried no parameters at all (open autosave or defaults instead). */
	fromLink: boolean;
}

export interface DecodeOptions {
	/** Replaces MIGRATIONS (tests inject fake ones). */
	migrations?: Record<number, Migration>;
}

/** Thrown by encodeScenario when the edited notebook is too big to travel in a link. */
export class ScenarioTooLargeError extends Error {
	override name = 'ScenarioTooLargeError';
}

/** The `nb` payload: the edited notebook as a diff against the published one. */
export interface NotebookDiff {
	/** Every cell id of the edited notebook, in order. */
	order: string[];
	/** Cells that are new, or differ from the published cell with the same id. */
	cells: Record<string, Cell>;
	title?: string;
}

const NAME = /^[A-Za-z][A-Za-z0-9_]{0,47}$/;

// ---------------------------------------------------------------------------------------------
// Encoding

/** JSON with object keys sorted, so equal cells compare equal whatever order their keys were set in. */
function canonicalJson(value: unknown): string {
	return JSON.stringify(value, (_key, v: unknown) =>
		v !== null && typeof v === 'object' && !Array.isArray(v)
			? Object.fromEntries(
					Object.keys(v)
						.sort()
						.map((k) => [k, (v as Record<string, unknown>)[k]])
				)
			: v
	);
}

/** The diff of `edited` against `published`, or null when they have the same cells and title. */
export function notebookDiff(edited: Notebook, published: Notebook): NotebookDiff | null {
	const publishedJson = new Map(published.cells.map((cell) => [cell.id, canonicalJson(cell)]));
	const order = edited.cells.map((cell) => cell.id);
	const changed = edited.cells.filter((cell) => publishedJson.get(cell.id) !== canonicalJson(cell));
	const sameOrder = order.length === published.cells.length && order.every((id, i) => id === published.cells[i].id);
	const sameTitle = edited.title === published.title;
	if (sameOrder && sameTitle && changed.length === 0) return null;
	// fromEntries defines own properties, so even a cell id of `__proto__` stays a plain key.
	const diff: NotebookDiff = { order, cells: Object.fromEntries(changed.map((cell) => [cell.id, cell])) };
	if (!sameTitle) diff.title = edited.title;
	return diff;
}

/** The query string (without `?`) that reopens `doc`. Throws ScenarioTooLargeError past LINK_LIMITS. */
export async function encodeScenario(doc: WorkingDocument, published: Notebook): Promise<string> {
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

function formatCount(n: number): string {
	return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * A key or value from the link, shortened and escaped for a sentence: `"foo"`. Control and
 * invisible format characters (bidi overrides, zero-width) are shown as escapes, so a notice
 * cannot be made to read backwards or hide text.
 */
function quote(text: string, max = 40): string {
	const chars = Array.from(text);
	const short = chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
	return JSON.stringify(short).replace(/\p{Cf}/gu, (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}

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

/** A fresh copy of the published notebook, so callers can never mutate the original through a document. */
function copyOf(published: Notebook): Notebook {
	const check = checkNotebook(published);
	return check.ok ? check.notebook : (JSON.parse(JSON.stringify(published)) as Notebook);
}

function defaultDocument(published: Notebook): WorkingDocument {
	return { notebook: copyOf(published), inputs: {}, horizon: published.horizon };
}

function listIds(ids: string[]): string {
	const shown = ids.slice(0, 5).map((id) => quote(id)).join(', ');
	return ids.length > 5 ? `${shown} and ${ids.length - 5} more` : shown;
}

const PUBLISHED_OPENED = 'the published notebook was opened instead.';

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

function inputCells(notebook: Notebook): Map<string, InputCell> {
	const byName = new Map<string, InputCell>();
	for (const cell of notebook.cells) if (cell.kind === 'input' && !byName.has(cell.name)) byName.set(cell.name, cell);
	return byName;
}

function clampToRange(name: string, value: number, cell: InputCell, notices: string[]): number {
	if (value >= cell.min && value <= cell.max) return value;
	const top = value > cell.max;
	const clamped = top ? cell.max : cell.min;
	notices.push(`${quote(name)} was ${value}; set to ${clamped}, the ${top ? 'top' : 'bottom'} of its range (${cell.min} to ${cell.max}).`);
	return clamped;
}

/**
 * Checks a document against its own notebook: values finite and within range (clamped, with a
 * notice), names known, values equal to the default dropped, horizon a whole year in range.
 * Also run on whatever a migration returned, which is code but may still be wrong.
 */
function settle(doc: WorkingDocument, published: Notebook, notices: string[]): WorkingDocument {
	let notebook: Notebook;
	const check = checkNotebook(doc?.notebook);
	if (check.ok) notebook = check.notebook;
	else {
		notices.push(`The updated notebook has problems: ${check.problems.join('; ')}; ${PUBLISHED_OPENED}`);
		notebook = copyOf(published);
	}
	const cells = inputCells(notebook);
	const inputs = new Map<string, number>();
	const given = isRecord(doc?.inputs) ? doc.inputs : {};
	for (const name of Object.keys(given)) {
		const cell = NAME.test(name) && !RESERVED_KEYS.has(name) ? cells.get(name) : undefined;
		if (!cell) {
			notices.push(`Ignored ${quote(name)}: no input of that name.`);
			continue;
		}
		const raw = given[name];
		if (typeof raw !== 'number' || !Number.isFinite(raw)) {
			notices.push(`Ignored ${quote(name)}: ${String(raw)} is not a finite number.`);
			continue;
		}
		const value = clampToRange(name, raw + 0, cell, notices);
		if (value !== cell.default) inputs.set(name, value);
	}
	let horizon = published.horizon;
	const h = doc?.horizon;
	if (typeof h === 'number' && Number.isFinite(h)) {
		horizon = Math.min(MAX_HORIZON, Math.max(MIN_HORIZON, Math.round(h)));
		if (horizon !== h) notices.push(`The horizon ${h} was set to ${horizon}.`);
	} else if (h !== undefined) {
		notices.push(`The horizon ${String(h)} is not a year; ${horizon} was used.`);
	}
	return { notebook, inputs: Object.fromEntries(inputs), horizon };
}

/** Longest notice, in characters: schema messages may quote whatever the link carried. */
const MAX_NOTICE_CHARS = 600;

function finishNotices(notices: string[]): string[] {
	const tidy = notices.map((notice) => {
		const clean = notice.replace(/[\p{Cc}\p{Cf}]/gu, (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`);
		const chars = Array.from(clean);
		return chars.length > MAX_NOTICE_CHARS ? `${chars.slice(0, MAX_NOTICE_CHARS - 1).join('')}…` : clean;
	});
	if (tidy.length <= MAX_NOTICES) return tidy;
	const rest = tidy.length - (MAX_NOTICES - 1);
	return [...tidy.slice(0, MAX_NOTICES - 1), `And ${formatCount(rest)} more things in this link were ignored or changed (not listed here).`];
}

// ---------------------------------------------------------------------------------------------
// Decoding

const TRACKING_KEY = /^(?:utm_[a-z_]+|fbclid|gclid|msclkid|mc_eid|ref)$/;

async function decode(query: string, published: Notebook, migrations: Record<number, Migration>): Promise<DecodedScenario> {
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

	// Version.
	let linkVersion = current;
	const vRaw = take('v');
	if (vRaw === undefined) notices.push(`"v" is missing; the link was read as version ${current}.`);
	else {
		const v = parseNumber(vRaw);
		const oldest = oldestKnownVersion(current, migrations);
		if (!v.ok || !Number.isInteger(v.value)) {
			notices.push(`"v" is ${quote(vRaw)}, not a version number; the link was read as version ${current}.`);
		} else if (v.value > current) {
			notices.push(`This link was made by a newer version of the notebook (v${v.value}); it was opened with version ${current}, so results may differ.`);
		} else if (v.value < oldest) {
			notices.push(`This link names version ${v.value}, older than any this site can read (the oldest is ${oldest}); it was read as version ${current}, so results may differ.`);
		} else linkVersion = v.value;
	}
	const migrating = linkVersion < current;

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
	const known = inputCells(notebook);
	const values = new Map<string, number>();
	for (const key of params.keys()) {
		if (RESERVED_KEYS.has(key)) continue;
		if (!NAME.test(key) || (!migrating && !known.has(key))) {
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
		return await decode(typeof query === 'string' ? query : String(query ?? ''), published, options.migrations ?? MIGRATIONS);
	} catch (err) {
		// Only a bug (or a stack overflow on absurd input) gets here; the reader still gets a working page.
		return {
			document: defaultDocument(published),
			notices: finishNotices([`This link could not be read (${(err as Error)?.message ?? 'unknown error'}); the default scenario was opened instead.`]),
			fromLink: true
		};
	}
}
