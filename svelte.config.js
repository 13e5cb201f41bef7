import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * The style="…" attributes the app cannot avoid: the wrapper in src/app.html and SvelteKit's own
 * route announcer (a visually hidden live region in its generated root component). A strict
 * style-src blocks style attributes in markup, so these exact values are allowed by hash
 * ('unsafe-hashes'), read from the files themselves so an edit or a SvelteKit upgrade keeps
 * them in step. Styles set from script through the CSSOM (Svelte's style: directives, Chart.js
 * sizing its canvas) are not inline styles and need nothing.
 */
function styleAttributeHashes() {
	const require = createRequire(import.meta.url);
	const kitRoot = dirname(require.resolve('@sveltejs/kit/package.json'));
	const sources = [readFileSync('src/app.html', 'utf8'), readFileSync(join(kitRoot, 'src/core/sync/write_root.js'), 'utf8')];
	const values = new Set();
	for (const source of sources) for (const m of source.matchAll(/\sstyle="([^"]*)"/g)) values.add(m[1]);
	return [...values].map((v) => `sha256-${createHash('sha256').update(v).digest('base64')}`);
}

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Plain files in build/: any static host (or `npm start`) serves them. 404.html is the page
		// hosts serve for an unknown address: it boots the app, whose error page falls back to the
		// notebook with the same query (src/routes/+error.svelte).
		adapter: adapter({ pages: 'build', assets: 'build', fallback: '404.html', strict: true }),
		// Scripts and styles by absolute path: /zh/ and /zh (one page) both find them.
		paths: { relative: false },
		// The Chinese pages (/zh/...) are the same routes under a language prefix (src/hooks.ts).
		prerender: { entries: ['*', '/zh', '/zh/explore', '/zh/compare', '/zh/about', '/zh/embed', '/zh/talk'] },
		// Registered by the app after its first chart (src/lib/offline/serviceWorker.ts), not at the
		// load event: installing it compiles the whole build, which slowed the first chart.
		serviceWorker: { register: false },
		// Content Security Policy. Prerendered pages carry it as <meta http-equiv>; SvelteKit adds
		// the hash of its inline bootstrap script to script-src. No 'unsafe-eval', no inline script.
		// frame-ancestors (and report-uri, sandbox) cannot be delivered by <meta>: set
		// `Content-Security-Policy: frame-ancestors 'none'` (or X-Frame-Options: DENY) as an HTTP
		// header on the host if framing must be refused.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'worker-src': ['self'],
				'style-src': ['self'],
				'style-src-attr': ['unsafe-hashes', ...styleAttributeHashes()],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
