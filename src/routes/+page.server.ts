// Runs at build time only (the page is prerendered, once per language): the published notebook's
// prose as HTML in the page's language (its other texts come from the root layout), and its
// baseline run (the first results of an unchanged notebook, shown before the engine starts).
import { chinaMarketNotebook } from '$lib/notebooks/chinaMarket';
import { renderPublishedMarkdown } from '$lib/server/markdown';
import { publishedBaseline } from '$lib/server/publishedRun';
import { localeOfAddress } from '$lib/i18n/paths';

// The language is read from the address (not only Paraglide's request state) so the load depends
// on it: the language switch, a client-side navigation from /explore to /zh/explore (one route),
// then fetches the other language's data instead of keeping this one's.
export const load = ({ url }: { url: URL }) => {
	const locale = localeOfAddress(url);
	return {
		publishedMarkdown: renderPublishedMarkdown(chinaMarketNotebook, locale),
		publishedBaseline: publishedBaseline(chinaMarketNotebook)
	};
};
