import { describe, expect, it } from 'vitest';
import { getModule } from '../content/content';
import { retiredValueLabel } from './retired-text';

describe('retiredValueLabel', () => {
	it('names levels, compliance, « Non concerné » and « Je ne sais pas » as the form does', () => {
		expect(retiredValueLabel(3)).toBe('Réalisé');
		expect(retiredValueLabel(0)).toBe('Rien');
		expect(retiredValueLabel('na')).toBe('Non concerné');
		expect(retiredValueLabel('nsp')).toBe('Je ne sais pas');
		expect(retiredValueLabel('en-cours')).toBe('En cours de mise en conformité');
	});

	it('names partners, modules and external ones, and a note alone', () => {
		expect(retiredValueLabel(['cantines', 'communes-membres'])).toBe(
			`${getModule('cantines')!.shortTitle}, Communes membres`
		);
		expect(retiredValueLabel([])).toBe('Aucun service');
		expect(retiredValueLabel(null)).toBe('Aucune réponse (note seule)');
	});
});
