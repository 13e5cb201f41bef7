// A static file server for the built site, on 127.0.0.1 and a free port. Tests start and stop
// it themselves.
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.webmanifest': 'application/manifest+json',
	'.txt': 'text/plain; charset=utf-8'
};

export interface RunningServer {
	url: string;
	close(): Promise<void>;
}

export async function serveDirectory(root: string): Promise<RunningServer> {
	const base = resolve(root);
	// Large request lines are allowed so tests can send oversized links and see the app refuse them.
	const server: Server = createServer({ maxHeaderSize: 8 * 1024 * 1024 }, async (req, res) => {
		try {
			const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
			let file = normalize(join(base, path));
			if (!file.startsWith(base)) {
				res.writeHead(403).end();
				return;
			}
			const info = await stat(file).catch(() => null);
			// Prerendered /about -> about.html. /explore is also a folder (it holds the page's
			// __data.json for client-side navigation) but has no index.html: explore.html is the page.
			const page = `${file.replace(/[/\\]$/, '')}.html`;
			if (info?.isDirectory()) file = (await stat(join(file, 'index.html')).catch(() => null)) ? join(file, 'index.html') : page;
			else if (!info && !extname(file)) file = page;
			const body = await readFile(file);
			res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
			res.end(body);
		} catch {
			// Like static hosts: an unknown page gets the site's 404.html (it falls back to the notebook).
			const fallback = await readFile(join(base, '404.html')).catch(() => null);
			if (fallback && !extname(req.url?.split('?')[0] ?? '')) res.writeHead(404, { 'content-type': TYPES['.html'] }).end(fallback);
			else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
		}
	});
	await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return {
		url: `http://127.0.0.1:${port}`,
		close: () => new Promise<void>((ok) => server.close(() => ok()))
	};
}
