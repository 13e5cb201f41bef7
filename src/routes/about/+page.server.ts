// Build time only (the page is prerendered, once per language): the published notebook's texts
// in the address's language, so the lever labels, units, formula notes and chart titles this page
// lists read in Chinese on /zh/about (i18n/publishedTexts.ts). Reading the address makes the load
// depend on it, so the language switch fetches the other language's table.
import { chinaMarketNotebook } from '$lib/notebooks/chinaMarket';
import { publishedTexts } from '$lib/server/publishedTranslation';
import { localeOfAddress } from '$lib/i18n/paths';

export const load = ({ url }: { url: URL }) => ({
	publishedTexts: publishedTexts(chinaMarketNotebook, localeOfAddress(url))
});
