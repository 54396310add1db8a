import { describe, expect, it } from 'vitest';
import { scoreCampaign } from './campaign';
import { campaign, diagnostic, fixtureQuestionnaire } from '../testing/fixtures';
import { evenness } from './stats';
import { TRANSVERSALITY_WEIGHTS } from './transversality';

const all2 = { 'd-compost': 2, 'd-ressourcerie': 2, 'd-plpdma': 2 } as const;

describe('équilibre (evenness)', () => {
	it('is 100 when maturities are equal and 0 when one service holds everything', () => {
		expect(evenness([40, 40, 40])).toBe(100);
		expect(evenness([80, 0, 0, 0])).toBe(0);
	});
	it('follows 100 × (1 − Σ|xi − xj| / ((n − 1) Σx))', () => {
		// [0, 0, 31.25, 75]: Σ|xi − xj| = 256.25, (n − 1) Σx = 3 × 106.25 = 318.75.
		expect(evenness([75, 0, 31.25, 0])).toBeCloseTo(100 * (1 - 256.25 / 318.75), 12);
		// [25, 75]: 50 / (1 × 100) → 50.
		expect(evenness([25, 75])).toBe(50);
	});
	it('is null with fewer than two services or when every maturity is 0', () => {
		expect(evenness([60])).toBeNull();
		expect(evenness([0, 0])).toBeNull();
	});
});

describe('transversality', () => {
	it('says so when every service is at 0, instead of "no maturity measured"', () => {
		const zero = scoreCampaign(
			campaign(['dechets', 'eau']),
			[
				diagnostic('dechets', { answers: { 'd-compost': 0, 'd-ressourcerie': 0, 'd-plpdma': 0 } }),
				diagnostic('eau', { answers: { 'e-reuse': 0, 'e-clauses': 0, 'e-asso': 0 } })
			],
			fixtureQuestionnaire
		).transversality.components.balance;
		expect(zero.value).toBeNull();
		expect(zero.hint).toBe(
			'Tous les services sont à 0 : l’équilibre se mesurera dès qu’un service progressera.'
		);
	});

	it('has weights that sum to 1', () => {
		const sum = Object.values(TRANSVERSALITY_WEIGHTS).reduce((s, w) => s + w, 0);
		expect(sum).toBeCloseTo(1, 12);
	});

	it('spreads the weight of gouvernance when the campaign has no transversal module', () => {
		// No transversal module expected: gouvernance is null and left out.
		// dechets maturity 50, cantines absent → couverture 50, coopération 0 (one pair, déchets
		// answered « aucun »),
		// leviers partagés: dechets engaged (50 ≥ 50) on its 4 levers → 100, équilibre [50, 0] → 0.
		// score = (0.15×50 + 0.25×0 + 0.25×100 + 0.15×0) / 0.8 = 32.5 / 0.8 = 40.625.
		const t = scoreCampaign(
			campaign(['dechets', 'cantines']),
			[diagnostic('dechets', { answers: { ...all2, 'd-coop': [] } })],
			fixtureQuestionnaire
		).transversality;
		expect(t.components.governance.value).toBeNull();
		expect(t.components.governance.hint).toMatch(/ne fait pas partie/);
		expect([
			t.components.coverage.value,
			t.components.cooperation.value,
			t.components.sharedLevers.value,
			t.components.balance.value
		]).toEqual([50, 0, 100, 0]);
		expect(t.score).toBe(40.625);
	});

	it('counts 0 for a component left unmeasured for lack of answers', () => {
		// Nobody answered the cooperation questions: coopération is not measured (null) and counts
		// 0, so skipping them cannot raise the score: still 32.5 / 0.8.
		const t = scoreCampaign(
			campaign(['dechets', 'cantines']),
			[diagnostic('dechets', { answers: all2 })],
			fixtureQuestionnaire
		).transversality;
		expect(t.components.cooperation.value).toBeNull();
		expect(t.components.cooperation.hint).toBe(
			'Aucun service n’a encore répondu aux questions de coopération.'
		);
		expect(t.score).toBe(40.625);
	});

	it('counts an expected transversal module that did not answer as 0 in gouvernance', () => {
		const t = scoreCampaign(
			campaign(['dechets', 'cantines', 'transversal']),
			[diagnostic('dechets', { answers: all2 })],
			fixtureQuestionnaire
		).transversality;
		expect(t.components.governance.value).toBe(0);
		expect(t.components.governance.hint).toBe('Faire remplir le module de pilotage transversal.');
	});

	it('counts only complete diagnostics in couverture, but scores drafts', () => {
		const t = scoreCampaign(
			campaign(['dechets', 'cantines']),
			[
				diagnostic('dechets', { answers: all2 }),
				diagnostic('cantines', { status: 'draft', answers: { 'c-bio': 2 } })
			],
			fixtureQuestionnaire
		).transversality;
		expect(t.components.coverage.value).toBe(50);
		expect(t.components.coverage.hint).toBe(
			'Faire compléter le diagnostic de : Cantines (brouillon).'
		);
		expect(t.components.balance.value).toBe(100);
	});

	it('names the one-sided links and the lagging levers in its hints', () => {
		const low = { 'd-compost': 1, 'd-ressourcerie': 1, 'd-plpdma': 1 } as const;
		const t = scoreCampaign(
			campaign(['dechets', 'eau']),
			[
				diagnostic('dechets', { answers: { ...low, 'd-coop': ['eau'] } }),
				diagnostic('eau', { answers: { 'e-reuse': 0 } })
			],
			fixtureQuestionnaire
		).transversality;
		expect(t.components.cooperation.value).toBe(50);
		expect(t.components.cooperation.hint).toBe(
			'Confirmer des deux côtés un lien déclaré par un seul service (Déchets → Eau).'
		);
		expect(t.components.sharedLevers.value).toBe(0);
		expect(t.components.sharedLevers.hint).toBe(
			'Leviers où moins de la moitié des services sont engagés : Portage politique, Mise en relation, Mutualisation, Collectivité usager.'
		);
		expect(t.components.balance.hint).toBe('Soutenir les services en retrait : Eau (0).');
	});
});
