// Band coverage (src/lib/sim/analysis/bandCalibration.ts): how many actuals fall inside the 5-95% bands of
// a Monte Carlo result, and how wide the bands are, on a hand-made result and data.
import { describe, expect, it } from 'vitest';
import { bandCoverage, totalInside, type PairCoverage } from '../src/lib/sim/analysis/bandCalibration';
import type { Bands, DataTable, HistoryLink, MonteCarloResult } from '../src/lib/sim/types';

/** Bands from p5 and p95 per year; the inner quantiles and mean are put between them (never read). */
function bands(p5: number[], p95: number[]): Bands {
	const mid = p5.map((lo, i) => (lo + p95[i]) / 2);
	return { p5, p25: mid, p50: mid, p75: mid, p95, mean: mid };
}

const RESULT: MonteCarloResult = {
	years: [2019, 2020, 2021, 2022, 2023],
	samples: 1000,
	seed: 1,
	bands: {
		share: bands([0.1, 0.2, 0.3, 0.4, 0.5], [0.2, 0.3, 0.4, 0.5, 0.6]),
		volume: bands([10, 11, 12, 13, 14], [12, 14, 16, 18, 20])
	},
	uncertainInputs: ['a'],
	elapsedMs: 5
};

const DATA: DataTable = {
	// 2019 inside, 2020 on the lower edge, 2021 above, 2022 missing, 2023 below; 2018 and 2024 outside the result's years.
	share_obs: { 2018: 0.05, 2019: 0.15, 2020: 0.2, 2021: 0.45, 2023: 0.49, 2024: 0.55 },
	// 2019 on the upper edge, 2020 inside, 2021 NaN, 2022 inside, 2023 far outside.
	volume_obs: { 2019: 12, 2020: 11.5, 2021: NaN, 2022: 13, 2023: 30 },
	empty: {}
};

const PAIRS: HistoryLink[] = [
	{ variable: 'share', series: 'share_obs', noise: 0.01 },
	{ variable: 'volume', series: 'volume_obs' }
];

describe('bandCoverage', () => {
	const coverage = bandCoverage(RESULT, PAIRS, DATA, 2015, 2030);

	it('gives one entry per pair, in order, with the pair as given', () => {
		expect(coverage.map((c) => c.pair)).toEqual(PAIRS);
		expect(coverage[0].pair).toBe(PAIRS[0]);
	});

	it('lists each year with an actual and a band, with the 5-95% band and whether the actual is inside (edges count as inside)', () => {
		expect(coverage[0].years).toEqual([
			{ year: 2019, actual: 0.15, low: 0.1, high: 0.2, inside: true },
			{ year: 2020, actual: 0.2, low: 0.2, high: 0.3, inside: true },
			{ year: 2021, actual: 0.45, low: 0.3, high: 0.4, inside: false },
			{ year: 2023, actual: 0.49, low: 0.5, high: 0.6, inside: false }
		]);
		expect(coverage[1].years).toEqual([
			{ year: 2019, actual: 12, low: 10, high: 12, inside: true },
			{ year: 2020, actual: 11.5, low: 11, high: 14, inside: true },
			{ year: 2022, actual: 13, low: 13, high: 18, inside: true },
			{ year: 2023, actual: 30, low: 14, high: 20, inside: false }
		]);
	});

	it('counts the actuals inside', () => {
		expect(coverage.map((c) => c.inside)).toEqual([2, 3]);
	});

	it('gives the mean width of the band over the compared years only', () => {
		// share: every band is 0.1 wide; volume: 2, 3, 5 and 6 wide in 2019, 2020, 2022 and 2023 (2021 has no actual).
		expect(coverage[0].meanWidth).toBeCloseTo(0.1, 12);
		expect(coverage[1].meanWidth).toBe((2 + 3 + 5 + 6) / 4);
	});

	it('skips years outside fromYear..toYear', () => {
		const narrow = bandCoverage(RESULT, PAIRS, DATA, 2020, 2021);
		expect(narrow[0].years.map((y) => y.year)).toEqual([2020, 2021]);
		expect(narrow[0].inside).toBe(1);
		expect(narrow[1].years.map((y) => y.year)).toEqual([2020]);
		expect(narrow[1].meanWidth).toBe(3);
		expect(bandCoverage(RESULT, PAIRS, DATA, 2023, 2019).every((c) => c.years.length === 0)).toBe(true);
	});

	it('skips years without an actual: missing, NaN, infinite, not a number, or a series that does not exist', () => {
		const data: DataTable = { odd: { 2019: Infinity, 2020: -Infinity, 2021: '0.35' as unknown as number, 2022: 0.45 } };
		const [odd, missing, empty] = bandCoverage(
			RESULT,
			[
				{ variable: 'share', series: 'odd' },
				{ variable: 'share', series: 'no_such_series' },
				{ variable: 'share', series: 'empty' }
			],
			{ ...DATA, ...data },
			2019,
			2023
		);
		expect(odd.years).toEqual([{ year: 2022, actual: 0.45, low: 0.4, high: 0.5, inside: true }]);
		expect(odd.inside).toBe(1);
		expect(odd.meanWidth).toBeCloseTo(0.1, 12);
		for (const c of [missing, empty]) {
			expect(c.years).toEqual([]);
			expect(c.inside).toBe(0);
			expect(c.meanWidth).toBeNaN();
		}
	});

	it('skips years without a band: a variable with no bands, and years the result does not cover', () => {
		const [noBands] = bandCoverage(RESULT, [{ variable: 'unsummarised', series: 'share_obs' }], DATA, 2015, 2030);
		expect(noBands.years).toEqual([]);
		expect(noBands.inside).toBe(0);
		expect(noBands.meanWidth).toBeNaN();
		// A result over 2021-2022 only: the actuals of the other years are not compared.
		const short: MonteCarloResult = { ...RESULT, years: [2021, 2022], bands: { share: bands([0.3, 0.4], [0.5, 0.5]) } };
		const [c] = bandCoverage(short, [PAIRS[0]], DATA, 2015, 2030);
		expect(c.years).toEqual([{ year: 2021, actual: 0.45, low: 0.3, high: 0.5, inside: true }]);
		expect(c.inside).toBe(1);
		expect(c.meanWidth).toBeCloseTo(0.2, 12);
	});

	it('finds each year by its place in the result’s years, not by its offset from the first', () => {
		const shuffled: MonteCarloResult = { ...RESULT, years: [2023, 2019], bands: { share: bands([0.45, 0.1], [0.5, 0.12]) } };
		const [c] = bandCoverage(shuffled, [PAIRS[0]], DATA, 2015, 2030);
		expect(c.years).toEqual([
			{ year: 2019, actual: 0.15, low: 0.1, high: 0.12, inside: false },
			{ year: 2023, actual: 0.49, low: 0.45, high: 0.5, inside: true }
		]);
	});

	it('is empty for no pairs and does not change its arguments', () => {
		expect(bandCoverage(RESULT, [], DATA, 2019, 2023)).toEqual([]);
		const before = structuredClone({ RESULT, PAIRS, DATA });
		bandCoverage(RESULT, PAIRS, DATA, 2015, 2030);
		expect({ RESULT, PAIRS, DATA }).toEqual(before);
	});
});

describe('totalInside', () => {
	it('adds up every pair’s actuals inside and compared', () => {
		expect(totalInside(bandCoverage(RESULT, PAIRS, DATA, 2015, 2030))).toEqual({ inside: 5, count: 8 });
		expect(totalInside(bandCoverage(RESULT, PAIRS, DATA, 2020, 2021))).toEqual({ inside: 2, count: 3 });
	});

	it('counts a pair with no compared years as nothing, and no pairs as zero of zero', () => {
		const coverage = bandCoverage(RESULT, [...PAIRS, { variable: 'share', series: 'empty' }], DATA, 2015, 2030);
		expect(totalInside(coverage)).toEqual({ inside: 5, count: 8 });
		expect(totalInside([])).toEqual({ inside: 0, count: 0 });
	});

	it('reads only the counts and the years compared', () => {
		const made: PairCoverage[] = [
			{ pair: PAIRS[0], years: [{ year: 2019, actual: 1, low: 0, high: 2, inside: true }], inside: 1, meanWidth: 2 },
			{
				pair: PAIRS[1],
				years: [
					{ year: 2019, actual: 5, low: 0, high: 2, inside: false },
					{ year: 2020, actual: 1, low: 0, high: 2, inside: true }
				],
				inside: 1,
				meanWidth: 2
			}
		];
		expect(totalInside(made)).toEqual({ inside: 2, count: 3 });
	});
});
