// Scenario links: the format, frozen links of every released version (they must keep opening),
// hostile links (each must open something valid and say what it ignored), the compressor's
// limits, and the migration chain.
import { describe, expect, it } from 'vitest';
import { chinaMarketNotebook } from '../src/lib/notebooks/chinaMarket';
import { chinaMarketNotebookV1 } from '../src/lib/notebooks/frozen/chinaMarketV1';
import { chinaMarketNotebookV2 } from '../src/lib/notebooks/frozen/chinaMarketV2';
import {
	LINK_LIMITS,
	MAX_NOTICES,
	ScenarioTooLargeError,
	decodeScenario,
	encodeScenario,
	notebookDiff,
	type DecodedScenario
} from '../src/lib/scenario/codec';
import {
	CorruptDataError,
	InflatedTooLargeError,
	base64urlToBytes,
	bytesToBase64url,
	deflateToBase64url,
	inflateFromBase64url
} from '../src/lib/scenario/compression';
import { migrateDocument, oldestKnownVersion, type Migration } from '../src/lib/scenario/migrations';
import { checkNotebook } from '../src/lib/scenario/notebookSchema';
import type { WorkingDocument } from '../src/lib/state/autosave';
import type { Cell, InputCell, Notebook } from '../src/lib/sim/types';
import { MAX_HORIZON, MIN_HORIZON } from '../src/lib/worker/protocol';
import linksV1 from './fixtures/links-v1.json';
import linksV2 from './fixtures/links-v2.json';
import linksV3 from './fixtures/links-v3.json';
import { hostileLinks } from './fixtures/hostile-links';

const published = chinaMarketNotebook;
const cell = (id: string) => published.cells.find((c) => c.id === id)!;
const doc = (inputs: Record<string, number> = {}, horizon = published.horizon, notebook: Notebook = published): WorkingDocument => ({ notebook, inputs, horizon });

/** JSON with sorted keys: equal documents compare equal whatever order zod wrote their keys in. */
function canonical(value: unknown): string {
	return JSON.stringify(value, (_k, v: unknown) =>
		v !== null && typeof v === 'object' && !Array.isArray(v)
			? Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]))
			: v
	);
}

/** What holds for every decoded link, whatever it carried. Returns the problems found. */
function invariantProblems(decoded: DecodedScenario): string[] {
	const problems: string[] = [];
	const { document, notices } = decoded;
	const check = checkNotebook(document.notebook);
	if (!check.ok) problems.push(`notebook invalid: ${check.problems.join('; ')}`);
	const inputs = new Map(document.notebook.cells.filter((c): c is InputCell => c.kind === 'input').map((c) => [c.name, c]));
	const proto = Object.getPrototypeOf(document.inputs);
	if (proto !== Object.prototype && proto !== null) problems.push('inputs has an odd prototype');
	for (const [name, value] of Object.entries(document.inputs)) {
		const input = inputs.get(name);
		if (!input) problems.push(`input ${name} is not in the notebook`);
		else if (typeof value !== 'number' || !Number.isFinite(value)) problems.push(`input ${name} is ${value}`);
		else if (value < input.min || value > input.max) problems.push(`input ${name}=${value} outside ${input.min}..${input.max}`);
		else if (value === input.default) problems.push(`input ${name} equals its default`);
	}
	if (!Number.isInteger(document.horizon) || document.horizon < MIN_HORIZON || document.horizon > MAX_HORIZON) problems.push(`horizon ${document.horizon}`);
	if (!Array.isArray(notices) || notices.some((n) => typeof n !== 'string' || n.length === 0 || n.length > 1200)) problems.push('bad notices');
	if (notices.length > MAX_NOTICES) problems.push(`${notices.length} notices`);
	return problems;
}

function expectNotices(notices: string[], substrings: string[]) {
	for (const s of substrings) expect(notices.some((n) => n.includes(s)), `no notice contains ${JSON.stringify(s)} in ${JSON.stringify(notices)}`).toBe(true);
}

// ---------------------------------------------------------------------------------------------

describe('encodeScenario: the format', () => {
	it('writes only the version for the default scenario', async () => {
		expect(await encodeScenario(doc(), published)).toBe('v=3');
	});

	it('writes the example from the design: horizon first, then inputs', async () => {
		expect(await encodeScenario(doc({ localisationJapanese: 0.9, localisationGerman: 0 }, 2040), published)).toBe('v=3&horizon=2040&localisationJapanese=0.9&localisationGerman=0');
	});

	it('lists inputs in notebook cell order, whatever order the document holds them in', async () => {
		const query = await encodeScenario(doc({ marketGrowth: 0.02, shakeout: 0.1, localisationGerman: 0.5, localisationJapanese: 0.6 }), published);
		expect(query).toBe('v=3&localisationJapanese=0.6&localisationGerman=0.5&shakeout=0.1&marketGrowth=0.02');
	});

	it('leaves out inputs at their default, names the notebook does not have, and non-finite values', async () => {
		// 0.4 is localisationJapanese's default; localisation is a lever of versions 1 and 2 only.
		const query = await encodeScenario(doc({ localisationJapanese: 0.4, localisation: 0.6, stale: 4, shakeout: Number.NaN, nevCeiling: 0.91 }), published);
		expect(query).toBe('v=3&nevCeiling=0.91');
	});

	it('writes the shortest exact form of each value, escaping what a query would misread', async () => {
		const values = { localisationJapanese: 0.1 + 0.2, germanPull: -1e-7, nevShareStart: 0.056776000000001 };
		const query = await encodeScenario(doc(values), published);
		expect(query).toBe('v=3&localisationJapanese=0.30000000000000004&nevShareStart=0.056776000000001&germanPull=-1e-7');
		const decoded = await decodeScenario(query, published);
		expect(decoded.document.inputs).toEqual(values);
		expect(decoded.notices).toEqual([]);
	});

	it('escapes the + of an exponent (a bare + reads back as a space)', async () => {
		const wide: Notebook = { ...published, cells: published.cells.map((c) => (c.id === 'in-shakeout' ? { ...c, max: 1e30 } : c)) };
		const query = await encodeScenario(doc({ shakeout: 1e21 }, published.horizon, wide), published);
		expect(query).toContain('shakeout=1e%2B21');
		expect((await decodeScenario(query, published)).document.inputs.shakeout).toBe(1e21);
	});

	it('adds nb only when the notebook differs, as a diff holding only the changed cells', async () => {
		const copy: Notebook = JSON.parse(JSON.stringify(published));
		expect(await encodeScenario(doc({}, published.horizon, copy), published)).toBe('v=3');
		// Key order of a cell does not count as an edit.
		const reordered: Notebook = { ...published, cells: published.cells.map((c) => Object.fromEntries(Object.entries(c).reverse()) as Cell) };
		expect(await encodeScenario(doc({}, published.horizon, reordered), published)).toBe('v=3');

		const edited: Notebook = { ...published, cells: published.cells.map((c) => (c.id === 'f-nevShare' ? { ...c, formula: 'nevShare = 0.5' } : c)) };
		const diff = notebookDiff(edited, published)!;
		expect(diff.order).toEqual(published.cells.map((c) => c.id));
		expect(Object.keys(diff.cells)).toEqual(['f-nevShare']);
		expect(diff.title).toBeUndefined();
		const query = await encodeScenario(doc({ localisationJapanese: 0.6 }, 2040, edited), published);
		expect(query).toMatch(/^v=3&horizon=2040&localisationJapanese=0\.6&nb=[A-Za-z0-9_-]+$/);
	});

	it('refuses (with a specific error) a notebook too big to travel', async () => {
		// Incompressible text in many markdown cells.
		let seed = 1;
		const noise = (n: number) =>
			Array.from({ length: n }, () => {
				seed = (seed * 48271) % 2147483647;
				return String.fromCharCode(33 + (seed % 90));
			}).join('');
		const cells: Cell[] = Array.from({ length: 10 }, (_, i) => ({ id: `big-${i}`, kind: 'markdown', text: noise(12_000) }));
		const big: Notebook = { ...published, cells: [...published.cells, ...cells] };
		await expect(encodeScenario(doc({}, published.horizon, big), published)).rejects.toBeInstanceOf(ScenarioTooLargeError);
	});
});

describe('decodeScenario: ordinary links', () => {
	it('opens the default document with no notices for an empty query', async () => {
		for (const query of ['', '?', '&&', '?&']) {
			const decoded = await decodeScenario(query, published);
			expect(decoded.fromLink).toBe(false);
			expect(decoded.notices).toEqual([]);
			expect(decoded.document).toEqual({ notebook: published, inputs: {}, horizon: published.horizon });
		}
	});

	it('gives a copy of the published notebook, never the object itself', async () => {
		const decoded = await decodeScenario('v=3', published);
		expect(decoded.fromLink).toBe(true);
		expect(decoded.document.notebook).not.toBe(published);
		(decoded.document.notebook.cells[0] as { text: string }).text = 'mutated';
		expect((published.cells[0] as { text: string }).text).not.toBe('mutated');
	});

	it('reads the README example', async () => {
		const decoded = await decodeScenario('v=3&horizon=2040&localisationJapanese=0.9&localisationGerman=0', published);
		expect(decoded.document.notebook.version).toBe(3);
		expect(decoded.document.inputs).toEqual({ localisationJapanese: 0.9, localisationGerman: 0 });
		expect(decoded.document.horizon).toBe(2040);
		expect(decoded.notices).toEqual([]);
	});

	it('says what it changed, in the documented sentences', async () => {
		const decoded = await decodeScenario('v=3&foo=1&localisationJapanese=7&shakeout=abc&horizon=2100&nevCeiling=NaN&safetyValue=0.2&safetyValue=0.3', published);
		expect(decoded.notices).toEqual([
			'"horizon" 2100 is outside 2030 to 2050; set to 2050.',
			'Ignored "foo": no input of that name.',
			'"localisationJapanese" was 7; set to 1, the top of its range (0 to 1).',
			'Ignored "shakeout": "abc" is not a number.',
			'Ignored "nevCeiling": NaN is not a finite number.',
			'"safetyValue" appears twice; the first value was used.'
		]);
		expect(decoded.document.inputs).toEqual({ localisationJapanese: 1, safetyValue: 0.2 });
		expect(decoded.document.horizon).toBe(2050);
	});

	it('says where a lever of versions 1 and 2 went when a current link names it', async () => {
		const decoded = await decodeScenario('v=3&localisation=0.6&shakeout=0.2', published);
		expect(decoded.document.notebook.version).toBe(3);
		expect(decoded.document.inputs).toEqual({ shakeout: 0.2 });
		expect(decoded.notices).toEqual([
			'Ignored "localisation": no input of that name in version 3; it was a lever of versions 1 and 2; version 3 has one per foreign origin ("localisationJapanese", "localisationGerman", "localisationUS", "localisationOther"), and "Open with the current model" moves an old link\'s value to all four.'
		]);
	});
});

describe('decodeScenario: links of version 2 and the levers of version 3', () => {
	it('opens a version-2 link naming a lever of version 3 under version 2, and says whose lever it is', async () => {
		const decoded = await decodeScenario('v=2&localisationJapanese=0.5', published);
		expect(decoded.document.notebook.version).toBe(2);
		expect(canonical(decoded.document.notebook)).toBe(canonical(chinaMarketNotebookV2));
		expect(decoded.document.inputs).toEqual({});
		expect(decoded.notices).toEqual(['Ignored "localisationJapanese": version 2 of the notebook has no such input; it is a lever of version 3.']);
		expect(invariantProblems(decoded)).toEqual([]);
	});

	it('opens a version-2 link with its own localisation lever under version 2, unchanged', async () => {
		const decoded = await decodeScenario('v=2&localisation=0.6', published);
		expect(decoded.document.notebook.version).toBe(2);
		expect(canonical(decoded.document.notebook)).toBe(canonical(chinaMarketNotebookV2));
		expect(decoded.document.inputs).toEqual({ localisation: 0.6 });
		expect(decoded.notices).toEqual([]);
		expect(invariantProblems(decoded)).toEqual([]);
	});
});

// Each released version's links open with that version's own published notebook. A link with
// no \`v\`, or a \`v\` above its fixture's version, is read as the current version by design: it
// opens with the current notebook and says so; what it gives was recorded only if its fixture's
// version is the current one.
const fixtureSets = [
	{ fixture: linksV1, notebook: chinaMarketNotebookV1 },
	{ fixture: linksV2, notebook: chinaMarketNotebookV2 },
	{ fixture: linksV3, notebook: chinaMarketNotebook }
];

/** True for a fixture link read as the current version: it names no \`v\`, or one above its fixture's. */
function readAsCurrent(query: string, fixtureVersion: number): boolean {
	const v = new URLSearchParams(query).get('v');
	return v === null || Number(v) > fixtureVersion;
}

it('the last fixture is of the current version', () => {
	expect(fixtureSets.at(-1)!.fixture.version).toBe(published.version);
});

for (const { fixture, notebook: base } of fixtureSets) {
	describe(`links made by version ${fixture.version} (frozen fixtures)`, () => {
		it('holds enough links, three of them with an edited notebook', () => {
			expect(base.version).toBe(fixture.version);
			expect(fixture.links.length).toBeGreaterThanOrEqual(12);
			expect(fixture.links.filter((l) => 'notebook' in l).length).toBeGreaterThanOrEqual(3);
		});

		for (const link of fixture.links) {
			it(`opens: ${link.name}`, async () => {
				const decoded = await decodeScenario(link.query, published);
				expect(invariantProblems(decoded)).toEqual([]);
				expect(decoded.fromLink).toBe(true);
				const asCurrent = readAsCurrent(link.query, fixture.version);
				const opensWith = asCurrent ? published : base;
				expect(decoded.document.notebook.version).toBe(opensWith.version);
				if (asCurrent) expectNotices(decoded.notices, [`version ${published.version}`]);
				// What was recorded holds when the link opens with the version it was recorded with.
				if (!asCurrent || fixture.version === published.version) {
					expect(decoded.document.inputs).toEqual(link.inputs);
					expect(decoded.document.horizon).toBe(link.horizon);
					expect(decoded.notices).toHaveLength(link.notices.length);
					link.notices.forEach((expected, i) => expect(decoded.notices[i]).toContain(expected));
				} else {
					expect(decoded.document.horizon).toBe(link.horizon);
				}

				const edits = (link as { notebook?: { order: string[]; cells: Record<string, Cell>; title?: string } }).notebook;
				const byId = (id: string) => opensWith.cells.find((c) => c.id === id)!;
				const expected: Notebook = edits
					? {
							...opensWith,
							title: edits.title ?? opensWith.title,
							cells: edits.order.map((id) => (Object.hasOwn(edits.cells, id) ? edits.cells[id] : byId(id)))
						}
					: opensWith;
				expect(canonical(decoded.document.notebook)).toBe(canonical(expected));
			});
		}
	});
}

describe('a link keeps the version it was made with', () => {
	it('re-encodes a version-1 document as a version-1 link, edits against version 1', async () => {
		for (const link of linksV1.links) {
			const { document } = await decodeScenario(link.query, published);
			const again = await decodeScenario(await encodeScenario(document, published), published);
			expect(again.document.notebook.version).toBe(1);
			expect(canonical(again.document)).toBe(canonical(document));
		}
		expect(await encodeScenario(doc({ localisation: 0.6 }, 2040, chinaMarketNotebookV1), published)).toBe('v=1&horizon=2040&localisation=0.6');
	});

	it('re-encodes a version-2 document as a version-2 link, edits against version 2', async () => {
		let asVersionTwo = 0;
		for (const link of linksV2.links) {
			const { document } = await decodeScenario(link.query, published);
			if (readAsCurrent(link.query, linksV2.version)) continue;
			asVersionTwo++;
			const again = await decodeScenario(await encodeScenario(document, published), published);
			expect(again.document.notebook.version).toBe(2);
			expect(canonical(again.document)).toBe(canonical(document));
		}
		expect(asVersionTwo).toBeGreaterThanOrEqual(12);
		expect(await encodeScenario(doc({ localisation: 0.6 }, 2040, chinaMarketNotebookV2), published)).toBe('v=2&horizon=2040&localisation=0.6');
	});

	it('opens an unknown future version with the current notebook, and says so', async () => {
		const decoded = await decodeScenario('v=4&localisationJapanese=0.5', published);
		expect(decoded.document.notebook.version).toBe(published.version);
		expect(decoded.document.inputs).toEqual({ localisationJapanese: 0.5 });
		expect(decoded.notices).toEqual([`This link was made by a newer version of the notebook (v4); it was opened with version ${published.version}, so results may differ.`]);
	});

	it('opens a version-1 link whose edited cell would not compile under version 2 (nothing lost)', async () => {
		// Version 2 defines techLeadCeiling itself, so this added cell would define it twice there.
		const mine: Cell = { id: 'f-mine', kind: 'formula', formula: 'techLeadCeiling = techLeadMax * 2' };
		const v1Edited = { ...chinaMarketNotebookV1, cells: [...chinaMarketNotebookV1.cells, mine] };
		const query = await encodeScenario(doc({}, 2035, v1Edited), published);
		expect(query).toMatch(/^v=1&nb=/);
		const decoded = await decodeScenario(query, published);
		expect(decoded.notices).toEqual([]);
		expect(decoded.document.notebook.version).toBe(1);
		expect(decoded.document.notebook.cells.at(-1)).toEqual(mine);
	});

	it('opens a version-2 link whose edited cell would not compile under version 3 (nothing lost)', async () => {
		// Version 3 defines domesticShareCaam itself, so this added cell would define it twice there.
		const mine: Cell = { id: 'f-mine', kind: 'formula', formula: 'domesticShareCaam = domesticShare * 1.05' };
		const v2Edited = { ...chinaMarketNotebookV2, cells: [...chinaMarketNotebookV2.cells, mine] };
		const query = await encodeScenario(doc({ localisation: 0.6 }, 2035, v2Edited), published);
		expect(query).toMatch(/^v=2&localisation=0\.6&nb=/);
		const decoded = await decodeScenario(query, published);
		expect(decoded.notices).toEqual([]);
		expect(decoded.document.notebook.version).toBe(2);
		expect(decoded.document.inputs).toEqual({ localisation: 0.6 });
		expect(decoded.document.notebook.cells.at(-1)).toEqual(mine);
	});
});

describe('hostile links', () => {
	it(`has at least 45 cases (${hostileLinks.length})`, () => {
		expect(hostileLinks.length).toBeGreaterThanOrEqual(45);
		expect(new Set(hostileLinks.map((h) => h.name)).size).toBe(hostileLinks.length);
	});

	const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();
	const arrayProtoBefore = Object.getOwnPropertyNames(Array.prototype).sort();
	const publishedBefore = JSON.stringify(published);

	for (const hostile of hostileLinks) {
		it(hostile.name, async () => {
			const query = typeof hostile.query === 'string' ? hostile.query : await hostile.query();
			const started = performance.now();
			const decoded = await decodeScenario(query, published);
			expect(performance.now() - started).toBeLessThan(3000);

			expect(invariantProblems(decoded)).toEqual([]);
			expect(decoded.fromLink).toBe(true);
			if (hostile.notices) expectNotices(decoded.notices, hostile.notices);
			if (hostile.noticeCount !== undefined) expect(decoded.notices, JSON.stringify(decoded.notices)).toHaveLength(hostile.noticeCount);
			if (hostile.inputs) expect(decoded.document.inputs).toEqual(hostile.inputs);
			if (hostile.horizon !== undefined) expect(decoded.document.horizon).toBe(hostile.horizon);
			if (hostile.edited !== undefined) expect(canonical(decoded.document.notebook) !== canonical(published)).toBe(hostile.edited);
			if (hostile.check) expect(hostile.check(decoded)).toBeNull();
			expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		});
	}

	it('polluted nothing, after every case', () => {
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
		expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore);
		expect(Object.getOwnPropertyNames(Array.prototype).sort()).toEqual(arrayProtoBefore);
		expect(JSON.stringify(published)).toBe(publishedBefore);
	});

	it('never throws, even on input that is not a string', async () => {
		for (const query of [undefined, null, 42, {}] as unknown as string[]) {
			const decoded = await decodeScenario(query, published);
			expect(invariantProblems(decoded)).toEqual([]);
		}
	});
});

describe('compression', () => {
	it('round-trips text, unicode included', async () => {
		for (const text of ['', 'a', 'héllo 🚗 中文', JSON.stringify(published)]) {
			expect(await inflateFromBase64url(await deflateToBase64url(text), 1_000_000)).toBe(text);
		}
	});

	it('writes base64url without padding and reads only that', () => {
		for (let n = 0; n < 70; n++) {
			const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + n * 13) & 255);
			const text = bytesToBase64url(bytes);
			expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
			expect(text).toBe(Buffer.from(bytes).toString('base64url'));
			expect([...base64urlToBytes(text)]).toEqual([...bytes]);
		}
		expect(() => base64urlToBytes('ab=')).toThrow(CorruptDataError);
		expect(() => base64urlToBytes('a+b/')).toThrow(CorruptDataError);
		expect(() => base64urlToBytes('abcde')).toThrow(CorruptDataError);
		expect(() => base64urlToBytes('abé')).toThrow(CorruptDataError);
	});

	it('stops a decompression bomb as soon as it passes the cap', async () => {
		const bomb = await deflateToBase64url('0'.repeat(20_000_000));
		expect(bomb.length).toBeLessThan(30_000);
		const started = performance.now();
		await expect(inflateFromBase64url(bomb, 400_000)).rejects.toBeInstanceOf(InflatedTooLargeError);
		await expect(inflateFromBase64url(bomb, 1000)).rejects.toBeInstanceOf(InflatedTooLargeError);
		expect(performance.now() - started).toBeLessThan(1000);
	});

	it('accepts output of exactly the cap', async () => {
		const packed = await deflateToBase64url('x'.repeat(5000));
		expect(await inflateFromBase64url(packed, 5000)).toHaveLength(5000);
		await expect(inflateFromBase64url(packed, 4999)).rejects.toBeInstanceOf(InflatedTooLargeError);
	});

	it('reports truncated, non-deflate and non-UTF-8 data as corrupt (no hang)', async () => {
		const packed = await deflateToBase64url('hello world, '.repeat(200));
		for (const bad of [packed.slice(0, packed.length >> 1), packed.slice(0, -2), '', '____', 'AAAA']) {
			await expect(inflateFromBase64url(bad, 1_000_000)).rejects.toBeInstanceOf(CorruptDataError);
		}
	});
});

describe('migrations while reading a link (versions with no kept notebook)', () => {
	// Released versions are kept frozen and open as they are; these tests cover the chain that
	// upgrades a version of which no notebook was kept, so they inject no kept versions.
	const noneKept = { released: [], load: async () => undefined };
	// A fake history: version 3 is published; v1 called `localisationJapanese` `gapClosed` and used
	// percent, v2 had `oldKnob` that was later removed.
	const v3: Notebook = { ...published, version: 3 };
	const migrations: Record<number, Migration> = {
		1: (d) => {
			const { gapClosed, ...rest } = d.inputs;
			if (gapClosed === undefined) return { doc: d, notes: [] };
			return { doc: { ...d, inputs: { ...rest, localisationJapanese: gapClosed / 100 } }, notes: ['"gapClosed" (percent) became "localisationJapanese" (share).'] };
		},
		2: (d) => {
			const { oldKnob, ...rest } = d.inputs;
			return { doc: { ...d, inputs: rest }, notes: oldKnob === undefined ? [] : ['"oldKnob" no longer exists and was dropped.'] };
		}
	};

	it('knows the oldest version it can read', () => {
		expect(oldestKnownVersion(1, {})).toBe(1);
		expect(oldestKnownVersion(3, migrations)).toBe(1);
	});

	it('chains every step from the link version up to the current one', async () => {
		const decoded = await decodeScenario('v=1&gapClosed=60&oldKnob=3&shakeout=0.2', v3, { migrations, versions: noneKept });
		expect(decoded.document.inputs).toEqual({ localisationJapanese: 0.6, shakeout: 0.2 });
		expect(decoded.notices).toEqual([
			'This link was made by version 1 of the notebook; it was updated to version 3.',
			'"gapClosed" (percent) became "localisationJapanese" (share).',
			'"oldKnob" no longer exists and was dropped.'
		]);
		expect(invariantProblems(decoded)).toEqual([]);
	});

	it('starts the chain at the link version', async () => {
		const decoded = await decodeScenario('v=2&gapClosed=60&oldKnob=3', v3, { migrations, versions: noneKept });
		expect(decoded.document.inputs).toEqual({});
		expect(decoded.notices).toEqual([
			'This link was made by version 2 of the notebook; it was updated to version 3.',
			'"oldKnob" no longer exists and was dropped.',
			'Ignored "gapClosed": no input of that name.'
		]);
	});

	it('runs no migration for a current link, and checks names at once', async () => {
		const decoded = await decodeScenario('v=3&gapClosed=60', v3, { migrations, versions: noneKept });
		expect(decoded.notices).toEqual(['Ignored "gapClosed": no input of that name.']);
	});

	it('validates what a migration returns', async () => {
		const careless: Record<number, Migration> = { 1: (d) => ({ doc: { ...d, inputs: { ...d.inputs, localisationJapanese: 50 }, horizon: 2099 }, notes: [] }) };
		const decoded = await decodeScenario('v=1', { ...published, version: 2 }, { migrations: careless, versions: noneKept });
		expect(decoded.document.inputs).toEqual({ localisationJapanese: 1 });
		expect(decoded.document.horizon).toBe(2050);
		expect(invariantProblems(decoded)).toEqual([]);
	});

	it('reports a failing or missing step and keeps what it had', async () => {
		const failing: Record<number, Migration> = {
			1: () => {
				throw new Error('boom');
			}
		};
		const decoded = await decodeScenario('v=1&localisationJapanese=0.6', { ...published, version: 2 }, { migrations: failing, versions: noneKept });
		expect(decoded.document.inputs).toEqual({ localisationJapanese: 0.6 });
		expectNotices(decoded.notices, ['failed (boom)']);

		const gap = migrateDocument(doc(), 1, 3, { 1: (d) => ({ doc: d, notes: ['one'] }) });
		expect(gap.notices).toEqual([
			'This link was made by version 1 of the notebook; it was updated to version 3.',
			'one',
			'There is no update from version 2 to 3; the rest of the link was read as it is, so results may differ.'
		]);
	});

	it('reads versions older than the oldest known as current, with a notice', async () => {
		const decoded = await decodeScenario('v=0&localisationJapanese=0.6', v3, { migrations, versions: noneKept });
		expect(decoded.document.inputs).toEqual({ localisationJapanese: 0.6 });
		expectNotices(decoded.notices, ['older than any this site can read (the oldest is 1)']);
	});
});

describe('limits', () => {
	it('are the documented ones', () => {
		expect(LINK_LIMITS).toEqual({ queryChars: 120_000, notebookParamChars: 100_000, inflatedBytes: 400_000 });
	});
});
