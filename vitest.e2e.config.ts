// End-to-end tests: real Chromium against the built site. Run by scripts/test.mjs after the
// unit tests, only when Chromium is installed (or always, under CI).
import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/e2e/**/*.e2e.test.ts'],
		environment: 'node',
		testTimeout: 60_000,
		hookTimeout: 60_000,
		fileParallelism: false
	}
});
