import { describe, expect, test } from 'vitest';
import type { Transversality, TransversalityComponentId } from './domain/scoring/transversality';
import {
	leverBasisText,
	maturityBasisText,
	reliabilityWarning,
	servicesBasisText,
	transversalityText,
	unmeasuredText
} from './score-text';

/** A transversality with the given score, maximum and components not measured. */
function transversality(
	score: number | null,
	maximum: number,
	unmeasured: TransversalityComponentId[] = []
): Transversality {
	const component = (id: TransversalityComponentId) => ({
		id,
		value: unmeasured.includes(id) ? null : 50,
		weight: 0.25,
		hint: ''
	});
	return {
		score,
		maximum,
		partial: maximum < 100,
		reason: score === null ? 'no-scores' : null,
		components: {
			sharedLevers: component('sharedLevers'),
			cooperation: component('cooperation'),
			diffusion: component('diffusion'),
			governance: component('governance')
		},
		pairs: [],
		basis: {
			services: 6,
			answered: 5,
			complete: 4,
			reliable: 4,
			governanceExpected: true,
			governanceAnswered: false
		}
	};
}

describe('transversality text', () => {
	test('a full score reads out of 100', () => {
		expect(transversalityText(transversality(51.4, 100))).toBe('51 / 100');
	});

	test('a partial score reads out of what is measurable and names what is not measured', () => {
		expect(transversalityText(transversality(45.2, 80, ['governance']))).toBe(
			'45 sur 80 mesurables — partielle\u202f: la gouvernance n’est pas mesurée'
		);
	});

	test('a score not evaluated says so', () => {
		expect(transversalityText(transversality(null, 100))).toBe('non évaluée');
	});

	test('several components not measured agree in number and gender', () => {
		expect(unmeasuredText(['cooperation', 'governance'])).toBe(
			'la coopération et la gouvernance ne sont pas mesurées'
		);
		expect(unmeasuredText(['sharedLevers'])).toBe('les leviers partagés ne sont pas mesurés');
		expect(unmeasuredText(['sharedLevers', 'diffusion', 'governance'])).toBe(
			'les leviers partagés, la diffusion et la gouvernance ne sont pas mesurés'
		);
	});
});

describe('basis texts', () => {
	test('the services basis says how many answered and finished, and the steering module', () => {
		expect(servicesBasisText(transversality(40, 80).basis)).toBe(
			'5 services sur 6 ont répondu, 4 diagnostics terminés\u202f; pilotage transversal sans réponse'
		);
		expect(
			servicesBasisText({
				services: 2,
				answered: 1,
				complete: 0,
				reliable: 0,
				governanceExpected: false,
				governanceAnswered: false
			})
		).toBe(
			'1 service sur 2 a répondu, aucun diagnostic terminé\u202f; sans module de pilotage transversal'
		);
	});

	test('the maturity basis counts «\u202fJe ne sais pas\u202f» among the questions answered', () => {
		expect(maturityBasisText({ levels: 7, unknown: 4 })).toBe(
			'sur 11 questions répondues, 4 «\u202fJe ne sais pas\u202f»'
		);
		expect(maturityBasisText({ levels: 1, unknown: 0 })).toBe(
			'sur 1 question répondue, 0 «\u202fJe ne sais pas\u202f»'
		);
	});

	test('only unreliable scores carry a warning', () => {
		expect(reliabilityWarning('ok')).toBeNull();
		expect(reliabilityWarning('mostly-unknown')).toMatch(/peu fiable/);
		expect(reliabilityWarning('too-few')).toMatch(/trop peu de réponses/);
	});

	test('a lever says on how many answers of how many services it rests', () => {
		expect(leverBasisText({ answers: 14, reach: 4 })).toBe('repose sur 14 réponses de 4 services');
		expect(leverBasisText({ answers: 2, reach: 1 })).toBe('repose sur 2 réponses de 1 service');
	});
});
