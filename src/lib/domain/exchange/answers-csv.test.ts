/** The answers CSV with obligation questions: labels as the officer reads them, and the kind. */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Campaign } from '../answers';
import { modules as shipped } from '../content/content';
import { ANSWER_COLUMNS, answersCsv } from './answers-csv';
import type { AnswerRecord, DiagnosticSnapshot } from './format';

// The shipped content: its eleven legal obligations are obligation questions.
const modules = shipped;
const campaign: Campaign = {
	id: 'c1',
	authority: 'CC du Val',
	label: 'Diagnostic 2026',
	modules: ['dechets'],
	createdAt: 0,
	updatedAt: 0
};

function rowsOf(answers: [string, AnswerRecord['value']][]) {
	const diagnostic: DiagnosticSnapshot = {
		id: 'd1',
		campaignId: 'c1',
		moduleId: 'dechets',
		questionnaireVersion: 1,
		status: 'draft',
		revision: answers.length,
		createdAt: 0,
		updatedAt: 0,
		origin: { kind: 'local' },
		answers: answers.map(([questionId, value], i) => ({ questionId, value, changedAt: i }))
	};
	const [header, ...rows] = parse(answersCsv(campaign, [diagnostic], modules), {
		delimiter: ';',
		bom: true
	}) as string[][];
	const col = (name: (typeof ANSWER_COLUMNS)[number]) => header!.indexOf(name);
	return {
		header: header!,
		/** question id → [Valeur, Libellé de la valeur, Type de question] */
		cells: new Map(
			rows.map((r) => [
				r[col('Identifiant de la question')]!,
				[r[col('Valeur')], r[col('Libellé de la valeur')], r[col('Type de question')]]
			])
		)
	};
}

describe('answers CSV', () => {
	it('keeps the columns of before in their places, the kind of question last', () => {
		expect(rowsOf([]).header).toEqual([
			'Démarche',
			'Service',
			'Identifiant de la question',
			'Question',
			'Valeur',
			'Libellé de la valeur',
			'Note',
			'Date de la réponse',
			'Type de question'
		]);
	});

	it('writes an obligation with its compliance label, a legacy level as the compliance it reads as', () => {
		const { cells } = rowsOf([
			['dechets-plpdma-pilotage', 'en-cours'],
			['dechets-biodechets-foyers', 3],
			['dechets-zone-reemploi', 'non-conforme'],
			['dechets-plpdma-commission', 2],
			['dechets-coop-chantiers', ['cantines']]
		]);
		expect(cells.get('dechets-plpdma-pilotage')).toEqual([
			'en-cours',
			'En cours de mise en conformité',
			'Obligation'
		]);
		expect(cells.get('dechets-biodechets-foyers')).toEqual(['3', 'Conforme', 'Obligation']);
		expect(cells.get('dechets-zone-reemploi')).toEqual([
			'non-conforme',
			'Non conforme',
			'Obligation'
		]);
		expect(cells.get('dechets-plpdma-commission')).toEqual(['2', 'Engagé', 'Pratique']);
		expect(cells.get('dechets-coop-chantiers')).toEqual(['cantines', 'Cantines', 'Coopération']);
	});

	it('« Non concerné » and « Je ne sais pas » read the same on both kinds', () => {
		const { cells } = rowsOf([
			['dechets-plpdma-pilotage', 'na'],
			['dechets-zone-reemploi', 'nsp'],
			['dechets-plpdma-commission', 'nsp']
		]);
		expect(cells.get('dechets-plpdma-pilotage')).toEqual(['na', 'Non concerné', 'Obligation']);
		expect(cells.get('dechets-zone-reemploi')).toEqual(['nsp', 'Je ne sais pas', 'Obligation']);
		expect(cells.get('dechets-plpdma-commission')).toEqual(['nsp', 'Je ne sais pas', 'Pratique']);
	});
	it('names the external partners, « Autre » with its text, formula-safe', () => {
		const coop = modules
			.find((m) => m.id === 'dechets')!
			.themes.flatMap((t) => t.questions)
			.find((q) => q.type === 'cooperation')!;
		const answer: AnswerRecord = {
			questionId: coop.id,
			value: ['eau', 'communes-membres', 'patrimoine', 'autre'],
			otherPartner: '=HYPERLINK("x")',
			changedAt: 1
		};
		const diagnostic: DiagnosticSnapshot = {
			id: 'd1',
			campaignId: 'c1',
			moduleId: 'dechets',
			questionnaireVersion: 1,
			status: 'draft',
			revision: 1,
			createdAt: 0,
			updatedAt: 0,
			origin: { kind: 'local' },
			answers: [answer]
		};
		const text = answersCsv(campaign, [diagnostic], modules);
		const [header, row] = parse(text, { delimiter: ';', bom: true }) as string[][];
		const cell = (name: (typeof ANSWER_COLUMNS)[number]) => row![header!.indexOf(name)];
		expect(cell('Valeur')).toBe('eau, communes-membres, patrimoine, autre');
		const eau = modules.find((m) => m.id === 'eau')!.shortTitle;
		expect(cell('Libellé de la valeur')).toBe(
			`${eau}, Communes membres, Patrimoine / bâtiments, Autre\u202f: =HYPERLINK("x")`
		);
		// The typed text is never at the start of a cell: no formula can run.
		expect(text).not.toMatch(/[;\n]"=/);
	});
});
