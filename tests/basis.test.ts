// Bases of measurement (src/lib/sim/basis.ts, src/lib/notebooks/published.ts seriesBasisFor):
// which basis a person's words name, which basis each variable states, why a pair of a variable
// and a series may not be fitted, and the basis of every series a notebook can read.
import { describe, expect, it } from 'vitest';
import { CALIBRATION_PAIRS, chinaMarketNotebook } from '../src/lib/notebooks/chinaMarket';
import { seriesBasisFor } from '../src/lib/notebooks/published';
import { basisWords, basisFromText, basisProblem, isMeasureBasis, type SeriesBasis } from '../src/lib/sim/basis';
import { variableBases } from '../src/lib/sim/variableBases';
import type { Cell, DataCell, DataRow, HistoryLink, MeasureBasis, Notebook } from '../src/lib/sim/types';
import { MEASURE_BASES } from '../src/lib/sim/types';

describe('basisFromText', () => {
	it('reads retail from CPCA retail, registrations and "sold in China"', () => {
		for (const text of ['CPCA retail', 'retail', 'CPCA retail, passenger cars', 'RETAIL sales', 'insurance registrations', 'registration data', 'cars sold in China']) {
			expect(basisFromText(text), text).toBe('retail');
		}
	});

	it('reads wholesale from wholesale and shipments, exports included or not', () => {
		for (const text of ['wholesale', 'CAAM wholesale', 'shipments', "makers' shipment figures", 'wholesale incl. exports', 'shipments including exports', 'wholesale with exports', 'Wholesale, exports included']) {
			expect(basisFromText(text), text).toBe('wholesale');
		}
	});

	it('reads exports from exports (and export) alone', () => {
		for (const text of ['exports', 'Exports', 'CAAM exports', 'passenger car exports', 'export volumes', 'customs export count']) {
			expect(basisFromText(text), text).toBe('exports');
		}
	});

	it('gives undefined for words naming no basis, an empty text and no text', () => {
		for (const text of ['foo', 'CAAM', 'production', 'sales', '', '   ', undefined]) expect(basisFromText(text), String(text)).toBeUndefined();
	});
});

describe('isMeasureBasis', () => {
	it('is true for the three bases only', () => {
		for (const b of MEASURE_BASES) expect(isMeasureBasis(b)).toBe(true);
		expect(MEASURE_BASES).toEqual(['retail', 'wholesale', 'exports']);
		for (const b of ['other', 'forecast', 'Retail', '', undefined, null, 1, { unknown: 'retail' }]) expect(isMeasureBasis(b)).toBe(false);
	});
});

const formula = (id: string, text: string, basis?: MeasureBasis): Cell => (basis ? { id, kind: 'formula', formula: text, basis } : { id, kind: 'formula', formula: text });

describe('variableBases', () => {
	it('maps each formula that states a basis to it, by the name it defines', () => {
		const bases = variableBases({
			cells: [
				{ id: 'md', kind: 'markdown', text: 'retail' },
				{ id: 'in-a', kind: 'input', name: 'a', label: 'a', unit: '', min: 0, max: 1, step: 0.1, default: 0.5, description: '', control: 'slider' },
				formula('f-r', 'r = a', 'retail'),
				formula('f-w', 'w = 2 * a', 'wholesale'),
				formula('f-e', '  ex=a / 2', 'exports'),
				formula('f-none', 'none = a')
			]
		});
		expect([...bases.entries()]).toEqual([
			['r', 'retail'],
			['w', 'wholesale'],
			['ex', 'exports']
		]);
	});

	it('skips a formula that does not parse (or defines a reserved name), and is empty for a notebook without bases', () => {
		expect([...variableBases({ cells: [formula('f-bad', 'bad = 1 +', 'retail'), formula('f-e', 'e = 1', 'exports'), formula('f-ok', 'ok = 1', 'wholesale')] })]).toEqual([['ok', 'wholesale']]);
		expect(variableBases({ cells: [formula('f', 'x = 1'), { id: 'md', kind: 'markdown', text: '' }] }).size).toBe(0);
		expect(variableBases({ cells: [] }).size).toBe(0);
	});

	it('reads the bases the published notebook states', () => {
		const bases = variableBases(chinaMarketNotebook);
		expect(bases.get('nevShare')).toBe('retail');
		expect(bases.get('domesticShare')).toBe('retail');
		expect(bases.get('germanShare')).toBe('retail');
		expect(bases.get('domesticShareCaam')).toBe('wholesale');
		expect(bases.get('passengerWholesale')).toBe('wholesale');
		expect(bases.get('passengerExports')).toBe('exports');
		expect(bases.get('foreignShareOfExports')).toBe('exports');
		// Volumes at home and intermediate figures state none.
		expect(bases.has('homeSales')).toBe(false);
		expect(bases.has('choiceNev')).toBe(false);
		// Every variable the calibration fits states one.
		for (const { variable } of CALIBRATION_PAIRS) expect(bases.has(variable), variable).toBe(true);
	});
});

describe('basisProblem', () => {
	const bases = new Map<string, MeasureBasis>([
		['r', 'retail'],
		['w', 'wholesale'],
		['e', 'exports']
	]);
	const table: Record<string, SeriesBasis> = {
		s_retail: 'retail',
		s_wholesale: 'wholesale',
		s_exports: 'exports',
		s_foo: { unknown: 'foo bar' },
		s_none: { unknown: undefined },
		s_empty: { unknown: '' }
	};
	const basisOf = (id: string) => table[id];
	const problem = (variable: string, series: string) => basisProblem(bases, { variable, series }, basisOf);

	it('lets a series of the variable’s own basis through', () => {
		expect(problem('r', 's_retail')).toBeUndefined();
		expect(problem('w', 's_wholesale')).toBeUndefined();
		expect(problem('e', 's_exports')).toBeUndefined();
	});

	it('checks nothing for a variable that states no basis, whatever the series', () => {
		for (const series of Object.keys(table).concat('s_unheard_of')) expect(problem('plain', series), series).toBeUndefined();
	});

	it('refuses a series of another basis, naming the series, the variable and both bases', () => {
		for (const [variable, wanted] of bases) {
			for (const given of MEASURE_BASES) {
				const message = problem(variable, `s_${given}`);
				if (given === wanted) {
					expect(message).toBeUndefined();
					continue;
				}
				expect(message).toBe(
					`The series "s_${given}" counts ${basisWords(given)} and "${variable}" counts ${basisWords(wanted)}: the two are not compared. Fit it to a variable of its own basis.`
				);
			}
		}
	});

	it('refuses a series of an unknown basis, quoting its words', () => {
		const message = problem('r', 's_foo')!;
		expect(message).toContain('"s_foo"');
		expect(message).toContain('a basis the model does not know ("foo bar")');
		expect(message).toContain(`"r" counts ${basisWords('retail')}`);
		expect(message).toMatch(/retail, wholesale or exports/);
	});

	it('refuses a series of no basis (no words, empty words, or none known at all)', () => {
		for (const series of ['s_none', 's_empty', 's_unheard_of']) {
			const message = problem('w', series)!;
			expect(message, series).toBe(
				`The series "${series}" gives no basis, and "w" counts ${basisWords('wholesale')}: it is not fitted to it. Give the series' basis as retail, wholesale or exports (for example "CPCA retail").`
			);
		}
	});

	it('reads only the pair’s variable and series, not its noise', () => {
		const pair: HistoryLink = { variable: 'r', series: 's_wholesale', noise: 0.01 };
		expect(basisProblem(bases, pair, basisOf)).toBe(problem('r', 's_wholesale'));
	});
});

describe('seriesBasisFor', () => {
	it('gives the seeded series of the published notebook their measure', () => {
		const basisOf = seriesBasisFor(chinaMarketNotebook);
		expect(basisOf('domestic_share_caam')).toBe('wholesale');
		expect(basisOf('domestic_share_retail_cpca')).toBe('retail');
		expect(basisOf('passenger_exports_caam')).toBe('exports');
		expect(basisOf('nev_share_passenger_retail_cpca')).toBe('retail');
		expect(basisOf('german_share_marklines')).toBe('wholesale');
		expect(basisOf('passenger_exports_cpca')).toBe('exports');
	});

	it('gives a seeded series of another measure its body and measure as unknown words, and an unknown id nothing', () => {
		const basisOf = seriesBasisFor(chinaMarketNotebook);
		expect(basisOf('nev_share_cars_iea')).toEqual({ unknown: 'IEA other' });
		expect(basisOf('nev_share_all_vehicles_forecast_caam')).toEqual({ unknown: 'CAAM forecast' });
		expect(basisOf('no_such_series')).toBeUndefined();
	});

	it('gives every calibration series of the published notebook the basis of its variable', () => {
		const basisOf = seriesBasisFor(chinaMarketNotebook);
		const bases = variableBases(chinaMarketNotebook);
		for (const pair of CALIBRATION_PAIRS) {
			expect(basisOf(pair.series), pair.series).toBe(bases.get(pair.variable));
			expect(basisProblem(bases, pair, basisOf), pair.series).toBeUndefined();
		}
		// And a series of the other body is refused for the same variable.
		expect(basisProblem(bases, { variable: 'domesticShare', series: 'domestic_share_caam' }, basisOf)).toMatch(
			/"domestic_share_caam" counts makers' shipments .*"domesticShare" counts cars sold in China/
		);
	});

	describe('on a notebook with a data cell', () => {
		const row = (series: string, period: string, basis?: string): DataRow => ({ series, period, value: 0.5, unit: 'share', ...(basis === undefined ? {} : { basis }) });
		const cell: DataCell = {
			id: 'data-1',
			kind: 'data',
			title: 'My data',
			rows: [
				row('my_retail', '2024', 'CPCA retail'),
				row('my_retail', '2025', 'CPCA retail'),
				row('my_foo', '2025', 'foo'),
				row('my_plain', '2025'),
				row('my_blank', '2025', '   '),
				row('my_mixed', '2024', 'CPCA retail'),
				row('my_mixed', '2025', 'wholesale'),
				row('my_alike', '2024', 'CPCA retail'),
				row('my_alike', '2025', 'retail registrations'),
				row('my_partly', '2024', 'shipments'),
				row('my_partly', '2025'),
				row('my_exports', '2025-01..2025-06', 'exports'),
				row('my_two_unknowns', '2024', 'foo'),
				row('my_two_unknowns', '2025', 'bar'),
				// A seeded id is refused by the data cell: the seeded series keeps its basis.
				row('domestic_share_caam', '2025', 'CPCA retail')
			]
		};
		const notebook: Notebook = { ...chinaMarketNotebook, cells: [...chinaMarketNotebook.cells, cell] };
		const basisOf = seriesBasisFor(notebook);

		it('reads a brought series’ basis from its rows’ words', () => {
			expect(basisOf('my_retail')).toBe('retail');
			expect(basisOf('my_alike')).toBe('retail');
			expect(basisOf('my_exports')).toBe('exports');
			// Rows that give no basis do not count against those that do.
			expect(basisOf('my_partly')).toBe('wholesale');
		});

		it('gives unknown words back, and unknown undefined when no row gives any', () => {
			expect(basisOf('my_foo')).toEqual({ unknown: 'foo' });
			expect(basisOf('my_two_unknowns')).toEqual({ unknown: 'foo; bar' });
			expect(basisOf('my_plain')).toEqual({ unknown: undefined });
			expect(basisOf('my_blank')).toEqual({ unknown: undefined });
		});

		it('gives rows of two bases back as unknown, with both words', () => {
			expect(basisOf('my_mixed')).toEqual({ unknown: 'CPCA retail; wholesale' });
		});

		it('keeps the seeded series’ bases', () => {
			expect(basisOf('domestic_share_caam')).toBe('wholesale');
			expect(basisOf('domestic_share_retail_cpca')).toBe('retail');
			expect(basisOf('passenger_exports_caam')).toBe('exports');
			expect(basisOf('no_such_series')).toBeUndefined();
		});

		it('feeds basisProblem: a brought series is refused for a variable of another or no known basis', () => {
			const bases = variableBases(notebook);
			expect(basisProblem(bases, { variable: 'domesticShare', series: 'my_retail' }, basisOf)).toBeUndefined();
			expect(basisProblem(bases, { variable: 'domesticShareCaam', series: 'my_retail' }, basisOf)).toContain(basisWords('retail'));
			expect(basisProblem(bases, { variable: 'domesticShare', series: 'my_foo' }, basisOf)).toContain('("foo")');
			expect(basisProblem(bases, { variable: 'domesticShare', series: 'my_plain' }, basisOf)).toContain('gives no basis');
			expect(basisProblem(bases, { variable: 'homeSales', series: 'my_plain' }, basisOf)).toBeUndefined();
		});
	});
});
