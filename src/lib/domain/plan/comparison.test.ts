import { describe, expect, it } from 'vitest';
import type { PlanAction } from './action';
import { actionsDoneBetween } from './comparison';
import { carryOver, newAction } from './plan';

let n = 0;
const newId = () => `id-${++n}`;
const inPlan = (campaignId: string, title: string, over: Partial<PlanAction> = {}): PlanAction => ({
	...newAction(title, { campaignId, now: 1, newId }),
	...over
});

describe('actions done between two campaigns', () => {
	const realisedBefore = inPlan('c1', 'Bourse aux matériaux', {
		levers: ['mutualisation', 'commande-publique'],
		status: 'realise'
	});
	const openBefore = inPlan('c1', 'Clauses sociales', {
		levers: ['commande-publique'],
		status: 'en-cours'
	});
	const abandoned = inPlan('c1', 'Charte', { levers: ['mutualisation'], status: 'abandonne' });
	const carriedDone = {
		...carryOver(openBefore, { campaignId: 'c2', now: 2, newId }),
		status: 'realise' as const
	};
	const carriedOpen = carryOver(
		inPlan('c1', 'Annuaire des acteurs', { levers: ['connaissance-acteurs'] }),
		{ campaignId: 'c2', now: 2, newId }
	);
	const newDone = inPlan('c2', 'Forum ESS', {
		levers: ['connaissance-acteurs'],
		status: 'realise'
	});

	it('counts what was realised in the earlier plan and what was carried and realised later', () => {
		const done = actionsDoneBetween(
			'c1',
			[realisedBefore, openBefore, abandoned],
			[carriedDone, carriedOpen, newDone]
		);
		const titles = (lever: keyof typeof done) =>
			done[lever].map((d) => `${d.action.title} (${d.plan})`);
		expect(titles('commande-publique')).toEqual([
			'Bourse aux matériaux (before)',
			'Clauses sociales (after)'
		]);
		expect(titles('mutualisation')).toEqual(['Bourse aux matériaux (before)']);
		// Planned after the earlier campaign, or not realised: not counted.
		expect(titles('connaissance-acteurs')).toEqual([]);
		expect(titles('sensibilisation')).toEqual([]);
	});

	it('counts once an action realised in both plans, as the later copy', () => {
		const original = { ...openBefore, status: 'realise' as const };
		const done = actionsDoneBetween('c1', [original], [carriedDone]);
		expect(done['commande-publique']).toEqual([{ action: carriedDone, plan: 'after' }]);
	});

	it('ignores actions carried from another campaign than the earlier one', () => {
		const fromElsewhere = {
			...carryOver(inPlan('c0', 'Ancienne', { levers: ['appropriation'] }), {
				campaignId: 'c2',
				now: 2,
				newId
			}),
			status: 'realise' as const
		};
		expect(actionsDoneBetween('c1', [], [fromElsewhere]).appropriation).toEqual([]);
	});
});
