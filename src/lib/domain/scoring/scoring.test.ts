import { describe, expect, it } from 'vitest';
import type { Answer } from '../answers';
import { diagnostic, fixtureQuestionnaire, module, obligation, scale } from '../testing/fixtures';
import { isScaleValue, meconnaissanceOf, reliabilityOf, scoreDiagnostic } from './scoring';

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
			status: 'evaluated',
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
	});

	it('needs two answers on the levels: one answer is « non évalué (trop peu de réponses) »', () => {
		// mise-en-relation in marchés: m-reserve only. One click must not move an axis 0 ↔ 100.
		const s = score(diagnostic('marches', { answers: { 'm-clauses': 4, 'm-reserve': 4 } }));
		expect(s.levers['mise-en-relation']).toMatchObject({
			score: null,
			raw: 100,
			status: 'too-few',
			answered: 1
		});
	});

	it('counts « Je ne sais pas » as nothing shown, so it never raises a lever', () => {
		// eau mutualisation: e-reuse (w1), e-pluie (w1). Both 4 → 100; one of them nsp instead
		// leaves a single level answer: « trop peu de réponses », raw 50, never above 100.
		const known = score(diagnostic('eau', { answers: { 'e-reuse': 4, 'e-pluie': 4 } }));
		expect(known.levers.mutualisation.score).toBe(100);
		const unsure = score(diagnostic('eau', { answers: { 'e-reuse': 4, 'e-pluie': 'nsp' } }));
		expect(unsure.levers.mutualisation).toMatchObject({ score: null, raw: 50, unknown: 1 });
		// collectivite-usager: e-reuse (w2) 4, e-pluie (w1) nsp, scored over both: 100 × 2/3.
		const cantines = score(
			diagnostic('cantines', { answers: { 'c-bio': 4, 'c-local': 4, 'c-compost': 'nsp' } })
		);
		expect(cantines.levers['commande-publique'].score).toBe(100);
		expect(cantines.levers['collectivite-usager']).toMatchObject({ score: null, raw: 0 });
	});

	it('leaves "Non concerné" out of the score, as if the question did not exist', () => {
		const s = score(diagnostic('cantines', { answers: { 'c-bio': 'na', 'c-local': 'nsp' } }));
		expect(s.levers['commande-publique']).toMatchObject({
			score: null,
			status: 'too-few',
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
		expect(s.levers.sensibilisation).toMatchObject({
			score: null,
			questions: 0,
			status: 'not-addressed'
		});
		expect(s.levers['commande-publique']).toMatchObject({
			score: null,
			questions: 2,
			status: 'too-few'
		});
	});
});

describe('service maturity, its basis and méconnaissance', () => {
	it('is the mean of level / 4 over the questions answered, « Je ne sais pas » counting 0', () => {
		const s = score(
			diagnostic('dechets', {
				answers: { 'd-compost': 2, 'd-ressourcerie': 2, 'd-tri': 2, 'd-elu': 2 }
			})
		);
		expect(s.maturity).toBe(50);
		// (4 + 3 + 0 + 0)/4 / 4 questions: 100 × (1 + 0.75) / 4 = 43.75
		const t = score(
			diagnostic('dechets', {
				answers: { 'd-compost': 4, 'd-ressourcerie': 3, 'd-tri': 0, 'd-elu': 'nsp' }
			})
		);
		expect(t.maturity).toBe(43.75);
		expect(t.counts).toMatchObject({ levels: 3, unknown: 1 });
		expect(score(diagnostic('dechets')).maturity).toBeNull();
	});

	it('3 « Réalisé » and 13 « Je ne sais pas » no longer read 75, and are flagged unreliable', () => {
		const questions = Array.from({ length: 16 }, (_, i) => scale(`q${i}`, { mutualisation: 1 }));
		const m = module('eau', 'Eau', [questions]);
		const q = { modules: [m], levers: fixtureQuestionnaire.levers };
		const answers = Object.fromEntries(questions.map((x, i) => [x.id, i < 3 ? 3 : 'nsp'] as const));
		const mostlyUnknown = scoreDiagnostic(diagnostic('eau', { answers }), q);
		const engaged = scoreDiagnostic(
			diagnostic('eau', { answers: Object.fromEntries(questions.map((x) => [x.id, 2])) }),
			q
		);
		expect(mostlyUnknown.maturity).toBeCloseTo((100 * 3 * 0.75) / 16, 12);
		expect(mostlyUnknown.maturity!).toBeLessThan(engaged.maturity!);
		expect(engaged.maturity).toBe(50);
		expect(mostlyUnknown.reliability).toBe('mostly-unknown');
		expect(engaged.reliability).toBe('ok');
	});

	it('needs two level answers, else « trop peu de réponses »', () => {
		const s = score(diagnostic('dechets', { answers: { 'd-compost': 4, 'd-tri': 'nsp' } }));
		expect(s.maturity).toBeNull();
		expect(s.reliability).toBe('too-few');
		expect(reliabilityOf({ levels: 2, unknown: 2 })).toBe('ok');
		// « Non concerné » leaves the scores as if the questions did not exist, but a service that
		// answers two questions and sets fourteen aside is read with care.
		expect(reliabilityOf({ levels: 2, unknown: 0, notConcerned: 14 })).toBe('mostly-not-concerned');
		expect(reliabilityOf({ levels: 2, unknown: 1, notConcerned: 3 })).toBe('ok');
		expect(reliabilityOf({ levels: 2, unknown: 3 })).toBe('mostly-unknown');
	});

	it('méconnaissance is "Je ne sais pas" among level and "Je ne sais pas" answers', () => {
		const s = score(
			diagnostic('eau', { answers: { 'e-reuse': 'nsp', 'e-clauses': 'na', 'e-asso': 3 } })
		);
		expect(s.meconnaissance).toBe(50);
		expect(meconnaissanceOf({ levels: 0, unknown: 0 })).toBeNull();
		expect(meconnaissanceOf({ levels: 3, unknown: 1 })).toBe(25);
	});

	it('engagement is the share of practices at Engagé or above, unanswered counting as not', () => {
		// dechets: 4 scale questions; d-compost 2, d-ressourcerie 1, d-tri unanswered, d-elu nsp.
		const s = score(diagnostic('dechets', { answers: { 'd-compost': 2, 'd-ressourcerie': 1 } }));
		expect(s.engagement).toBe(0.25);
		expect(s.levers.mutualisation.engagement).toBe(0.5);
	});
});

describe('obligations', () => {
	it('are never part of maturity or levers, and form a checklist', () => {
		const base = { 'd-compost': 2, 'd-ressourcerie': 2 } as const;
		const met = score(diagnostic('dechets', { answers: { ...base, 'd-plpdma': 'conforme' } }));
		const unmet = score(
			diagnostic('dechets', { answers: { ...base, 'd-plpdma': 'non-conforme' } })
		);
		expect(met.maturity).toBe(unmet.maturity);
		expect(met.levers).toEqual(unmet.levers);
		expect(met.obligations).toMatchObject({ applicable: 1, met: 1, unmet: 0 });
		expect(unmet.obligations).toMatchObject({ applicable: 1, met: 0, unmet: 1 });
		expect(unmet.obligations.items[0]).toMatchObject({
			questionId: 'd-plpdma',
			state: 'unmet',
			todo: 'Pour se mettre en conformité : d-plpdma'
		});
	});

	it('read a level given before the item became an obligation, and count « Non concerné » apart', () => {
		const legacy = score(diagnostic('dechets', { answers: { 'd-plpdma': 2 } }));
		expect(legacy.obligations.items[0]).toMatchObject({ value: 'en-cours', state: 'in-progress' });
		expect(legacy.issues).toEqual([]);
		const na = score(diagnostic('dechets', { answers: { 'd-plpdma': 'na' } }));
		expect(na.obligations).toMatchObject({ applicable: 0, met: 0 });
		const none = score(diagnostic('dechets'));
		expect(none.obligations).toMatchObject({ applicable: 1, unknown: 1 });
	});

	it('a compliance value on a scale question is an invalid value, not a score', () => {
		const s = score(
			diagnostic('dechets', { answers: { 'd-compost': 'conforme', 'd-plpdma': ['eau'] } })
		);
		expect(s.issues.map((i) => [i.questionId, i.reason])).toEqual([
			['d-compost', 'invalid-value'],
			['d-plpdma', 'invalid-value']
		]);
		expect(s.counts.levels).toBe(0);
	});

	it('an obligation question of a module without obligations content is no crash', () => {
		const m = module('eau', 'Eau', [[obligation('o1'), scale('s1', { mutualisation: 1 })]]);
		const s = scoreDiagnostic(diagnostic('eau', { answers: { o1: 'nsp' } }), {
			modules: [m],
			levers: []
		});
		expect(s.obligations).toMatchObject({ applicable: 1, unknown: 1 });
	});
});

describe('answers the engine cannot use', () => {
	it('reports answers to unknown questions and invalid values instead of failing', () => {
		const d = diagnostic('eau', { answers: { 'e-reuse': 2, 'e-pluie': 2, 'e-old': 3 } });
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
		expect([5, -1, 1.5, '2', null, ['eau'], 'conforme'].some(isScaleValue)).toBe(false);
	});
});
