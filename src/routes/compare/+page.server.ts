// Build time only (the page is prerendered, once per language): the published notebook's texts
// in the address's language (/zh/compare: Chinese), so lever labels, variable names and the
// columns' chart title read as on the notebook. The comparison itself is read in the browser.
import { chinaMarketNotebook } from '$lib/notebooks/chinaMarket';
import { publishedTexts } from '$lib/server/publishedTranslation';
import { localeOfAddress } from '$lib/i18n/paths';

export const load = ({ url }: { url: URL }) => ({
	publishedTexts: publishedTexts(chinaMarketNotebook, localeOfAddress(url))
});
