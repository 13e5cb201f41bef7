// Scripts each page loads until the network is idle (lazy loads included), gzip level 9 total:
// how a change to the chunking moves every page, not only the notebook's first visit that
// budget.ts guards. Usage: npx tsx scripts/bench/pageScripts.ts (DIR=<build> for another build).
import { launchChromium } from '../../tests/e2e/support/chromium';
import { serveDirectory } from '../../tests/e2e/support/staticServer';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
const dir = process.env.DIR ?? 'build';
const server = await serveDirectory(dir);
const browser = await launchChromium();
for (const path of ['/', '/explore', '/embed?v=3&chart=chart-shares', '/embed?v=3&horizon=2040&chart=chart-shares', '/talk', '/compare', '/about']) {
	const context = await browser.newContext();
	const page = await context.newPage();
	const scripts = new Set<string>();
	page.on('request', (r) => { if (r.resourceType() === 'script' && r.frame() === page.mainFrame()) scripts.add(new URL(r.url()).pathname); });
	await page.goto(server.url + path, { waitUntil: 'networkidle' });
	const size = (p: string) => gzipSync(readFileSync(dir + p), { level: 9 }).length;
	const list = [...scripts].filter((p) => !p.includes('/workers/') && !p.includes('service-worker'));
	console.log(path, (list.reduce((a, p) => a + size(p), 0) / 1024).toFixed(1), 'kB', list.length, 'files (after network idle, incl. lazy loads)');
	await context.close();
}
await browser.close(); await server.close();
