// Runs at build time only (every page is prerendered once per language): every page gets, in its
// address's language, its first screen's words (i18n/screenWords.ts) and the published
// notebook's and data's texts (i18n/publishedTexts.ts). Reading the address makes the load depend
// on it, so the language switch fetches the other language's.
import { chinaMarketNotebook } from '$lib/notebooks/chinaMarket';
import { localeOfAddress } from '$lib/i18n/paths';
import { publishedTexts } from '$lib/server/publishedTranslation';
import { screenWords } from '$lib/server/screenWords';

export const load = ({ url }: { url: URL }) => {
	const locale = localeOfAddress(url);
	return { screenWords: screenWords(locale), publishedTexts: publishedTexts(chinaMarketNotebook, locale) };
};
