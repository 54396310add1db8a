import { describe, expect, it } from 'vitest';
import { scoreCampaign } from './campaign';
import { campaign, diagnostic, fixtureQuestionnaire } from '../testing/fixtures';
import type { ModuleId } from '../content/questionnaire';
import { TRANSVERSALITY_WEIGHTS } from './transversality';

const engaged = {
	dechets: { 'd-compost': 2, 'd-ressourcerie': 2, 'd-tri': 2, 'd-elu': 2 },
	eau: { 'e-reuse': 2, 'e-clauses': 2, 'e-asso': 2, 'e-pluie': 2 }
} as const;
const thinking = {
	dechets: { 'd-compost': 1, 'd-ressourcerie': 1, 'd-tri': 1, 'd-elu': 1 },
	eau: { 'e-reuse': 1, 'e-clauses': 1, 'e-asso': 1, 'e-pluie': 1 }
} as const;

function pairOf(
	levels: typeof engaged | typeof thinking,
	links: { dechets?: ModuleId[]; eau?: ModuleId[] },
	modules: ModuleId[] = ['dechets', 'eau']
) {
	return scoreCampaign(
		campaign(modules),
		[
			diagnostic('dechets', {
				answers: { ...levels.dechets, ...(links.dechets ? { 'd-coop': links.dechets } : {}) }
			}),
			diagnostic('eau', {
				answers: { ...levels.eau, ...(links.eau ? { 'e-coop': links.eau } : {}) }
			})
		],
		fixtureQuestionnaire
	).transversality;
}

const values = (t: ReturnType<typeof pairOf>) =>
	Object.fromEntries(Object.entries(t.components).map(([k, c]) => [k, c.value]));

describe('transversality (method v2)', () => {
	it('has weights that sum to 1', () => {
		const sum = Object.values(TRANSVERSALITY_WEIGHTS).reduce((s, w) => s + w, 0);
		expect(sum).toBeCloseTo(1, 12);
	});

	it('two engaged services declaring each other: every measured component at 100, partial without governance', () => {
		// Both services at Engagé on every practice: engagement 1 on every lever. They share
		// mise en relation, mutualisation and collectivité usager → leviers partagés 100; the one
		// pair is reciprocated with practice 1 → worth 1 → coopération 100; diffusion 100.
		// No transversal module: gouvernance « non mesurée », the score is out of 80.
		const t = pairOf(engaged, { dechets: ['eau'], eau: ['dechets'] });
		expect(values(t)).toEqual({
			sharedLevers: 100,
			cooperation: 100,
			diffusion: 100,
			governance: null
		});
		expect(t.score).toBeCloseTo(80, 12);
		expect(t).toMatchObject({ maximum: 80, partial: true });
		expect(t.components.cooperation.hint).toBe(
			'Chaque paire de services coopère des deux côtés, et les deux services pratiquent.'
		);
		expect(t.components.governance.hint).toMatch(/^Non mesurée\u202f: .*partielle/);
	});

	it('a link declared by one side counts half a link declared by both', () => {
		const one = pairOf(engaged, { dechets: ['eau'], eau: [] });
		expect(one.components.cooperation.value).toBeCloseTo(50, 12);
		expect(one.components.cooperation.hint).toBe(
			'Confirmer des deux côtés un lien déclaré par un seul service (Déchets → Eau).'
		);
		expect(one.score).toBeCloseTo(25 + 0.35 * 50 + 20, 12);
	});

	it('a link between services that practise nothing counts only its base, 0.2', () => {
		// Everything « En réflexion »: no practice is engaged, engagement 0 everywhere.
		const t = pairOf(thinking, { dechets: ['eau'], eau: ['dechets'] });
		expect(values(t)).toEqual({
			sharedLevers: 0,
			cooperation: 20,
			diffusion: 0,
			governance: null
		});
		expect(t.score).toBeCloseTo(7, 12);
		expect(t.pairs[0]).toMatchObject({ practice: 0, worth: 0.2 });
	});

	it('no cooperation answer at all\u202f: coopération «\u202fnon mesurée\u202f», counting 0', () => {
		const t = pairOf(engaged, {});
		expect(t.components.cooperation.value).toBeNull();
		expect(t.components.cooperation.hint).toBe(
			'Non mesurée\u202f: aucun service n’a encore répondu aux questions de coopération.'
		);
		expect(t.score).toBeCloseTo(45, 12);
		expect(t.maximum).toBeCloseTo(45, 12);
		// Answering « aucun service » is measured (0) and scores the same: skipping never helps.
		expect(pairOf(engaged, { dechets: [], eau: [] }).score).toBeCloseTo(45, 12);
	});

	it('gouvernance is the share of steering practices at Engagé or above', () => {
		const t = scoreCampaign(
			campaign(['dechets', 'eau', 'transversal']),
			[
				diagnostic('dechets', { answers: engaged.dechets }),
				diagnostic('eau', { answers: engaged.eau }),
				diagnostic('transversal', { answers: { 't-elu': 3, 't-copil': 1 } })
			],
			fixtureQuestionnaire
		).transversality;
		expect(t.components.governance.value).toBe(50);
		expect(t.components.governance.hint).toMatch(
			/^Faire progresser .* sous le niveau «\u202fEngagé\u202f»/
		);
		expect(t.partial).toBe(true); // coopération not answered
		expect(t.basis).toMatchObject({
			services: 2,
			answered: 2,
			complete: 2,
			governanceExpected: true,
			governanceAnswered: true
		});
	});

	it('an expected transversal module that did not answer\u202f: gouvernance «\u202fnon mesurée\u202f»', () => {
		const t = scoreCampaign(
			campaign(['dechets', 'eau', 'transversal']),
			[diagnostic('dechets', { answers: engaged.dechets })],
			fixtureQuestionnaire
		).transversality;
		expect(t.components.governance.value).toBeNull();
		expect(t.components.governance.hint).toBe(
			'Non mesurée\u202f: faire remplir le module de pilotage transversal.'
		);
	});

	it('a service without diagnostic counts 0 in diffusion and in the levers it addresses', () => {
		const t = scoreCampaign(
			campaign(['dechets', 'eau']),
			[diagnostic('dechets', { answers: engaged.dechets })],
			fixtureQuestionnaire
		).transversality;
		// diffusion (1 + 0) / 2; shared levers: MR, MU, CU at (1 + 0) / 2 → 50.
		expect(t.components.diffusion.value).toBe(50);
		expect(t.components.sharedLevers.value).toBe(50);
		expect(t.components.diffusion.hint).toBe(
			'Services qui ont engagé moins de la moitié de leurs pratiques\u202f: Eau (absent).'
		);
		expect(t.basis).toMatchObject({ services: 2, answered: 1 });
	});

	it('empty complete diagnostics make nothing look transversal', () => {
		const t = scoreCampaign(
			campaign(['dechets', 'eau', 'cantines']),
			[diagnostic('dechets'), diagnostic('eau'), diagnostic('cantines')],
			fixtureQuestionnaire
		).transversality;
		expect(t.score).toBeNull();
		expect(t.reason).toBe('no-scores');
		expect(t.components.diffusion.value).toBe(0);
		expect(t.components.sharedLevers.value).toBe(0);
	});
});

describe('hints at the top', () => {
	it('says so when the steering practices are all engaged, instead of asking for progress', () => {
		const t = scoreCampaign(
			campaign(['dechets', 'eau', 'transversal']),
			[
				diagnostic('dechets', { answers: engaged.dechets }),
				diagnostic('eau', { answers: engaged.eau }),
				diagnostic('transversal', { answers: { 't-elu': 2, 't-copil': 3 } })
			],
			fixtureQuestionnaire
		).transversality;
		expect(t.components.governance).toMatchObject({
			value: 100,
			hint: 'Toutes les pratiques du module de pilotage transversal sont au moins au niveau «\u202fEngagé\u202f».'
		});
	});

	it('names an absent service’s levers among the lagging ones, as the score counts them', () => {
		// Eau and cantines absent count 0 on the levers they address, in the hint as in the score.
		const t = scoreCampaign(
			campaign(['dechets', 'eau', 'cantines']),
			[diagnostic('dechets', { answers: engaged.dechets })],
			fixtureQuestionnaire
		).transversality;
		// MR: déchets 1, eau 0, cantines 0 → ⅓; MU, CU likewise; CP: eau 0, cantines 0 → 0.
		expect(t.components.sharedLevers.hint).toBe(
			'Leviers où les services ont engagé moins de la moitié de leurs pratiques\u202f: Mise en relation, Mutualisation, Collectivité usager, Commande publique.'
		);
	});
});
