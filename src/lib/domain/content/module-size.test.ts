import { describe, expect, it } from 'vitest';
import { modules } from './content';
import { describeModuleSize, moduleSize } from './module-size';
import { moduleQuestions } from './questionnaire';

describe('the size of a module', () => {
	it('counts obligations apart from the scale questions', () => {
		expect(describeModuleSize({ scale: 12, obligations: 3, cooperation: 2, themes: 4 })).toBe(
			'12 questions, 3 obligations · 4 thèmes'
		);
		expect(describeModuleSize({ scale: 1, obligations: 1, cooperation: 0, themes: 1 })).toBe(
			'1 question, 1 obligation · 1 thème'
		);
	});

	it('says nothing of obligations in a module that has none', () => {
		expect(describeModuleSize({ scale: 10, obligations: 0, cooperation: 0, themes: 3 })).toBe(
			'10 questions · 3 thèmes'
		);
	});

	it('adds up to every question of each shipped module', () => {
		for (const m of modules) {
			const s = moduleSize(m);
			expect(s.scale + s.obligations + s.cooperation, m.id).toBe(moduleQuestions(m).length);
		}
		const cantines = moduleSize(modules.find((m) => m.id === 'cantines')!);
		expect(cantines.obligations).toBe(5);
		expect(describeModuleSize(cantines)).toMatch(/^\d+ questions, 5 obligations · \d+ thèmes$/);
	});
});
