// Reading scenario links (the format is described in codec.ts). A link is untrusted input:
// decoding never throws and never returns a broken document. It opens with everything it could
// read and says, one sentence per item, what it ignored or changed.

import { FORMER_LEVERS } from './formerLevers';
import type { Cell, Notebook } from '../sim/types';
import { MAX_REFERENCE_LABEL, type ReferenceScenario, type WorkingDocument } from '../state/autosave';
import { MAX_HORIZON, MIN_HORIZON } from '../worker/protocol';
import { publishedVersions, type PublishedVersions } from '../notebooks/published';
import { CorruptDataError, InflatedTooLargeError, inflateFromBase64url } from './compression';
import { migrateDocument, oldestKnownVersion, type Migration } from './migrationChain';
import { DataRowSchema } from '../data/broughtRow';
import { checkNotebook } from './notebookSchema';
import { keepReadableAnnotations } from '../charts/annotationLink';
import { finishNotices, firstProblems, formatCount, listIds, quote } from './linkText';
import { INPUT_NAME, RESERVED_KEYS, clampToRange, copyOf, inputCellsByName, publishedOpened, settle } from './settle';
import { LINK_LIMITS } from './encode';
import { w } from '../i18n/screenWords';

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

// ---------------------------------------------------------------------------------------------
// Decoding helpers

type Parsed = { ok: true; value: number } | { ok: false; reason: string };

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Decimal numbers only (no hex, no empty-means-zero); spaces and a leading + are fine. */
function parseNumber(raw: string): Parsed {
	const text = raw.trim();
	if (text === '') return { ok: false, reason: w('screen_link_number_empty') };
	if (/^[+-]?(?:NaN|Infinity)$/i.test(text)) return { ok: false, reason: w('screen_link_number_not_finite', { value: text }) };
	if (text.length > 400 || !DECIMAL.test(text)) return { ok: false, reason: w('screen_link_number_not_number', { value: quote(text) }) };
	const value = Number(text);
	if (!Number.isFinite(value)) return { ok: false, reason: w('screen_link_number_not_finite', { value: quote(text, 24).slice(1, -1) }) };
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
	const unreadable = (why: string) => notices.push(w('screen_link_nb_unreadable', { why, then: publishedOpened() }));
	if (raw.length > LINK_LIMITS.notebookParamChars) {
		notices.push(w('screen_link_nb_too_many_chars', { limit: formatCount(LINK_LIMITS.notebookParamChars), then: publishedOpened() }));
		return null;
	}
	if (raw.trim() === '') {
		unreadable(w('screen_link_why_empty'));
		return null;
	}
	let text: string;
	try {
		text = await inflateFromBase64url(raw.trim(), LINK_LIMITS.inflatedBytes);
	} catch (err) {
		if (err instanceof InflatedTooLargeError) {
			notices.push(w('screen_link_nb_too_many_bytes', { limit: formatCount(LINK_LIMITS.inflatedBytes), then: publishedOpened() }));
		} else if (err instanceof CorruptDataError) {
			unreadable(w('screen_link_why_corrupt'));
		} else {
			unreadable(w('screen_link_why_corrupt_detail', { detail: String((err as Error)?.message ?? err) }));
		}
		return null;
	}
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		unreadable(w('screen_link_why_not_json'));
		return null;
	}

	// Shape of the diff. Keys go into Maps; nothing from the link is merged into an object.
	const shapeProblem = (() => {
		if (!isRecord(json)) return w('screen_link_shape_object');
		const extra = Object.keys(json).filter((k) => k !== 'order' && k !== 'cells' && k !== 'title');
		if (extra.length) return w('screen_link_shape_field', { field: quote(extra[0]) });
		if (!Array.isArray(json.order) || !json.order.every((id) => typeof id === 'string')) return w('screen_link_shape_order');
		if (!isRecord(json.cells)) return w('screen_link_shape_cells');
		if (Object.hasOwn(json, 'title') && typeof json.title !== 'string') return w('screen_link_shape_title');
		return null;
	})();
	if (shapeProblem) {
		unreadable(w('screen_link_why_shape', { problem: shapeProblem }));
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
		notices.push(w('screen_link_nb_mismatched', { ids: listIds(mismatched), then: publishedOpened() }));
		return null;
	}
	if (missing.length) {
		notices.push(w(missing.length === 1 ? 'screen_link_nb_missing_one' : 'screen_link_nb_missing_many', { count: missing.length, ids: listIds(missing) }));
	}
	const unplaced = [...carried.keys()].filter((id) => !placed.has(id));
	if (unplaced.length) {
		notices.push(w(unplaced.length === 1 ? 'screen_link_nb_unplaced_one' : 'screen_link_nb_unplaced_many', { count: unplaced.length, ids: listIds(unplaced) }));
	}
	keepReadableRows(cells, notices);
	keepReadableAnnotations(cells, notices);
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
		notices.push(w('screen_link_nb_problems', { problems: check.problems.join('; '), then: publishedOpened() }));
		return null;
	}
	return check.notebook;
}

/**
 * A data cell's rows are checked one by one (numbered as the cell's editor shows them, its
 * header row 1): a link with one unreadable row (a hand-edited or
 * truncated one) opens with the other rows, and says which rows it left out and why.
 */
function keepReadableRows(cells: unknown[], notices: string[]): void {
	cells.forEach((cell, i) => {
		if (!isRecord(cell) || cell.kind !== 'data' || !Array.isArray(cell.rows)) return;
		const problems: string[] = [];
		const rows = cell.rows.filter((row, r) => {
			const checked = DataRowSchema.safeParse(row);
			if (!checked.success) problems.push(w('screen_link_data_row', { row: r + 2, problem: checked.error.issues[0]?.message ?? 'unreadable' }));
			return checked.success;
		});
		if (!problems.length) return;
		cells[i] = { ...cell, rows };
		const title = typeof cell.title === 'string' && cell.title ? cell.title : String(cell.id);
		notices.push(w(problems.length === 1 ? 'screen_link_data_rows_one' : 'screen_link_data_rows_many', { title, count: problems.length, problems: firstProblems(problems) }));
	});
}

// ---------------------------------------------------------------------------------------------
// Decoding

/** The oldest link version this site can open: a kept (frozen) notebook, or the start of the migration chain. */
function oldestReadableVersion(current: number, migrations: Record<number, Migration>, versions: PublishedVersions): number {
	return Math.min(oldestKnownVersion(current, migrations), ...versions.released);
}

// `ref` is not among them: it is ours (the reference scenario).
const TRACKING_KEY = /^(?:utm_[a-z_]+|fbclid|gclid|msclkid|mc_eid)$/;

/** Decoding's own result, plus whether an `nb` was there but refused (a reference then is unusable). */
type Decoded = DecodedScenario & { notebookRefused?: boolean };

/**
 * Reads `ref`: the reference's own query (with `label`). A reference that names no version, nests
 * another reference or carries a notebook that cannot be read is left out, and said so; smaller
 * problems inside it (an unknown input, a value clamped) are reported as the reference's.
 */
async function readReference(raw: string, current: Notebook, migrations: Record<number, Migration>, versions: PublishedVersions, notices: string[]): Promise<ReferenceScenario | undefined> {
	const refuse = (why: string) => void notices.push(w('screen_link_ref_unreadable', { why, then: w('screen_link_without_reference') }));
	const inner = new URLSearchParams(raw);
	if (!inner.has('v')) return refuse(w(raw.trim() === '' ? 'screen_link_why_empty' : 'screen_link_ref_no_version'));
	if (inner.has('ref')) return refuse(w('screen_link_ref_nested'));
	const label = (inner.get('label') ?? '').replace(/[\p{Cc}\p{Cf}]/gu, '').trim();
	inner.delete('label');
	const read = await decode(inner.toString(), current, migrations, versions, true);
	if (read.notebookRefused) return refuse(w('screen_link_ref_nb_unreadable'));
	for (const notice of read.notices) notices.push(w('screen_link_in_reference', { notice }));
	const { notebook, inputs, horizon } = read.document;
	if (label.length > MAX_REFERENCE_LABEL) notices.push(w('screen_link_ref_label_cut', { max: MAX_REFERENCE_LABEL }));
	return { label: Array.from(label).slice(0, MAX_REFERENCE_LABEL).join('') || w('screen_names_reference_from_link'), notebook, inputs, horizon };
}

async function decode(query: string, currentNotebook: Notebook, migrations: Record<number, Migration>, versions: PublishedVersions, isReference = false): Promise<Decoded> {
	let published = currentNotebook;
	const text = query.startsWith('?') ? query.slice(1) : query;
	if (text.length > LINK_LIMITS.queryChars) {
		return {
			document: defaultDocument(published),
			notices: [w('screen_link_too_long', { length: formatCount(text.length), limit: formatCount(LINK_LIMITS.queryChars), then: w('screen_link_default_opened') })],
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
		if (entry.count > 1) notices.push(w(entry.count === 2 ? 'screen_link_repeated_twice' : 'screen_link_repeated', { key: quote(key), count: entry.count }));
		return entry.value;
	};
	const current = published.version;

	// Version. An older released version opens with its own (frozen) notebook.
	let linkVersion = current;
	const vRaw = take('v');
	if (vRaw === undefined) notices.push(w('screen_link_v_missing', { current }));
	else {
		const v = parseNumber(vRaw);
		const oldest = oldestReadableVersion(current, migrations, versions);
		if (!v.ok || !Number.isInteger(v.value)) {
			notices.push(w('screen_link_v_not_number', { value: quote(vRaw), current }));
		} else if (v.value > current) {
			notices.push(w('screen_link_v_newer', { version: v.value, current }));
		} else if (v.value < oldest) {
			notices.push(w('screen_link_v_older', { version: v.value, oldest, current }));
		} else linkVersion = v.value;
	}
	const frozen = linkVersion < current ? await versions.load(linkVersion) : undefined;
	if (frozen) published = frozen;
	// Only a version older than any kept notebook is upgraded while it is read.
	const migrating = linkVersion < current && !frozen;

	// Notebook.
	let notebook = copyOf(published);
	const nbRaw = take('nb');
	const edited = nbRaw === undefined ? null : await readNotebookParam(nbRaw, published, notices);
	if (edited) notebook = edited;
	const notebookRefused = nbRaw !== undefined && !edited;

	// Horizon.
	let horizon = published.horizon;
	const hRaw = take('horizon');
	if (hRaw !== undefined) {
		const h = parseNumber(hRaw);
		if (!h.ok) notices.push(w('screen_link_horizon_ignored', { reason: h.reason }));
		else if (h.value < MIN_HORIZON || h.value > MAX_HORIZON) {
			horizon = h.value < MIN_HORIZON ? MIN_HORIZON : MAX_HORIZON;
			notices.push(w('screen_link_horizon_outside', { value: h.value, min: MIN_HORIZON, max: MAX_HORIZON, horizon }));
		} else if (!Number.isInteger(h.value)) {
			horizon = Math.round(h.value);
			notices.push(w('screen_link_horizon_fraction', { value: h.value, horizon }));
		} else horizon = h.value;
	}

	// Inputs, as numbers. Names are checked now, unless a migration may still rename them.
	const known = inputCellsByName(notebook);
	const ofCurrent = linkVersion < current ? inputCellsByName(currentNotebook) : known;
	const values = new Map<string, number>();
	for (const key of params.keys()) {
		if (RESERVED_KEYS.has(key)) continue;
		if (!INPUT_NAME.test(key) || (!migrating && !known.has(key))) {
			// A lever of a later version in a link of an older one: say whose it is.
			if (INPUT_NAME.test(key) && ofCurrent.has(key)) notices.push(w('screen_link_key_later_lever', { key: quote(key), version: linkVersion, current }));
			else if (linkVersion === current && Object.hasOwn(FORMER_LEVERS, key)) notices.push(w('screen_link_key_former_lever', { key: quote(key), current, replaced: w(FORMER_LEVERS[key]) }));
			else notices.push(w('screen_link_key_unknown', { key: quote(key) }));
			continue;
		}
		const parsed = parseNumber(take(key)!);
		if (!parsed.ok) notices.push(w('screen_link_key_reason', { key: quote(key), reason: parsed.reason }));
		// Clamped now so notices follow the order of the link; after a migration, settle() does it.
		else values.set(key, migrating ? parsed.value : clampToRange(key, parsed.value, known.get(key)!, notices));
	}

	let doc: WorkingDocument = { notebook, inputs: Object.fromEntries(values), horizon };
	if (migrating) {
		const migrated = migrateDocument(doc, linkVersion, current, migrations);
		notices.push(...migrated.notices);
		doc = migrated.doc;
	}
	const document = settle(doc, published, notices);
	// Read last, so its notices follow the scenario's own; the reference is the current version's link or an older one's.
	const refRaw = isReference ? undefined : take('ref');
	if (refRaw !== undefined) {
		const reference = await readReference(refRaw, currentNotebook, migrations, versions, notices);
		if (reference) document.reference = reference;
	}
	return { document, notices: finishNotices(notices), fromLink: true, notebookRefused };
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
			notices: finishNotices([w('screen_link_unreadable', { why: String((err as Error)?.message ?? 'unknown error'), then: w('screen_link_default_opened') })]),
			fromLink: true
		};
	}
}
