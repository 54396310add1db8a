/**
 * The edge cases of docs/methode.md ("Cas limites"), one block each, with their defined result.
 */
import { describe, expect, it } from 'vitest';
import { scoreCampaign } from './campaign';
import { campaign, diagnostic, fixtureQuestionnaire } from '../testing/fixtures';
import { LEVER_IDS, type ModuleId } from '../content/questionnaire';
import { recommend } from './recommendations';

const services: ModuleId[] = ['dechets', 'eau', 'cantines', 'transversal'];
const run = (modules: ModuleId[], ds: ReturnType<typeof diagnostic>[]) => {
	const scores = scoreCampaign(campaign(modules), ds, fixtureQuestionnaire);
	return { scores, rec: recommend(scores, fixtureQuestionnaire) };
};

describe('no answers at all', () => {
	it('without any diagnostic: nothing is evaluated, every obligation unknown, no lever advice', () => {
		const { scores, rec } = run(services, []);
		expect(LEVER_IDS.every((l) => scores.levers[l].mean === null)).toBe(true);
		expect(scores.meconnaissance).toBeNull();
		expect(scores.network.density).toBeNull();
		expect(scores.transversality).toMatchObject({ score: null, reason: 'no-scores' });
		expect(scores.transversality.basis).toMatchObject({ services: 3, answered: 0, complete: 0 });
		expect(scores.transversality.components.governance.value).toBeNull();
		// The obligations of déchets and cantines: nobody has said yet, so they are unknown.
		expect(scores.obligations).toMatchObject({ applicable: 2, unknown: 2, met: 0 });
		expect(rec).toMatchObject({ levers: [], services: [] });
		expect(rec.obligations.map((o) => o.questionId)).toEqual(['d-plpdma', 'c-egalim']);
	});

	it('with empty complete diagnostics: nothing transversal, transversality not evaluated', () => {
		const { scores, rec } = run(
			services,
			services.map((m) => diagnostic(m))
		);
		expect(scores.diagnostics.every((d) => d.maturity === null && d.meconnaissance === null)).toBe(
			true
		);
		expect(scores.transversality.basis.complete).toBe(3);
		expect(scores.transversality.components.diffusion.value).toBe(0);
		expect(scores.transversality.score).toBeNull();
		expect(rec.levers).toEqual([]);
		expect(rec.services.every((s) => s.actions.length === 0)).toBe(true);
	});
});

describe('everything "Non concerné"', () => {
	it('evaluates no lever, no maturity, no méconnaissance, and recommends nothing', () => {
		const { scores, rec } = run(
			['eau', 'marches'],
			[
				diagnostic('eau', {
					answers: { 'e-reuse': 'na', 'e-clauses': 'na', 'e-asso': 'na', 'e-pluie': 'na' }
				}),
				diagnostic('marches', { answers: { 'm-clauses': 'na', 'm-reserve': 'na' } })
			]
		);
		expect(
			scores.diagnostics.map((d) => [d.maturity, d.meconnaissance, d.counts.notConcerned])
		).toEqual([
			[null, null, 4],
			[null, null, 2]
		]);
		expect(scores.levers['commande-publique']).toMatchObject({ mean: null, evaluated: [] });
		expect(scores.transversality.score).toBeNull();
		expect(rec.levers).toEqual([]);
	});
});

describe('a single service', () => {
	it('scores the service and recommends, but transversality is not defined', () => {
		const { scores, rec } = run(
			['eau'],
			[diagnostic('eau', { answers: { 'e-reuse': 1, 'e-pluie': 3, 'e-asso': 3, 'e-coop': [] } })]
		);
		// Maturity over the three answers: 100 × (1 + 3 + 3) / 4 / 3.
		expect(scores.diagnostics[0]!.maturity).toBeCloseTo(700 / 12, 12);
		expect(scores.network.density).toBeNull();
		expect(scores.transversality).toMatchObject({ score: null, reason: 'single-service' });
		// mutualisation (e-reuse 1, e-pluie 3) 50 → gap ½; collectivité usager (w2 × 1, w1 × 3)
		// 100 × (0.5 + 0.75) / 3 → gap 7/12; mise en relation rests on one answer: not concerned.
		expect(rec.levers.map((l) => l.lever)).toEqual(['collectivite-usager', 'mutualisation']);
		expect(rec.levers.every((l) => l.bringTogether.length === 0)).toBe(true);
	});

	it('one service plus the transversal module is still a single service', () => {
		const { scores } = run(
			['eau', 'transversal'],
			[diagnostic('eau', { answers: { 'e-reuse': 1 } })]
		);
		expect(scores.transversality.reason).toBe('single-service');
	});
});

describe('a lever that no question of a module informs', () => {
	it('is "not addressed" (0 questions, null) for the module, and absent from its recommendations', () => {
		const { scores, rec } = run(
			['cantines'],
			[diagnostic('cantines', { answers: { 'c-bio': 1, 'c-compost': 1, 'c-local': 1 } })]
		);
		const s = scores.diagnostics[0]!.levers['portage-politique'];
		expect([s.score, s.questions]).toEqual([null, 0]);
		expect(scores.levers['portage-politique'].evaluated).toEqual([]);
		expect(rec.levers.map((l) => l.lever)).not.toContain('portage-politique');
		// Maturity: three answers at En réflexion.
		expect(scores.diagnostics[0]!.maturity).toBe(25);
	});
});

describe('an answer to a question absent from the current questionnaire', () => {
	it('is left out of the scores and reported, never a crash', () => {
		const { scores } = run(
			['eau'],
			[
				diagnostic('eau', {
					answers: { 'e-reuse': 4, 'e-pluie': 4, 'e-ancienne': 0, 'd-compost': 0 }
				})
			]
		);
		expect(scores.diagnostics[0]!.maturity).toBe(100);
		expect(scores.issues.map((i) => [i.questionId, i.reason])).toEqual([
			['e-ancienne', 'unknown-question'],
			['d-compost', 'unknown-question']
		]);
	});
});

describe('two diagnostics of the same service', () => {
	it('the complete one counts over a newer draft; the other is reported as superseded', () => {
		const { scores } = run(
			['eau', 'dechets'],
			[
				diagnostic('eau', {
					id: 'draft',
					status: 'draft',
					revision: 8,
					answers: { 'e-reuse': 4, 'e-pluie': 4 }
				}),
				diagnostic('eau', { id: 'done', revision: 2, answers: { 'e-reuse': 0, 'e-pluie': 0 } })
			]
		);
		expect(scores.diagnostics[0]).toMatchObject({ diagnosticId: 'done', maturity: 0 });
		expect(scores.selection.superseded).toEqual([
			{ diagnosticId: 'draft', moduleId: 'eau', by: 'done' }
		]);
	});
});
