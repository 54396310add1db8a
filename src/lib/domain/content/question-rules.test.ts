import { describe, expect, it } from 'vitest';
import { estimatedMinutes } from './module-size';
import { formatProblem, type Module, type ScaleQuestion } from './questionnaire';
import {
	acronymsIn,
	checkModuleRules,
	definesAcronym,
	MAX_QUESTION_TEXT,
	pastDatesAsFuture
} from './question-rules';

const scale = (id: string, text: string, levers: string[]): ScaleQuestion => ({
	id,
	type: 'scale',
	text,
	help: 'Aide.',
	reference: { kind: 'source', section: 'Enjeux', quote: 'x' },
	levers: levers.map((lever) => ({
		lever: lever as ScaleQuestion['levers'][0]['lever'],
		weight: 2
	})),
	levels: { engage: 'Une personne est nommée.', realise: 'La convention est signée.' }
});

/** A module that follows every rule: two questions on each of its two levers. */
function goodModule(): Module {
	const m: Module = {
		id: 'dechets',
		version: 2,
		title: 'Déchets',
		shortTitle: 'Déchets',
		description: 'Le service des déchets.',
		themes: [
			{
				id: 'dechets-t',
				title: 'Thème',
				questions: [
					scale(
						'dechets-a',
						'Le programme local de prévention des déchets ménagers et assimilés (PLPDMA) associe-t-il une ressourcerie\u202f?',
						['mutualisation', 'mise-en-relation']
					),
					scale('dechets-b', 'Le PLPDMA prévoit-il une action de réemploi\u202f?', [
						'mutualisation',
						'mise-en-relation'
					])
				]
			}
		]
	};
	m.minutes = estimatedMinutes(m);
	return m;
}

const problems = (m: Module) => checkModuleRules('dechets.json', m).map(formatProblem);

describe('the rules of content v2 on a module', () => {
	it('a module that follows them raises nothing', () => {
		expect(problems(goodModule())).toEqual([]);
	});

	it('a question text over 200 characters, or not ending with a question mark', () => {
		const m = goodModule();
		const q = m.themes[0]!.questions[1]!;
		q.text = `Le PLPDMA ${'x'.repeat(MAX_QUESTION_TEXT)}\u202f?`;
		expect(problems(m)).toEqual([
			`dechets.json › question dechets-b › text\u202f: ${q.text.length} caractères, au plus ${MAX_QUESTION_TEXT}`
		]);
		q.text = 'Le PLPDMA prévoit une action.';
		expect(problems(m)).toEqual([
			'dechets.json › question dechets-b › text\u202f: une question se termine par «\u202f?\u202f»'
		]);
	});

	it('a practice question without the bars of «\u202fEngagé\u202f» and «\u202fRéalisé\u202f»', () => {
		const m = goodModule();
		delete (m.themes[0]!.questions[0] as ScaleQuestion).levels;
		expect(problems(m)).toEqual([
			'dechets.json › question dechets-a › levels\u202f: ce que «\u202fEngagé\u202f» et «\u202fRéalisé\u202f» veulent dire pour cette question manque'
		]);
	});

	it('an acronym used bare at its first appearance in a question text', () => {
		const m = goodModule();
		const [a, b] = m.themes[0]!.questions as [ScaleQuestion, ScaleQuestion];
		[a.text, b.text] = [b.text, a.text];
		expect(problems(m)).toEqual([
			'dechets.json › question dechets-a › text\u202f: le sigle PLPDMA est employé sans être développé à sa première apparition dans une question du module'
		]);
		// Spelled out in the description, which is read first: fine.
		m.description = 'Le programme local de prévention (PLPDMA) et le service des déchets.';
		expect(problems(m)).toEqual([]);
	});

	it('recognises acronyms and their definitions', () => {
		expect(
			acronymsIn('Le SPASER, l’EGalim, la TEOMi, ComptaCoût, l’ESS et l’article L.541-1 II')
		).toEqual(['SPASER', 'EGalim', 'TEOMi', 'ESS']);
		expect(definesAcronym('le schéma (SPASER) est adopté', 'SPASER')).toBe(true);
		expect(definesAcronym('le SPASER (schéma de promotion…) est adopté', 'SPASER')).toBe(true);
		expect(definesAcronym('producteur (REP\u202f: textiles, meubles)', 'REP')).toBe(true);
		expect(definesAcronym('une part incitative (taxe ou redevance, TEOMi ou REOMi)', 'REOMi')).toBe(
			true
		);
		expect(definesAcronym('le SPASER est adopté', 'SPASER')).toBe(false);
		expect(definesAcronym('le schéma (SPASERS)', 'SPASER')).toBe(false);
	});

	it('a lever resting on one question of the module', () => {
		const m = goodModule();
		(m.themes[0]!.questions[1] as ScaleQuestion).levers = [{ lever: 'mutualisation', weight: 2 }];
		m.minutes = estimatedMinutes(m);
		expect(problems(m)).toEqual([
			'dechets.json › levers\u202f: le levier mise-en-relation ne repose que sur 1 question du module, au moins 2 attendues (ou retirer l’étiquette)'
		]);
	});

	it('a fact that says neither where it was read nor what is unverified, or both', () => {
		const m = goodModule();
		const q = m.themes[0]!.questions[0]!;
		q.reference = { kind: 'fact', statement: 'Un fait.', text: 'Code', date: '2020-01-01' };
		expect(problems(m)).toEqual([
			'dechets.json › question dechets-a › reference\u202f: un fait dit où il a été lu (checked) ou ce qui n’est pas vérifié (unverified)'
		]);
		q.reference.unverified = 'La date.';
		expect(problems(m)).toEqual([]);
		q.reference.checked = { where: 'Légifrance', on: '2026-12-03' };
		expect(problems(m)).toEqual([
			'dechets.json › question dechets-a › reference\u202f: un fait vérifié (checked) ne porte pas aussi de réserve (unverified)'
		]);
	});

	it('a past date written as a deadline to come', () => {
		expect(pastDatesAsFuture('À partir du 1er janvier 2024, tout foyer…')).toEqual([
			'À partir du 1er janvier 2024'
		]);
		expect(pastDatesAsFuture('à compter du 22 août 2026 les marchés…')).toHaveLength(1);
		expect(pastDatesAsFuture('dès 2025')).toHaveLength(1);
		expect(
			pastDatesAsFuture('Depuis le 1er janvier 2024\u202f; à partir du 1er janvier 2028')
		).toEqual([]);
		const m = goodModule();
		m.themes[0]!.questions[0]!.help = 'Obligatoire à partir de 2026.';
		expect(problems(m)).toEqual([
			'dechets.json › question dechets-a › help\u202f: «\u202fà partir de 2026\u202f»\u202f: une date passée écrite comme une échéance à venir'
		]);
	});

	it('an announced time under the estimate, far above it, or missing', () => {
		const m = goodModule();
		const estimate = estimatedMinutes(m);
		m.minutes = estimate + 20;
		expect(problems(m)).toEqual([
			`dechets.json › minutes\u202f: ${estimate + 20} minutes annoncées, l’estimation est de ${estimate} (de ${estimate} à ${estimate + 15} acceptés)`
		]);
		delete m.minutes;
		expect(problems(m)).toEqual([
			`dechets.json › minutes\u202f: temps annoncé manquant (estimation\u202f: ${estimate} minutes)`
		]);
	});
});
