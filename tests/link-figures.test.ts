// Links made by every released version give the figures they gave when they were made, to the
// last digit: each fixture link is decoded as the app decodes it, run with the data its version
// reads, and compared with the figures recorded from that version's build
// (scripts/recordLinkFigures.ts, run once per version and never again).
import { describe, expect, it } from 'vitest';
import { decodeScenario } from '../src/lib/scenario/codec';
import { currentPublished } from '../src/lib/notebooks/published';
import { linkFigures } from './support/linkFigures';
import linksV1 from './fixtures/links-v1.json';
import linksV2 from './fixtures/links-v2.json';

const fixtures = [linksV1, linksV2];

for (const fixture of fixtures) {
	describe(`links made by version ${fixture.version} keep their recorded figures`, () => {
		it('every link has recorded figures', () => {
			for (const link of fixture.links) expect(link.figures, link.name).toBeDefined();
		});
		for (const link of fixture.links) {
			it(link.name, async () => {
				const decoded = await decodeScenario(link.query, currentPublished);
				expect(decoded.document.notebook.version).toBe(fixture.version);
				expect(linkFigures(decoded.document)).toEqual(link.figures);
			});
		}
	});
}
