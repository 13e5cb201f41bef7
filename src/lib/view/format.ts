// How numbers are shown to people. Shares as percentages with one decimal, differences in
// percentage points, volumes in millions.

import type { ValueFormat } from '../sim/types';

export function formatValue(value: number | undefined, format: ValueFormat = 'number'): string {
	if (value === undefined || Number.isNaN(value)) return '–';
	if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
	switch (format) {
		case 'percent':
			return `${(value * 100).toFixed(1)}%`;
		case 'millions':
			return `${value.toFixed(2)} M`;
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
			return `${sign}${size.toFixed(2)} M`;
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
