import { describe, expect, it } from 'vitest';
import { otherPartnerOf, withPartner } from './answers';
import { MODULE_IDS } from './content/questionnaire';

describe('withPartner', () => {
	it('keeps the modules in order, then the external partners in theirs', () => {
		let value = withPartner(null, 'autre', true, MODULE_IDS);
		value = withPartner(value, 'eau', true, MODULE_IDS);
		value = withPartner(value, 'communes-membres', true, MODULE_IDS);
		value = withPartner(value, 'dechets', true, MODULE_IDS);
		expect(value).toEqual(['dechets', 'eau', 'communes-membres', 'autre']);
		expect(withPartner(value, 'communes-membres', false, MODULE_IDS)).toEqual([
			'dechets',
			'eau',
			'autre'
		]);
	});

	it('never names the service itself', () => {
		expect(withPartner(['eau'], 'dechets', true, MODULE_IDS, 'dechets')).toEqual(['eau']);
		expect(withPartner(['dechets', 'eau'], 'autre', true, MODULE_IDS, 'dechets')).toEqual([
			'eau',
			'autre'
		]);
	});

	it('leaves no answer when the last partner, external or not, is unticked', () => {
		expect(withPartner(['patrimoine'], 'patrimoine', false, MODULE_IDS)).toBeNull();
	});
});

describe('otherPartnerOf', () => {
	it('gives the trimmed text only while « Autre » is ticked', () => {
		expect(otherPartnerOf({ value: ['eau', 'autre'], otherPartner: ' CCAS ' })).toBe('CCAS');
		expect(otherPartnerOf({ value: ['eau'], otherPartner: 'CCAS' })).toBeUndefined();
		expect(otherPartnerOf({ value: ['autre'], otherPartner: '  ' })).toBeUndefined();
		expect(otherPartnerOf({ value: null, otherPartner: 'CCAS' })).toBeUndefined();
	});
});
