// Runs at build time only (every page is prerendered once per language): the first screen's
// messages in the page's language, handed to the page as data (i18n/screenWords.ts says why).
import english from '../../../messages/en.json';
import chinese from '../../../messages/zh.json';
import type { Locale } from '$lib/paraglide/runtime';
import { wordsStartingWith, type ScreenWords } from '$lib/i18n/screenWords';

function screenMessages(messages: Record<string, string>): ScreenWords {
	return wordsStartingWith(messages, ['screen_']) as ScreenWords;
}

const BY_LOCALE: Record<Locale, ScreenWords> = { en: screenMessages(english), zh: screenMessages(chinese) };

export function screenWords(locale: Locale): ScreenWords {
	return BY_LOCALE[locale];
}
