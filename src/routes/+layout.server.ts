// Runs at build time only: every page gets its first screen's words in its address's language
// (i18n/screenWords.ts). Reading the address makes the load depend on it, so the language switch
// fetches the other language's words.
import { localeOfAddress } from '$lib/i18n/paths';
import { screenWords } from '$lib/server/screenWords';

export const load = ({ url }: { url: URL }) => ({ screenWords: screenWords(localeOfAddress(url)) });
