/**
 * Obligation answers end to end: written on one device, exported, imported on another, backed
 * up and restored on a third, with the content of method v2 (the eleven obligations).
 */
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { afterEach, describe, expect, it } from 'vitest';
import schema from '../../../docs/leviers-export.schema.json';
import type { Answer } from '$lib/domain/answers';
import { levers, modules as shipped } from '$lib/domain/content/content';
import { indexQuestionnaire } from '$lib/domain/content/questionnaire-index';
import v2 from '$lib/domain/exchange/fixtures/v2.json';
import { planCounts } from '$lib/domain/exchange/plan';
import { obligationChecklist } from '$lib/domain/scoring/obligations';
import { toAnswers } from './queries';
import { testDevice, type TestDevice } from './test-devices';
import { flatRows } from './answer-sets';

// The shipped content: its eleven legal obligations are obligation questions.
const modules = shipped;
const index = indexQuestionnaire({ modules, levers });
const validate = addFormats(new Ajv2020({ allErrors: true, strict: true })).compile(schema);

const opened: TestDevice[] = [];
const device = () => {
	const d = testDevice(undefined, modules);
	opened.push(d);
	return d;
};
afterEach(() => opened.splice(0).forEach((d) => d.db.close()));

/** Every stored answer of `device`, by diagnostic then question: value and note. */
async function answersOf(d: TestDevice) {
	const rows = flatRows(await d.db.answerSets.toArray());
	return rows
		.map((r) => ({
			diagnostic: r.diagnosticId,
			question: r.questionId,
			value: r.value,
			note: r.note
		}))
		.sort((a, b) => `${a.diagnostic} ${a.question}`.localeCompare(`${b.diagnostic} ${b.question}`));
}

/** « n sur m obligations remplies » of one diagnostic, as the checklist counts it. */
async function checklist(d: TestDevice, diagnosticId: string) {
	const diagnostic = (await d.queries.getDiagnostic(diagnosticId))!;
	const answers = toAnswers(await d.queries.answerRows(diagnosticId));
	const c = obligationChecklist({ ...diagnostic, answers }, index.modules.get(diagnostic.moduleId));
	return { met: c.met, inProgress: c.inProgress, unmet: c.unmet, unknown: c.unknown };
}

const ANSWERS: [string, Answer['value']][] = [
	['dechets-plpdma-pilotage', 'conforme'],
	['dechets-biodechets-foyers', 'non-conforme'],
	['dechets-zone-reemploi', 'en-cours'],
	['dechets-plpdma-commission', 2],
	['dechets-coop-chantiers', ['cantines']]
];

describe('obligation answers travel between devices unchanged', () => {
	it('exported, imported on another device, backed up and restored on a third', async () => {
		const sender = device();
		const c = await sender.repo.createCampaign({
			authority: 'CC du Val',
			label: 'Diagnostic 2026',
			modules: ['dechets', 'cantines']
		});
		const dechets = await sender.repo.openDiagnostic(c.id, 'dechets');
		for (const [question, value] of ANSWERS)
			await sender.repo.saveAnswer(dechets.id, question, value);
		await sender.repo.saveNote(dechets.id, 'dechets-zone-reemploi', 'Convention en signature');
		const cantines = await sender.repo.openDiagnostic(c.id, 'cantines');
		await sender.repo.saveAnswer(cantines.id, 'cantines-menu-vegetarien', 'nsp');
		await sender.repo.saveAnswer(cantines.id, 'cantines-contenants-plastique', 'na');
		// Given before the question became an obligation: kept, read as « En cours ».
		await sender.repo.saveAnswer(cantines.id, 'cantines-egalim-qualite', 2);

		const file = await sender.export({ scope: 'campaign', campaignId: c.id });
		expect(validate(JSON.parse(file)), JSON.stringify(validate.errors)).toBe(true);
		const coordinator = device();
		const plan = await coordinator.import(file);
		expect(planCounts(plan)).toEqual({ added: 2, updated: 0, skipped: 0, conflict: 0 });
		expect(plan.setAside).toEqual([]);
		expect(await answersOf(coordinator)).toEqual(await answersOf(sender));
		expect(await checklist(coordinator, dechets.id)).toEqual({
			met: 1,
			inProgress: 1,
			unmet: 1,
			unknown: 1 /* dechets-rapport-annuel, added in content v2, unanswered */
		});
		expect(await checklist(coordinator, cantines.id)).toMatchObject({ inProgress: 1 });

		const backup = await coordinator.export({ scope: 'database' });
		expect(validate(JSON.parse(backup)), JSON.stringify(validate.errors)).toBe(true);
		const restored = device();
		expect((await restored.import(backup)).setAside).toEqual([]);
		expect(await answersOf(restored)).toEqual(await answersOf(sender));
		expect(await checklist(restored, dechets.id)).toEqual(await checklist(sender, dechets.id));
	});

	it('a version 2 backup restores its levels as stored; the checklist reads them as compliance', async () => {
		const d = device();
		const plan = await d.import(JSON.stringify(v2));
		expect(plan.setAside).toEqual([]);
		const [dechets, cantines] = v2.diagnostics;
		const rows = new Map((await d.queries.answerRows(dechets!.id)).map((r) => [r.questionId, r]));
		expect(rows.get('dechets-plpdma-pilotage')?.value).toBe(3);
		// Réalisé (3), Exemplaire (4), Réalisé (3): three obligations met.
		expect(await checklist(d, dechets!.id)).toEqual({
			met: 3,
			inProgress: 0,
			unmet: 0,
			unknown: 1 /* dechets-rapport-annuel, added in content v2, unanswered */
		});
		// Réalisé, Engagé, Réalisé, En réflexion, and the tri unanswered (a note only).
		expect(await checklist(d, cantines!.id)).toEqual({
			met: 2,
			inProgress: 1,
			unmet: 1,
			unknown: 2 /* and cantines-information-convives, added in content v2, unanswered */
		});
		// Exported again, the levels stay levels: the file says what was answered.
		const again = JSON.parse(await d.export({ scope: 'database' })) as typeof v2;
		const value = again.diagnostics
			.find((x) => x.id === dechets!.id)!
			.answers.find((a) => a.question === 'dechets-zone-reemploi')!.value;
		expect(value).toBe(4);
	});
});
