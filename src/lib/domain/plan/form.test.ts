import { describe, expect, it } from 'vitest';
import { editedFields, fromForm, parseFrenchNumber, toForm } from './form';
import { newAction } from './plan';
import type { PlanAction } from './action';

const context = { campaignId: 'c1', now: 1000, newId: () => 'a1' };
const action = (over: Partial<PlanAction> = {}): PlanAction => ({
	...newAction('Une action', context),
	...over
});

describe('the action form', () => {
	it('reads French numbers, and leaves a typo as NaN for the checks to refuse', () => {
		expect(parseFrenchNumber('1 500,50')).toBe(1500.5);
		expect(parseFrenchNumber('1\u202f500')).toBe(1500);
		expect(parseFrenchNumber('  ')).toBeUndefined();
		expect(parseFrenchNumber('12 €')).toBeNaN();
		expect(parseFrenchNumber('-3')).toBeNaN();
	});

	it('gives back what it read when nothing is changed', () => {
		const a = action({
			description: 'Décrire',
			levers: ['mutualisation'],
			pilot: 'dechets',
			partners: ['cantines'],
			responsible: { name: 'Camille' },
			dueDate: '2027-03-01',
			budget: 1500.5,
			indicator: { name: 'Tonnes évitées', target: 12, unit: 't' }
		});
		const form = toForm(a);
		expect(form.budget).toBe('1\u202f500,5');
		expect(form.indicatorTarget).toBe('12');
		expect(fromForm(form, a)).toEqual({
			title: 'Une action',
			description: 'Décrire',
			objectives: undefined,
			levers: ['mutualisation'],
			pilot: 'dechets',
			partners: ['cantines'],
			responsible: { name: 'Camille' },
			startDate: undefined,
			dueDate: '2027-03-01',
			status: 'a-venir',
			priority: 'moyenne',
			budget: 1500.5,
			indicator: { name: 'Tonnes évitées', target: 12, unit: 't' }
		});
	});

	it('keeps the unknown levers and services of an imported action', () => {
		const a = action({
			levers: ['mutualisation', 'levier-futur'],
			pilot: 'service-futur',
			partners: ['eau', 'autre-futur']
		});
		const form = toForm(a);
		expect(form.levers).toEqual(['mutualisation']);
		expect(form.pilot).toBe('');
		expect(form.partners).toEqual(['eau']);
		const edit = fromForm({ ...form, levers: [], partners: [] }, a);
		expect(edit.levers).toEqual(['levier-futur']);
		expect(edit.pilot).toBe('service-futur');
		expect(edit.partners).toEqual(['autre-futur']);
		expect(fromForm({ ...form, pilot: 'eau' }, a).pilot).toBe('eau');
	});

	it('removes empty texts and keeps an indicator with only a target', () => {
		const a = action({ description: 'x', responsible: { name: 'A', role: 'B' } });
		const edit = fromForm(
			{ ...toForm(a), description: '  ', responsibleName: '', indicatorTarget: '3' },
			a
		);
		expect(edit.description).toBeUndefined();
		expect(edit.responsible).toEqual({ role: 'B' });
		expect(edit.indicator).toEqual({ name: '', target: 3 });
		expect(fromForm(toForm(action()), action()).indicator).toBeUndefined();
	});

	it('does not list the pilot among the partners', () => {
		const a = action();
		expect(
			fromForm({ ...toForm(a), pilot: 'eau', partners: ['eau', 'dechets'] }, a).partners
		).toEqual(['dechets']);
	});

	it('writes only what was changed since the form was read, keeping what another tab saved', () => {
		const opened = action({ status: 'en-cours', budget: 1500, dueDate: '2027-03-01' });
		const initial = toForm(opened);
		// Meanwhile another tab marks it done and clears the due date.
		const stored = { ...opened, status: 'realise' as const, dueDate: undefined, revision: 2 };
		const edit = editedFields({ ...initial, title: 'Nouveau titre' }, initial, stored);
		expect(edit).toEqual({ title: 'Nouveau titre' });
		// Clearing a field writes its removal; changing the pilot rewrites the partners.
		expect(editedFields({ ...initial, budget: '' }, initial, stored)).toEqual({
			budget: undefined
		});
		const withPartner = action({ partners: ['eau', 'dechets'] });
		const form = toForm(withPartner);
		expect(editedFields({ ...form, pilot: 'eau' }, form, withPartner)).toEqual({
			pilot: 'eau',
			partners: ['dechets']
		});
		expect(editedFields(initial, initial, stored)).toEqual({});
	});
});
