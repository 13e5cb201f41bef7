// The command line and the Node API, built into dist/ for Node 20 (npm pack ships dist/ only):
// the engine and its runtime dependencies are bundled in, so an installed package needs none,
// and the command starts without compiling TypeScript. `npm run build:cli` runs it; the site's
// build (vite.config.ts) is untouched.
import { defineConfig } from 'vite';

/** As the site's build: the data schema modules are free of side effects (see vite.config.ts). */
const treeshake = { moduleSideEffects: (id: string) => !/\/src\/lib\/data\/(schema|validate)\.ts$/.test(id) };

export default defineConfig({
	// No public dir, no SvelteKit: the Node code imports plain TypeScript and JSON only.
	publicDir: false,
	logLevel: 'warn',
	ssr: { noExternal: true, target: 'node' },
	build: {
		ssr: true,
		target: 'node20',
		outDir: 'dist',
		emptyOutDir: true,
		sourcemap: false,
		minify: false,
		reportCompressedSize: false,
		rollupOptions: {
			treeshake,
			input: { index: 'src/node/index.ts', bin: 'src/node/bin.ts', poolWorker: 'src/node/poolWorker.ts' },
			output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'shared-[name]-[hash].js' }
		}
	}
});
