// The data half of the registry of published versions (published.ts): which seeded data a
// notebook reads (its version's: frozen for an old one), what its data cells bring, and each
// series' basis. Apart from the notebooks themselves, so the engine workers, which are sent the
// notebook and need only its data, do not bundle the published notebook's text (about 11 kB
// gzip); an old version's data reaches them through provideFrozenData.
import { observedSeries, seriesMeta } from '../data/index';
import { basisFromText, isMeasureBasis, type SeriesBasis } from '../sim/basis';
import { broughtData, type BroughtData } from '../data/brought';
import type { DataTable, Notebook } from '../sim/types';
import { CHINA_MARKET_VERSION } from './currentVersion';

/** The data of old versions, by version, once loaded or provided. */
const frozenData = new Map<number, DataTable>();

/** Makes an old version's data readable without loading its notebook (the engine worker does). */
export function provideFrozenData(version: number, data: DataTable): void {
	frozenData.set(version, data);
}

/** The seeded data a notebook's version reads: frozen for an old version (once loaded or provided), else the current data. */
function seededDataFor(notebook: Pick<Notebook, 'version'>): DataTable {
	return (notebook.version !== CHINA_MARKET_VERSION && frozenData.get(notebook.version)) || observedSeries;
}

/** True for an id of the seeded data, in this version or the current one: no data cell may bring it. */
const isSeeded = (seeded: DataTable) => (id: string) => Object.hasOwn(seeded, id) || Object.hasOwn(observedSeries, id);

/** True when `id` names a seeded series `notebook` can read (so no data cell of it may bring it). */
export function isSeededId(notebook: Pick<Notebook, 'version'>, id: string): boolean {
	return isSeeded(seededDataFor(notebook))(id);
}

/** The series `notebook`'s data cells bring (with what each cell had refused). */
export function broughtFor(notebook: Notebook): BroughtData {
	return broughtData(notebook, isSeeded(seededDataFor(notebook)));
}

const merged = new WeakMap<object, DataTable>();

/**
 * The data a notebook's formulas and charts read: its version's seeded data, and the series its
 * data cells bring (never in place of a seeded one). `periods: 'annual'` leaves out a brought
 * series' months and part years: what fit cells compare unless they say otherwise.
 */
export function dataFor(notebook: Pick<Notebook, 'version'> & Partial<Notebook>, periods: 'all' | 'annual' = 'all'): DataTable {
	const seeded = seededDataFor(notebook);
	if (!notebook.cells?.some((c) => c.kind === 'data')) return seeded;
	const brought = broughtFor(notebook as Notebook);
	const table = periods === 'annual' ? brought.annualTable : brought.table;
	let out = merged.get(table);
	if (!out) merged.set(table, (out = { ...table, ...seeded }));
	return out;
}

/**
 * The basis each series a notebook can read is counted on: a seeded series' measure (retail,
 * wholesale, exports), a brought one's from the words of its rows' basis column ("CPCA retail").
 * A series whose basis is none of these gives its words back, so a fit can say what it got.
 */
export function seriesBasisFor(notebook: Notebook): (id: string) => SeriesBasis | undefined {
	const brought = notebook.cells.some((c) => c.kind === 'data') ? broughtFor(notebook).series : undefined;
	return (id) => {
		const own = brought?.get(id);
		if (own) {
			const words = [...new Set(own.points.map((p) => p.basis?.trim()).filter((b): b is string => !!b))];
			const found = [...new Set(words.map(basisFromText))];
			if (words.length && found.length === 1 && found[0]) return found[0];
			return { unknown: words.join('; ') || undefined };
		}
		const meta = seriesMeta(id);
		if (!meta) return undefined;
		return isMeasureBasis(meta.basis.measure) ? meta.basis.measure : { unknown: `${meta.basis.body} ${meta.basis.measure}` };
	};
}
