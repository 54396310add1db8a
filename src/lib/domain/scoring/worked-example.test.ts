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

describe('worked example — step 2\u202f: lever scores [score, réalisé, engagé ou réalisé]', () => {
	it('déchets', () => {
		expect(lever('dechets', 'portage-politique')).toEqual([null, null, null]);
		expect(of('dechets').levers['portage-politique']).toMatchObject({
			status: 'too-few',
			unknown: 1,
			raw: 0
		});
		expect(lever('dechets', 'mise-en-relation')).toEqual([
			expect.closeTo(125 / 3, 12),
			expect.closeTo(100 / 3, 12),
			expect.closeTo(200 / 3, 12)
		]);
		expect(lever('dechets', 'mutualisation')).toEqual([87.5, 100, 100]);
		expect(lever('dechets', 'collectivite-usager')).toEqual([75, 50, 100]);
		expect(of('dechets').levers['commande-publique']).toMatchObject({
			status: 'not-addressed',
			questions: 0
		});
	});
	it('eau\u202f: one answer, «\u202fNon concerné\u202f» or «\u202fJe ne sais pas\u202f» alone leave a lever unevaluated', () => {
		expect(lever('eau', 'mutualisation')).toEqual([12.5, 0, 0]);
		expect(lever('eau', 'collectivite-usager')).toEqual([expect.closeTo(25 / 3, 12), 0, 0]);
		expect(of('eau').levers['commande-publique']).toMatchObject({
			status: 'too-few',
			notConcerned: 1,
			raw: null
		});
		expect(of('eau').levers['mise-en-relation']).toMatchObject({ status: 'too-few', unknown: 1 });
	});
	it('cantines and transversal', () => {
		expect(lever('cantines', 'commande-publique')).toEqual([37.5, 0, 50]);
		expect(of('cantines').levers['mise-en-relation']).toMatchObject({ status: 'too-few', raw: 25 });
		expect(of('cantines').levers.mutualisation.status).toBe('too-few');
		expect(of('cantines').levers['collectivite-usager'].status).toBe('too-few');
		expect(lever('transversal', 'portage-politique')).toEqual([50, 50, 50]);
		expect(of('transversal').levers['mise-en-relation'].status).toBe('too-few');
	});
});

describe('worked example — step 3\u202f: maturity, its basis, méconnaissance, engagement', () => {
	it('per service and overall', () => {
		expect(
			scores.diagnostics.map((d) => [d.moduleId, d.maturity, d.reliability, d.engagement])
		).toEqual([
			['dechets', 56.25, 'ok', 0.75],
			['eau', expect.closeTo(25 / 3, 12), 'ok', 0],
			['cantines', 25, 'ok', expect.closeTo(1 / 3, 12)],
			['transversal', 50, 'ok', 0.5]
		]);
		expect(scores.diagnostics.map((d) => d.counts)).toEqual([
			{ levels: 3, unknown: 1, notConcerned: 0, unanswered: 0 },
			{ levels: 2, unknown: 1, notConcerned: 1, unanswered: 0 },
			{ levels: 2, unknown: 1, notConcerned: 0, unanswered: 0 },
			{ levels: 2, unknown: 0, notConcerned: 0, unanswered: 0 }
		]);
		expect(scores.diagnostics.map((d) => d.meconnaissance)).toEqual([25, 100 / 3, 100 / 3, 0]);
		expect(scores.meconnaissance).toBe(25);
	});
	it('obligations\u202f: a checklist apart, a legacy level read as «\u202fEn cours\u202f»', () => {
		expect(
			scores.obligations.items.map((i) => [i.moduleId, i.questionId, i.value, i.state])
		).toEqual([
			['dechets', 'd-plpdma', 'en-cours', 'in-progress'],
			['cantines', 'c-egalim', 'non-conforme', 'unmet']
		]);
		expect(scores.obligations).toMatchObject({ applicable: 2, met: 0, unmet: 1, inProgress: 1 });
	});
});

describe('worked example — step 4: campaign lever scores', () => {
	it('mean, min, max, series and weakest modules', () => {
		const row = (l: LeverId) => {
			const c = scores.levers[l];
			return [c.mean, c.min, c.max, c.done, c.engaged, c.weakest];
		};
		expect(row('portage-politique')).toEqual([50, 50, 50, 50, 50, ['transversal']]);
		expect(row('mise-en-relation')).toEqual([
			expect.closeTo(125 / 3, 12),
			expect.closeTo(125 / 3, 12),
			expect.closeTo(125 / 3, 12),
			expect.closeTo(100 / 3, 12),
			expect.closeTo(200 / 3, 12),
			['dechets']
		]);
		expect(row('mutualisation')).toEqual([50, 12.5, 87.5, 50, 50, ['eau', 'dechets']]);
		expect(row('collectivite-usager')).toEqual([
			expect.closeTo(250 / 6, 12),
			expect.closeTo(25 / 3, 12),
			75,
			25,
			50,
			['eau', 'dechets']
		]);
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
		expect(scores.transversality.pairs.map((p) => [p.practice, p.worth])).toEqual([
			[0, expect.closeTo(0.1, 12)],
			[0, expect.closeTo(0.2, 12)]
		]);
	});
	it('components and score', () => {
		const t = scores.transversality;
		expect(t.components.sharedLevers.value).toBeCloseTo((100 * 13) / 48, 12);
		expect(t.components.cooperation.value).toBeCloseTo(5, 12);
		expect(t.components.diffusion.value).toBeCloseTo(125 / 3, 12);
		expect(t.components.governance.value).toBe(50);
		expect(t.score).toBeCloseTo(0.25 * (1300 / 48) + 0.35 * 5 + 0.2 * (125 / 3) + 0.2 * 50, 12);
		expect(t.score!.toFixed(1)).toBe('26.9');
		expect(t).toMatchObject({ maximum: 100, partial: false });
		expect(t.basis).toEqual({
			services: 4,
			answered: 3,
			complete: 3,
			reliable: 3,
			governanceExpected: true,
			governanceAnswered: true
		});
	});
	it('hints', () => {
		const c = scores.transversality.components;
		expect(Object.values(c).map((x) => x.hint)).toEqual([
			'Leviers où les services ont engagé moins de la moitié de leurs pratiques\u202f: Mise en relation, Mutualisation, Collectivité usager, Commande publique.',
			'Confirmer des deux côtés un lien déclaré par un seul service (Déchets → Eau)\u202f; faire vivre 2 liens où l’un des deux services a engagé moins de la moitié de ses pratiques (Déchets – Eau, Déchets – Cantines)\u202f; créer des liens entre 4 paires de services qui ne se citent pas.',
			'Services qui ont engagé moins de la moitié de leurs pratiques\u202f: Eau (0 %), Cantines (33 %), Marchés (absent).',
			'Faire progresser les pratiques du module de pilotage transversal encore sous le niveau «\u202fEngagé\u202f».'
		]);
	});
});

describe('worked example — step 6: recommendations', () => {
	const rec = recommend(scores, fixtureQuestionnaire);
	it('puts the obligations first: unmet, then in progress', () => {
		expect(rec.obligations.map((o) => [o.questionId, o.state])).toEqual([
			['c-egalim', 'unmet'],
			['d-plpdma', 'in-progress']
		]);
	});
	it('ranks the levers by priority', () => {
		expect(rec.levers.map((l) => [l.lever, l.modules, l.answers])).toEqual([
			['collectivite-usager', ['dechets', 'eau'], 4],
			['mutualisation', ['dechets', 'eau'], 4],
			['commande-publique', ['cantines'], 2],
			['mise-en-relation', ['dechets'], 3],
			['portage-politique', ['transversal'], 2]
		]);
		expect(rec.levers.map((l) => l.priority)).toEqual(
			[7 / 6, 1, 0.625, 7 / 12, 0.5].map((p) => expect.closeTo(p, 12))
		);
	});
	it('explains the first lever', () => {
		const first = rec.levers[0]!;
		expect(first.evidence.map((e) => [e.moduleId, e.answers.map((a) => a.questionId)])).toEqual([
			['eau', ['e-reuse', 'e-pluie']],
			['dechets', ['d-tri']]
		]);
		expect(first.actions[0]!.modules).toEqual(['eau']);
		expect(first.bringTogether.map((p) => [p.a, p.b, p.kind, p.topic, p.basis])).toEqual([
			[
				'dechets',
				'eau',
				'reciprocate',
				'valorisation des biodéchets',
				{ shared: true, affinity: expect.closeTo(3 / 7, 12), declared: true }
			]
		]);
		expect(first.source?.quote).toBeTruthy();
	});
	it('gives each service its obligations, then its first actions', () => {
		const advice = Object.fromEntries(
			rec.services.map((s) => [
				s.moduleId,
				[
					...s.obligations.map((o) => [o.questionId, o.state]),
					...s.actions.map((a) => [a.questionId, a.kind, a.priority])
				]
			])
		);
		expect(advice).toEqual({
			dechets: [
				['d-plpdma', 'in-progress'],
				['d-elu', 'find-out', expect.closeTo(13 / 12, 12)],
				['d-tri', 'complete', expect.closeTo(0.875, 12)],
				['d-ressourcerie', 'share', expect.closeTo(19 / 48, 12)]
			],
			eau: [
				['e-reuse', 'engage', expect.closeTo(10 / 3, 12)],
				['e-pluie', 'engage', expect.closeTo(1.625, 12)],
				['e-asso', 'find-out', expect.closeTo(7 / 12, 12)]
			],
			cantines: [
				['c-egalim', 'unmet'],
				['c-compost', 'find-out', expect.closeTo(10 / 3, 12)],
				['c-local', 'engage', expect.closeTo(1.375, 12)],
				['c-bio', 'complete', 0.625]
			],
			transversal: [
				['t-copil', 'engage', expect.closeTo(1.1875, 12)],
				['t-elu', 'share', 0.25]
			]
		});
	});
});
