// Finds Debian's Chromium and launches it with the flags this closed network needs.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];

export function findChromium(): string | null {
	return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

/** Without the background-networking flags Chromium stalls on connections this network refuses. */
export const CHROMIUM_FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run'
];

/** Each launch gets a fresh, empty profile (Playwright creates a temporary user-data dir). */
export async function launchChromium(): Promise<Browser> {
	const executablePath = findChromium();
	if (!executablePath) throw new Error('Chromium not found: apt-get update && apt-get install -y chromium');
	return chromium.launch({ executablePath, args: CHROMIUM_FLAGS, headless: true });
}
