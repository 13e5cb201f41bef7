// Which scripts a first visit loads before its first chart, largest first (gzip level 9), and
// the workers': where to look when the page or worker budget is exceeded (scripts/bench/budget.ts
// gives the totals). Usage: npx tsx scripts/bench/firstVisitScripts.ts (DIR=<build> for another build).
import { measureLoad } from '../../tests/e2e/support/budget';
import { launchChromium } from '../../tests/e2e/support/chromium';
import { serveDirectory } from '../../tests/e2e/support/staticServer';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
const dir = process.env.DIR ?? 'build';
const server = await serveDirectory(dir);
const browser = await launchChromium();
const r = await measureLoad(browser, server.url + '/');
const size = (p: string) => gzipSync(readFileSync(dir + new URL(p, server.url).pathname), { level: 9 }).length;
for (const p of r.mainScripts.sort((a, b) => size(b) - size(a))) console.log((size(p) / 1024).toFixed(1), p);
for (const [k, list] of Object.entries(r.workerScripts)) for (const p of list) console.log(k, (size(p) / 1024).toFixed(1), p);
await browser.close(); await server.close();
