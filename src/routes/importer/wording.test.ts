import { describe, expect, it } from 'vitest';
import { joiningText, migratedText } from './wording';

describe('joiningText', () => {
	it('agrees the verb with the number of diagnostics', () => {
		expect(joiningText(1)).toBe(
			'1 diagnostic rejoint cette démarche, déjà présente sur cet appareil.'
		);
		expect(joiningText(0)).toBe(
			'0 diagnostic rejoint cette démarche, déjà présente sur cet appareil.'
		);
		expect(joiningText(3)).toBe(
			'3 diagnostics rejoignent cette démarche, déjà présente sur cet appareil.'
		);
	});

	it('counts the actions of the plan too', () => {
		expect(joiningText(0, 1)).toBe(
			'1 action rejoint cette démarche, déjà présente sur cet appareil.'
		);
		expect(joiningText(1, 1)).toBe(
			'1 diagnostic et 1 action rejoignent cette démarche, déjà présente sur cet appareil.'
		);
		expect(joiningText(0, 2)).toBe(
			'2 actions rejoignent cette démarche, déjà présente sur cet appareil.'
		);
	});
});

describe('migratedText', () => {
	it('counts the diagnostics carried and the answers kept apart', () => {
		expect(migratedText([{ retired: 3 }, { retired: 2 }])).toBe(
			'2 diagnostics répondus avec une version précédente du questionnaire\u202f: leurs réponses sont reprises dans la version actuelle\u202f; 5 réponses de l’ancienne version conservées à part (non comptées).'
		);
		expect(migratedText([{ retired: 0 }])).toBe(
			'1 diagnostic répondu avec une version précédente du questionnaire\u202f: leurs réponses sont reprises dans la version actuelle.'
		);
	});
});
