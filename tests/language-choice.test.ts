// Which language a reader gets on arrival (src/lib/i18n/languageChoice.ts).
import { describe, expect, it } from 'vitest';
import { browserLanguage } from '../src/lib/i18n/languageChoice';

describe('the browser language', () => {
	it('is Chinese for any zh tag as the first language, else English', () => {
		expect(browserLanguage(['zh-CN', 'en'])).toBe('zh');
		expect(browserLanguage(['zh-TW'])).toBe('zh');
		expect(browserLanguage(['zh'])).toBe('zh');
		expect(browserLanguage(['en-US', 'zh-CN'])).toBe('en');
		expect(browserLanguage(['de-DE'])).toBe('en');
		expect(browserLanguage(['zhx'])).toBe('en');
		expect(browserLanguage([])).toBe('en');
	});
});
