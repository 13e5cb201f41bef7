// The sentences shown only in particular states (a data table's problems, a refused chart note, a
// broken talk link, the discovery verdict) are written in the page's
// language: one sample of each area with the Chinese words in use, then the English again.
import { afterEach, describe, expect, it } from 'vitest';
import { useScreenWords } from '../src/lib/i18n/screenWords';
import { screenWords } from '../src/lib/server/screenWords';
import { importTable } from '../src/lib/data/importTable';
import { checkAnnotation } from '../src/lib/charts/annotations';
import { decodeTalk } from '../src/lib/talk/link';
import { discoveryVerdict } from '../src/lib/view/discovery';
import { exportLibrary, importLibrary } from '../src/lib/scenario/libraryFile';
import { decodeScenario } from '../src/lib/scenario/decode';
import { chinaMarketNotebook } from '../src/lib/notebooks/chinaMarket';

afterEach(() => useScreenWords(() => screenWords('en')));

const HAN = /[\u4e00-\u9fff]/;
const context = { isSeeded: (id: string) => id === 'nev_share_caam', broughtElsewhere: () => undefined, seriesElsewhere: 0 };

async function samples(): Promise<string[]> {
	const table = importTable('series,period,value,unit\nmy_series,2025,abc,share\nBad Id,2024,0.1,share\n', context);
	const note = checkAnnotation({ kind: 'label', year: '1990', value: '45', text: 'x' }, { fromYear: 2019, toYear: 2035, format: 'percent' });
	const talk = await decodeTalk('!!!');
	return [
		...table.problems.map((p) => (typeof p === 'string' ? p : JSON.stringify(p))),
		note.ok ? '' : note.message,
		...talk.notices,
		discoveryVerdict('no-cases', undefined, 0, 0) ?? ''
	];
}

describe('state-only sentences in Chinese', () => {
	it('read in Chinese with the Chinese words, and in English with the English ones', async () => {
		useScreenWords(() => screenWords('zh'));
		const chinese = await samples();
		expect(chinese.length).toBeGreaterThanOrEqual(5);
		for (const text of chinese) expect(text, text).toMatch(HAN);
		useScreenWords(() => screenWords('en'));
		for (const text of await samples()) expect(text, text).not.toMatch(HAN);
	});

	it('default names are made in the page’s language, then kept as they were made', async () => {
		const saved = { id: 'mine-1', name: 'Plan B', description: '', savedAt: '2026-12-07T02:00:00.000Z', document: { notebook: chinaMarketNotebook, inputs: { shakeout: 0.3 }, horizon: 2035 } };
		const changed = { ...saved, savedAt: '2026-12-07T03:00:00.000Z' };
		const reference = `v=3&ref=${encodeURIComponent('v=3&shakeout=0.3')}`;
		expect(importLibrary([saved], exportLibrary([changed])).scenarios.at(-1)?.name).toBe('Plan B (imported)');
		expect((await decodeScenario(reference, chinaMarketNotebook)).document.reference?.label).toBe('Reference from the link');
		useScreenWords(() => screenWords('zh'));
		expect(importLibrary([saved], exportLibrary([changed])).scenarios.at(-1)?.name).toBe('Plan B（导入）');
		expect((await decodeScenario(reference, chinaMarketNotebook)).document.reference?.label).toBe('链接中的参照情景');
	});
});
