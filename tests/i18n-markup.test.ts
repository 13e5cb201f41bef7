// A message with markup inside it (i18n/markup.ts): the slots come back in the message's own
// order, so a Chinese sentence may put them where its word order wants them.
import { describe, expect, it } from 'vitest';
import { parts, slot } from '../src/lib/i18n/markup';

describe('a message with markup slots', () => {
	it('splits into text and slots in order, with no empty text', () => {
		expect(parts(`${slot('variable')} against CPCA: ${slot('rmse')} over 5 years`)).toEqual([
			{ slot: 'variable', text: '' },
			{ slot: null, text: ' against CPCA: ' },
			{ slot: 'rmse', text: '' },
			{ slot: null, text: ' over 5 years' }
		]);
	});

	it('keeps a slot order other than the English', () => {
		expect(parts(`与乘联会数据相比，${slot('variable')}的均方根误差为 ${slot('rmse')}`).map((p) => p.slot ?? p.text)).toEqual(['与乘联会数据相比，', 'variable', '的均方根误差为 ', 'rmse']);
	});

	it('gives a message without slots back whole, and nothing for an empty one', () => {
		expect(parts('Fitting…')).toEqual([{ slot: null, text: 'Fitting…' }]);
		expect(parts('')).toEqual([]);
	});
});
