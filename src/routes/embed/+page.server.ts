// Build time only (the page is prerendered): the published notebook's baseline run, so an embed
// of the unchanged published scenario draws its chart before its engine has started, as the
// notebook does, and the chart's words in the address's language (/zh/embed: Chinese). (No
// prose: an embed shows no text cells.)
import { chinaMarketNotebook } from '$lib/notebooks/chinaMarket';
import { publishedBaseline } from '$lib/server/publishedRun';
import { publishedTexts } from '$lib/server/publishedTranslation';
import { localeOfAddress } from '$lib/i18n/paths';

export const load = ({ url }: { url: URL }) => ({
	publishedBaseline: publishedBaseline(chinaMarketNotebook),
	publishedTexts: publishedTexts(chinaMarketNotebook, localeOfAddress(url))
});
