// The first screen's words come as page data (i18n/screenWords.ts): each language's table holds
// every `screen_` message and nothing else, the lookup fills parameters, and no component reaches
// those messages through Paraglide (which would put both languages back into the page's code).
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { screenWords } from '../src/lib/server/screenWords';
import { useScreenWords, w } from '../src/lib/i18n/screenWords';

const english = JSON.parse(readFileSync('messages/en.json', 'utf8')) as Record<string, string>;
const screenKeys = Object.keys(english).filter((k) => k.startsWith('screen_')).sort();

function sources(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return path.endsWith('paraglide') ? [] : sources(path);
		return /\.(svelte|ts)$/.test(name) ? [path] : [];
	});
}

describe('the first screen words', () => {
	afterEach(() => useScreenWords(() => screenWords('en')));

	it('each language has every screen_ message and only those', () => {
		expect(screenKeys.length).toBeGreaterThan(50);
		expect(Object.keys(screenWords('en')).sort()).toEqual(screenKeys);
		expect(Object.keys(screenWords('zh')).sort()).toEqual(screenKeys);
		expect(screenWords('zh').screen_headline_vs_baseline).toBe('较基准情景 {change}');
	});

	it('fill their parameters and leave an unknown one as written', () => {
		expect(w('screen_headline_card_label', { label: 'NEV share', year: 2030 })).toBe('NEV share, 2030');
		useScreenWords(() => screenWords('zh'));
		expect(w('screen_headline_card_label', { label: '新能源汽车渗透率', year: 2030 })).toBe('新能源汽车渗透率（2030 年）');
		expect(w('screen_headline_range', { low: '1' })).toBe('5%–95% 区间：1 至 {high}');
		// A parameter's value is text: a "{…}" inside it is not filled again.
		expect(w('screen_chart_data_table', { title: '{title}' })).toBe('“{title}”的数据表');
	});

	it('without a page to hand them over, the key comes back (never another language)', () => {
		useScreenWords(() => undefined);
		expect(w('screen_computing')).toBe('screen_computing');
	});

	it('are never called through Paraglide', () => {
		const offenders = sources('src').filter((file) => /\bm\.screen_|\bm\[['"]screen_/.test(readFileSync(file, 'utf8')));
		expect(offenders).toEqual([]);
	});
});
