// Export utilities: CSV (RFC 4180, formula-injection safe, full precision), scenario JSON, and
// the small browser helpers (download, chart to PNG) against stand-in DOM objects.
import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { resultsToCsv, csvText, csvNumber } from '../src/lib/export/csv';
import { scenarioToJson, SCENARIO_FORMAT } from '../src/lib/export/scenario';
import { downloadText, downloadDataUrl } from '../src/lib/export/download';
import { canvasToPng } from '../src/lib/export/image';
import { WorkingDocumentSchema, type WorkingDocument } from '../src/lib/state/autosave';
import { chinaMarketNotebook } from '../src/lib/notebooks/chinaMarket';
import type { Bands, RunResult } from '../src/lib/sim/types';

/** A strict RFC 4180 reader: records separated by CRLF, fields optionally quoted. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let i = 0;
	let quoted = false;
	while (i < text.length) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				field += '"';
				i += 2;
			} else if (c === '"') {
				quoted = false;
				i++;
			} else {
				field += c;
				i++;
			}
		} else if (c === '"' && field === '') {
			quoted = true;
			i++;
		} else if (c === ',') {
			row.push(field);
			field = '';
			i++;
		} else if (c === '\r' && text[i + 1] === '\n') {
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
			i += 2;
		} else {
			if (c === '"' || c === '\r' || c === '\n') throw new Error(`bare ${JSON.stringify(c)} at ${i}`);
			field += c;
			i++;
		}
	}
	if (quoted) throw new Error('unterminated quote');
	if (field !== '' || row.length) rows.push([...row, field]);
	return rows;
}

const run = (years: number[], series: Record<string, number[]>): RunResult => ({ years, series, errors: [] });
const bands = (base: number[]): Bands => ({
	p5: base.map((v) => v - 0.2),
	p25: base.map((v) => v - 0.1),
	p50: base,
	p75: base.map((v) => v + 0.1),
	p95: base.map((v) => v + 0.2),
	mean: base
});

describe('resultsToCsv', () => {
	it('writes one row per scenario per year, with scenario, year and each variable', () => {
		const csv = resultsToCsv(
			[
				{ scenario: 'Baseline', result: run([2024, 2025], { a: [1, 2], b: [0.5, 0.25], c: [9, 9] }) },
				{ scenario: 'Fast', result: run([2024, 2025], { a: [3, 4], b: [0.75, 0.125], c: [9, 9] }) }
			],
			['a', 'b']
		);
		expect(csv).toBe('scenario,year,a,b\r\nBaseline,2024,1,0.5\r\nBaseline,2025,2,0.25\r\nFast,2024,3,0.75\r\nFast,2025,4,0.125\r\n');
		expect(parseCsv(csv)).toHaveLength(5);
	});

	it('uses labels for headers when given, and keeps the variable order asked for', () => {
		const labels = new Map([['nevShare', 'NEV share, of sales']]);
		const csv = resultsToCsv([{ scenario: 's', result: run([2030], { nevShare: [0.6], other: [1] }) }], ['other', 'nevShare'], labels);
		expect(parseCsv(csv)[0]).toEqual(['scenario', 'year', 'other', 'NEV share, of sales']);
		expect(csv.split('\r\n')[0]).toBe('scenario,year,other,"NEV share, of sales"');
	});

	it('adds the five percentile columns for each variable that has bands, and only those', () => {
		const csv = resultsToCsv(
			[
				{ scenario: 'MC', result: run([2030, 2031], { x: [1, 2], y: [5, 6] }), bands: { x: bands([1, 2]) } },
				{ scenario: 'Plain', result: run([2030], { x: [7], y: [8] }) }
			],
			['x', 'y']
		);
		const rows = parseCsv(csv);
		expect(rows[0]).toEqual(['scenario', 'year', 'x', 'x_p5', 'x_p25', 'x_p50', 'x_p75', 'x_p95', 'y']);
		expect(rows[1]).toEqual(['MC', '2030', '1', '0.8', '0.9', '1', '1.1', '1.2', '5']);
		expect(rows[2].slice(0, 8)).toEqual(['MC', '2031', '2', '1.8', '1.9', '2', '2.1', '2.2']);
		// A scenario without bands has empty band cells but the same number of columns.
		expect(rows[3]).toEqual(['Plain', '2030', '7', '', '', '', '', '', '8']);
		expect(new Set(rows.map((r) => r.length))).toEqual(new Set([9]));
	});

	it('quotes commas, quotes and line breaks (RFC 4180) and reads back exactly', () => {
		const names = ['a,b', 'say "hi"', 'two\nlines', 'cr\rlf\r\n', 'plain', ''];
		const csv = resultsToCsv(
			names.map((scenario) => ({ scenario, result: run([2030], { v: [1] }) })),
			['v']
		);
		expect(csv).toContain('"say ""hi"""');
		expect(csv).toContain('"two\nlines"');
		expect(parseCsv(csv).slice(1).map((r) => r[0])).toEqual(names);
	});

	it('defuses text that a spreadsheet would run as a formula; numbers stay numbers', () => {
		const evil = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\tTAB', '\rCR', '=cmd|\' /C calc\'!A0'];
		const csv = resultsToCsv(
			evil.map((scenario) => ({ scenario, result: run([2030], { v: [-0.5] }) })),
			['v'],
			new Map([['v', '=label']])
		);
		const rows = parseCsv(csv);
		expect(rows[0][2]).toBe("'=label");
		rows.slice(1).forEach((r, i) => {
			expect(r[0]).toBe(`'${evil[i]}`);
			expect(r[2]).toBe('-0.5'); // a negative number is a number, not a formula
		});
		// Text that merely contains those characters later on is left alone.
		expect(csvText('a=b')).toBe('a=b');
		expect(csvText('x-1')).toBe('x-1');
	});

	it('writes numbers at full precision, never locale-formatted, and leaves non-finite cells empty', () => {
		const values = [0.1 + 0.2, 1234567.891, 1e-7, -3.14159265358979, 12345678901234567890, 0, -0, NaN, Infinity];
		const csv = resultsToCsv([{ scenario: 's', result: run(values.map((_, i) => 2000 + i), { v: values }) }], ['v']);
		const cells = parseCsv(csv)
			.slice(1)
			.map((r) => r[2]);
		expect(cells).toEqual(['0.30000000000000004', '1234567.891', '1e-7', '-3.14159265358979', '12345678901234567000', '0', '0', '', '']);
		cells.slice(0, 7).forEach((c, i) => expect(Number(c)).toBe(values[i] === 0 ? 0 : values[i]));
		expect(csv).not.toMatch(/\d,\d{3},/); // no thousands separators
	});

	it('a missing variable gives empty cells, not "undefined"', () => {
		const csv = resultsToCsv([{ scenario: 's', result: run([2030], { a: [1] }) }], ['a', 'missing']);
		expect(csv).toBe('scenario,year,a,missing\r\ns,2030,1,\r\n');
	});

	it('any text survives the round trip (after the formula guard) and never breaks the column count', () => {
		fc.assert(
			fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 30 }), { minLength: 1, maxLength: 5 }), (names) => {
				const csv = resultsToCsv(
					names.map((scenario) => ({ scenario, result: run([2030], { v: [1] }) })),
					['v']
				);
				const rows = parseCsv(csv);
				expect(rows).toHaveLength(names.length + 1);
				rows.slice(1).forEach((r, i) => {
					expect(r).toHaveLength(3);
					const expected = /^[=+\-@\t\r]/.test(names[i]) ? `'${names[i]}` : names[i];
					expect(r[0]).toBe(expected);
				});
			})
		);
	});

	it('csvNumber handles missing values', () => {
		expect(csvNumber(undefined)).toBe('');
		expect(csvNumber(null)).toBe('');
		expect(csvNumber(42)).toBe('42');
	});
});

describe('scenarioToJson', () => {
	const doc: WorkingDocument = { notebook: chinaMarketNotebook, inputs: { localisation: 0.6 }, horizon: 2035 };

	it('writes pretty JSON with format and version, the name, and the document', () => {
		const json = scenarioToJson(doc, '  Fast localisation ', new Date('2025-01-02T03:04:05Z'));
		expect(json.endsWith('}\n')).toBe(true);
		expect(json.split('\n')[1]).toBe('  "format": "shiftcast-scenario",');
		const parsed = JSON.parse(json);
		expect(parsed).toMatchObject({ format: SCENARIO_FORMAT, version: 1, name: 'Fast localisation', exportedAt: '2025-01-02T03:04:05.000Z', horizon: 2035 });
		expect(parsed.inputs).toEqual({ localisation: 0.6 });
		// The document part validates as a working document again.
		const { notebook, inputs, horizon } = parsed;
		expect(WorkingDocumentSchema.safeParse({ notebook, inputs, horizon }).success).toBe(true);
		expect(notebook).toEqual(JSON.parse(JSON.stringify(chinaMarketNotebook)));
	});

	it('omits an empty name and anything extra riding on the document', () => {
		const parsed = JSON.parse(scenarioToJson({ ...doc, secret: 'x' } as WorkingDocument, '   '));
		expect('name' in parsed).toBe(false);
		expect('secret' in parsed).toBe(false);
		expect(Object.keys(parsed)).toEqual(['format', 'version', 'exportedAt', 'notebook', 'inputs', 'horizon']);
	});
});

describe('browser helpers (stand-in DOM)', () => {
	afterEach(() => {
		vi.unstubAllGlobals();
		vi.useRealTimers();
	});

	function fakeDocument() {
		const clicked: { href: string; download: string; attached: boolean }[] = [];
		const body = {
			children: [] as unknown[],
			append(el: unknown) {
				this.children.push(el);
			}
		};
		const document = {
			body,
			createElement(tag: string) {
				expect(tag).toBe('a');
				const el = {
					href: '',
					download: '',
					rel: '',
					hidden: false,
					click() {
						clicked.push({ href: el.href, download: el.download, attached: body.children.includes(el) });
					},
					remove() {
						body.children.splice(body.children.indexOf(el), 1);
					}
				};
				return el;
			}
		};
		return { document, body, clicked };
	}

	it('downloadText clicks a temporary link to an object URL, then cleans up', async () => {
		vi.useFakeTimers();
		const { document, body, clicked } = fakeDocument();
		const blobs: Blob[] = [];
		const revoked: string[] = [];
		vi.stubGlobal('document', document);
		vi.stubGlobal('URL', {
			createObjectURL: (b: Blob) => {
				blobs.push(b);
				return 'blob:fake/1';
			},
			revokeObjectURL: (u: string) => revoked.push(u)
		});
		downloadText('results.csv', 'a,b\r\n', 'text/csv;charset=utf-8');
		expect(clicked).toEqual([{ href: 'blob:fake/1', download: 'results.csv', attached: true }]);
		expect(body.children).toHaveLength(0);
		expect(blobs[0].type).toBe('text/csv;charset=utf-8');
		expect(await blobs[0].text()).toBe('a,b\r\n');
		expect(revoked).toEqual([]);
		vi.runAllTimers();
		expect(revoked).toEqual(['blob:fake/1']);
	});

	it('downloadDataUrl saves a data: URL and refuses anything else', () => {
		const { document, clicked } = fakeDocument();
		vi.stubGlobal('document', document);
		downloadDataUrl('chart.png', 'data:image/png;base64,AAAA');
		expect(clicked).toEqual([{ href: 'data:image/png;base64,AAAA', download: 'chart.png', attached: true }]);
		expect(() => downloadDataUrl('x.png', 'javascript:alert(1)')).toThrow();
		expect(clicked).toHaveLength(1);
	});

	it('canvasToPng paints the background first, then the chart, on a copy of the same size', () => {
		const calls: string[] = [];
		const ctx = {
			fillStyle: '',
			fillRect: (...a: number[]) => calls.push(`fillRect ${ctx.fillStyle} ${a.join(' ')}`),
			drawImage: (src: unknown, x: number, y: number) => calls.push(`drawImage ${src === source ? 'source' : 'other'} ${x} ${y}`)
		};
		const copy = { width: 0, height: 0, getContext: (k: string) => (k === '2d' ? ctx : null), toDataURL: (t: string) => `data:${t};base64,COPY` };
		const source = {
			width: 640,
			height: 320,
			ownerDocument: { createElement: (tag: string) => (tag === 'canvas' ? copy : null) },
			toDataURL: () => {
				throw new Error('the original canvas must not be exported as is');
			}
		};
		const url = canvasToPng(source as unknown as HTMLCanvasElement, '#ffffff');
		expect(url).toBe('data:image/png;base64,COPY');
		expect(copy).toMatchObject({ width: 640, height: 320 });
		expect(calls).toEqual(['fillRect #ffffff 0 0 640 320', 'drawImage source 0 0']);
	});
});
