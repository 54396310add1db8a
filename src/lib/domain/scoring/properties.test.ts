/**
 * Properties of the engine over random campaigns (fast-check) on the fixture questionnaire.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Campaign, DiagnosticWithAnswers, ScaleValue } from '../answers';
import { scoreCampaign, type CampaignScores } from './campaign';
import { diagnostic, fixtureModules, fixtureQuestionnaire as q } from '../testing/fixtures';
import { LEVER_IDS, MODULE_IDS, moduleQuestions, type ModuleId } from '../content/questionnaire';
import { recommend } from './recommendations';
import { scoreDiagnostic } from './scoring';

const scaleValue = fc.constantFrom<ScaleValue>(0, 1, 2, 3, 4, 'na', 'nsp');
const answersOf = (moduleId: ModuleId) => {
	const questions = moduleQuestions(fixtureModules.find((m) => m.id === moduleId)!);
	return fc
		.tuple(
			...questions.map((question) =>
				fc.option<ScaleValue | ModuleId[]>(
					question.type === 'scale' ? scaleValue : fc.subarray([...MODULE_IDS]),
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
const arbCampaign = fc
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

const score = (c: { campaign: Campaign; diagnostics: DiagnosticWithAnswers[] }) =>
	scoreCampaign(c.campaign, c.diagnostics, q);
const inRange = (x: number | null) => x === null || (x >= 0 && x <= 100 + 1e-9);

function allScores(s: CampaignScores): (number | null)[] {
	return [
		...s.diagnostics.flatMap((d) => [
			d.maturity,
			d.meconnaissance,
			...LEVER_IDS.flatMap((l) => [d.levers[l].score, d.levers[l].done, d.levers[l].engaged])
		]),
		...LEVER_IDS.flatMap((l) => [
			s.levers[l].mean,
			s.levers[l].min,
			s.levers[l].max,
			s.levers[l].done,
			s.levers[l].engaged
		]),
		s.meconnaissance,
		s.network.density,
		s.transversality.score,
		...Object.values(s.transversality.components).map((c) => c.value)
	];
}

/** Replaces one answer of one of the campaign's diagnostics. */
function withAnswer(
	diagnostics: DiagnosticWithAnswers[],
	i: number,
	questionId: string,
	value: ScaleValue | ModuleId[]
) {
	return diagnostics.map((d, j) =>
		j === i
			? { ...d, answers: { ...d.answers, [questionId]: { questionId, value, changedAt: 2 } } }
			: d
	);
}

/** Picks a diagnostic and one of its module's scale questions from two random numbers. */
function pickScale(diagnostics: DiagnosticWithAnswers[], i: number, k: number) {
	const d = diagnostics[i % diagnostics.length]!;
	const scale = moduleQuestions(fixtureModules.find((m) => m.id === d.moduleId)!).filter(
		(x) => x.type === 'scale'
	);
	const question = scale[k % scale.length]!;
	return { index: i % diagnostics.length, d, question, value: d.answers[question.id]?.value };
}

describe('properties', () => {
	it('every score stays within 0–100 or is null', () => {
		fc.assert(
			fc.property(arbCampaign, (c) => {
				const s = score(c);
				expect(allScores(s).every(inRange)).toBe(true);
				for (const r of recommend(s, q).levers)
					expect(r.gap >= 0 && r.gap <= 1 && inRange(r.meconnaissance)).toBe(true);
			})
		);
	});

	it('raising one answer never lowers its lever scores', () => {
		fc.assert(
			fc.property(arbCampaign, fc.nat(), fc.nat(), fc.nat(), (c, i, k, step) => {
				fc.pre(c.diagnostics.length > 0);
				const { index, d, question, value } = pickScale(c.diagnostics, i, k);
				fc.pre(typeof value === 'number' && value < 4 && question.type === 'scale');
				const raised = ((value as number) + 1 + (step % (4 - (value as number)))) as ScaleValue;
				const after = withAnswer(c.diagnostics, index, question.id, raised);
				const [s0, s1] = [scoreDiagnostic(d, q), scoreDiagnostic(after[index]!, q)];
				const [c0, c1] = [score(c), score({ ...c, diagnostics: after })];
				if (question.type !== 'scale') return;
				for (const { lever } of question.levers) {
					for (const key of ['score', 'done', 'engaged'] as const)
						expect(s1.levers[lever][key]!).toBeGreaterThanOrEqual(s0.levers[lever][key]!);
					for (const key of ['mean', 'min', 'max'] as const)
						expect(c1.levers[lever][key] ?? 0).toBeGreaterThanOrEqual(c0.levers[lever][key] ?? 0);
				}
			})
		);
	});

	it('permuting the diagnostics changes neither transversality nor the recommendations', () => {
		fc.assert(
			fc.property(
				arbCampaign.chain((c) =>
					fc
						.shuffledSubarray(c.diagnostics, { minLength: c.diagnostics.length })
						.map((p) => [c, p] as const)
				),
				([c, permuted]) => {
					const [a, b] = [score(c), score({ ...c, diagnostics: permuted })];
					expect(b.transversality).toEqual(a.transversality);
					expect(recommend(b, q)).toEqual(recommend(a, q));
				}
			)
		);
	});

	it('adding a reciprocated cooperation link never lowers coopération', () => {
		fc.assert(
			fc.property(arbCampaign, fc.nat(), fc.nat(), (c, i, j) => {
				const before = score(c);
				const counted = before.selection.counted.filter((d) =>
					before.network.services.includes(d.moduleId)
				);
				fc.pre(counted.length >= 2);
				const a = counted[i % counted.length]!;
				const b = counted[(i + 1 + (j % (counted.length - 1))) % counted.length]!;
				let diagnostics = c.diagnostics;
				for (const [from, to] of [
					[a, b],
					[b, a]
				] as const) {
					const coop = moduleQuestions(fixtureModules.find((m) => m.id === from.moduleId)!).find(
						(x) => x.type === 'cooperation'
					)!;
					const current = from.answers[coop.id]?.value;
					const partners = Array.isArray(current) ? current : [];
					diagnostics = withAnswer(diagnostics, diagnostics.indexOf(from), coop.id, [
						...partners,
						to.moduleId
					]);
				}
				const after = score({ ...c, diagnostics });
				expect(after.network.density!).toBeGreaterThanOrEqual((before.network.density ?? 0) - 1e-9);
			})
		);
	});

	it('answering "Non concerné" never changes the scores of the other levers', () => {
		fc.assert(
			fc.property(arbCampaign, fc.nat(), fc.nat(), (c, i, k) => {
				fc.pre(c.diagnostics.length > 0);
				const { index, d, question } = pickScale(c.diagnostics, i, k);
				const after = withAnswer(c.diagnostics, index, question.id, 'na');
				const tagged = new Set(
					question.type === 'scale' ? question.levers.map((t) => t.lever) : []
				);
				const [s0, s1] = [scoreDiagnostic(d, q), scoreDiagnostic(after[index]!, q)];
				const [c0, c1] = [score(c), score({ ...c, diagnostics: after })];
				for (const lever of LEVER_IDS.filter((l) => !tagged.has(l))) {
					expect(s1.levers[lever]).toEqual(s0.levers[lever]);
					expect(c1.levers[lever]).toEqual(c0.levers[lever]);
				}
			})
		);
	});
});
