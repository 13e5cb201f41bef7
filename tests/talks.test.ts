// Talks: the schema's bounds, the link codec (round trip with Chinese text and markdown, the
// caps, hostile input), a step read by the one link reader (notices, an unknown chart), the
// talk being built in localStorage, and talks kept in saved scenarios (old entries still read).
import { randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { TalkSchema, TALK_LIMITS, type Talk } from '../src/lib/talk/schema';
import { decodeTalk, encodeTalk, readTalkAddress } from '../src/lib/talk/link';
import { readStep } from '../src/lib/talk/steps';
import { MAX_DRAFT_CHARS, TALK_DRAFT_KEY, addStepToDraft, readDraft, writeDraft } from '../src/lib/talk/draft';
import { deflateToBase64url } from '../src/lib/scenario/compression';
import { LINK_LIMITS, encodeScenario } from '../src/lib/scenario/encode';
import { SavedScenarioSchema, type SavedScenario } from '../src/lib/scenario/library';
import { exportLibrary, importLibrary } from '../src/lib/scenario/libraryFile';
import { chinaMarketNotebook } from '../src/lib/notebooks/chinaMarket';
import { installLocalStorage, MemoryStorage, freshDatabase } from './support/storage';
import { readScenarios } from '../src/lib/storage/scenarioStore';
import { addScenarios } from '../src/lib/storage/scenarioWrites';

const step = (n: number, extra: Partial<Talk['steps'][number]> = {}) => ({ id: `s${n}`, title: `Step ${n}`, caption: '', query: 'v=3', chart: 'chart-shares', ...extra });
const talkOf = (count: number): Talk => ({ title: 'A talk', steps: Array.from({ length: count }, (_, i) => step(i + 1)) });
const packed = async (value: unknown) => deflateToBase64url(JSON.stringify(value));
const tOf = (query: string) => new URLSearchParams(query).get('t')!;

describe('talk schema', () => {
	it('accepts a talk within the bounds and refuses one past them', () => {
		expect(TalkSchema.safeParse(talkOf(TALK_LIMITS.steps)).success).toBe(true);
		expect(TalkSchema.safeParse(talkOf(TALK_LIMITS.steps + 1)).success).toBe(false);
		expect(TalkSchema.safeParse({ ...talkOf(1), title: 'x'.repeat(201) }).success).toBe(false);
		expect(TalkSchema.safeParse({ title: '', steps: [step(1, { caption: 'x'.repeat(2001) })] }).success).toBe(false);
		expect(TalkSchema.safeParse({ title: '', steps: [step(1, { chart: '../x' })] }).success).toBe(false);
		// Strict: no unknown fields.
		expect(TalkSchema.safeParse({ title: '', steps: [], extra: 1 }).success).toBe(false);
	});
});

describe('talk link', () => {
	it('round-trips a talk with Chinese text and markdown in one parameter', async () => {
		const talk: Talk = {
			title: '中国汽车市场：三个情景',
			steps: [
				step(1, { title: '基准情景', caption: '**国产品牌**份额上升。\n\n- 安全 *加倍*\n- [来源](https://example.org)' }),
				step(2, { query: 'v=3&horizon=2040&safetyValue=2', chart: 'chart-shares', caption: '# Heading\n\n> quoted `code`' })
			]
		};
		const encoded = await encodeTalk(talk, 'present');
		expect('query' in encoded).toBe(true);
		const query = (encoded as { query: string }).query;
		expect(query).toMatch(/^t=[A-Za-z0-9_-]+&mode=present$/);
		const address = readTalkAddress(`?${query}`);
		expect(address.mode).toBe('present');
		const decoded = await decodeTalk(address.packed!);
		expect(decoded.notices).toEqual([]);
		expect(decoded.talk).toEqual(talk);
	});

	it('reads the mode from the query or #present', () => {
		expect(readTalkAddress('?t=x&mode=edit').mode).toBe('edit');
		expect(readTalkAddress('?t=x', '#present').mode).toBe('present');
		expect(readTalkAddress('?t=x&mode=dance').mode).toBeNull();
		expect(readTalkAddress('?saved=s-1').saved).toBe('s-1');
	});

	it('says a talk too large for a link is too large', async () => {
		// Random text does not compress: 30 steps of 5,000 random characters pass the link cap.
		const noise = (n: number) => randomBytes(n).toString('base64url').slice(0, n);
		const small = await encodeTalk(talkOf(3));
		expect('query' in small && small.query.length).toBeLessThan(LINK_LIMITS.queryChars);
		const huge: Talk = { title: 'big', steps: Array.from({ length: 30 }, (_, i) => step(i, { query: `v=3&x=${noise(5000)}` })) };
		const encoded = await encodeTalk(huge);
		expect('problem' in encoded).toBe(true);
		expect((encoded as { problem: string }).problem).toMatch(/too large for a link .*Save it in saved scenarios/);
	});

	it('hostile or broken links open an empty talk with one clear notice', async () => {
		const cases: [string, RegExp][] = [
			['', /empty/],
			['!!!not-base64!!!', /could not be read \(character 1 is not base64url\)/],
			['AAAA', /could not be read/],
			[await deflateToBase64url('not json'), /not JSON/],
			[await packed([1, 2]), /not a talk/],
			['A'.repeat(LINK_LIMITS.queryChars + 1), /over 120,000 characters/],
			[await deflateToBase64url(JSON.stringify({ title: 't', steps: [] }) + ' '.repeat(TALK_LIMITS.inflatedBytes)), /unpacks to more than/]
		];
		for (const [t, notice] of cases) {
			const { talk, notices } = await decodeTalk(t);
			expect(talk.steps, t.slice(0, 20)).toEqual([]);
			expect(notices.join(' '), t.slice(0, 20)).toMatch(notice);
		}
	});

	it('keeps every step that reads and names those left out', async () => {
		const t = await packed({
			title: 'Mixed',
			steps: [step(1), { id: 's2', title: 5 }, step(3), step(1), ...Array.from({ length: 30 }, (_, i) => step(10 + i))]
		});
		const { talk, notices } = await decodeTalk(t);
		expect(talk.title).toBe('Mixed');
		expect(talk.steps.map((s) => s.id).slice(0, 3)).toEqual(['s1', 's3', 's10']);
		expect(notices.join('\n')).toMatch(/34 steps; only the first 30/);
		expect(notices.join('\n')).toMatch(/Step 2 could not be read and was left out/);
		expect(notices.join('\n')).toMatch(/Step 4 repeats the id "s1"/);
	});
});

describe('a step read', () => {
	it('opens its scenario with the link reader, its notices and its chart', async () => {
		const query = await encodeScenario({ notebook: chinaMarketNotebook, inputs: { safetyValue: 0.8 }, horizon: 2040 }, chinaMarketNotebook);
		const read = await readStep(step(1, { query }));
		expect(read.notices).toEqual([]);
		expect(read.chart?.id).toBe('chart-shares');
		expect(read.document.inputs.safetyValue).toBe(0.8);
		expect(read.document.horizon).toBe(2040);
	});

	it('a scenario that does not read and an unknown chart each give a notice, and the step still opens', async () => {
		const read = await readStep(step(1, { query: 'v=3&horizon=abc&nb=%%%', chart: 'no-such-chart' }));
		expect(read.notices.length).toBeGreaterThanOrEqual(2);
		expect(read.notices.join(' ')).toMatch(/horizon/);
		expect(read.notices.at(-1)).toMatch(/Its chart "no-such-chart" is not in its scenario; it shows “.+” instead/);
		expect(read.chart).not.toBeNull();
	});
});

describe('the talk being built', () => {
	let storage: MemoryStorage;
	beforeEach(() => {
		storage = installLocalStorage(new MemoryStorage())!;
	});

	it('adds steps in order and says so', async () => {
		expect(await addStepToDraft({ query: 'v=3', chart: 'chart-shares', chartTitle: 'Shares' })).toMatch(/^Step 1 added to your talk “Untitled talk”/);
		expect(await addStepToDraft({ query: 'v=3&safetyValue=2', chart: 'chart-shares', chartTitle: 'Shares' })).toMatch(/^Step 2 added/);
		expect(readDraft().talk.steps.map((s) => s.query)).toEqual(['v=3', 'v=3&safetyValue=2']);
	});

	it('stops at 30 steps', async () => {
		writeDraft(talkOf(30));
		expect(await addStepToDraft({ query: 'v=3', chart: 'c', chartTitle: 'C' })).toMatch(/already has 30 steps/);
		expect(readDraft().talk.steps).toHaveLength(30);
	});

	it('a corrupt draft reads as empty with a notice, and never throws', () => {
		storage.setItem(TALK_DRAFT_KEY, '{"title": 1');
		expect(readDraft()).toEqual({ talk: { title: '', steps: [] }, problem: expect.stringMatching(/could not be read/) });
		storage.setItem(TALK_DRAFT_KEY, JSON.stringify({ title: 'x', steps: [{ id: '<script>' }] }));
		expect(readDraft().problem).toMatch(/could not be read/);
	});

	it('a full or blocked localStorage is said, not thrown; an oversized draft is refused', () => {
		storage.setItem = () => {
			throw new DOMException('full', 'QuotaExceededError');
		};
		expect(writeDraft(talkOf(1))).toMatch(/could not be kept in this browser \(QuotaExceededError\)/);
		installLocalStorage(new MemoryStorage());
		const big: Talk = { title: '', steps: Array.from({ length: 10 }, (_, i) => step(i, { query: 'x'.repeat(MAX_DRAFT_CHARS / 10) })) };
		expect(writeDraft(big)).toMatch(/too large to keep in this browser/);
	});
});

describe('talks in saved scenarios', () => {
	const document = { notebook: chinaMarketNotebook, inputs: {}, horizon: 2035 };
	const plain: SavedScenario = { id: 's-old', name: 'Old', description: '', savedAt: '2026-01-01T00:00:00.000Z', document };
	const withTalk: SavedScenario = { ...plain, id: 's-talk', name: 'Talk', talk: talkOf(3) };

	it('an entry without a talk still reads; one with a talk keeps it; a bad talk is refused', () => {
		expect(SavedScenarioSchema.safeParse(plain).success).toBe(true);
		const parsed = SavedScenarioSchema.safeParse(withTalk);
		expect(parsed.success && (parsed.data as SavedScenario).talk?.steps).toHaveLength(3);
		expect(SavedScenarioSchema.safeParse({ ...plain, talk: { title: '', steps: 'no' } }).success).toBe(false);
	});

	it('export and import carry the talk; old files without talks still import', () => {
		const text = exportLibrary([plain, withTalk]);
		const outcome = importLibrary([], text);
		expect(outcome.problems).toEqual([]);
		expect(outcome.scenarios.map((s) => s.talk?.steps.length ?? 0)).toEqual([0, 3]);
	});

	it('the database keeps a talk beside old entries', async () => {
		freshDatabase();
		installLocalStorage(new MemoryStorage());
		expect(await addScenarios([plain, withTalk])).toBeNull();
		const { scenarios, problems } = await readScenarios();
		expect(problems).toEqual([]);
		expect(scenarios.find((s) => s.id === 's-talk')?.talk).toEqual(talkOf(3));
		expect(scenarios.find((s) => s.id === 's-old')?.talk).toBeUndefined();
	});
});
