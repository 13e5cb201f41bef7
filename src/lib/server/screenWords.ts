// Runs at build time only (every page is prerendered once per language): the first screen's
// messages in the page's language, handed to the page as data (i18n/screenWords.ts says why).
import english from '../../../messages/en.json';
import chinese from '../../../messages/zh.json';
import type { Locale } from '$lib/paraglide/runtime';
import type { ScreenWords } from '$lib/i18n/screenWords';

const PREFIX = 'screen_';

function screenMessages(messages: Record<string, string>): ScreenWords {
	return Object.fromEntries(Object.entries(messages).filter(([key]) => key.startsWith(PREFIX))) as ScreenWords;
}

const BY_LOCALE: Record<Locale, ScreenWords> = { en: screenMessages(english), zh: screenMessages(chinese) };

export function screenWords(locale: Locale): ScreenWords {
	return BY_LOCALE[locale];
}
