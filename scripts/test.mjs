#!/usr/bin/env node
// npm test: unit, property and model-check tests, then end-to-end tests in Debian's Chromium
// against the built site. Ends with one plain summary line: "Total: N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tmpdir } from 'node:os';

const CI = Boolean(process.env.CI);
const totals = { passed: 0, failed: 0, skipped: 0 };
/** Each test file's wall time, from the runners' JSON reports: the summary lists the slowest. */
const fileSeconds = [];
const started = Date.now();

function vitest(args, label) {
	const report = join(tmpdir(), `shiftcast-${label}-${process.pid}.json`);
	const run = spawnSync('npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {
		stdio: 'inherit'
	});
	if (existsSync(report)) {
		const r = JSON.parse(readFileSync(report, 'utf8'));
		totals.passed += r.numPassedTests;
		totals.failed += r.numFailedTests + (r.numTotalTestSuites > 0 && r.success === false && r.numFailedTests === 0 ? 1 : 0);
		totals.skipped += r.numPendingTests + r.numTodoTests;
		for (const file of r.testResults ?? []) {
			if (Number.isFinite(file.endTime - file.startTime)) fileSeconds.push({ file: relative(process.cwd(), file.name), seconds: (file.endTime - file.startTime) / 1000 });
		}
		rmSync(report);
	} else if (run.status !== 0) totals.failed += 1;
	return run.status === 0;
}

/**
 * Generated from messages/ (which is checked instead) and written again by every vite or vitest
 * start, the unit tests' included: counting it rebuilt the site inside every npm test (~45 s).
 */
const GENERATED = join('src', 'lib', 'paraglide');

function newestMtime(dir) {
	let newest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (path === GENERATED) continue;
		newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
	}
	return newest;
}

function buildIsStale() {
	if (!existsSync('build/index.html')) return true;
	const built = statSync('build/index.html').mtimeMs;
	return ['src', 'data', 'static', 'messages'].some((d) => existsSync(d) && newestMtime(d) > built);
}

function chromiumPath() {
	return [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
}

function loud(lines) {
	const bar = '!'.repeat(78);
	console.error(`\n${bar}\n${lines.map((l) => `!! ${l}`).join('\n')}\n${bar}\n`);
}

let ok = vitest([], 'unit');

if (!chromiumPath()) {
	loud([
		'CHROMIUM NOT FOUND: the end-to-end tests did NOT run.',
		'Install Debian\'s Chromium:  apt-get update && apt-get install -y chromium',
		'(or set CHROMIUM_PATH to a Chromium binary). Never "npx playwright install" here.',
		CI ? 'CI is set: a missing Chromium is a failure.' : 'Outside CI this is a warning; the unit tests above still count.'
	]);
	if (CI) {
		totals.failed += 1;
		ok = false;
	}
} else {
	if (buildIsStale()) {
		console.log('\nBuilding the site for the end-to-end tests (build/ is missing or older than the sources)...');
		const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
		if (build.status !== 0) {
			totals.failed += 1;
			ok = false;
		}
	}
	if (ok || existsSync('build/index.html')) ok = vitest(['--config', 'vitest.e2e.config.ts'], 'e2e') && ok;
}

const slowest = fileSeconds.sort((a, b) => b.seconds - a.seconds).slice(0, 10);
if (slowest.length) {
	console.log(`\nThe ten slowest test files (npm test took ${((Date.now() - started) / 1000).toFixed(0)} s):`);
	for (const { file, seconds } of slowest) console.log(`${seconds.toFixed(1).padStart(8)} s  ${file}`);
}
console.log(`\nTotal: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(ok && totals.failed === 0 ? 0 : 1);
