// Links made by every released version give the figures they gave when they were made, to the
// last digit: each fixture link is decoded as the app decodes it, run with the data its version
// reads, and compared with the figures recorded from that version's build
// (scripts/recordLinkFigures.ts, run once per version and never again).
//
// A link with no `v`, or a `v` above its fixture's version, is read as the current version by
// design: it opens with the current notebook and says so. Its recorded figures are those of the
// version that was current when it was recorded, so they are compared only in the current
// version's fixture.
import { describe, expect, it } from 'vitest';
import { decodeScenario } from '../src/lib/scenario/codec';
import { currentPublished } from '../src/lib/notebooks/published';
import { linkFigures } from './support/linkFigures';
import linksV1 from './fixtures/links-v1.json';
import linksV2 from './fixtures/links-v2.json';
import linksV3 from './fixtures/links-v3.json';

const fixtures = [linksV1, linksV2, linksV3];

/** True for a fixture link read as the current version: it names no `v`, or one above its fixture's. */
function readAsCurrent(query: string, fixtureVersion: number): boolean {
	const v = new URLSearchParams(query).get('v');
	return v === null || Number(v) > fixtureVersion;
}

it('the fixtures reach the current version', () => {
	expect(fixtures.map((f) => f.version)).toEqual([1, 2, currentPublished.version]);
});

for (const fixture of fixtures) {
	describe(`links made by version ${fixture.version} keep their recorded figures`, () => {
		it('every link has recorded figures', () => {
			for (const link of fixture.links) expect(link.figures, link.name).toBeDefined();
		});
		for (const link of fixture.links) {
			it(link.name, async () => {
				const decoded = await decodeScenario(link.query, currentPublished);
				if (readAsCurrent(link.query, fixture.version)) {
					expect(decoded.document.notebook.version).toBe(currentPublished.version);
					expect(decoded.notices.some((n) => n.includes(`version ${currentPublished.version}`)), JSON.stringify(decoded.notices)).toBe(true);
					if (fixture.version !== currentPublished.version) return;
				} else {
					expect(decoded.document.notebook.version).toBe(fixture.version);
				}
				expect(linkFigures(decoded.document)).toEqual(link.figures);
			});
		}
	});
}
