/**
 * Reproduces every number of the worked example of docs/methode.md ("Exemple détaillé").
 * The expectations are the fractions computed by hand in the document.
 */
import { describe, expect, it } from 'vitest';
import { scoreCampaign } from './campaign';
import { fixtureQuestionnaire } from '../testing/fixtures';
import { workedCampaign, workedDiagnostics } from '../testing/fixtures-worked-example';
import type { LeverId, ModuleId } from '../content/questionnaire';
import { recommend } from './recommendations';

const scores = scoreCampaign(workedCampaign, workedDiagnostics, fixtureQuestionnaire);
const of = (m: ModuleId) => scores.diagnostics.find((d) => d.moduleId === m)!;
const lever = (m: ModuleId, l: LeverId) => {
	const s = of(m).levers[l];
	return [s.score, s.done, s.engaged];
};

describe('worked example — step 1: which diagnostic counts', () => {
	it('keeps the complete eau over the newer draft and reports the unknown answer', () => {
		expect(scores.selection.counted.map((d) => d.id)).toEqual([
			'diag-dechets',
			'eau-complet',
			'diag-cantines',
			'diag-transversal'
		]);
		expect(scores.selection.superseded).toEqual([
			{ diagnosticId: 'eau-brouillon', moduleId: 'eau', by: 'eau-complet' }
		]);
		expect(scores.issues).toEqual([
			{
				diagnosticId: 'diag-dechets',
				moduleId: 'dechets',
				questionId: 'd-ancienne',
				reason: 'unknown-question'
			}
		]);
	});
});

describe('worked example — step 2: lever scores [score, réalisé, engagé ou réalisé]', () => {
	it('déchets', () => {
		expect(lever('dechets', 'portage-politique')).toEqual([50, 0, 100]);
		expect(lever('dechets', 'mise-en-relation')).toEqual([62.5, 50, 100]);
		expect(lever('dechets', 'mutualisation')).toEqual([87.5, 100, 100]);
		expect(lever('dechets', 'collectivite-usager')).toEqual([100, 100, 100]);
		expect(lever('dechets', 'commande-publique')).toEqual([null, null, null]);
		expect(of('dechets').levers['commande-publique'].questions).toBe(0);
	});
	it('eau: "Non concerné" and "Je ne sais pas" leave their levers unevaluated', () => {
		expect(lever('eau', 'collectivite-usager')).toEqual([0, 0, 0]);
		expect(lever('eau', 'mutualisation')).toEqual([0, 0, 0]);
		expect(lever('eau', 'commande-publique')).toEqual([null, null, null]);
		expect(of('eau').levers['commande-publique'].notConcerned).toBe(1);
		expect(lever('eau', 'mise-en-relation')).toEqual([null, null, null]);
		expect(of('eau').levers['mise-en-relation'].unknown).toBe(1);
	});
	it('cantines and transversal', () => {
		expect(lever('cantines', 'commande-publique')).toEqual([37.5, 0, 50]);
		expect(lever('cantines', 'mise-en-relation')).toEqual([25, 0, 0]);
		expect(lever('cantines', 'mutualisation')).toEqual([null, null, null]);
		expect(lever('cantines', 'collectivite-usager')).toEqual([null, null, null]);
		expect(lever('transversal', 'portage-politique')).toEqual([50, 50, 50]);
		expect(lever('transversal', 'mise-en-relation')).toEqual([25, 0, 0]);
	});
});

describe('worked example — step 3: maturity and méconnaissance', () => {
	it('per service and overall', () => {
		expect(scores.diagnostics.map((d) => [d.moduleId, d.maturity])).toEqual([
			['dechets', 75],
			['eau', 0],
			['cantines', 31.25],
			['transversal', 37.5]
		]);
		expect(scores.diagnostics.map((d) => d.meconnaissance)).toEqual([0, 50, 100 / 3, 0]);
		expect(scores.meconnaissance).toBe(20);
		// A mean of the services would have given (0 + 50 + 33.3 + 0) / 4 = 20.8.
		const meanOfServices = scores.diagnostics.reduce((s, d) => s + d.meconnaissance!, 0) / 4;
		expect(meanOfServices.toFixed(1)).toBe('20.8');
	});
});

describe('worked example — step 4: campaign lever scores', () => {
	it('mean, min, max, series and weakest modules', () => {
		const row = (l: LeverId) => {
			const c = scores.levers[l];
			return [c.mean, c.min, c.max, c.done, c.engaged, c.weakest];
		};
		expect(row('portage-politique')).toEqual([50, 50, 50, 25, 75, ['dechets', 'transversal']]);
		expect(row('mise-en-relation')).toEqual([
			37.5,
			25,
			62.5,
			expect.closeTo(50 / 3, 12),
			expect.closeTo(100 / 3, 12),
			['cantines', 'transversal']
		]);
		expect(row('mutualisation')).toEqual([43.75, 0, 87.5, 50, 50, ['eau', 'dechets']]);
		expect(row('collectivite-usager')).toEqual([50, 0, 100, 50, 50, ['eau', 'dechets']]);
		expect(row('commande-publique')).toEqual([37.5, 37.5, 37.5, 0, 50, ['cantines']]);
		expect(scores.levers.appropriation).toMatchObject({ mean: null, evaluated: [] });
	});
});

describe('worked example — step 5: network and transversality', () => {
	it('network', () => {
		expect(scores.network.pairs.map((p) => [p.a, p.b, p.kind])).toEqual([
			['dechets', 'eau', 'one-sided'],
			['dechets', 'cantines', 'reciprocated']
		]);
		expect(scores.network.density).toBe(25);
	});
	it('components and score', () => {
		const c = scores.transversality.components;
		expect(c.coverage.value).toBe(80);
		expect(c.cooperation.value).toBe(25);
		expect(c.sharedLevers.value).toBe(50);
		expect(c.governance.value).toBe(37.5);
		expect(c.balance.value).toBeCloseTo((100 * 62.5) / 318.75, 12);
		expect(scores.transversality.score).toBeCloseTo(
			12 + 6.25 + 12.5 + 7.5 + (0.15 * 6250) / 318.75,
			12
		);
		expect(scores.transversality.score!.toFixed(1)).toBe('41.2');
	});
	it('hints', () => {
		const c = scores.transversality.components;
		expect(Object.values(c).map((x) => x.hint)).toEqual([
			'Faire compléter le diagnostic de : Marchés (absent).',
			'Confirmer des deux côtés un lien déclaré par un seul service (Déchets → Eau) ; créer des liens entre 4 paires de services qui ne se citent pas.',
			'Leviers où moins de la moitié des services sont engagés : Commande publique.',
			'Faire progresser les pratiques les moins avancées du module de pilotage transversal.',
			'Soutenir les services en retrait : Eau (0), Marchés (absent).'
		]);
	});
});

describe('worked example — step 6: recommendations', () => {
	const rec = recommend(scores, fixtureQuestionnaire);
	it('ranks the levers by priority', () => {
		expect(rec.levers.map((l) => [l.lever, l.reach, l.gap, l.meconnaissance])).toEqual([
			['mise-en-relation', 4, 0.625, 20],
			['mutualisation', 3, 0.5625, 25],
			['collectivite-usager', 3, 0.5, 40],
			['portage-politique', 2, 0.5, 0],
			['commande-publique', 1, 0.625, 0]
		]);
		expect(rec.levers.map((l) => l.priority)).toEqual(
			[3, 2.109375, 2.1, 1, 0.625].map((p) => expect.closeTo(p, 12))
		);
	});
	it('explains the first lever', () => {
		const first = rec.levers[0]!;
		expect(first.evidence.map((e) => [e.moduleId, e.answers.map((a) => a.questionId)])).toEqual([
			['eau', ['e-asso']],
			['cantines', ['c-local']],
			['transversal', ['t-copil']],
			['dechets', ['d-plpdma', 'd-ressourcerie']]
		]);
		expect(first.evidence[1]!.answers[0]!.note).toBe(
			'Deux producteurs locaux seulement, pas de lot réservé.'
		);
		expect(first.actions[0]!.modules).toEqual(['eau', 'cantines', 'transversal', 'dechets']);
		expect(first.bringTogether).toEqual([
			{
				a: 'dechets',
				b: 'eau',
				kind: 'reciprocate',
				declaredBy: 'dechets',
				topic: 'valorisation des biodéchets',
				basis: { shared: true, affinity: 0.25, declared: true },
				scoreGap: 62.5
			},
			{
				a: 'eau',
				b: 'cantines',
				kind: 'create',
				declaredBy: null,
				topic: 'valorisation des biodéchets',
				basis: { shared: false, affinity: 0.2, declared: false },
				scoreGap: 25
			}
		]);
		expect(first.source?.quote).toMatch(/^En tant qu’acteur tiers/);
	});
	it('gives each service its first actions', () => {
		const actions = Object.fromEntries(
			rec.services.map((s) => [
				s.moduleId,
				s.actions.map((a) => [a.questionId, a.kind, a.priority])
			])
		);
		expect(actions).toEqual({
			dechets: [
				['d-plpdma', 'complete', 2],
				['d-ressourcerie', 'share', 1.27734375]
			],
			eau: [
				['e-reuse', 'engage', expect.closeTo(6.309375, 12)],
				['e-asso', 'find-out', 3]
			],
			cantines: [
				['c-compost', 'find-out', expect.closeTo(6.309375, 12)],
				['c-local', 'engage', 3.1875],
				['c-bio', 'complete', 0.625]
			],
			transversal: [
				['t-copil', 'engage', 3.75],
				['t-elu', 'share', 0.5]
			]
		});
	});
});
