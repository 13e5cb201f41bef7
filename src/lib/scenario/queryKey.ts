// A query pair's key as the link reader sees it ("+" a space, escapes decoded). A key that does
// not decode is kept as written, for the reader to report.
export function queryKeyOf(pair: string): string {
	const raw = pair.split('=')[0].replace(/\+/g, ' ');
	try {
		return decodeURIComponent(raw);
	} catch {
		return raw;
	}
}
