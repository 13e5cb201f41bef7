/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />
// Offline: after one visit the notebook, the compare page and the method page open and run with
// no network. On install the service worker stores one complete build in a cache named after
// the build's version: the prerendered pages, every file Vite emitted (JS, CSS, the engine
// worker) and the static files. It answers from that cache first, so a page and the scripts
// it loads always come from the same build. A new deployment installs a new cache beside the
// old one; when the new worker takes over (once no tab uses the old one, or when the page asks
// it to with {type: 'SKIP_WAITING'}), older caches are deleted.

import { build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;

const PREFIX = 'shiftcast-';
const CACHE = `${PREFIX}${version}`;

/** Pathnames (no origin, no query) of everything stored on install. */
const PAGES = new Set(prerendered.map(pathOf));
const ASSETS = new Set([...build, ...files].map(pathOf));
const PRECACHE = [...new Set([...PAGES, ...ASSETS])];

function pathOf(url: string): string {
	return new URL(url, sw.location.href).pathname;
}

/**
 * The stored page for a pathname. Prerendered pages are stored under their route (`/compare`);
 * `/compare/`, `/compare.html` and `/index.html` name the same pages.
 */
function pageKey(pathname: string): string | null {
	if (PAGES.has(pathname)) return pathname;
	const candidates = [pathname.replace(/\/index\.html$/, '/'), pathname.replace(/\.html$/, ''), pathname.replace(/\/$/, '')];
	return candidates.find((c) => c !== '' && PAGES.has(c)) ?? null;
}

/** A response the browser will accept for a navigation, even if the host redirected to it. */
async function storable(response: Response): Promise<Response> {
	if (!response.redirected) return response;
	return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers: response.headers });
}

sw.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const cache = await caches.open(CACHE);
			// Bypass the HTTP cache so a stale copy of a page never lands in a new build's cache.
			await Promise.all(
				PRECACHE.map(async (path) => {
					const response = await fetch(new Request(path, { cache: 'reload', credentials: 'same-origin' }));
					if (!response.ok) throw new Error(`precache ${path}: HTTP ${response.status}`);
					await cache.put(path, await storable(response));
				})
			);
		})()
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) {
				if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
			}
			// The first visit's page is controlled at once, so it works offline without a reload.
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('message', (event) => {
	if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void sw.skipWaiting();
});

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;

	// Pages: the query string holds the scenario (`/?v=1&localisation=0.6`), never a different
	// document, so it is ignored when looking the page up.
	const page = request.mode === 'navigate' || request.destination === 'document' || PAGES.has(url.pathname) ? pageKey(url.pathname) : null;
	const key = page ?? (ASSETS.has(url.pathname) ? url.pathname : null);
	if (key) {
		event.respondWith(cacheFirst(key, request));
		return;
	}
	// Anything else (e.g. _app/version.json): the network; offline, whatever is stored for it.
	event.respondWith(networkThenCache(request));
});

async function cacheFirst(key: string, request: Request): Promise<Response> {
	const cache = await caches.open(CACHE);
	const hit = await cache.match(key);
	if (hit) return hit;
	// Not stored (the cache was evicted, or install is still running): fetch it and keep it.
	const response = await fetch(request);
	if (response.ok && response.type === 'basic') await cache.put(key, await storable(response.clone()));
	return response;
}

async function networkThenCache(request: Request): Promise<Response> {
	try {
		return await fetch(request);
	} catch (err) {
		const hit = await caches.match(request, { ignoreSearch: true });
		if (hit) return hit;
		throw err;
	}
}
