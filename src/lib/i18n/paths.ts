// Paths in a language: /explore in Chinese is /zh/explore; and a language's tag for `lang`. Paraglide's localizeHref gives an
// absolute address while a page is prerendered; these give the path alone, on both sides.
import { baseLocale, deLocalizeUrl, extractLocaleFromUrl, localizeUrl, type Locale } from '$lib/paraglide/runtime';

const SOME_ORIGIN = 'http://shiftcast.invalid';

/** `path` (a page of the app, without a language prefix) in `locale`. */
export function pathIn(locale: Locale, path: string): string {
	// "/zh", not "/zh/": the pages are prerendered without a trailing slash (zh.html).
	return localizeUrl(new URL(path, SOME_ORIGIN), { locale }).pathname.replace(/(.)\/$/, '$1');
}

/** `path` without its language prefix: the route it shows. */
export function pathWithoutLocale(path: string): string {
	return deLocalizeUrl(new URL(path, SOME_ORIGIN)).pathname;
}

/** The tag `lang` and `hreflang` take for a language: Chinese is Simplified, as spoken in China. */
export function languageTag(locale: Locale): string {
	return locale === 'zh' ? 'zh-CN' : 'en';
}

/** The language an address names (/zh/... is Chinese), else the site's own. */
export function localeOfAddress(url: URL): Locale {
	return extractLocaleFromUrl(url) ?? baseLocale;
}
