// The data's own words in Chinese (data/data.zh.json, server/dataTranslation.ts): every series
// title, forecast publisher and caveat, basis and preset a page can show has its Chinese in a
// Chinese page's table and keeps the English text's years and percentages; every record's note and
// each outlook the files cannot hold has its Chinese, which states every quantity the English does
// (a number as written, or "N million" as N×100 万 or N/100 亿); nothing is translated
// that the data does not have; an English page's table stays empty; and the tooltip lines, legend
// entries and source lines built from them read in Chinese with the Chinese words and table.
import { afterEach, describe, expect, it } from 'vitest';
import zh from '../src/lib/data/data.zh.json';
import { allRecords, events, observationOf, recordFor, seriesIds, seriesMeta } from '../src/lib/data/index';
import { BODIES, MEASURES, SCOPES } from '../src/lib/data/schema';
import { OUTLOOKS_WITHOUT_A_FIGURE, forecastNotes } from '../src/lib/data/outlooks';
import { PRESETS } from '../src/lib/scenario/presets';
import { basisText, dataTexts } from '../src/lib/server/dataTranslation';
import { publishedTexts } from '../src/lib/server/publishedTranslation';
import { screenWords } from '../src/lib/server/screenWords';
import { shown, usePublishedTexts, withShownLabel } from '../src/lib/i18n/publishedTexts';
import { useScreenWords } from '../src/lib/i18n/screenWords';
import { chinaMarketNotebook as published } from '../src/lib/notebooks/chinaMarket';
import { dataFor } from '../src/lib/notebooks/published';
import { chartSourceLine } from '../src/lib/charts/sourceLine';
import { buildChartModel } from '../src/lib/charts/chartModel';
import { seededObservations } from '../src/lib/view/observations';
import { labelsByVariable } from '../src/lib/view/notebookView';
import { outlookPoints } from '../src/lib/view/outlookPoints';
import type { ChartCell } from '../src/lib/sim/types';

const HAN = /\p{Script=Han}/u;
/** Years, percentages and decimals ("1.5"): a translation keeps them all. */
const anchors = (text: string) => [...text.matchAll(/\b(?:19|20)\d\d\b|\d+(?:\.\d+)?%|\b\d+\.\d+\b/g)].map((m) => m[0]);
/** Publishers with no Chinese name of their own: written as they write themselves. */
const KEPT = new Set(['AlixPartners', 'BloombergNEF', 'MarkLines']);

/**
 * The quantities a text states: each number as written (thousands' commas dropped), and where a
 * unit follows ("20.94 million", "10.622 M", "USD 700m", "2,094 万", "7 亿") also its value in units.
 */
function quantities(text: string): { written: number; value?: number }[] {
	const scale: Record<string, number> = { million: 1e6, M: 1e6, m: 1e6, 万: 1e4, 亿: 1e8 };
	return [...text.matchAll(/(\d[\d,]*(?:\.\d+)?)(?:\s*(million\b|M\b|m\b|万|亿))?/g)].map(([, digits, unit]) => {
		const written = Number(digits.replace(/,/g, ''));
		return { written, value: unit ? written * scale[unit] : undefined };
	});
}
const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
/** The English quantities the Chinese does not state (as written, or the same value in 万 or 亿). */
function quantitiesLost(english: string, chinese: string): string[] {
	const stated = quantities(chinese).flatMap((q) => (q.value === undefined ? [q.written] : [q.written, q.value]));
	return quantities(english)
		.filter((q) => !stated.some((n) => same(n, q.written) || (q.value !== undefined && same(n, q.value))))
		.map((q) => String(q.written));
}

const forecastSeries = [...new Set(allRecords.filter((r) => r.kind === 'forecast').map((r) => r.series))];

/** Every English text of the data and presets a page can show, with what it is. */
function shownTexts(): Map<string, string> {
	const texts = new Map<string, string>();
	for (const id of seriesIds) texts.set(seriesMeta(id)!.label, `series ${id}`);
	for (const r of allRecords) {
		texts.set(basisText(r.basis), `basis of ${r.series}`);
		if (r.kind !== 'forecast') continue;
		if (r.basis.covers) texts.set(r.basis.covers, `what ${r.series} counts`);
		const by = observationOf(r.series).by!;
		if (!KEPT.has(by)) texts.set(by, `publisher of ${r.series}`);
	}
	for (const body of new Set(allRecords.map((r) => r.basis.body))) if (!KEPT.has(body)) texts.set(body, `publisher ${body}`);
	for (const p of PRESETS) texts.set(p.name, `name of ${p.id}`).set(p.description, `description of ${p.id}`);
	return texts;
}

function inChinese() {
	useScreenWords(() => screenWords('zh'));
	usePublishedTexts(() => publishedTexts(published, 'zh'));
}

describe('the data in Chinese', () => {
	afterEach(() => {
		useScreenWords(() => screenWords('en'));
		usePublishedTexts(() => undefined);
	});

	it('gives a Chinese page every series title, publisher, basis and preset, in Chinese with the English figures', () => {
		const table = publishedTexts(published, 'zh');
		for (const [english, what] of shownTexts()) {
			const chinese = table[english];
			expect(chinese, what).toBeTruthy();
			expect(HAN.test(chinese), `${what}: ${chinese}`).toBe(true);
			for (const anchor of anchors(english)) expect(chinese, `${what} keeps ${anchor}`).toContain(anchor);
		}
		// Names with no Chinese form stay as written, in the titles too.
		expect(table[seriesMeta('german_carmakers_shipments_marklines')!.label]).toContain('MarkLines');
		expect(table['AlixPartners; basis not stated']).toBe('AlixPartners（口径未说明）');
		expect(table['State Council; a target, all vehicles']).toBe('国务院（政策目标，全部车型）');
	});

	it('translates only what the data has, and every publisher, measure and scope it may use', () => {
		expect(Object.keys(zh.series).sort()).toEqual([...seriesIds].sort());
		expect(Object.keys(zh.presets).sort()).toEqual(PRESETS.map((p) => p.id).sort());
		expect(Object.keys(zh.covers).sort()).toEqual(forecastSeries.filter((s) => allRecords.some((r) => r.series === s && r.basis.covers)).sort());
		// A series' records count one thing: its Chinese is by series.
		for (const id of Object.keys(zh.covers)) expect(new Set(allRecords.filter((r) => r.series === id).map((r) => r.basis.covers)).size, id).toBe(1);
		expect(Object.keys(zh.bodies).sort()).toEqual([...BODIES].sort());
		expect(Object.keys(zh.measures).sort()).toEqual([...MEASURES].sort());
		expect(Object.keys(zh.scopes).sort()).toEqual([...SCOPES].sort());
		for (const [english, chinese] of Object.entries(zh.bodies)) expect(KEPT.has(english) ? chinese === english : HAN.test(chinese), english).toBe(true);
	});

	it('gives a Chinese page every record’s note, in Chinese, with every quantity the English states', () => {
		const table = publishedTexts(published, 'zh');
		const notes = new Set(allRecords.flatMap((r) => (r.note ? [r.note] : [])));
		expect(notes.size).toBeGreaterThanOrEqual(71);
		expect(Object.keys(zh.notes).sort()).toEqual([...notes].sort());
		for (const note of notes) {
			const chinese = table[note];
			expect(chinese, note).toBeTruthy();
			expect(HAN.test(chinese), `${note}: ${chinese}`).toBe(true);
			expect(quantitiesLost(note, chinese), `${note} -> ${chinese}`).toEqual([]);
		}
		// The stated growth of CAAM's 2026 forecasts, which the Method page's outlooks list shows.
		expect(table['+15.2% on 2025.']).toBe('较 2025 年增长 15.2%。');
		expect(table['+0.5% on 2025.']).toBe('较 2025 年增长 0.5%。');
		// Volumes quoted in prose are in 万辆, as CAAM writes them.
		expect(table['16.49 million NEVs of 34.40 million vehicles (BEV 10.622 M, PHEV 5.861 M, fuel cell about 8,000).']).toContain('1,649 万辆');
	});

	it('gives a Chinese page what the outlooks with no figure say, on what basis and why they are not drawn', () => {
		const table = publishedTexts(published, 'zh');
		expect(Object.keys(zh.outlooksWithoutAFigure).sort()).toEqual(OUTLOOKS_WITHOUT_A_FIGURE.map((o) => `${o.publisher} ${o.issued}`).sort());
		for (const o of OUTLOOKS_WITHOUT_A_FIGURE)
			for (const english of [o.says, o.basis, o.why]) {
				const chinese = table[english];
				expect(chinese, english).toBeTruthy();
				expect(HAN.test(chinese), english).toBe(true);
				expect(quantitiesLost(english, chinese), `${english} -> ${chinese}`).toEqual([]);
			}
		// The citation stays as cited.
		for (const o of OUTLOOKS_WITHOUT_A_FIGURE) expect(table[o.source]).toBeUndefined();
	});

	it('gives a Chinese page every event on the time axis, in Chinese with its figures; its citation stays as cited', () => {
		const table = publishedTexts(published, 'zh');
		expect(Object.keys(zh.events).sort()).toEqual(events.map((e) => e.id).sort());
		for (const e of events) {
			expect(HAN.test(table[e.label] ?? ''), e.label).toBe(true);
			expect(quantitiesLost(e.label, table[e.label]), e.label).toEqual([]);
			expect(table[e.source]).toBeUndefined();
		}
	});

	it('checks quantities, not only digits', () => {
		expect(quantitiesLost('20.94 million of 30.10 million', '3,010 万辆中 2,094 万辆')).toEqual([]);
		expect(quantitiesLost('USD 700 million; 260,000', '7 亿美元；26 万辆')).toEqual([]);
		expect(quantitiesLost('20.94 million, +4.3%', '2,049 万辆，4.3%')).toEqual(['20.94']);
	});

	it('gives an English page nothing', () => {
		expect(dataTexts('en')).toEqual({});
		expect(dataTexts('fr')).toEqual({});
		expect(publishedTexts(published, 'en')).toEqual({});
	});

	it('shows a preset’s name in Chinese (a reference line’s too), and a person’s own as written', () => {
		inChinese();
		expect(shown('Baseline')).toBe('基准情景');
		expect(withShownLabel({ run: null, label: 'Foreign localisation push' })?.label).toBe(zh.presets['preset-localisation-push'].name);
		expect(shown('My own scenario')).toBe('My own scenario');
		// The notebook's texts and the data's never share an English text (so neither hides the other).
		const data = dataTexts('zh');
		const all = publishedTexts(published, 'zh');
		for (const english of Object.keys(data)) expect(all[english], english).toBe(data[english]);
	});

	it('writes a forecast’s tooltip lines in Chinese, each short enough for a tooltip', () => {
		const record = recordFor('nev_share_all_vehicles_forecast_caam', 2026)!;
		const english = forecastNotes(record);
		expect(english[0]).toBe('Forecast by CAAM, issued Jan 2026: not an actual (never fitted)');
		expect(english).toContain('Says: 54.7% in 2026');
		inChinese();
		const chinese = forecastNotes(record);
		expect(chinese[0]).toBe('中汽协预测，发布于 2026 年 1 月：并非实际值（从未用于拟合）');
		expect(chinese).toContain('原文表述：54.7%（2026 年）');
		expect(chinese.join('')).toContain('口径：各类新能源汽车占全部新车的比例');
		const columns = (line: string) => [...line].reduce((n, c) => n + (HAN.test(c) || c > '\u3000' ? 2 : 1), 0);
		for (const line of chinese) expect(columns(line), line).toBeLessThanOrEqual(92);
		const target = forecastNotes(recordFor('nev_share_target_state_council', 2027)!);
		expect(target[0]).toMatch(/^国务院设定的目标（2024 年 1 月）：政策目标/);
		expect(forecastNotes(recordFor('nev_share_outlook_iea', 2030)!)).toContain('原文表述：约 80%（2030 年）');
		expect(forecastNotes(recordFor('vehicle_exports_forecast_caam', 2026)!)).toContain('原文表述：740 万辆（2026 年）');
	});

	it('draws the legends, tooltips and source lines of the published charts in Chinese, and again in English after the switch', () => {
		const charts = published.cells.filter((c): c is ChartCell => c.kind === 'chart');
		const observations = seededObservations(dataFor(published));
		const englishLines = charts.map((c) => chartSourceLine(c, published));
		expect(englishLines).toContain(`Data: CAAM, CPCA, China customs. Projection: Shiftcast, China market model v${published.version}.`);
		const withForecast = charts.find((c) => c.showHistory && c.history.some((h) => observationOf(h.series).kind === 'forecast'))!;
		const forecastOf = (c: ChartCell) => buildChartModel(c, null, null, observations, labelsByVariable(published), 2035).series.filter((s) => s.observation === 'forecast');
		const englishNotes = forecastOf(withForecast).flatMap((s) => s.notes!.flat());
		expect(englishNotes.some((n) => n.startsWith('Forecast by'))).toBe(true);

		inChinese();
		for (const cell of charts) {
			const line = chartSourceLine(cell, published);
			expect(line, cell.id).toMatch(/^(数据：.+。)?预测：Shiftcast，中国车市模型 v\d+。$/);
			expect(line.replace(/AlixPartners|BloombergNEF|MarkLines|Shiftcast/g, ''), cell.id).not.toMatch(/[A-Za-z]{2,}/);
		}
		const series = forecastOf(withForecast);
		for (const s of series) expect(s.label, s.key).toMatch(/机构预测：/);
		for (const s of series) expect(s.label.replace(/AlixPartners|BloombergNEF/g, ''), s.key).not.toMatch(/[A-Za-z]{3,}/);
		// Notes are made once per language: the cache follows the switch.
		expect(series.flatMap((s) => s.notes!.flat()).some((n) => n.startsWith('Forecast by'))).toBe(false);
		expect(observations.labelOf('domestic_share_retail_cpca')).toBe(zh.series.domestic_share_retail_cpca);
		// The outlooks the matcher lists: the series' title and the year.
		expect(outlookPoints(published, observations, 2025).map((p) => p.label)).toContain(`${zh.series.nev_share_all_vehicles_forecast_caam}，2026 年`);

		useScreenWords(() => screenWords('en'));
		usePublishedTexts(() => undefined);
		expect(forecastOf(withForecast).flatMap((s) => s.notes!.flat())).toEqual(englishNotes);
		expect(charts.map((c) => chartSourceLine(c, published))).toEqual(englishLines);
	});
});
