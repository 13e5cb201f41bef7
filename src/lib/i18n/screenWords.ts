// The words of the first screen (the notebook's and explore's cards, notices, toolbars, chart
// legends and text alternatives) in the page's language, without their JavaScript. Paraglide puts
// both languages into every message function it compiles, about 40 bytes gzip a message in the
// first visit's code, and that code has a 100 kB budget (docs/i18n.md, "way 3"). So the messages
// whose key starts with `screen_` (in messages/en.json and zh.json, checked like every other) come
// as page data instead: the build renders each page once per language and hands it that
// language's texts (server/screenWords.ts, through the root layout's load). The component code
// keeps only the key.
import type englishMessages from '../../../messages/en.json';

/** A message of the first screen: its key in messages/{en,zh}.json starts with `screen_`. */
export type ScreenWordKey = Extract<keyof typeof englishMessages, `screen_${string}`>;
export type ScreenWords = Record<ScreenWordKey, string>;

let current: () => ScreenWords | undefined = () => undefined;

/** `words` is read on every lookup (a getter, so it follows the page's data). */
export function useScreenWords(words: () => ScreenWords | undefined): void {
	current = words;
}

/**
 * The message `key` in the page's language, its `{name}` parameters filled from `params`. Before
 * a page has handed over its words (a unit test, the command line) the key itself comes back,
 * which no one would mistake for a sentence.
 */
export function w(key: ScreenWordKey, params?: Record<string, string | number>): string {
	const text = current()?.[key] ?? key;
	if (!params) return text;
	return text.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/** The messages of `words` whose keys start with one of `prefixes`: what a worker is handed, or a page. */
export function wordsStartingWith<T extends Record<string, string>>(words: T, prefixes: readonly string[]): Partial<T> {
	return Object.fromEntries(Object.entries(words).filter(([key]) => prefixes.some((prefix) => key.startsWith(prefix)))) as Partial<T>;
}

/** The words in use (undefined before a page hands them over): what a cache of worded texts is made with. */
export function screenWordsInUse(): ScreenWords | undefined {
	return current();
}
