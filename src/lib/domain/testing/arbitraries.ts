/**
 * Random campaigns on the fixture questionnaire, and small edits of them, for the engine's
 * property tests (fast-check).
 */
import fc from 'fast-check';
import {
	EXTERNAL_PARTNER_IDS,
	type Campaign,
	type DiagnosticWithAnswers,
	type ObligationValue,
	type PartnerId,
	type ScaleValue
} from '../answers';
import { diagnostic, fixtureModules, fixtureQuestionnaire as q } from './fixtures';
import { MODULE_IDS, moduleQuestions, type ModuleId } from '../content/questionnaire';
import type { Questionnaire } from '../content/questionnaire-index';

export const scaleValue = fc.constantFrom<ScaleValue>(0, 1, 2, 3, 4, 'na', 'nsp');
export const obligationValue = fc.constantFrom<ObligationValue | ScaleValue>(
	'conforme',
	'en-cours',
	'non-conforme',
	'na',
	'nsp',
	2
);
const answersOf = (moduleId: ModuleId) => {
	const questions = moduleQuestions(fixtureModules.find((m) => m.id === moduleId)!);
	return fc
		.tuple(
			...questions.map((question) =>
				fc.option<ScaleValue | ObligationValue | PartnerId[]>(
					question.type === 'scale'
						? scaleValue
						: question.type === 'obligation'
							? obligationValue
							: fc.subarray<PartnerId>([...MODULE_IDS, ...EXTERNAL_PARTNER_IDS]),
					{ nil: undefined }
				)
			)
		)
		.map((values) =>
			Object.fromEntries(
				questions.flatMap((question, i) =>
					values[i] === undefined ? [] : [[question.id, values[i]!]]
				)
			)
		);
};
const diagnosticsOf = (moduleId: ModuleId) =>
	fc
		.array(
			fc.record({
				status: fc.constantFrom('draft' as const, 'complete' as const),
				revision: fc.integer({ min: 1, max: 3 }),
				updatedAt: fc.integer({ min: 0, max: 3 }),
				answers: answersOf(moduleId)
			}),
			{ maxLength: 2 }
		)
		.map((ds) => ds.map((o, i) => diagnostic(moduleId, { ...o, id: `${moduleId}-${i}` })));

/** A random campaign: some expected modules, zero to two diagnostics per module, in a random order. */
export const arbCampaign = fc
	.record({
		modules: fc.subarray([...MODULE_IDS]),
		diagnostics: fc.tuple(...MODULE_IDS.map(diagnosticsOf)).map((ds) => ds.flat())
	})
	.chain(({ modules, diagnostics }) =>
		fc.shuffledSubarray(diagnostics, { minLength: diagnostics.length }).map((shuffled) => ({
			campaign: {
				id: 'c1',
				authority: 'A',
				label: 'L',
				modules,
				createdAt: 0,
				updatedAt: 0
			} as Campaign,
			diagnostics: shuffled
		}))
	);

/** Replaces one answer of one of the campaign's diagnostics. */
export function withAnswer(
	diagnostics: DiagnosticWithAnswers[],
	i: number,
	questionId: string,
	value: ScaleValue | ObligationValue | PartnerId[]
) {
	return diagnostics.map((d, j) =>
		j === i
			? { ...d, answers: { ...d.answers, [questionId]: { questionId, value, changedAt: 2 } } }
			: d
	);
}

/** The questionnaire without one question. */
export function without(questionId: string): Questionnaire {
	return {
		levers: q.levers,
		modules: q.modules.map((m) => ({
			...m,
			themes: m.themes.map((t) => ({
				...t,
				questions: t.questions.filter((x) => x.id !== questionId)
			}))
		}))
	};
}

/** The diagnostics with a and b declaring each other on their first cooperation question. */
export function linked(
	diagnostics: DiagnosticWithAnswers[],
	a: DiagnosticWithAnswers,
	b: DiagnosticWithAnswers
) {
	let out = diagnostics;
	for (const [from, to] of [
		[a, b],
		[b, a]
	] as const) {
		const coop = moduleQuestions(fixtureModules.find((m) => m.id === from.moduleId)!).find(
			(x) => x.type === 'cooperation'
		)!;
		const current = from.answers[coop.id]?.value;
		const partners = Array.isArray(current) ? current : [];
		out = withAnswer(out, diagnostics.indexOf(from), coop.id, [...partners, to.moduleId]);
	}
	return out;
}
