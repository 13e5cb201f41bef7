// Reads screencast frames (PNG, base64) without a PNG decoder of our own: a blank page of the
// same browser decodes them and fingerprints regions of each, so a test can ask "did this part
// of the screen change in that frame?".
import type { BrowserContext } from 'playwright-core';

export interface Region {
	x: number;
	y: number;
	width: number;
	height: number;
}

/** For each frame, one fingerprint (a hash of its pixels) per region, in the order given. */
export async function regionFingerprints(context: BrowserContext, pngs: string[], regions: Region[]): Promise<string[][]> {
	const decoder = await context.newPage();
	try {
		return await decoder.evaluate(
			async ({ pngs, regions }) => {
				const out: string[][] = [];
				for (const png of pngs) {
					const image = await createImageBitmap(await (await fetch(`data:image/png;base64,${png}`)).blob());
					const canvas = new OffscreenCanvas(image.width, image.height);
					const ctx = canvas.getContext('2d')!;
					ctx.drawImage(image, 0, 0);
					out.push(
						regions.map((r) => {
							const pixels = ctx.getImageData(r.x, r.y, r.width, r.height).data;
							// FNV-1a over the region's bytes.
							let hash = 0x811c9dc5;
							for (let i = 0; i < pixels.length; i++) hash = Math.imul(hash ^ pixels[i], 0x01000193);
							return (hash >>> 0).toString(16);
						})
					);
				}
				return out;
			},
			{ pngs, regions }
		);
	} finally {
		await decoder.close();
	}
}
