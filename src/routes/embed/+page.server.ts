// Build time only (the page is prerendered): the published notebook's baseline run, so an embed
// of the unchanged published scenario draws its chart before its engine has started, as the
// notebook does. (No prose: an embed shows no text cells. Its words in the address's language
// come from the root layout's load.)
import { chinaMarketNotebook } from '$lib/notebooks/chinaMarket';
import { publishedBaseline } from '$lib/server/publishedRun';

export const load = () => ({ publishedBaseline: publishedBaseline(chinaMarketNotebook) });
