// Print only: the page's full address, written out at the end of the scenario, so a printed page
// says where to open it again (app.css shows .print-link on paper only). The address bar follows
// the scenario (state/linkSync.ts) a moment after each change, so it is read again just before
// printing. Plain DOM rather than a component: the page loads it after the first chart, with the
// editors, and it stays out of the first visit's JavaScript.

/** Adds the print link at the end of `container` (none: the page has gone); returns what removes it. */
export function addPrintLink(container: Element | null): () => void {
	if (!container) return () => {};
	const p = document.createElement('p');
	p.className = 'print-link';
	const a = document.createElement('a');
	p.append('Open this scenario in Shiftcast: ', a);
	const read = () => {
		a.href = a.textContent = location.href;
	};
	read();
	addEventListener('beforeprint', read);
	container.append(p);
	return () => {
		removeEventListener('beforeprint', read);
		p.remove();
	};
}
