// A Svelte attachment that calls `onNear` once, when its element comes within a screen of view:
// for parts of a page worth loading only if someone scrolls to them.
import type { Attachment } from 'svelte/attachments';

export function whenNearScreen(onNear: () => void): Attachment<HTMLElement> {
	return (element) => {
		if (typeof IntersectionObserver === 'undefined') {
			onNear();
			return;
		}
		const watcher = new IntersectionObserver(
			(entries) => {
				if (!entries.some((e) => e.isIntersecting)) return;
				watcher.disconnect();
				onNear();
			},
			{ rootMargin: '100% 0px' }
		);
		watcher.observe(element);
		return () => watcher.disconnect();
	};
}
