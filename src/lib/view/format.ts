// How numbers are shown to people. Shares as percentages with one decimal, differences in
// percentage points, volumes (held in millions by the model) in the page's language: millions on
// the English pages ("23.60 M"), 万辆 on the Chinese ones ("2,360 万辆"), as CAAM and CPCA write
// volumes, so a chart's figures read in the unit of the prose and the sources around them.

import type { ValueFormat } from '../sim/types';
import { w } from '../i18n/screenWords';

/**
 * How many of the page's volume units make a million: 1 in English, 100 in Chinese (万辆). Where
 * no page has handed its words over (a worker not told yet), millions.
 */
export function millionsScale(): number {
	const scale = Number(w('screen_format_millions_scale'));
	return Number.isFinite(scale) && scale > 0 ? scale : 1;
}

/** A volume in millions -> the page's unit (740 for 7.4 in 万辆, rounded so it is not 740.0000000001). */
export function millionsToShown(value: number): number {
	const scale = millionsScale();
	return scale === 1 ? value : Number((value * scale).toPrecision(12));
}

/** A volume typed in the page's unit -> millions. */
export function shownToMillions(shown: number): number {
	const scale = millionsScale();
	return scale === 1 ? shown : Number((shown / scale).toPrecision(12));
}

/** A volume in the page's unit (a number, no unit): 7.4 -> "7.4" / "740"; 19 -> "19" / "1,900". */
export function millionsNumber(value: number): string {
	const shown = millionsToShown(value);
	return Math.abs(shown) >= 1000 && Number.isInteger(shown) ? groupThousands(shown) : String(shown);
}

/** A volume's number in the page's unit, to the precision of `decimals` in millions: (23.6, 2) -> "23.60" / "2,360". */
export function millionsFixed(value: number, decimals = 2): string {
	const scale = millionsScale();
	const places = Math.max(0, decimals - Math.round(Math.log10(scale)));
	const shown = value * scale;
	return places === 0 && Math.abs(shown) >= 1000 ? groupThousands(shown) : shown.toFixed(places);
}

/**
 * A volume with its unit: "23.60 M" / "2,360 万辆". `decimals` are those in millions; the larger
 * unit keeps the same precision (two decimals in millions are whole 万辆).
 */
export function formatMillions(value: number, decimals = 2): string {
	const text = millionsFixed(value, decimals);
	const worded = w('screen_format_millions', { value: text });
	// No words handed over yet (the key comes back): millions, as the English page shows them.
	return worded === 'screen_format_millions' ? `${text} M` : worded;
}

export function formatValue(value: number | undefined, format: ValueFormat = 'number'): string {
	if (value === undefined || Number.isNaN(value)) return '–';
	if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
	switch (format) {
		case 'percent':
			return `${(value * 100).toFixed(1)}%`;
		case 'millions':
			return formatMillions(value);
		default:
			return Math.abs(value) >= 1000 || Number.isInteger(value) ? String(Math.round(value * 1000) / 1000) : value.toPrecision(4).replace(/\.?0+$/, '');
	}
}

/** A change against the baseline: percentage points for shares. */
export function formatChange(delta: number, format: ValueFormat = 'number'): string {
	if (!Number.isFinite(delta)) return '–';
	const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
	const size = Math.abs(delta);
	switch (format) {
		case 'percent':
			return `${sign}${(size * 100).toFixed(1)} pp`;
		case 'millions':
			return `${sign}${formatMillions(size)}`;
		default:
			return `${sign}${size.toPrecision(3)}`;
	}
}

/** An input's value as typed in its number box: no more decimals than its step has. */
export function formatInputValue(value: number, step: number): string {
	const decimals = Math.max(0, (String(step).split('.')[1] ?? '').length);
	return value.toFixed(Math.min(decimals, 10));
}

/**
 * A whole number with thousands separators: 10000 -> "10,000". Not toLocaleString('en'): its
 * first call loads the browser's locale data, 20-60 ms on the main thread while the page starts.
 */
export function groupThousands(n: number): string {
	const whole = String(Math.round(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
	return n < 0 ? `−${whole}` : whole;
}
