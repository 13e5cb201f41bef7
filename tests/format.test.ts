// How numbers are shown: the thousands grouping used instead of toLocaleString on start-up paths.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatValue, groupThousands } from '../src/lib/view/format';

describe('groupThousands', () => {
	it('groups whole numbers by three, as the English locale does', () => {
		expect(groupThousands(0)).toBe('0');
		expect(groupThousands(999)).toBe('999');
		expect(groupThousands(1000)).toBe('1,000');
		expect(groupThousands(10_000)).toBe('10,000');
		expect(groupThousands(100_000)).toBe('100,000');
		expect(groupThousands(1_234_567)).toBe('1,234,567');
		expect(groupThousands(-2500)).toBe('−2,500');
	});

	it('agrees with toLocaleString("en") for every whole number', () => {
		fc.assert(fc.property(fc.integer({ min: 0, max: 1e12 }), (n) => groupThousands(n) === n.toLocaleString('en')));
	});
});

describe('formatValue', () => {
	it('shows shares as percentages, volumes in millions, and missing values as a dash', () => {
		expect(formatValue(0.717, 'percent')).toBe('71.7%');
		expect(formatValue(22.5, 'millions')).toBe('22.50 M');
		expect(formatValue(undefined, 'percent')).toBe('–');
		expect(formatValue(NaN)).toBe('–');
	});
});
