// Saving text or an image as a file, from the browser (no server involved). Browser only.

/** Saves `text` as `filename`. The object URL is revoked once the download has started. */
export function downloadText(filename: string, text: string, mime = 'text/plain;charset=utf-8'): void {
	const url = URL.createObjectURL(new Blob([text], { type: mime }));
	try {
		clickLink(filename, url);
	} finally {
		// Revoking at once can cancel the download in some browsers; a tick later is enough.
		setTimeout(() => URL.revokeObjectURL(url), 0);
	}
}

/** Saves a `data:` URL (e.g. from canvasToPng) as `filename`. */
export function downloadDataUrl(filename: string, dataUrl: string): void {
	if (!dataUrl.startsWith('data:')) throw new Error('downloadDataUrl expects a data: URL');
	clickLink(filename, dataUrl);
}

function clickLink(filename: string, href: string): void {
	const a = document.createElement('a');
	a.href = href;
	a.download = filename;
	a.rel = 'noopener';
	a.hidden = true;
	document.body.append(a);
	a.click();
	a.remove();
}
