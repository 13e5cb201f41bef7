// Chart.js draws on a transparent canvas: saved as is, the chart turns unreadable on a dark
// viewer. This copies it onto an opaque background first. Browser only.

import { downloadDataUrl } from './download';

/**
 * Returns a PNG data URL of `canvas` drawn over `background` (any CSS colour), at the canvas's
 * own pixel size (so at the device pixel ratio the chart was drawn at). The canvas itself is
 * left untouched.
 */
export function canvasToPng(canvas: HTMLCanvasElement, background: string): string {
	const copy = canvas.ownerDocument.createElement('canvas');
	copy.width = canvas.width;
	copy.height = canvas.height;
	const ctx = copy.getContext('2d');
	if (!ctx) throw new Error('Canvas 2D is not available');
	ctx.fillStyle = background;
	ctx.fillRect(0, 0, copy.width, copy.height);
	ctx.drawImage(canvas, 0, 0);
	return copy.toDataURL('image/png');
}

/** Saves `canvas` as shiftcast-<title>.png, over the page's own background colour. */
export function downloadCanvasPng(canvas: HTMLCanvasElement, title: string): void {
	const background = getComputedStyle(canvas.ownerDocument.body).backgroundColor || '#ffffff';
	const name = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80) || 'chart';
	downloadDataUrl(`shiftcast-${name}.png`, canvasToPng(canvas, background));
}
