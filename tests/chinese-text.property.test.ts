// Chinese text a person writes (issue 25): in their own cells, data and names it round-trips byte
// for byte through a link, a saved-scenarios file, a scenario file read by the command line and a
// data table's CSV. Text from the whole CJK range (with extension B, outside the BMP), Chinese
// punctuation and the odd Latin letter, digit, space or newline, as people mix them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chinaMarketNotebook as published } from '../src/lib/notebooks/chinaMarket';
import { decodeScenario, encodeScenario } from '../src/lib/scenario/codec';
import { exportLibrary, importLibrary } from '../src/lib/scenario/libraryFile';
import { scenarioToJson } from '../src/lib/export/scenario';
import { dataRowsToCsv } from '../src/lib/export/csv';
import { importTable } from '../src/lib/data/importTable';
import { openScenarioText } from '../src/node/open';
import type { WorkingDocument } from '../src/lib/state/autosave';
import type { DataRow, InputCell } from '../src/lib/sim/types';

const character = fc.oneof(
	{ weight: 6, arbitrary: fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCodePoint(c)) },
	{ weight: 1, arbitrary: fc.integer({ min: 0x20000, max: 0x2a6df }).map((c) => String.fromCodePoint(c)) },
	{ weight: 2, arbitrary: fc.constantFrom('，', '。', '：', '；', '、', '（', '）', '“', '”', '《', '》', '—', '…', '％', '万辆', '个百分点') },
	{ weight: 1, arbitrary: fc.constantFrom('a', 'Z', '1', '0', '.', '%', ' ', '-', '"', ',', '\n') }
);
/** Chinese text; `trimmed`: no space at either end (names are stored trimmed, by design). */
const chinese = (maxLength: number, trimmed = false) =>
	fc
		.array(character, { minLength: 1, maxLength })
		.map((parts) => parts.join(''))
		.map((text) => (trimmed ? text.trim() : text))
		.filter((text) => text.length > 0);

const japanese = published.cells.find((c): c is InputCell => c.kind === 'input' && c.name === 'localisationJapanese')!;

/** A document whose own words are all Chinese: title, a lever's label, a text cell, a data cell. */
const documentArb = fc
	.record({ title: chinese(60), label: chinese(40), text: chinese(300), dataTitle: chinese(30), source: chinese(40), note: chinese(60) })
	.map(({ title, label, text, dataTitle, source, note }): WorkingDocument => {
		const rows: DataRow[] = [{ series: 'my_nev', period: '2025', value: 0.5, unit: 'share', source, note }];
		const cells = published.cells.map((c) => (c === japanese ? { ...japanese, label } : c));
		return {
			notebook: { ...published, title, cells: [...cells, { id: 'md-mine', kind: 'markdown', text }, { id: 'data-mine', kind: 'data', title: dataTitle, rows }] },
			inputs: { shakeout: 0.2 },
			horizon: published.horizon
		};
	});

describe('Chinese text a person writes, byte for byte', () => {
	it('through a link', async () => {
		await fc.assert(
			fc.asyncProperty(documentArb, async (doc) => {
				const decoded = await decodeScenario(await encodeScenario(doc, published), published);
				expect(decoded.notices).toEqual([]);
				expect(decoded.document).toEqual(doc);
			}),
			{ numRuns: 40 }
		);
	});

	it('through a saved-scenarios file (its name and its document)', async () => {
		fc.assert(
			fc.property(documentArb, chinese(100, true), chinese(200), (doc, name, description) => {
				const saved = { id: 'mine-1', name, description, savedAt: '2026-12-07T02:00:00.000Z', document: doc };
				const outcome = importLibrary([], exportLibrary([saved]));
				expect(outcome.problems).toEqual([]);
				expect(outcome.scenarios).toEqual([saved]);
			}),
			{ numRuns: 40 }
		);
	});

	it('through a scenario file read by the command line', async () => {
		await fc.assert(
			fc.asyncProperty(documentArb, chinese(100, true), async (doc, name) => {
				const opened = await openScenarioText(scenarioToJson(doc, name));
				expect(opened.notices).toEqual([]);
				expect(opened.name).toBe(name);
				expect(opened.document).toEqual(doc);
			}),
			{ numRuns: 25 }
		);
	});

	it("through a data table's CSV, downloaded and read back", () => {
		const context = { isSeeded: () => false, broughtElsewhere: () => undefined, seriesElsewhere: 0 };
		fc.assert(
			fc.property(chinese(120, true), chinese(200, true), (source, note) => {
				const rows: DataRow[] = [{ series: 'my_nev', period: '2025', value: 0.5, unit: 'share', source, note }];
				const read = importTable(dataRowsToCsv(rows), context);
				expect(read.problems).toEqual([]);
				expect(read.rows).toEqual(rows);
			}),
			{ numRuns: 100 }
		);
	});
});
