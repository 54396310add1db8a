import { describe, expect, it } from 'vitest';
import { anonymousLabels, anonymousOrder, fnv1a, positionAmong } from './network';

describe('position of a campaign among others', () => {
	// Evaluated: 10 30 30 50 (one campaign not evaluated); median (30 + 30) / 2 = 30.
	const values = [10, 30, null, 30, 50];

	it('ranks from the highest, equal figures sharing the best rank', () => {
		expect(positionAmong(values, 4)).toEqual({
			value: 50,
			rank: 1,
			evaluated: 4,
			percentile: 75,
			median: 30,
			side: 'above'
		});
		// Two at 30: both second, one of four strictly lower → 25 %, on the median.
		expect(positionAmong(values, 1)).toMatchObject({ rank: 2, percentile: 25, side: 'at' });
		expect(positionAmong(values, 3)).toMatchObject({ rank: 2, percentile: 25, side: 'at' });
		expect(positionAmong(values, 0)).toMatchObject({ rank: 4, percentile: 0, side: 'below' });
	});

	it('says a campaign not evaluated has no place, and still gives the median', () => {
		expect(positionAmong(values, 2)).toEqual({
			value: null,
			rank: null,
			evaluated: 4,
			percentile: null,
			median: 30,
			side: null
		});
	});

	it('ties figures equal up to float noise', () => {
		expect(positionAmong([0.1 + 0.2, 0.3], 0)).toMatchObject({ rank: 1, side: 'at' });
	});
});

describe('anonymous labels', () => {
	it('hash with FNV-1a (published test vectors)', () => {
		expect(fnv1a('')).toBe(0x811c9dc5);
		expect(fnv1a('a')).toBe(0xe40c292c);
		expect(fnv1a('foobar')).toBe(0xbf9cf968);
	});

	it('follow the hash of the id, whatever the order of arrival', () => {
		// fnv1a: foobar 0xbf9cf968 < a 0xe40c292c.
		expect(anonymousOrder(['a', 'foobar'])).toEqual(['foobar', 'a']);
		const labels = anonymousLabels(['a', 'foobar']);
		expect(labels.get('foobar')).toBe('Collectivité 1');
		expect(labels.get('a')).toBe('Collectivité 2');
		expect(anonymousLabels(['foobar', 'a'])).toEqual(labels);
	});
});
