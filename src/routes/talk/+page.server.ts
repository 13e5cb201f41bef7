// Build time only (the page is prerendered, once per language): the published notebook's texts
// in the address's language (/zh/talk: Chinese), so the steps' chart titles, legends and the
// presenter's levers read as on the notebook. The talk itself is read in the browser.
import { chinaMarketNotebook } from '$lib/notebooks/chinaMarket';
import { publishedTexts } from '$lib/server/publishedTranslation';
import { localeOfAddress } from '$lib/i18n/paths';

export const load = ({ url }: { url: URL }) => ({
	publishedTexts: publishedTexts(chinaMarketNotebook, localeOfAddress(url))
});
