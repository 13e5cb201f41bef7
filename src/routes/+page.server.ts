// Runs at build time only (the page is prerendered): the published notebook's prose as HTML, and
// its baseline run (the first results of an unchanged notebook, shown before the engine starts).
import { chinaMarketNotebook } from '$lib/notebooks/chinaMarket';
import { renderPublishedMarkdown } from '$lib/server/markdown';
import { publishedBaseline } from '$lib/server/publishedRun';

export const load = () => ({ publishedMarkdown: renderPublishedMarkdown(chinaMarketNotebook), publishedBaseline: publishedBaseline(chinaMarketNotebook) });
