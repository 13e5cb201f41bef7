/// <reference types="vitest/config" />
import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vite';

/**
 * The data files' zod schema and its validator run in development and in the tests only (the
 * production build trusts the committed, tested files: src/lib/data/index.ts). Their modules
 * have no side effects, but the bundler keeps the argument calls of their schema definitions
 * (`z.minimum(2000)`, ...) as if they had, and with them zod's core: about 6 kB gzip in a first
 * visit's JavaScript and in the engine worker. Declared side-effect free, they go when unused.
 */
const treeshake = { moduleSideEffects: (id: string) => !/\/src\/lib\/data\/(schema|validate)\.ts$/.test(id) };

/**
 * The notebook page and everything it imports statically go into one chunk. Left to itself, the
 * bundler gives each set of modules shared by a different set of pages a chunk of its own; with
 * the embed and talk pages sharing parts of the notebook's modules, the notebook's first visit
 * went from 22 files (99.6 kB gzip) to 27 (102.7 kB) with the same modules: small files
 * compress worse. One chunk: 8 files, 94 kB. The cost falls on pages that use part of it
 * (the embed loads ~9 kB it does not run; measured in docs/performance.md).
 */
const codeSplitting = { groups: [{ name: 'notebook', test: /src\/routes\/\+page\.svelte$/ }] };

/** Test files that mock modules (vi.mock) or stub globals: each runs in a module graph of its own. */
const ISOLATED = ['tests/chart-client.test.ts', 'tests/export.test.ts', 'tests/published-run.test.ts'];

export default defineConfig({
	plugins: [
		// The interface's words in English and Chinese (messages/*.json), compiled into one function
		// per message (src/lib/paraglide/, generated). The language is the address's: /zh/... is
		// Chinese, anything else English (docs/i18n.md).
		paraglideVitePlugin({ project: './project.inlang', outdir: './src/lib/paraglide', strategy: ['url', 'baseLocale'] }),
		sveltekit()
	],
	worker: { format: 'es', rollupOptions: { treeshake } },
	build: { rollupOptions: { treeshake, output: { codeSplitting } } },
	test: {
		environment: 'node',
		setupFiles: ['tests/setup/screenWords.ts'],
		// Most test files share one module graph per worker (isolate: false): importing the engine,
		// mathjs and zod once per worker instead of once per file takes the unit run from about
		// 95 s to 40 s here. Files that mock modules or replace globals keep a graph of their own.
		projects: [
			{ extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/e2e/**', ...ISOLATED], isolate: false } },
			{ extends: true, test: { name: 'isolated', include: ISOLATED } }
		]
	}
});
