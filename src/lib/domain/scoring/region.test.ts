import { describe, expect, it } from 'vitest';
import type { Campaign } from '../answers';
import { scoreCampaign } from './campaign';
import { diagnostic, fixtureQuestionnaire } from '../testing/fixtures';
import { aggregateCampaigns, spreadOf } from './region';

const campaign = (id: string): Campaign => ({
	id,
	authority: `Commune ${id}`,
	label: 'Diagnostic 2026',
	modules: ['marches', 'cantines'],
	createdAt: 0,
	updatedAt: 0
});

const EMPTY = { mean: null, min: null, max: null, median: null, q1: null, q3: null, evaluated: 0 };

describe('region aggregation', () => {
	it('spreads the campaigns’ lever means, each campaign counting the same', () => {
		// commande-publique: c1 marchés (m-clauses 4, m-reserve 4) = 100; c2 marchés 0 and cantines
		// (c-bio 2, c-local 2) = 50 → campaign mean (0 + 50) / 2 = 25; region (100 + 25) / 2 = 62.5.
		const s1 = scoreCampaign(
			campaign('c1'),
			[diagnostic('marches', { campaignId: 'c1', answers: { 'm-clauses': 4, 'm-reserve': 4 } })],
			fixtureQuestionnaire
		);
		const s2 = scoreCampaign(
			campaign('c2'),
			[
				diagnostic('marches', { campaignId: 'c2', answers: { 'm-clauses': 0, 'm-reserve': 0 } }),
				diagnostic('cantines', { campaignId: 'c2', answers: { 'c-bio': 2, 'c-local': 2 } })
			],
			fixtureQuestionnaire
		);
		const region = aggregateCampaigns([s1, s2]);
		expect(region.campaigns).toBe(2);
		expect(region.levers['commande-publique']).toEqual({
			mean: 62.5,
			min: 25,
			max: 100,
			// Two values: the median is their mean, quartiles a quarter of the way in from each.
			median: 62.5,
			q1: 43.75,
			q3: 81.25,
			evaluated: 2
		});
		expect(region.levers.sensibilisation).toEqual(EMPTY);
	});

	it('is empty for no campaign', () => {
		expect(spreadOf([])).toEqual(EMPTY);
		expect(aggregateCampaigns([]).transversality.evaluated).toBe(0);
	});

	it('gives the median and quartiles of the evaluated values, in any order', () => {
		// Sorted: 10 20 30 40 (null left out). Median at rank 1.5 → 25; q1 at 0.75 → 10 + 0.75 × 10
		// = 17.5; q3 at 2.25 → 30 + 0.25 × 10 = 32.5.
		expect(spreadOf([40, null, 10, 30, 20])).toEqual({
			mean: 25,
			min: 10,
			max: 40,
			median: 25,
			q1: 17.5,
			q3: 32.5,
			evaluated: 4
		});
		// Odd count: 0 50 100 → median 50, quartiles 25 and 75; one value is all three.
		expect(spreadOf([100, 0, 50])).toMatchObject({ median: 50, q1: 25, q3: 75 });
		expect(spreadOf([7])).toMatchObject({ median: 7, q1: 7, q3: 7, min: 7, max: 7 });
	});
});
