// Which basis a series and a variable are counted on, and whether a fit may compare them. CAAM
// counts makers' shipments with exports included, CPCA counts cars sold in China, and the two
// differ by several points on the same share; a fit that compared a variable with data of the
// other basis would fit the gap between the bases, not the market. So a variable that states its
// basis (FormulaCell.basis) is compared only with series of that basis, and a series whose basis
// is unknown is refused for it with a message. This module is light (the page reads a series'
// basis with it); which basis each variable states needs the parser: variableBases.ts.

import { w, type ScreenWordKey } from '../i18n/screenWords';
import { MEASURE_BASES, type HistoryLink, type MeasureBasis } from './types';

/** What each basis counts, as messages (worded by basisWords). */
const BASIS_WORD_KEYS: Readonly<Record<MeasureBasis, ScreenWordKey>> = {
	retail: 'screen_engine_basis_retail',
	wholesale: 'screen_engine_basis_wholesale',
	exports: 'screen_engine_basis_exports'
};

/** What a basis counts, in the page's words ("cars sold in China (retail, as CPCA counts)"). */
export const basisWords = (basis: MeasureBasis): string => w(BASIS_WORD_KEYS[basis]);

/** A series' basis: one the model knows, or the words its data gave (undefined: none given). */
export type SeriesBasis = MeasureBasis | { unknown: string | undefined };

/** The basis named by a person's words ("CPCA retail", "wholesale incl. exports", "exports"); undefined when none is. */
export function basisFromText(text: string | undefined): MeasureBasis | undefined {
	// Words about exports that qualify another basis ("wholesale incl. exports", "retail,
	// excluding exports") are not the exports basis: strip them before looking.
	const t = (text ?? '').toLowerCase().replace(/\b(?:incl(?:uding|\.)?|excl(?:uding|\.)?|with|without|less|plus)\s+exports?\b/g, ' ');
	if (/retail|sold in china|registrations?/.test(t)) return 'retail';
	if (/wholesale|shipment/.test(t)) return 'wholesale';
	if (/export/.test(t)) return 'exports';
	return undefined;
}

/** True for one of the bases the model knows. */
export const isMeasureBasis = (b: unknown): b is MeasureBasis => MEASURE_BASES.includes(b as MeasureBasis);

/**
 * Why `pair` may not be fitted, or undefined when it may: the variable states a basis and the
 * series is of another, or of none the model knows. `seriesBasis` gives each series' basis.
 */
export function basisProblem(bases: Map<string, MeasureBasis>, pair: HistoryLink, seriesBasis: (id: string) => SeriesBasis | undefined): string | undefined {
	const wanted = bases.get(pair.variable);
	if (!wanted) return undefined;
	const given = seriesBasis(pair.series);
	if (given === undefined || typeof given === 'object') {
		const words = typeof given === 'object' && given.unknown ? w('screen_engine_basis_unknown', { basis: given.unknown }) : w('screen_engine_basis_none');
		return w('screen_engine_basis_not_fitted', { series: pair.series, given: words, variable: pair.variable, wanted: basisWords(wanted) });
	}
	if (given !== wanted) {
		return w('screen_engine_basis_not_compared', { series: pair.series, given: basisWords(given), variable: pair.variable, wanted: basisWords(wanted) });
	}
	return undefined;
}
