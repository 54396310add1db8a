import { describe, expect, it } from 'vitest';
import type { Campaign } from '../answers';
import { campaignLeverScores, overallMeconnaissance, scoreCampaign } from './campaign';
import { compareCampaigns } from './comparison';
import { diagnostic, fixtureQuestionnaire } from '../testing/fixtures';
import { scoreDiagnostic } from './scoring';

const campaign: Campaign = {
	id: 'c1',
	authority: 'Commune test',
	label: 'Diagnostic 2025',
	modules: ['dechets', 'eau', 'cantines', 'marches'],
	createdAt: 0,
	updatedAt: 0
};
const score = (answers: Record<string, Parameters<typeof diagnostic>[1]>) =>
	Object.entries(answers).map(([m, o]) =>
		scoreDiagnostic(diagnostic(m as 'eau', o), fixtureQuestionnaire)
	);

describe('campaign lever scores', () => {
	it('averages the modules, each counting the same, with min, max and the two weakest', () => {
		// mutualisation: dechets (d-compost 4, d-ressourcerie 4) = 100, eau (e-reuse 1, e-pluie 1)
		// = 25, urbanisme (ur-mobilite 1 alone) too few answers, not counted → mean 62.5.
		// collectivité usager: dechets (d-compost 4, d-tri 1) 62.5, eau 25 → weakest eau, dechets.
		const levers = campaignLeverScores(
			score({
				dechets: { answers: { 'd-compost': 4, 'd-ressourcerie': 4, 'd-tri': 1 } },
				eau: { answers: { 'e-reuse': 1, 'e-pluie': 1 } },
				urbanisme: { answers: { 'ur-mobilite': 1 } }
			})
		);
		expect(levers.mutualisation).toEqual({
			mean: 62.5,
			min: 25,
			max: 100,
			done: 50,
			engaged: 50,
			evaluated: ['dechets', 'eau'],
			weakest: ['eau', 'dechets']
		});
		expect(levers.sensibilisation).toMatchObject({ mean: null, min: null, max: null, weakest: [] });
	});

	it('pools méconnaissance over every answer rather than averaging services', () => {
		// eau: 1 nsp of 1; dechets: 0 of 3 → pooled 1/4 = 25 (a mean of services would give 50).
		// The obligation d-plpdma is not on the scale and does not count.
		const s = score({
			eau: { answers: { 'e-reuse': 'nsp' } },
			dechets: {
				answers: { 'd-compost': 1, 'd-ressourcerie': 1, 'd-tri': 1, 'd-plpdma': 'nsp' }
			}
		});
		expect(overallMeconnaissance(s)).toBe(25);
	});
});

describe('comparing two campaigns', () => {
	it('gives the deltas per lever, per service and of transversality', () => {
		const before = scoreCampaign(
			campaign,
			[diagnostic('marches', { answers: { 'm-clauses': 1, 'm-reserve': 1 } })],
			fixtureQuestionnaire
		);
		const after = scoreCampaign(
			{ ...campaign, id: 'c2', label: 'Diagnostic 2026', authority: ' commune TEST ' },
			[
				diagnostic('marches', { campaignId: 'c2', answers: { 'm-clauses': 3, 'm-reserve': 3 } }),
				diagnostic('eau', { campaignId: 'c2', answers: { 'e-reuse': 2, 'e-pluie': 2 } })
			],
			fixtureQuestionnaire
		);
		const c = compareCampaigns(before, after);
		expect(c.sameAuthority).toBe(true);
		expect(c.levers['commande-publique']).toEqual({ before: 25, after: 75, delta: 50 });
		expect(c.levers['collectivite-usager']).toEqual({ before: null, after: 50, delta: null });
		expect(c.services).toEqual({
			dechets: { before: null, after: null, delta: null },
			eau: { before: null, after: 50, delta: null },
			cantines: { before: null, after: null, delta: null },
			marches: { before: 25, after: 75, delta: 50 }
		});
		// diffusion: marchés alone at 0 engaged (En réflexion) of four services → 0; after, marchés
		// and eau engaged on every practice → 2/4 = 50.
		expect(c.transversality.components.diffusion).toEqual({ before: 0, after: 50, delta: 50 });
		expect(c.transversality.delta).toBeCloseTo(
			after.transversality.score! - before.transversality.score!,
			12
		);
	});

	it('flags two different authorities', () => {
		const a = scoreCampaign(campaign, [], fixtureQuestionnaire);
		const b = scoreCampaign({ ...campaign, authority: 'Autre commune' }, [], fixtureQuestionnaire);
		expect(compareCampaigns(a, b).sameAuthority).toBe(false);
	});
});
