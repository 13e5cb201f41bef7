// The interface's words exist in both languages: every message key in English has a Chinese
// counterpart and the other way round, none is empty, and each keeps the same {parameters}.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

const read = (locale: string): Record<string, string> => {
	const { $schema: _schema, ...messages } = JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8'));
	return messages;
};
const en = read('en');
const zh = read('zh');
const parameters = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('messages', () => {
	it('have the same keys in English and Chinese', () => {
		expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
	});

	it('are never empty, and keep their parameters in both languages', () => {
		for (const key of Object.keys(en)) {
			expect(en[key].trim(), key).not.toBe('');
			expect(zh[key]?.trim(), key).not.toBe('');
			expect(parameters(zh[key] ?? ''), key).toEqual(parameters(en[key]));
		}
	});

	it('in Chinese, are written in Chinese (no message is the English left as it was)', () => {
		for (const key of Object.keys(en)) expect(zh[key], key).not.toBe(en[key]);
	});
});
