// Build time: the data's own words in the page's language, for the same table as the published
// notebook's texts (publishedTranslation.ts). The data files and the presets stay English (a
// series' title, a forecast's basis, a preset's name are the same in every link and saved copy);
// a Chinese page gets, beside the notebook's texts, each of these English texts with its
// Chinese: the series' titles (fit and back-test captions, outlook lists), the publishers and
// the caveats chart legends name (`observationOf(...).by`), what a forecast counts (its tooltip's
// basis line), each record's body, measure and scope, each record's note (the Method page's
// tables, keyed by the English note), the outlooks the data files cannot hold (data/outlooks.ts,
// OUTLOOKS_WITHOUT_A_FIGURE, by publisher and month) and the presets' names and descriptions.
// Sources stay as cited: they name publications a reader may look up.
// The Chinese lives in data/data.zh.json, by series id, publisher, word and preset id; only this
// server module reads it, so it costs a page no JavaScript. tests/data-zh.test.ts checks that
// every text a page can show has its Chinese and keeps the English text's figures.

import zh from '../data/data.zh.json';
import { allRecords, events, observationOf, seriesIds, seriesMeta } from '../data/index';
import { OUTLOOKS_WITHOUT_A_FIGURE } from '../data/outlooks';
import type { Basis } from '../data/schema';
import { PRESETS } from '../scenario/presets';

export interface DataTranslation {
	/** A series' title, by series id. */
	series: Record<string, string>;
	/** A publisher as it writes its own name (AlixPartners, BloombergNEF and MarkLines have none but their own). */
	bodies: Record<string, string>;
	measures: Record<string, string>;
	scopes: Record<string, string>;
	/** What a chart legend adds after a forecast's publisher (data/index.ts, observationOf). */
	caveats: Record<string, string>;
	/** What a forecast counts (its records' `basis.covers`), by series id. */
	covers: Record<string, string>;
	presets: Record<string, { name: string; description: string }>;
	/** A record's note, by its English text ("+15.2% on 2025."). */
	notes: Record<string, string>;
	/** An outlook with no figure the files can hold, by `${publisher} ${issued}` ("CPCA Jan 2026"). */
	outlooksWithoutAFigure: Record<string, { says: string; basis: string; why: string }>;
	/** An event's label (data/events.json), by event id. */
	events: Record<string, string>;
}

const TRANSLATIONS: Record<string, DataTranslation> = { zh };

export function dataTranslationFor(locale: string): DataTranslation | undefined {
	return TRANSLATIONS[locale];
}

/** "CAAM, wholesale, all vehicles": a point's basis line where the record says no more (view/observations.ts). */
export const basisText = (b: Pick<Basis, 'body' | 'measure' | 'scope'>): string => `${b.body}, ${b.measure}, ${b.scope}`;

/** Each English text of the data and presets a page shows, to its translation in `locale` (empty for English). */
export function dataTexts(locale: string): Record<string, string> {
	const t = dataTranslationFor(locale);
	const table: Record<string, string> = {};
	if (!t) return table;
	const add = (english: string | undefined, translated: string | undefined) => {
		if (english && translated && english !== translated) table[english] = translated;
	};
	for (const id of seriesIds) add(seriesMeta(id)?.label, t.series[id]);
	for (const [body, name] of Object.entries(t.bodies)) add(body, name);
	for (const r of allRecords) {
		add(r.note, t.notes[r.note ?? '']);
		const { body, measure, scope, covers } = r.basis;
		add(basisText(r.basis), [t.bodies[body], t.measures[measure], t.scopes[scope]].every(Boolean) ? `${t.bodies[body]}，${t.measures[measure]}，${t.scopes[scope]}` : undefined);
		if (r.kind !== 'forecast') continue;
		add(covers, t.covers[r.series]);
		// The legend's publisher with its caveats: "CAAM; all vehicles" -> "中汽协（全部车型）".
		const by = observationOf(r.series).by;
		const [, caveats] = by?.split('; ') ?? [];
		const words = caveats?.split(', ').map((c) => t.caveats[c]);
		add(by, caveats ? (words!.every(Boolean) ? `${t.bodies[body]}（${words!.join('，')}）` : undefined) : t.bodies[body]);
	}
	for (const o of OUTLOOKS_WITHOUT_A_FIGURE) {
		const words = t.outlooksWithoutAFigure[`${o.publisher} ${o.issued}`];
		add(o.says, words?.says);
		add(o.basis, words?.basis);
		add(o.why, words?.why);
	}
	for (const e of events) add(e.label, t.events[e.id]);
	for (const preset of PRESETS) {
		add(preset.name, t.presets[preset.id]?.name);
		add(preset.description, t.presets[preset.id]?.description);
	}
	return table;
}
