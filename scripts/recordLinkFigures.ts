// Records the figures each fixture link gives, into tests/fixtures/links-v<N>.json, for the
// published notebook version N that is current when it runs. Run it once per version, when the
// version is released, and never again for that version: the recorded figures are what every
// later build must reproduce (tests/link-figures.test.ts). It refuses to overwrite figures
// already recorded.
// Usage: npx tsx scripts/recordLinkFigures.ts <version>
import '../src/node/englishWords';
import { readFileSync, writeFileSync } from 'node:fs';
import { decodeScenario } from '../src/lib/scenario/codec';
import { linkFigures } from '../tests/support/linkFigures';
import { currentPublished } from '../src/lib/notebooks/published';

const version = Number(process.argv[2]);
if (version !== currentPublished.version) throw new Error(`Only the current version (${currentPublished.version}) can be recorded.`);
const file = `tests/fixtures/links-v${version}.json`;
const fixture = JSON.parse(readFileSync(file, 'utf8')) as { links: { query: string; figures?: unknown }[] };
for (const link of fixture.links) {
	if (link.figures) throw new Error(`${file} already holds recorded figures: they are frozen.`);
	const decoded = await decodeScenario(link.query, currentPublished);
	link.figures = linkFigures(decoded.document);
}
writeFileSync(file, JSON.stringify(fixture, null, '\t') + '\n');
console.log(`Recorded figures for ${fixture.links.length} links in ${file}.`);
