import { describe, expect, it } from 'vitest';
import { modules } from './content';
import {
	describeMinutesRange,
	describeModuleSize,
	estimatedMinutes,
	moduleSize,
	moduleWords
} from './module-size';
import type { Module } from './questionnaire';
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
		expect(cantines.obligations).toBe(6);
		expect(describeModuleSize(cantines)).toMatch(/^\d+ questions, 6 obligations · \d+ thèmes$/);
	});

	it('says the time with the counts', () => {
		expect(describeModuleSize({ scale: 12, obligations: 3, cooperation: 2, themes: 4 }, 35)).toBe(
			'12 questions, 3 obligations · 4 thèmes · environ 35\u00a0min'
		);
	});
});

/** A module of two questions whose words are counted by hand. */
function tinyModule(helpWords: number, minutes?: number): Module {
	const help = Array.from({ length: helpWords }, () => 'mot').join(' ');
	return {
		id: 'dechets',
		version: 2,
		title: 'Déchets',
		shortTitle: 'Déchets',
		description: 'Deux mots',
		minutes,
		themes: [
			{
				id: 'dechets-t-a',
				title: 'A',
				questions: [
					{
						id: 'dechets-a',
						type: 'scale',
						text: 'Trois mots ici ?',
						help,
						reference: { kind: 'source', section: 'Enjeux', quote: 'x' },
						levers: [{ lever: 'mutualisation', weight: 1 }],
						levels: { engage: 'un deux', realise: 'un deux trois' }
					},
					{
						id: 'dechets-b',
						type: 'cooperation',
						text: 'Avec qui ?',
						help: 'Aide',
						topic: 'biodéchets',
						reference: { kind: 'source', section: 'Enjeux', quote: 'x' }
					}
				]
			}
		]
	};
}

describe('the time a module takes', () => {
	it('counts every word read: description, texts, helps, the bars of the levels', () => {
		// 2 (description) + 4 + 10 + 2 + 3 (first question) + 3 + 1 (second) = 25
		expect(moduleWords(tinyModule(10))).toBe(25);
	});

	it('reads at 180 words a minute, adds a minute per question and rounds up to 5', () => {
		// 25 words (0.14 min) + 2 questions = 2.14 → 5
		expect(estimatedMinutes(tinyModule(10))).toBe(5);
		// 15 + 1,785 words = 1,800 words = 10 min, + 2 = 12 → 15
		expect(estimatedMinutes(tinyModule(1_785))).toBe(15);
		// 15 + 1,425 = 1,440 words = 8 min, + 2 = 10 → 10 (already a multiple of 5)
		expect(estimatedMinutes(tinyModule(1_425))).toBe(10);
	});

	it('says the range of the announced times, the estimate standing in for a module without one', () => {
		expect(describeMinutesRange([tinyModule(10, 30), tinyModule(10, 45)])).toBe('30 à 45 minutes');
		expect(describeMinutesRange([tinyModule(10, 30), tinyModule(10, 30)])).toBe('30 minutes');
		expect(describeMinutesRange([tinyModule(1_785), tinyModule(10, 40)])).toBe('15 à 40 minutes');
	});
});
