// The one line under a chart that leaves the page (an embed, an SVG, a printed page): whose data
// its points are and which model drew its lines, so a chart seen away from the notebook still
// says where its numbers come from. In the page's language: the bodies as they write their own
// names (中汽协, 乘联会 on a Chinese page; i18n/dataWords.ts).

import { seriesMeta } from '../data/index';
import { sourceLineWords } from '../i18n/dataWords';
import type { ChartCell, Notebook } from '../sim/types';

/** "Data: CPCA, CAAM. Projection: Shiftcast, China market model v3." */
export function chartSourceLine(cell: ChartCell, notebook: Notebook): string {
	const bodies: string[] = [];
	let brought = false;
	if (cell.showHistory) {
		for (const link of cell.history) {
			const meta = seriesMeta(link.series);
			if (!meta) brought = true;
			else if (!bodies.includes(meta.basis.body)) bodies.push(meta.basis.body);
		}
	}
	return sourceLineWords(bodies, brought, notebook.version);
}
