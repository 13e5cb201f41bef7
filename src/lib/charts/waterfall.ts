// Attribution -> waterfall bars: scenario A's value, one floating bar per contribution, then
// scenario B's value. Pure, so the arithmetic (bars end where B is) is tested in Node.

import type { Attribution } from '../sim/analysis/attribution';

export interface WaterfallBar {
	label: string;
	from: number;
	to: number;
	kind: 'total' | 'up' | 'down';
}

export function waterfallBars(attribution: Attribution, nameA: string, nameB: string): WaterfallBar[] {
	const bars: WaterfallBar[] = [{ label: nameA, from: 0, to: attribution.start, kind: 'total' }];
	let level = attribution.start;
	const parts = attribution.parts.slice().sort((x, y) => Math.abs(y.contribution) - Math.abs(x.contribution));
	for (const part of parts) {
		const next = level + part.contribution;
		bars.push({ label: part.label, from: level, to: next, kind: part.contribution >= 0 ? 'up' : 'down' });
		level = next;
	}
	bars.push({ label: nameB, from: 0, to: attribution.end, kind: 'total' });
	return bars;
}
