// Hostile links and formulas in the real browser: every one opens a working page, with no
// uncaught error, no console error, no dialog, no script run and no request leaving the site.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hostileLinks } from '../fixtures/hostile-links';
import { hostileVisits } from '../fixtures/hostile-visits';
import { useSite, waitForEngine } from './support/site';
import { headlineText } from './support/text';

const site = useSite();

describe('hostile links in the browser', () => {
	it(`${hostileLinks.length} hostile links each open the app safely, with the notices the decoder promises`, async () => {
		const failures: string[] = [];
		// Cases that are only odd key=value pairs share a link (fixtures/hostile-visits.ts; the
		// unit test there shows a shared link gives each case's own notices): 99 cases, 76 loads.
		for (const { cases, query } of await hostileVisits()) {
			const problems: string[] = [];
			const leftTheSite = (page: Page) =>
				page.on('request', (r) => !r.url().startsWith(site.url) && !r.url().startsWith('data:') && !r.url().startsWith('blob:') && problems.push(`request left the site: ${r.url()}`));
			let opened: Awaited<ReturnType<typeof site.open>> | undefined;
			try {
				// One tab for all visits, reset between them as a new visitor's (support/sharedTab.ts).
				opened = await site.open(`/?${query}`, { beforeGoto: leftTheSite });
				const { page } = opened;
				// The notebook a hostile link brings may have no charts or figures at all: wait until the
				// engine has run the link's scenario (its figures are current), or has failed.
				await page.waitForSelector('[data-engine="ready"][data-current="true"], [data-engine="failed"]', { timeout: 20_000 });
				const notice = page.getByTestId('link-notice');
				const text = (await notice.count()) ? await notice.innerText() : '';
				// A browser keeps "#..." out of the query: the app never sees it, so nothing to report.
				for (const expected of query.includes('#') ? [] : cases.flatMap((c) => c.notices ?? [])) {
					if (!text.includes(expected.replace(/\s+/g, ' ').slice(0, 60))) problems.push(`notice lacks "${expected}"`);
				}
				// A link the decoder reads cleanly may still carry formulas the engine refuses: those
				// join the notice, one line per cell (they are the engine's, not the decoder's).
				const decoderLines = (await notice.locator('li').allTextContents()).filter((l) => !/from the link has an error and does not run/.test(l));
				if (cases.length === 1 && cases[0].noticeCount === 0 && decoderLines.length) problems.push(`unexpected notice: ${text.slice(0, 200)}`);
				const unsafe = await page.locator('.markdown').evaluateAll((roots) =>
					roots.flatMap((root) =>
						[...root.querySelectorAll('*')].flatMap((el) =>
							/^(SCRIPT|IFRAME|IMG|SVG|STYLE|FORM|OBJECT|EMBED)$/i.test(el.tagName)
								? [el.tagName]
								: [...el.attributes].filter((a) => /^on/i.test(a.name) || /javascript:/i.test(a.value)).map((a) => `${el.tagName}[${a.name}]`)
						)
					)
				);
				if (unsafe.length) problems.push(`unsafe markup rendered: ${unsafe.join(', ')}`);
			} catch (err) {
				problems.push(`did not open: ${(err as Error).message.split('\n')[0]}`);
			}
			// Console errors, uncaught errors and dialogs, as every page records them (warnings are
			// allowed here: a hostile link may well deserve one).
			problems.push(...(opened?.problems ?? []).filter((p) => !p.startsWith('warning:')));
			if (problems.length) failures.push(`${cases.map((c) => c.name).join(' + ')}: ${problems.join('; ')}`);
			await opened?.context.close();
		}
		expect(failures).toEqual([]);
	}, 600_000);
});

describe('hostile formulas typed into a cell', () => {
	const formulas: [string, RegExp][] = [
		['nevReadiness = import({x: 1})', /not allowed/],
		['nevReadiness = evaluate("1 + 1")', /The function "evaluate" is not allowed/],
		['nevReadiness = createUnit("foo")', /The function "createUnit" is not allowed/],
		['nevReadiness = parse("1")', /The function "parse" is not allowed/],
		['nevReadiness = nevCeiling.constructor', /not allowed/],
		['nevReadiness = nevCeiling["constructor"]', /not allowed/],
		['nevReadiness = (f(x) = x)', /not allowed/],
		['nevReadiness = [1, 2]', /not allowed/],
		['nevReadiness = {a: 1}', /not allowed/],
		['nevReadiness = "text"', /not a number/],
		['nevReadiness = 1:3', /not allowed/],
		['nevReadiness = cos(1)', /The function "cos" is not allowed/],
		['nevReadiness = data("__proto__")', /No data series named "__proto__"/],
		['nevReadiness = __proto__', /Unknown name "__proto__"/],
		['nevReadiness = this', /Unknown name "this"/],
		['constructor = 1', /reserved/],
		[`nevReadiness = ${'('.repeat(200)}1${')'.repeat(200)}`, /nested more than/],
		[`nevReadiness = ${'1 + '.repeat(600)}1`, /A formula is limited to 2000 characters/]
	];

	it(`${formulas.length} hostile formulas are refused by name, run nothing, and the page keeps working`, async () => {
		const { page, context, problems } = await site.open('/');
		await waitForEngine(page);
		const box = page.locator('[data-cell-id="f-nevReadiness"]');
		const editor = box.getByRole('textbox');
		const before = await headlineText(page, 'nevShare', 2035);
		for (const [formula, message] of formulas) {
			await editor.fill(formula);
			await expect.poll(() => box.getByRole('alert').first().innerText().catch(() => ''), { timeout: 5000 }).toMatch(message);
			// The model keeps running on the last good version.
			expect(await headlineText(page, 'nevShare', 2035)).toBe(before);
		}
		expect(problems).toEqual([]);
		await context.close();
	}, 120_000);
});
