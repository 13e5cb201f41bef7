// How numbers are shown: the thousands grouping used instead of toLocaleString on start-up paths.
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatChange, formatMillions, formatValue, groupThousands, millionsNumber } from '../src/lib/view/format';
import { useScreenWords } from '../src/lib/i18n/screenWords';
import { screenWords } from '../src/lib/server/screenWords';
import { boundToText, textToBound } from '../src/lib/view/discovery';
import { toModelValue, toShownValue, unitName } from '../src/lib/charts/annotations';

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

describe('volumes in the page’s language', () => {
	afterEach(() => useScreenWords(() => screenWords('en')));

	it('are millions in English and 万辆 in Chinese, the same precision, typed back the same way', () => {
		expect(formatValue(23.6, 'millions')).toBe('23.60 M');
		expect(formatChange(1.2, 'millions')).toBe('+1.20 M');
		expect(boundToText(7.4, 'millions')).toBe('7.4');
		useScreenWords(() => screenWords('zh'));
		expect(formatValue(23.6, 'millions')).toBe('2,360 万辆');
		expect(formatValue(0.7, 'millions')).toBe('70 万辆');
		expect(formatChange(-1.2, 'millions')).toBe('−120 万辆');
		expect(formatMillions(0.1234, 3)).toBe('12.3 万辆');
		expect(millionsNumber(19)).toBe('1,900');
		expect(boundToText(7.4, 'millions')).toBe('740');
		expect(textToBound('740', 'millions')).toBe(7.4);
		expect(toShownValue(7.4, 'millions')).toBe(740);
		expect(toModelValue(740, 'millions')).toBe(7.4);
		expect(unitName('millions')).toBe('万辆');
	});

	it('round-trip a typed Chinese volume to the model and back', () => {
		useScreenWords(() => screenWords('zh'));
		fc.assert(fc.property(fc.integer({ min: 0, max: 100_000 }), (typed) => toShownValue(toModelValue(typed, 'millions'), 'millions') === typed));
	});
});
