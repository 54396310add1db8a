import { describe, expect, test } from 'vitest';
import type { AnswerRecord } from '../answers';
import { parseMapping } from './mapping';
import { MERGED_REASON, mergedValue, migrateDiagnostic, migrationChain } from './migrate';
import { step1, step2, texts, answer, v1 } from './fixtures/mappings';

const byId = (answers: readonly AnswerRecord[]) =>
	Object.fromEntries(answers.map((a) => [a.questionId, a]));

describe('migrateDiagnostic, one step', () => {
	const out = migrateDiagnostic(v1, 2, [step1], texts);

	test('keeps, renames, merges, reads a level as a compliance', () => {
		expect(out.questionnaireVersion).toBe(2);
		expect(byId(out.answers)).toEqual({
			'd-kept': answer('d-kept', 3, 1200),
			'd-new-name': answer('d-new-name', 'nsp', 1300),
			'd-whole': answer('d-whole', 1, 1500, 'Collecte\nTri'),
			'd-duty': answer('d-duty', 'en-cours', 1600),
			'd-coop': answer('d-coop', ['cantines', 'autre'], 1700)
		});
	});

	test('retires the retired and the merged answers with their text, note and reason', () => {
		expect(out.retired).toEqual([
			{
				questionId: 'd-part-a',
				text: 'Partie A\u202f?',
				value: 3,
				note: 'Collecte',
				changedAt: 1400,
				fromVersion: 1,
				reason: MERGED_REASON
			},
			{
				questionId: 'd-part-b',
				text: 'Partie B\u202f?',
				value: 1,
				note: 'Tri',
				changedAt: 1500,
				fromVersion: 1,
				reason: 'Demandé en une fois.'
			},
			{
				questionId: 'd-gone',
				text: 'Ancienne question\u202f?',
				value: 2,
				note: 'Avec la ressourcerie',
				changedAt: 1100,
				fromVersion: 1,
				reason: 'Demandé dans le module Pilotage transversal.'
			}
		]);
	});

	test('is no change: revision and dates stay', () => {
		expect(out.revision).toBe(9);
		expect(out.updatedAt).toBe(5000);
		expect(out.id).toBe('d1');
	});

	test('loses nothing: each answer is carried to its target or retired', () => {
		const targets = new Set(out.answers.map((a) => a.questionId));
		const retired = new Set(out.retired!.map((r) => r.questionId));
		for (const a of v1.answers) {
			const action = step1.questions[a.questionId]!;
			const target =
				action.action === 'keep'
					? a.questionId
					: action.action === 'rename' || action.action === 'obligation'
						? action.to
						: null;
			expect(target ? targets.has(target) : retired.has(a.questionId)).toBe(true);
		}
	});

	test('does not depend on the order of the answers', () => {
		const reversed = { ...v1, answers: [...v1.answers].reverse() };
		const again = migrateDiagnostic(reversed, 2, [step1], texts);
		expect(byId(again.answers)).toEqual(byId(out.answers));
		expect(again.retired).toEqual(out.retired);
	});

	test('a question of no mapping is left for the import to judge', () => {
		const odd = { ...v1, answers: [answer('d-unknown', 4)] };
		expect(migrateDiagnostic(odd, 2, [step1], texts).answers).toEqual([answer('d-unknown', 4)]);
	});

	test('an empty row (no value, no note) is not listed as retired', () => {
		const empty = { ...v1, answers: [answer('d-gone', null)] };
		expect(migrateDiagnostic(empty, 2, [step1], texts).retired).toBeUndefined();
	});

	test('a note without a value follows its question', () => {
		const noted = { ...v1, answers: [answer('d-old-name', null, 10, 'À vérifier')] };
		expect(migrateDiagnostic(noted, 2, [step1], texts).answers).toEqual([
			answer('d-new-name', null, 10, 'À vérifier')
		]);
	});
});

describe('migrateDiagnostic, chains and limits', () => {
	test('chains 1 → 2 → 3, keeping the retired answers of each step', () => {
		const out = migrateDiagnostic(v1, 3, [step2, step1], texts);
		expect(out.questionnaireVersion).toBe(3);
		expect(byId(out.answers)).toEqual({
			'd-kept': answer('d-kept', 3, 1200),
			'd-whole-v3': answer('d-whole-v3', 1, 1500, 'Collecte\nTri'),
			'd-duty': answer('d-duty', 'en-cours', 1600),
			'd-coop': answer('d-coop', ['cantines', 'autre'], 1700)
		});
		expect(out.retired!.map((r) => [r.questionId, r.fromVersion, r.text])).toEqual([
			['d-part-a', 1, 'Partie A\u202f?'],
			['d-part-b', 1, 'Partie B\u202f?'],
			['d-gone', 1, 'Ancienne question\u202f?'],
			['d-new-name', 2, 'Nouveau nom\u202f?']
		]);
	});

	test('a diagnostic of the current or a newer version is left as it is', () => {
		const current = { ...v1, questionnaireVersion: 2 };
		expect(migrateDiagnostic(current, 2, [step1], texts)).toBe(current);
		const newer = { ...v1, questionnaireVersion: 4 };
		expect(migrateDiagnostic(newer, 2, [step1], texts)).toBe(newer);
	});

	test('without a mapping for every step, nothing moves', () => {
		expect(migrationChain('dechets', 1, 3, [step1])).toBeNull();
		expect(migrateDiagnostic(v1, 3, [step1], texts)).toBe(v1);
		expect(migrateDiagnostic({ ...v1, moduleId: 'eau' }, 2, [step1], texts).answers).toBe(
			v1.answers
		);
	});

	test('is deterministic: the same input gives equal data', () => {
		expect(migrateDiagnostic(structuredClone(v1), 3, [step1, step2], texts)).toEqual(
			migrateDiagnostic(structuredClone(v1), 3, [step1, step2], texts)
		);
	});
});

describe('mergedValue', () => {
	test('the lowest level among those with a level', () => {
		expect(mergedValue([3, 'nsp', 1, 'na', 4])).toBe(1);
		expect(mergedValue([0, 4])).toBe(0);
	});
	test('without a level: « Je ne sais pas » if any said so, else « Non concerné »', () => {
		expect(mergedValue(['na', 'nsp', null])).toBe('nsp');
		expect(mergedValue(['na', 'na'])).toBe('na');
	});
	test('only notes: no value', () => {
		expect(mergedValue([null, null])).toBeNull();
	});
	test('obligations: the worst compliance, a level read as one', () => {
		expect(mergedValue(['conforme', 2, 'na'])).toBe('en-cours');
		expect(mergedValue(['conforme', 'non-conforme'])).toBe('non-conforme');
	});
	test('cooperation: every partner named, once', () => {
		expect(mergedValue([['cantines', 'eau'], ['eau', 'autre'], null])).toEqual([
			'cantines',
			'eau',
			'autre'
		]);
	});
});

describe('parseMapping', () => {
	test('accepts the example of the README', () => {
		expect(parseMapping(step1).ok).toBe(true);
	});
	test('refuses a retire without reason, an unknown action and a step of two versions', () => {
		const bad = (questions: unknown, to = 2) => parseMapping({ ...step1, to, questions });
		expect(bad({ x: { action: 'retire' } }).ok).toBe(false);
		expect(bad({ x: { action: 'drop' } }).ok).toBe(false);
		expect(bad({ x: { action: 'keep' } }, 3).ok).toBe(false);
		expect(bad({ x: { action: 'keep', extra: 1 } }).ok).toBe(false);
	});
});

describe('migrateDiagnostic, status', () => {
	test('a complete diagnostic with a new question unanswered is reopened', () => {
		const complete = { ...v1, status: 'complete' as const };
		const ids = ['d-kept', 'd-new-name', 'd-whole', 'd-duty', 'd-coop'];
		expect(migrateDiagnostic(complete, 2, [step1], texts, ids).status).toBe('complete');
		expect(migrateDiagnostic(complete, 2, [step1], texts, [...ids, 'd-new']).status).toBe('draft');
	});
});
