// The browser test opens some hostile cases together in one link (tests/fixtures/hostile-visits.ts).
// Here, in Node: a shared link tells the reader exactly what its cases' own links tell it, notice
// for notice, and the inputs of each; so a case checked on the shared link is checked as itself.
import { describe, expect, it } from 'vitest';
import { decodeScenario } from '../src/lib/scenario/decode';
import { chinaMarketNotebook } from '../src/lib/notebooks/chinaMarket';
import { hostileLinks } from './fixtures/hostile-links';
import { hostileVisits, NOTICE_ROOM } from './fixtures/hostile-visits';

const visits = await hostileVisits();
const decode = (query: string) => decodeScenario(query, chinaMarketNotebook);
const queryOf = async (link: (typeof hostileLinks)[number]) => (typeof link.query === 'function' ? await link.query() : link.query);

describe('hostile links grouped for the browser', () => {
	it('carry every case exactly once, in fewer page loads', () => {
		expect(visits.flatMap((v) => v.cases.map((c) => c.name)).sort()).toEqual(hostileLinks.map((l) => l.name).sort());
		expect(visits.length).toBeLessThan(hostileLinks.length * 0.8);
	});

	for (const visit of visits.filter((v) => v.cases.length > 1)) {
		it(`${visit.cases.map((c) => c.name).join(' + ')}: the same notices and inputs as each case alone`, async () => {
			const shared = await decode(visit.query);
			const alone = await Promise.all(visit.cases.map(async (c) => decode(await queryOf(c))));
			expect(shared.notices.length).toBeLessThanOrEqual(NOTICE_ROOM);
			expect([...shared.notices].sort()).toEqual(alone.flatMap((d) => d.notices).sort());
			expect(shared.document.inputs).toEqual(Object.assign({}, ...alone.map((d) => d.document.inputs)));
			expect(shared.document.notebook).toEqual(chinaMarketNotebook);
			for (const c of visit.cases) for (const text of c.notices ?? []) expect(shared.notices.join('\n')).toContain(text);
		});
	}
});
