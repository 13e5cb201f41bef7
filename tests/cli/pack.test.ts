// SLOW (about 15 s on a quiet machine, after dist/ is built): the package as another project
// gets it. `npm pack` makes the tarball, a temp folder installs it, and there `npx shiftcast`
// answers --help and runs a link, the API imports by package name, and a TypeScript file
// type-checks against the package's declarations. Skipped, loudly, when npm cannot reach the
// registry or its cache for the runtime dependencies.
import { beforeAll, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, ensureBuilt } from './support';

beforeAll(ensureBuilt, 600_000);

function sh(file: string, args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
	return new Promise((resolve) => {
		execFile(file, args, { cwd, maxBuffer: 16 * 1024 * 1024 }, (error, out, err) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, out, err }));
	});
}

const UNREACHABLE = /ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|ENETUNREACH|ECONNRESET|network|offline/i;

it('npm pack, install the tarball elsewhere, run shiftcast and the typed API there', { timeout: 240_000 }, async (ctx) => {
	const dir = mkdtempSync(join(tmpdir(), 'shiftcast-pack-'));
	// dist/ is built (beforeAll): the pack itself need not run prepack's build again.
	const pack = await sh('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], ROOT);
	expect(pack.code, pack.err).toBe(0);
	const tgz = readdirSync(dir).find((f) => f.endsWith('.tgz'))!;
	const app = join(dir, 'app');
	await sh('mkdir', ['-p', app], dir);
	writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
	const install = await sh('npm', ['install', join(dir, tgz), '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], app);
	if (install.code !== 0 && UNREACHABLE.test(install.err)) {
		console.warn(`SKIPPED the package test: npm could not reach the registry to install the tarball's dependencies:\n${install.err.slice(0, 400)}`);
		ctx.skip();
	}
	expect(install.code, install.err).toBe(0);

	const help = await sh('npx', ['--no-install', 'shiftcast', '--help'], app);
	expect(help.code, help.err).toBe(0);
	expect(help.out).toMatch(/^Usage: shiftcast <command>/);
	const run = await sh('npx', ['--no-install', 'shiftcast', 'run', 'https://example.org/?v=3&horizon=2030', '--variables', 'domesticShare', '--years', '2030'], app);
	expect(run.code, run.err).toBe(0);
	expect(run.out).toMatch(/^scenario,year,domesticShare\r\nlink,2030,0\.7\d+\r\n$/);

	// The API by package name, from plain JavaScript and from TypeScript against the declarations.
	writeFileSync(join(app, 'use.mjs'), "import { run } from 'shiftcast';\nconst r = await run('v=3', { variables: ['nevShare'] });\nconsole.log(r.years.length, typeof r.series.nevShare[0]);\n");
	const used = await sh(process.execPath, ['use.mjs'], app);
	expect(used.out.trim(), used.err).toBe('17 number');
	writeFileSync(
		join(app, 'use.ts'),
		[
			"import { run, bands, type ScenarioResult, type BandsResult } from 'shiftcast';",
			"const r: ScenarioResult = await run('v=3', { horizon: 2040, variables: ['domesticShare'] });",
			'const first: number = r.series.domesticShare[0];',
			"const b: BandsResult = await bands('v=3', { samples: 1000, threads: 2 });",
			'const p95: number[] = b.bands.domesticShare.p95;',
			'// @ts-expect-error: samples is a number',
			"await bands('v=3', { samples: 'many' });",
			'export { first, p95 };'
		].join('\n')
	);
	writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, types: [] }, files: ['use.ts'] }));
	const tsc = await sh(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], app);
	expect(tsc.out + tsc.err, 'the declarations type-check in a consumer').toBe('');
	expect(tsc.code).toBe(0);
});
