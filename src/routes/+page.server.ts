// Runs at build time only (the page is prerendered): the published notebook's prose as HTML.
import { chinaMarketNotebook } from '$lib/notebooks/chinaMarket';
import { renderPublishedMarkdown } from '$lib/server/markdown';

export const load = () => ({ publishedMarkdown: renderPublishedMarkdown(chinaMarketNotebook) });
