import { describe, expect, it } from 'vitest';
import type { Answer } from '../answers';
import { diagnostic, fixtureQuestionnaire } from '../testing/fixtures';
import { isScaleValue, meconnaissanceOf, scoreDiagnostic, serviceMaturity } from './scoring';

const score = (d: ReturnType<typeof diagnostic>) => scoreDiagnostic(d, fixtureQuestionnaire);

describe('lever scores of one diagnostic', () => {
	it('is the weighted mean of level / 4, with the réalisé and engagé ou réalisé series', () => {
		// commande-publique in cantines: c-bio (weight 2) and c-local (weight 2).
		// score = 100 × (2×4/4 + 2×1/4) / 4 = 62.5; réalisé = 2/4 = 50; engagé = 2/4 = 50.
		const s = score(diagnostic('cantines', { answers: { 'c-bio': 4, 'c-local': 1 } }));
		expect(s.levers['commande-publique']).toMatchObject({
			score: 62.5,
			done: 50,
			engaged: 50,
			questions: 2,
			answered: 2
		});
	});

	it('weighs questions by their tag weight', () => {
		// commande-publique in marchés: m-clauses (weight 2) = 4, m-reserve (weight 1) = 0.
		// score = 100 × (2 × 4/4 + 1 × 0/4) / 3 = 200/3, not the unweighted 50.
		const s = score(diagnostic('marches', { answers: { 'm-clauses': 4, 'm-reserve': 0 } }));
		expect(s.levers['commande-publique'].score).toBeCloseTo(200 / 3, 12);
		expect(s.levers['commande-publique'].done).toBeCloseTo(200 / 3, 12);
		// mise-en-relation: m-reserve only → 0.
		expect(s.levers['mise-en-relation'].score).toBe(0);
	});

	it('leaves "Non concerné" and "Je ne sais pas" out of the score, but counts them', () => {
		const s = score(diagnostic('cantines', { answers: { 'c-bio': 'na', 'c-local': 'nsp' } }));
		expect(s.levers['commande-publique']).toMatchObject({
			score: null,
			questions: 2,
			answered: 0,
			notConcerned: 1,
			unknown: 1,
			unknownWeight: 2
		});
		expect(s.counts).toEqual({ levels: 0, unknown: 1, notConcerned: 1, unanswered: 1 });
	});

	it('tells a lever the module does not address (0 questions) from one left unanswered', () => {
		const s = score(diagnostic('cantines'));
		expect(s.levers.sensibilisation).toMatchObject({ score: null, questions: 0 });
		expect(s.levers['commande-publique']).toMatchObject({ score: null, questions: 2 });
	});
});

describe('service maturity and méconnaissance', () => {
	it('maturity is the mean of the non-null lever scores', () => {
		// dechets all at 2: every informed lever at 50 → maturity 50.
		const s = score(
			diagnostic('dechets', { answers: { 'd-compost': 2, 'd-ressourcerie': 2, 'd-plpdma': 2 } })
		);
		expect(s.maturity).toBe(50);
		expect(serviceMaturity(score(diagnostic('dechets')).levers)).toBeNull();
	});

	it('méconnaissance is "Je ne sais pas" among level and "Je ne sais pas" answers', () => {
		const s = score(
			diagnostic('eau', { answers: { 'e-reuse': 'nsp', 'e-clauses': 'na', 'e-asso': 3 } })
		);
		expect(s.meconnaissance).toBe(50);
		expect(meconnaissanceOf({ levels: 0, unknown: 0 })).toBeNull();
		expect(meconnaissanceOf({ levels: 3, unknown: 1 })).toBe(25);
	});
});

describe('answers the engine cannot use', () => {
	it('reports answers to unknown questions and invalid values instead of failing', () => {
		const d = diagnostic('eau', { answers: { 'e-reuse': 2, 'e-old': 3 } });
		d.answers['e-clauses'] = {
			questionId: 'e-clauses',
			value: 7,
			changedAt: 1
		} as unknown as Answer;
		d.answers['e-coop'] = { questionId: 'e-coop', value: 2, changedAt: 1 };
		d.answers['e-asso'] = { questionId: 'e-asso', value: ['dechets'], changedAt: 1 };
		const s = score(d);
		expect(s.issues.map((i) => [i.questionId, i.reason])).toEqual([
			['e-clauses', 'invalid-value'],
			['e-asso', 'invalid-value'],
			['e-old', 'unknown-question'],
			['e-coop', 'invalid-value']
		]);
		expect(s.levers['collectivite-usager'].score).toBe(50);
		expect(s.counts.unanswered).toBe(2);
	});

	it('scores nothing, and reports every answer, for a module absent from the questionnaire', () => {
		const s = scoreDiagnostic(diagnostic('eau', { answers: { 'e-reuse': 2 } }), {
			modules: [],
			levers: []
		});
		expect(s.maturity).toBeNull();
		expect(s.issues).toHaveLength(1);
	});

	it('recognises scale values', () => {
		expect([0, 4, 'na', 'nsp'].every(isScaleValue)).toBe(true);
		expect([5, -1, 1.5, '2', null, ['eau']].some(isScaleValue)).toBe(false);
	});
});
