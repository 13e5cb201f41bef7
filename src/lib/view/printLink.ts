// Print only: the page's full address, written out at the end of the scenario, so a printed page
// says where to open it again (app.css shows .print-link on paper only). The address bar follows
// the scenario (state/linkSync.ts) a moment after each change, so it is read again just before
// printing. Plain DOM rather than a component: the notebook loads it after the first chart, with
// the cell editors, so it stays out of the first visit's JavaScript.

import { w } from '../i18n/screenWords';

/** Adds the print link at the end of `container`, once (none: the page has gone). */
export function addPrintLink(container: Element | null): void {
	if (!container || container.querySelector(':scope > .print-link')) return;
	const p = document.createElement('p');
	p.className = 'print-link';
	const a = document.createElement('a');
	p.append(w('screen_print_link'), a);
	const read = () => {
		// Gone with its page (the view was left): stop listening.
		if (!p.isConnected && a.href) return removeEventListener('beforeprint', read);
		a.href = a.textContent = location.href;
	};
	read();
	addEventListener('beforeprint', read);
	container.append(p);
}
