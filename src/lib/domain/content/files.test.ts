import { describe, expect, it } from 'vitest';
import { moduleOfPath } from './files';

describe('moduleOfPath', () => {
	it('names the module of a filling page, a module results page and a questionnaire page', () => {
		expect(moduleOfPath('/campagnes/c-1/dechets')).toBe('dechets');
		expect(moduleOfPath('/campagnes/c-1/eau/')).toBe('eau');
		expect(moduleOfPath('/campagnes/c-1/marches/resultats')).toBe('marches');
		expect(moduleOfPath('/modules/transversal')).toBe('transversal');
		expect(moduleOfPath('/sous-dossier/campagnes/c-1/cantines')).toBe('cantines');
	});

	it('names nothing for other pages, unknown modules and inherited property names', () => {
		for (const path of [
			'/',
			'/campagnes/c-1',
			'/campagnes/c-1/resultats',
			'/campagnes/c-1/plan',
			'/campagnes/c-1/rapport',
			'/campagnes/c-1/dechets/autre',
			'/campagnes/c-1/constructor',
			'/campagnes/c-1/__proto__',
			'/modules',
			'/modules/inconnu'
		])
			expect(moduleOfPath(path), path).toBeUndefined();
	});
});
