// A link's notices and the engine's formula errors are written in the page's language: on a Chinese page the decoder's sentences
// come from messages/zh.json (the same parameters, quoted the same way), and no English sentence
// of the decoder is left in them. English stays the words of the unit tests and the command line.
import { afterEach, describe, expect, it } from 'vitest';
import { decodeScenario } from '../src/lib/scenario/decode';
import { useScreenWords } from '../src/lib/i18n/screenWords';
import { screenWords } from '../src/lib/server/screenWords';
import { chinaMarketNotebook } from '../src/lib/notebooks/chinaMarket';
import { refusedCellNotices } from '../src/lib/view/refusedCells';
import { compileNotebook } from '../src/lib/sim';
import type { Notebook } from '../src/lib/sim/types';

afterEach(() => useScreenWords(() => screenWords('en')));

const HOSTILE = [
	'v=3&shakeout=9&shakeout=1&nope=1&horizon=2031.5',
	'v=x&localisation=0.5&nevCeiling=abc',
	'v=99&nb=!!!',
	'v=3&horizon=1990&nb=',
	`v=3&ref=${encodeURIComponent('nope=1')}`,
	`v=3&ref=${encodeURIComponent('v=3&shakeout=-4')}`,
	'nevCeiling=Infinity'
];

describe('link notices in Chinese', () => {
	it('every notice of a set of broken links reads in Chinese, with the link’s own values kept', async () => {
		useScreenWords(() => screenWords('zh'));
		const notices = (await Promise.all(HOSTILE.map((q) => decodeScenario(q, chinaMarketNotebook)))).flatMap((d) => d.notices);
		expect(notices.length).toBeGreaterThan(12);
		for (const notice of notices) {
			expect(notice, notice).toMatch(/[\u4e00-\u9fff]/);
			// English words of the decoder's sentences (names and values from the link are quoted).
			expect(notice.replace(/"[^"]*"/g, ''), notice).not.toMatch(/\b(?:Ignored|the link|version|instead|notebook|horizon was)\b/);
		}
		expect(notices).toContain('"shakeout" 出现了两次，已采用第一个值。');
		expect(notices.some((n) => n.includes('"horizon" 2031.5 不是整年，已设为 2032'))).toBe(true);
	});

	it('the same link gives the same scenario in either language: only the words differ (and a default name)', async () => {
		const english = await Promise.all(HOSTILE.map((q) => decodeScenario(q, chinaMarketNotebook)));
		useScreenWords(() => screenWords('zh'));
		const chinese = await Promise.all(HOSTILE.map((q) => decodeScenario(q, chinaMarketNotebook)));
		// The same documents, but for the default name of a reference the link did not name (made in
		// the page's language, then kept as the person's text).
		const unnamed = (d: (typeof english)[number]) => ({ ...d.document, reference: d.document.reference && { ...d.document.reference, label: '' } });
		expect(chinese.map(unnamed)).toEqual(english.map(unnamed));
		expect(chinese.map((d) => d.notices.length)).toEqual(english.map((d) => d.notices.length));
	});

	it('formulas the engine refused join the notice in the page’s language', () => {
		useScreenWords(() => screenWords('zh'));
		const lines = refusedCellNotices([
			{ cellId: 'f-x', kind: 'syntax', message: 'm1' },
			{ cellId: 'f-y', kind: 'depends-on-error', message: 'm2' }
		]);
		expect(lines).toEqual(['链接带来的单元“f-x”有错误，不会运行：m1']);
	});

	it('the engine’s formula errors read in Chinese, and in English again with English words', () => {
		const withFormula = (formula: string): Notebook => ({
			...chinaMarketNotebook,
			cells: chinaMarketNotebook.cells.map((c) => (c.id === 'f-nevReadiness' && c.kind === 'formula' ? { ...c, formula } : c))
		});
		const errorOf = (formula: string) => compileNotebook(withFormula(formula), {}).errors.find((e) => e.cellId === 'f-nevReadiness')?.message;
		useScreenWords(() => screenWords('zh'));
		expect(errorOf('nevReadiness = cos(1)')).toMatch(/^不允许使用函数“cos”。可用的函数：/);
		expect(errorOf('nevReadiness = nevCeilng')).toBe('未知名称“nevCeilng”；是不是指“nevCeiling”？');
		expect(errorOf('nevReadiness = [1, 2]')).toBe('公式中不允许使用矩阵或列表字面量。');
		// mathjs's own syntax messages, the common ones, in Chinese too.
		expect(errorOf('nevReadiness = 1 +')).toMatch(/^语法错误：表达式意外结束（第 \d+ 个字符）。$/);
		expect(errorOf('nevReadiness = (1 + 2')).toMatch(/^语法错误：缺少右括号 \)（第 \d+ 个字符）。$/);
		useScreenWords(() => screenWords('en'));
		expect(errorOf('nevReadiness = cos(1)')).toMatch(/^The function "cos" is not allowed\. Allowed: /);
		expect(errorOf('nevReadiness = 1 +')).toMatch(/^Syntax error: Unexpected end of expression \(char \d+\)\.$/);
	});
});
