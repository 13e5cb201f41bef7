// Validation of the data files with messages a person can act on: each names the file, the
// record (index and series id) and the field, e.g.
//   data/nev-share.json: record 3 (nev_share_all_vehicles_caam): field "basis.body": Invalid option ...
import { z } from 'zod/mini';
import { DataFile, EventsFile, type DataRecord } from './schema';

export type ValidationResult<T> = { ok: true; file: T } | { ok: false; errors: string[] };

type Issue = z.core.$ZodIssue;
type Items = { key: 'records'; label: 'record'; idKey: 'series' } | { key: 'events'; label: 'event'; idKey: 'id' };

const RECORDS: Items = { key: 'records', label: 'record', idKey: 'series' };
const EVENTS: Items = { key: 'events', label: 'event', idKey: 'id' };

/**
 * Classic zod registers its English messages by itself; zod/mini has none until told (every issue
 * would read "Invalid input"), and the messages below quote and inspect them. Done on each
 * validation rather than at module load, so the engine worker, which imports this module but never
 * validates in production, leaves zod out. Like classic zod, it keeps a locale already chosen.
 */
function useEnglishMessages(): void {
	if (!z.config().localeError) z.config(z.locales.en());
}

/** Validates one series-family file (everything in data/ except the events file). */
export function validateDataFile(fileName: string, json: unknown): ValidationResult<DataFile> {
	useEnglishMessages();
	const parsed = DataFile.safeParse(json);
	if (!parsed.success) return fail(formatIssues(fileName, json, parsed.error.issues, RECORDS));
	const errors = checkRecords(fileName, parsed.data);
	return errors.length ? fail(errors) : { ok: true, file: parsed.data };
}

/** Validates the events file (family "events"). */
export function validateEventsFile(fileName: string, json: unknown): ValidationResult<EventsFile> {
	useEnglishMessages();
	const parsed = EventsFile.safeParse(json);
	if (!parsed.success) return fail(formatIssues(fileName, json, parsed.error.issues, EVENTS));
	const errors: string[] = [];
	const seen = new Map<string, number>();
	parsed.data.events.forEach((e, i) => {
		const first = seen.get(e.id);
		if (first !== undefined) errors.push(`${fileName}: event ${i} (${e.id}): field "id": repeats the id of event ${first}`);
		else seen.set(e.id, i);
	});
	return errors.length ? fail(errors) : { ok: true, file: parsed.data };
}

export type AnyDataFile = { kind: 'series'; file: DataFile } | { kind: 'events'; file: EventsFile };

/** Picks the schema from the file's family: "events" is the events file, anything else a series family. */
export function validateAnyFile(fileName: string, json: unknown): ValidationResult<AnyDataFile> {
	if (isObject(json) && json.family === 'events') {
		const r = validateEventsFile(fileName, json);
		return r.ok ? { ok: true, file: { kind: 'events', file: r.file } } : r;
	}
	const r = validateDataFile(fileName, json);
	return r.ok ? { ok: true, file: { kind: 'series', file: r.file } } : r;
}

/**
 * Checks across files: a series id may appear in more than one file (the articles quote some
 * CAAM figures), but then it must keep its unit, basis, kind and label, and a period given twice
 * must carry the same value.
 */
export function validateAcrossFiles(files: ReadonlyArray<{ fileName: string; file: DataFile }>): string[] {
	const errors: string[] = [];
	const firstOfSeries = new Map<string, { fileName: string; record: DataRecord; label: string | undefined }>();
	const firstOfPoint = new Map<string, { fileName: string; record: DataRecord }>();
	for (const { fileName, file } of files) {
		file.records.forEach((r, i) => {
			const where = `${fileName}: record ${i} (${r.series})`;
			const label = file.labels[r.series];
			const s = firstOfSeries.get(r.series);
			if (!s) firstOfSeries.set(r.series, { fileName, record: r, label });
			else if (s.fileName !== fileName) {
				for (const d of differences(s.record, r)) errors.push(`${where}: field "${d}": differs from the same series in ${s.fileName}`);
				if (s.label !== label) errors.push(`${fileName}: field "labels.${r.series}": differs from the label in ${s.fileName}`);
			}
			const k = pointKey(r);
			const p = firstOfPoint.get(k);
			if (!p) firstOfPoint.set(k, { fileName, record: r });
			else if (p.fileName !== fileName && p.record.value !== r.value)
				errors.push(`${where}: field "value": ${r.value} disagrees with ${p.record.value} for ${periodText(r)} in ${p.fileName}`);
		});
	}
	return dedupe(errors);
}

// ---------------------------------------------------------------------------------------------

function checkRecords(fileName: string, file: DataFile): string[] {
	const errors: string[] = [];
	const firstOfPoint = new Map<string, number>();
	const firstOfSeries = new Map<string, number>();
	file.records.forEach((r, i) => {
		const where = `${fileName}: record ${i} (${r.series})`;
		const dup = firstOfPoint.get(pointKey(r));
		if (dup !== undefined) errors.push(`${where}: field "period": ${periodText(r)} already given in record ${dup}`);
		else firstOfPoint.set(pointKey(r), i);

		const first = firstOfSeries.get(r.series);
		if (first === undefined) firstOfSeries.set(r.series, i);
		else
			for (const d of differences(file.records[first], r))
				errors.push(`${where}: field "${d}": a series keeps one ${d.split('.').pop()}; record ${first} has a different one`);

		if (!(r.series in file.labels)) errors.push(`${where}: field "series": no entry for it in "labels"`);

		// A forecast (an outlook or a target) is drawn and never fitted: its measure must say so,
		// and it looks ahead from the month it was issued.
		const ahead = r.basis.measure === 'forecast' || r.basis.measure === 'target';
		if ((r.kind === 'forecast') !== ahead)
			errors.push(`${where}: field "basis.measure": a forecast's measure is "forecast" or "target", and only a forecast's is (kind "${r.kind}", measure "${r.basis.measure}")`);
		if (r.issued && Number(r.issued.slice(0, 4)) > r.period.year)
			errors.push(`${where}: field "issued": ${r.issued} is after the period it speaks of (${periodText(r)})`);
	});
	for (const id of Object.keys(file.labels))
		if (!firstOfSeries.has(id)) errors.push(`${fileName}: field "labels.${id}": no record uses this series`);
	return errors;
}

/** Fields that must stay fixed within a series. */
function differences(a: DataRecord, b: DataRecord): string[] {
	const out: string[] = [];
	if (a.unit !== b.unit) out.push('unit');
	if (a.kind !== b.kind) out.push('kind');
	for (const k of ['body', 'measure', 'scope', 'covers'] as const) if (a.basis[k] !== b.basis[k]) out.push(`basis.${k}`);
	return out;
}

function pointKey(r: DataRecord): string {
	return `${r.series}|${r.period.year}|${r.period.months}`;
}

function periodText(r: DataRecord): string {
	return `${r.period.year} ${r.period.months}`;
}

function formatIssues(fileName: string, json: unknown, issues: readonly Issue[], items: Items): string[] {
	return dedupe(issues.flatMap((issue) => formatIssue(fileName, json, issue, items)));
}

function formatIssue(fileName: string, json: unknown, issue: Issue, items: Items): string[] {
	let path = issue.path.map(String);
	let prefix = fileName;
	if (path[0] === items.key && path.length >= 2 && /^\d+$/.test(path[1])) {
		const index = Number(path[1]);
		const id = itemId(json, items, index);
		prefix += `: ${items.label} ${index}${id ? ` (${id})` : ''}`;
		path = path.slice(2);
	}
	// Unknown keys: name each key as the field, so the message points at the typo itself.
	if (issue.code === 'unrecognized_keys')
		return issue.keys.map((k) => `${prefix}: field "${[...path, k].join('.')}": unknown key (not in the schema)`);
	const field = path.length ? `: field "${path.join('.')}"` : '';
	const missing = issue.code === 'invalid_type' && issue.message.endsWith('received undefined');
	const message = missing ? `missing (required; expected ${issue.expected})` : issue.message;
	return [`${prefix}${field}: ${message}`];
}

function itemId(json: unknown, items: Items, index: number): string | undefined {
	if (!isObject(json)) return undefined;
	const list = json[items.key];
	if (!Array.isArray(list)) return undefined;
	const item: unknown = list[index];
	if (!isObject(item)) return undefined;
	const id = item[items.idKey];
	return typeof id === 'string' && id ? id : undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function fail(errors: string[]): { ok: false; errors: string[] } {
	return { ok: false, errors };
}

function dedupe(xs: string[]): string[] {
	return [...new Set(xs)];
}
