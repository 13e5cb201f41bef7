// Opening a scenario from a link or a scenario file, as the browser does: a link goes through
// the browser's own decoder (scenario/decode.ts) with the same notices; a scenario file (the
// browser's "Download scenario", format "shiftcast-scenario") is checked by settle(), the last
// check every document from outside gets. What cannot be read at all (the browser would open
// something else instead) is a ShiftcastInputError carrying the notices that say why.
import './englishWords';
import { existsSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { decodeScenario } from '../lib/scenario/decode';
import { publishedOpened, settle } from '../lib/scenario/settle';
import { w } from '../lib/i18n/screenWords';
import { currentPublished, loadPublishedVersion } from '../lib/notebooks/published';
import { SCENARIO_FORMAT, SCENARIO_FORMAT_VERSION } from '../lib/export/scenario';
import { finishNotices } from '../lib/scenario/linkText';
import type { WorkingDocument } from '../lib/state/workingDocument';
import { ShiftcastInputError } from './errors';
import { readTextFile } from './read';

/** A scenario read from a link or a file, ready to run. */
export interface OpenedScenario {
	/** The link or the file's path, as given. */
	source: string;
	kind: 'link' | 'file';
	/** The file's `name`, its file name, or "link" for a link (callers may rename). */
	name: string;
	/** The notebook (with its version), the lever values that differ from defaults, and the horizon. */
	document: WorkingDocument;
	/** What the reader ignored or changed, one sentence each (the browser's notice text). */
	notices: string[];
}

/** Largest scenario file read: a notebook is at most 400,000 characters. */
export const MAX_SCENARIO_FILE_BYTES = 2_000_000;

/** True when a notice ends as those do that mean the scenario asked for is not what would open. */
function refused(notices: string[]): boolean {
	const notOpened = [w('screen_link_default_opened'), publishedOpened()];
	const aboutTheReference = w('screen_link_in_reference', { notice: '' });
	return notices.some((n) => !n.startsWith(aboutTheReference) && notOpened.some((end) => n.endsWith(end)));
}

/** True for text that reads as a link rather than a path: an address, a query string, or key=value pairs. */
export function looksLikeLink(text: string): boolean {
	const t = text.trim();
	return /^https?:\/\//i.test(t) || t.startsWith('?') || (/^[A-Za-z_][\w]*=/.test(t) && !existsSync(t));
}

/** The query of a link: what follows `?` of a full address (without a `#` part), or the text itself. */
export function queryOf(link: string): string {
	const t = link.trim();
	if (/^https?:\/\//i.test(t)) {
		const q = t.indexOf('?');
		if (q < 0) return '';
		const rest = t.slice(q + 1);
		const hash = rest.indexOf('#');
		return hash < 0 ? rest : rest.slice(0, hash);
	}
	return t.startsWith('?') ? t.slice(1) : t;
}

/**
 * Reads a scenario link (`https://…/?v=3&horizon=2040&…` or its query string) with the browser's
 * decoder. Repaired links (values clamped, unknown keys) open with notices; a link the browser
 * would replace by the default scenario or the published notebook throws ShiftcastInputError.
 */
export async function openLink(link: string): Promise<OpenedScenario> {
	const decoded = await decodeScenario(queryOf(link), currentPublished);
	if (refused(decoded.notices)) throw new ShiftcastInputError(`The link could not be read: ${decoded.notices.join(' ')}`, { notices: decoded.notices });
	return { source: link, kind: 'link', name: 'link', document: decoded.document, notices: decoded.notices };
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Reads a scenario file's text (the browser's "Download scenario" JSON). `source` names it in messages. */
export async function openScenarioText(text: string, source = 'the scenario file'): Promise<OpenedScenario> {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		throw new ShiftcastInputError(`${source} is not a Shiftcast scenario file: it is not JSON.`);
	}
	if (!isRecord(json) || json.format !== SCENARIO_FORMAT) {
		const hint = isRecord(json) && json.format === 'shiftcast-scenarios' ? ' It is a scenario library export: download each scenario from the notebook, or list their links.' : '';
		throw new ShiftcastInputError(`${source} is not a Shiftcast scenario file (its "format" is not "${SCENARIO_FORMAT}").${hint}`);
	}
	if (json.version !== SCENARIO_FORMAT_VERSION) {
		throw new ShiftcastInputError(`${source} is a scenario file of format version ${String(json.version)}; this Shiftcast reads version ${SCENARIO_FORMAT_VERSION}.`);
	}
	const notebook = json.notebook as { version?: unknown } | undefined;
	const version = isRecord(notebook) && typeof notebook.version === 'number' ? notebook.version : currentPublished.version;
	const published = (await loadPublishedVersion(version))?.notebook ?? currentPublished;
	const notices: string[] = [];
	const document = settle({ notebook: json.notebook, inputs: json.inputs, horizon: json.horizon } as WorkingDocument, published, notices);
	const finished = finishNotices(notices);
	if (refused(finished)) throw new ShiftcastInputError(`${source} could not be read: ${finished.join(' ')}`, { notices: finished });
	const name = typeof json.name === 'string' && json.name.trim() ? json.name.trim().slice(0, 120) : basename(source, extname(source));
	return { source, kind: 'file', name, document, notices: finished };
}

/** Reads a scenario file from disk (checked for size, emptiness and binary content first). */
export async function openScenarioFile(path: string): Promise<OpenedScenario> {
	const text = readTextFile(path, 'scenario file', MAX_SCENARIO_FILE_BYTES);
	return openScenarioText(text, `“${path}”`).then((s) => ({ ...s, source: path }));
}

/**
 * Opens a link or a scenario file: an existing path is a file; an address, a query string
 * (`v=3&…`, `?v=3&…`) is a link; anything else is an error saying so.
 */
export async function openScenario(linkOrPath: string): Promise<OpenedScenario> {
	if (typeof linkOrPath !== 'string' || !linkOrPath.trim()) throw new ShiftcastInputError('Give a scenario link or a scenario file.');
	if (looksLikeLink(linkOrPath)) return openLink(linkOrPath);
	if (existsSync(linkOrPath)) return openScenarioFile(linkOrPath);
	throw new ShiftcastInputError(`“${linkOrPath}” is neither a file nor a scenario link (a link looks like https://…/?v=3&horizon=2040, or v=3&horizon=2040).`);
}
