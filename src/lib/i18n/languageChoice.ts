// Which language a reader gets. A link carries its language in its path (/zh/...), yet a link
// sent from Beijing to Munich should open in each reader's own language: the language a reader
// chose with the switch (remembered in this browser), else the browser's first language.
import type { Locale } from '$lib/paraglide/runtime';

const KEY = 'shiftcast:language';

/** The browser's first language, as one of ours: Chinese for any zh-*, else English. */
export function browserLanguage(languages: readonly string[]): Locale {
	return /^zh\b/i.test(languages[0] ?? '') ? 'zh' : 'en';
}

export function rememberedLanguage(): Locale | null {
	try {
		const value = localStorage.getItem(KEY);
		return value === 'en' || value === 'zh' ? value : null;
	} catch {
		return null;
	}
}

export function rememberLanguage(locale: Locale): void {
	try {
		localStorage.setItem(KEY, locale);
	} catch {
		// Storage refused (private mode, full): the choice lasts as long as the address does.
	}
}

/** The language this reader should see. */
export function wantedLanguage(): Locale {
	return rememberedLanguage() ?? browserLanguage(navigator.languages?.length ? navigator.languages : [navigator.language]);
}
