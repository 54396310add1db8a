import { describe, expect, it } from 'vitest';
import { formatLongDate, inForceSince } from './format';

describe('formatLongDate', () => {
	it('writes the first of a month « 1er », other days as numbers', () => {
		expect(formatLongDate('2021-01-01')).toBe('1er janvier 2021');
		expect(formatLongDate('2015-06-10')).toBe('10 juin 2015');
		expect(formatLongDate('2026-08-21')).toBe('21 août 2026');
	});
});

describe('inForceSince', () => {
	const dec2026 = new Date(2026, 11, 15, 12).getTime();

	it('says « depuis » for a date passed or today, « à partir du » for one to come', () => {
		expect(inForceSince('2021-01-01', dec2026)).toBe('en vigueur depuis le 1er janvier 2021');
		expect(inForceSince('2026-12-15', dec2026)).toBe('en vigueur depuis le 15 décembre 2026');
		expect(inForceSince('2027-07-01', dec2026)).toBe('en vigueur à partir du 1er juillet 2027');
	});
});
