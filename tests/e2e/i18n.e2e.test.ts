// Two languages in the address (issue 25, first part): /zh/... is the same page in Chinese. The
// prerendered pages say so (lang="zh-CN", the site's words in Chinese), the same link gives the
// same figures under / and /zh/, and the language switch keeps the scenario, its undo history and
// the view. A link opens in its reader's language (the browser's, or the one chosen and
// remembered). axe finds no serious or critical violation on /zh/.
import { describe, expect, it } from 'vitest';
import { openWith } from './support/checks';
import { seriousViolations } from './support/axe';
import { settledUrl, useSite, waitForEngine } from './support/site';
import { headlineText } from './support/text';
import zhTexts from '../../src/lib/notebooks/chinaMarket.zh.json';
import { headingOf } from '../../src/lib/view/exploreLayout';

const site = useSite();
const LINK = '?v=3&shakeout=0.2&localisationJapanese=0.7';
const zhCell = (id: string) => (zhTexts.cells as Record<string, Record<string, string>>)[id];

describe('Chinese pages under /zh/', () => {
	it('open the same scenario with the same figures as the English ones, in Chinese', async () => {
		const en = await site.open(`/${LINK}`);
		await waitForEngine(en.page);
		await en.page.waitForSelector('.notebook[data-current="true"]');
		const enFigure = await headlineText(en.page, 'nevShare', 2035);
		expect(await en.page.getAttribute('html', 'lang')).toBe('en');
		expect(await en.page.getByRole('slider', { name: 'NEV gap Japanese brands close by 2030' }).inputValue()).toBe('0.7');
		await en.context.close();

		const zh = await openWith(site, `/zh/${LINK}`, { context: { locale: 'zh-CN' } });
		await waitForEngine(zh.page);
		await zh.page.waitForSelector('.notebook[data-current="true"]');
		expect(await headlineText(zh.page, 'nevShare', 2035)).toBe(enFigure);
		expect(await zh.page.getAttribute('html', 'lang')).toBe('zh-CN');
		const site_ = zh.page.getByRole('navigation', { name: '网站' });
		expect(await site_.getByRole('link').allTextContents()).toEqual(['笔记本', '探索', '对比', '方法与数据']);
		expect(await site_.getByRole('link', { name: '探索' }).getAttribute('href')).toBe('/zh/explore');
		expect(await zh.page.getByRole('navigation', { name: '视图' }).getByRole('link', { name: '探索' }).getAttribute('href')).toBe('/zh/explore');
		// The published notebook's own words: its prose, a lever, a chart, the page's title.
		expect(await zh.page.locator('.markdown h1').first().innerText()).toBe(zhCell('md-intro').text.split('\n')[0].replace(/^# /, ''));
		expect(await zh.page.getByRole('slider', { name: zhCell('in-localisationJapanese').label }).inputValue()).toBe('0.7');
		await zh.page.getByRole('heading', { name: zhCell('chart-shares').title }).waitFor();
		expect(await zh.page.title()).toBe(`Shiftcast: ${zhTexts.title}`);

		expect(await seriousViolations(zh.page)).toEqual([]);
		await zh.context.close();
		expect([...en.problems, ...zh.problems]).toEqual([]);
	});

	it('the language switch keeps the scenario, its undo history and the view', async () => {
		const { page, context, problems } = await site.open('/explore');
		await waitForEngine(page);
		const before = await headlineText(page, 'nevShare', 2035);
		await page.getByRole('slider', { name: 'Electrification pace from 2026' }).fill('1.4');
		await expect.poll(() => headlineText(page, 'nevShare', 2035), { timeout: 10_000 }).not.toBe(before);
		const moved = await headlineText(page, 'nevShare', 2035);
		const query = new URL(await settledUrl(page)).search;

		await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: '中文' }).click();
		await page.waitForURL(`**/zh/explore${query}`);
		await page.getByRole('navigation', { name: '语言' }).waitFor();
		expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
		expect(await headlineText(page, 'nevShare', 2035)).toBe(moved);
		expect(await page.getByRole('navigation', { name: '视图' }).getByRole('link', { name: '探索' }).getAttribute('aria-current')).toBe('page');
		// The levers read in Chinese, from the Chinese page's data fetched by the switch.
		expect(await page.getByRole('slider', { name: zhCell('in-electrificationPace').label }).inputValue()).toBe('1.4');
		// The groups of levers take their names from the translated prose's headings.
		await page.getByRole('heading', { name: headingOf(zhCell('md-levers-localisation').text)!, exact: true }).waitFor();

		// The move made in English is undone in Chinese.
		await page.getByRole('button', { name: '撤销' }).click();
		await expect.poll(() => headlineText(page, 'nevShare', 2035), { timeout: 10_000 }).toBe(before);

		await page.getByRole('navigation', { name: '语言' }).getByRole('link', { name: 'English' }).click();
		await page.waitForURL(/\/explore(\?|$)/);
		await page.getByRole('navigation', { name: 'Language' }).waitFor();
		expect(new URL(page.url()).pathname).toBe('/explore');
		expect(await page.getAttribute('html', 'lang')).toBe('en');
		await page.getByRole('slider', { name: 'Electrification pace from 2026' }).waitFor();
		await context.close();
		expect(problems).toEqual([]);
	});

	it('a link opens in each reader\'s language, and a chosen language is remembered', async () => {
		// A reader whose browser speaks Chinese, sent an English link.
		const beijing = await openWith(site, `/explore${LINK}`, { context: { locale: 'zh-CN' } });
		// (Paths only: the address's query is rewritten to its canonical form as the page runs.)
		await beijing.page.waitForURL((url) => url.pathname === '/zh/explore');
		await beijing.page.getByRole('navigation', { name: '语言' }).waitFor();
		await waitForEngine(beijing.page);
		const figure = await headlineText(beijing.page, 'nevShare', 2035);
		await beijing.context.close();

		// A reader whose browser speaks German, sent the Chinese link: English, same figures.
		const munich = await openWith(site, `/zh/explore${LINK}`, { context: { locale: 'de-DE' } });
		await munich.page.waitForURL((url) => url.pathname === '/explore');
		await munich.page.getByRole('navigation', { name: 'Language' }).waitFor();
		await waitForEngine(munich.page);
		await munich.page.waitForSelector('.explore[data-engine="ready"]');
		await expect.poll(() => headlineText(munich.page, 'nevShare', 2035), { timeout: 10_000 }).toBe(figure);

		// Munich chooses Chinese: remembered, so a reload of an English address stays Chinese.
		await munich.page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: '中文' }).click();
		await munich.page.waitForURL((url) => url.pathname === '/zh/explore');
		await munich.page.goto(`${site.url}/explore${LINK}`);
		await munich.page.waitForURL((url) => url.pathname === '/zh/explore');
		await munich.page.getByRole('navigation', { name: '语言' }).waitFor();
		await munich.context.close();
		expect([...beijing.problems, ...munich.problems]).toEqual([]);
	});

	it('an embed under /zh/ keeps its address\'s language and reads its chart in Chinese', async () => {
		const { page, context, problems } = await site.open('/zh/embed?v=3&chart=chart-shares');
		await page.waitForSelector('.embed[data-engine="ready"] .chart canvas', { timeout: 30_000 });
		expect(await page.locator('h1.embed-title').innerText()).toBe(zhCell('chart-shares').title);
		expect(await page.title()).toBe(`${zhCell('chart-shares').title} (Shiftcast)`);
		expect(new URL(page.url()).pathname).toBe('/zh/embed');
		await context.close();
		expect(problems).toEqual([]);
	});

	it('a link\'s notices and a formula\'s errors (from the engine\'s worker) read in Chinese on /zh/', async () => {
		const { page, context, problems } = await openWith(site, '/zh/?v=3&nope=1&horizon=2031.5&shakeout=9', { context: { locale: 'zh-CN' } });
		await waitForEngine(page);
		const notice = page.getByTestId('link-notice');
		await notice.waitFor();
		expect(await notice.locator('li').allTextContents()).toEqual([
			'"horizon" 2031.5 不是整年，已设为 2032。',
			'已忽略 "nope"：没有这个名称的输入。',
			expect.stringMatching(/^"shakeout" 为 9，已设为其范围（.+）的上限 .+。$/)
		]);
		const box = page.locator('[data-cell-id="f-nevReadiness"]');
		await box.getByRole('textbox').fill('nevReadiness = cos(1)');
		await expect.poll(() => box.getByRole('alert').first().innerText().catch(() => ''), { timeout: 10_000 }).toMatch(/^错误：\s*不允许使用函数“cos”。可用的函数：/);
		await context.close();
		expect(problems).toEqual([]);
	});

	it('volumes read in 万辆 on /zh/ (millions on /): a chart\'s title and its text alternative, the same figures ×100', async () => {
		const exportsChart = '[data-cell-id="chart-exports"] [role="img"]';
		const en = await site.open(`/${LINK}`);
		await waitForEngine(en.page);
		await en.page.waitForSelector('.notebook[data-current="true"]');
		const enSummary = (await en.page.getAttribute(exportsChart, 'aria-label')) ?? '';
		await en.context.close();
		const millions = [...enSummary.matchAll(/(\d+\.\d\d) M/g)].map((m) => Number(m[1]));
		expect(millions.length).toBeGreaterThanOrEqual(4);

		const zh = await openWith(site, `/zh/${LINK}`, { context: { locale: 'zh-CN' } });
		await waitForEngine(zh.page);
		await zh.page.waitForSelector('.notebook[data-current="true"]');
		const zhSummary = (await zh.page.getAttribute(exportsChart, 'aria-label')) ?? '';
		expect(zhSummary).not.toMatch(/\d M\b|百万/);
		const tenThousands = [...zhSummary.matchAll(/([\d,]+) 万辆/g)].map((m) => Number(m[1].replace(/,/g, '')));
		expect(tenThousands).toEqual(millions.map((v) => Math.round(v * 100)));
		expect(await zh.page.locator('[data-cell-id="chart-exports"]').getByRole('heading').first().textContent()).toMatch(/万辆/);
		await zh.context.close();
		expect(zh.problems).toEqual([]);
	});

	it('an address in a language the site does not have opens the scenario in English, with a notice', async () => {
		const { page, context, problems } = await site.open(`/fr/explore${LINK}`);
		await page.waitForURL((url) => url.pathname === '/');
		await page.getByText('Shiftcast has no pages in “fr”').waitFor();
		await waitForEngine(page);
		expect(await page.getAttribute('html', 'lang')).toBe('en');
		expect(new URL(page.url()).searchParams.get('localisationJapanese')).toBe('0.7');
		await context.close();
		// The 404 of the missing page is the server's answer, not a problem of the page.
		expect(problems.filter((p) => !/404/.test(p))).toEqual([]);
	});
});
