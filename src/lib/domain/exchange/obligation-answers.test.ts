/** Importing answers to obligation questions: which values each kind of question takes. */
import { describe, expect, it } from 'vitest';
import { migrateToCurrent } from '../migration/shipped';
import { modules as shipped } from '../content/content';
import { moduleQuestions } from '../content/questionnaire';
import { complianceOf } from '../scoring/obligations';
import v2 from './fixtures/v2.json';
import v3 from './fixtures/v3.json';
import type { ExportFile } from './format';
import { planImport, type LocalState } from './plan';
import { readExportText } from './read';
import { describeSetAside } from './set-aside-text';

const NOW = Date.UTC(2026, 11, 2, 10);
// The shipped content: its eleven legal obligations are obligation questions.
const modules = shipped;
const empty: LocalState = { device: 'ce-poste', campaigns: [], diagnostics: new Map() };

type Fixture = typeof v3 & { diagnostics: { answers: { question: string; value: unknown }[] }[] };

function read(data: unknown): { file: ExportFile; version: number } {
	const r = readExportText(JSON.stringify(data));
	if (!r.ok) throw new Error(r.problem.details.join('\n'));
	expect(r.rejected).toEqual([]);
	return r;
}

function plan(data: unknown) {
	const { file, version } = read(data);
	return planImport(file, empty, {
		modules,
		migrate: migrateToCurrent,
		fileName: 'f.json',
		now: NOW,
		version
	});
}

/** The v3 fixture with `value` given to `question` of its first (dechets) diagnostic. */
function withAnswer(question: string, value: unknown): Fixture {
	const f = structuredClone(v3) as Fixture;
	const answer = f.diagnostics[0]!.answers.find((a) => a.question === question)!;
	answer.value = value;
	return f;
}

const valueOf = (p: ReturnType<typeof plan>, question: string) =>
	p.diagnostics.flatMap((d) => d.incoming.answers).find((a) => a.questionId === question)?.value;

describe('an obligation question', () => {
	it('takes every compliance, "na" and "nsp": the version 3 fixture imports whole', () => {
		const p = plan(v3);
		expect(p.setAside).toEqual([]);
		expect(valueOf(p, 'dechets-plpdma-pilotage')).toBe('conforme');
		expect(valueOf(p, 'cantines-egalim-viandes-poissons')).toBe('en-cours');
		expect(valueOf(p, 'cantines-contenants-plastique')).toBe('non-conforme');
		for (const value of ['na', 'nsp', 'conforme', 'en-cours', 'non-conforme'])
			expect(
				valueOf(plan(withAnswer('dechets-plpdma-pilotage', value)), 'dechets-plpdma-pilotage')
			).toBe(value);
	});

	it('keeps a level of a file written before it became an obligation, read as compliance', () => {
		const p = plan(v2);
		expect(p.setAside).toEqual([]);
		// Stored as the file wrote it; complianceOf reads « Réalisé » as « Conforme ».
		expect(valueOf(p, 'dechets-plpdma-pilotage')).toBe(3);
		expect(complianceOf(valueOf(p, 'dechets-plpdma-pilotage'))).toBe('conforme');
		expect(complianceOf(valueOf(p, 'cantines-contenants-plastique'))).toBe('non-conforme');
		for (const level of [0, 1, 2, 3, 4])
			expect(
				valueOf(plan(withAnswer('dechets-zone-reemploi', level)), 'dechets-zone-reemploi')
			).toBe(level);
	});

	it('never takes a list: the answer is set aside, the rest of the diagnostic imported', () => {
		const p = plan(withAnswer('dechets-plpdma-pilotage', ['cantines']));
		expect(p.setAside.map((s) => [s.reason, s.questionId])).toEqual([
			['invalid-value', 'dechets-plpdma-pilotage']
		]);
		expect(describeSetAside(p.setAside[0]!, modules)).toMatch(
			/n’a pas une valeur possible pour cette question\u202f: elle n’est pas importée/
		);
		expect(valueOf(p, 'dechets-plpdma-pilotage')).toBeUndefined();
		// 18 answers in the file: 6 retired by the v1 → v2 mapping (kept apart), 1 set aside.
		expect(p.diagnostics[0]!.incoming.answers).toHaveLength(11);
		expect(p.diagnostics[1]!.incoming.answers).toHaveLength(10);
	});
});

/** A scale question the fixture answers with a level. */
const scaleQuestion = moduleQuestions(modules.find((m) => m.id === 'dechets')!).find(
	(q) =>
		q.type === 'scale' &&
		typeof v3.diagnostics[0]!.answers.find((a) => a.question === q.id)?.value === 'number'
)!.id;

describe('a scale question', () => {
	it.each(['conforme', 'en-cours', 'non-conforme'])('sets aside %j, keeps the rest', (value) => {
		const p = plan(withAnswer(scaleQuestion, value));
		expect(p.setAside.map((s) => [s.reason, s.questionId])).toEqual([
			['invalid-value', scaleQuestion]
		]);
		expect(valueOf(p, scaleQuestion)).toBeUndefined();
		// 18 answers in the file: 6 retired by the v1 → v2 mapping (kept apart), 1 set aside.
		expect(p.diagnostics[0]!.incoming.answers).toHaveLength(11);
		expect(valueOf(p, 'dechets-plpdma-pilotage')).toBe('conforme');
	});
});
