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
			evaluated: 2
		});
		expect(region.levers.sensibilisation).toEqual({
			mean: null,
			min: null,
			max: null,
			evaluated: 0
		});
	});

	it('is empty for no campaign', () => {
		expect(spreadOf([])).toEqual({ mean: null, min: null, max: null, evaluated: 0 });
		expect(aggregateCampaigns([]).transversality.evaluated).toBe(0);
	});
});
