// After tsc writes dist/types: relative imports in the declarations gain their `.js` (or
// `/index.js`), as Node's ESM resolution (a consumer's "moduleResolution": "NodeNext") requires;
// without them such a consumer silently sees every export as `any`. Run by `npm run build:cli`.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? 'dist/types');

function target(file, spec) {
	const base = resolve(dirname(file), spec);
	if (existsSync(`${base}.d.ts`)) return `${spec}.js`;
	if (existsSync(join(base, 'index.d.ts'))) return `${spec}/index.js`;
	return spec;
}

function walk(dir) {
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) walk(path);
		else if (name.endsWith('.d.ts')) {
			const text = readFileSync(path, 'utf8');
			const fixed = text.replace(/((?:from |import\()\s*)(['"])(\.{1,2}\/[^'"]*?)\2/g, (all, head, quote, spec) => (/\.(js|json)$/.test(spec) ? all : `${head}${quote}${target(path, spec)}${quote}`));
			if (fixed !== text) writeFileSync(path, fixed);
		}
	}
}
walk(root);
// The last step of `npm run build:cli`: its mark says the build finished (tests/cli/support.ts
// rebuilds a dist/ without it, such as one left by a build that failed half-way).
writeFileSync(join(root, '.complete'), '');
