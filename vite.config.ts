/// <reference types="vitest/config" />
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

/**
 * The data files' zod schema and its validator run in development and in the tests only (the
 * production build trusts the committed, tested files: src/lib/data/index.ts). Their modules
 * have no side effects, but the bundler keeps the argument calls of their schema definitions
 * (`z.minimum(2000)`, ...) as if they had, and with them zod's core: about 6 kB gzip in a first
 * visit's JavaScript and in the engine worker. Declared side-effect free, they go when unused.
 */
const treeshake = { moduleSideEffects: (id: string) => !/\/src\/lib\/data\/(schema|validate)\.ts$/.test(id) };

export default defineConfig({
	plugins: [sveltekit()],
	worker: { format: 'es', rollupOptions: { treeshake } },
	build: { rollupOptions: { treeshake } },
	test: {
		include: ['tests/**/*.test.ts'],
		exclude: ['tests/e2e/**'],
		environment: 'node'
	}
});
