import { describe, expect, test } from 'vitest';
import type { AnswerRecord } from '../answers';
import { parseMapping, type MappingFile } from './mapping';
import { migrateDiagnostic } from './migrate';
import { answer, step1, texts, v1 } from './fixtures/mappings';

describe('an obligation that reads levels its own way', () => {
	const spaser: MappingFile = {
		...step1,
		questions: {
			...step1.questions,
			'd-scale-duty': {
				action: 'obligation',
				to: 'd-duty',
				levels: { '0': 'nsp', '1': 'nsp' },
				reason: 'Le seuil n’était pas demandé.'
			}
		}
	};
	const duty = (value: AnswerRecord['value']) =>
		migrateDiagnostic(
			{ ...v1, answers: [answer('d-scale-duty', value)] },
			2,
			[spaser],
			texts
		).answers.find((a) => a.questionId === 'd-duty')?.value;
	test('the levels it names follow it; the others are read as usual', () => {
		expect(duty(0)).toBe('nsp');
		expect(duty(1)).toBe('nsp');
		expect(duty(2)).toBe('en-cours');
		expect(duty(4)).toBe('conforme');
		expect(duty('na')).toBe('na');
	});
	test('the level it changed stays in view, with why', () => {
		const out = migrateDiagnostic(
			{ ...v1, answers: [answer('d-scale-duty', 1), answer('d-kept', 3)] },
			2,
			[spaser],
			texts
		);
		expect(out.retired).toEqual([
			expect.objectContaining({
				questionId: 'd-scale-duty',
				value: 1,
				reason: 'Le seuil n’était pas demandé.'
			})
		]);
		const usual = migrateDiagnostic(
			{ ...v1, answers: [answer('d-scale-duty', 3)] },
			2,
			[spaser],
			texts
		);
		expect(usual.retired ?? []).toEqual([]);
	});
	test('a mapping that reads levels its own way must say why', () => {
		const silent = { ...spaser.questions['d-scale-duty'], reason: undefined };
		expect(parseMapping({ ...spaser, questions: { 'd-scale-duty': silent } }).ok).toBe(false);
		expect(parseMapping(spaser).ok).toBe(true);
	});
});
