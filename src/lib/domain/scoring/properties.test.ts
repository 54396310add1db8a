/**
 * Properties of the engine over random campaigns (fast-check) on the fixture questionnaire.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	EXTERNAL_PARTNER_IDS,
	isExternalPartner,
	type Campaign,
	type DiagnosticWithAnswers,
	type ScaleValue
} from '../answers';
import { scoreCampaign, type CampaignScores } from './campaign';
import { fixtureModules, fixtureQuestionnaire as q } from '../testing/fixtures';
import { arbCampaign, linked, obligationValue, withAnswer, without } from '../testing/arbitraries';
import { LEVER_IDS, moduleQuestions } from '../content/questionnaire';
import { recommend } from './recommendations';
import { scoreDiagnostic, type DiagnosticScores } from './scoring';
import { leverPriorities } from './priority';

const score = (c: { campaign: Campaign; diagnostics: DiagnosticWithAnswers[] }, qq = q) =>
	scoreCampaign(c.campaign, c.diagnostics, qq);
const inRange = (x: number | null) => x === null || (x >= 0 && x <= 100 + 1e-9);

/** Every figure of a diagnostic: lever series, maturity, engagement (as 0–100). */
function diagnosticFigures(d: DiagnosticScores): (number | null)[] {
	return [
		d.maturity,
		d.engagement === null ? null : 100 * d.engagement,
		...LEVER_IDS.flatMap((l) => {
			const x = d.levers[l];
			return [x.score, x.done, x.engaged, x.raw, x.engagement === null ? null : 100 * x.engagement];
		})
	];
}

/** Every score of a campaign that must not fall when an answer rises. */
function monotoneScores(s: CampaignScores): (number | null)[] {
	return [
		...s.diagnostics.flatMap(diagnosticFigures),
		...LEVER_IDS.flatMap((l) => [
			s.levers[l].mean,
			s.levers[l].min,
			s.levers[l].max,
			s.levers[l].done,
			s.levers[l].engaged
		]),
		s.transversality.score,
		...Object.values(s.transversality.components).map((c) => c.value)
	];
}

function allScores(s: CampaignScores): (number | null)[] {
	return [
		...monotoneScores(s),
		...s.diagnostics.map((d) => d.meconnaissance),
		s.meconnaissance,
		s.network.density,
		s.transversality.maximum
	];
}

/** Picks a diagnostic that counts and one of its module's questions of a kind. */
function pick(
	c: { campaign: Campaign; diagnostics: DiagnosticWithAnswers[] },
	i: number,
	k: number,
	type: 'scale' | 'obligation' | 'cooperation'
) {
	const counted = score(c).selection.counted;
	if (counted.length === 0) return null;
	const d = counted[i % counted.length]!;
	const questions = moduleQuestions(fixtureModules.find((m) => m.id === d.moduleId)!).filter(
		(x) => x.type === type
	);
	if (questions.length === 0) return null;
	const question = questions[k % questions.length]!;
	return { index: c.diagnostics.indexOf(d), d, question, value: d.answers[question.id]?.value };
}

/** Pairs each figure of two lists: both null, or both numbers. */
function pairs(a: (number | null)[], b: (number | null)[]) {
	expect(b.length).toBe(a.length);
	return a.map((x, i) => [x, b[i]!] as const);
}

describe('properties (method v2)', () => {
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

	it('raising any answer by one level never lowers any score, nor raises any priority', () => {
		fc.assert(
			fc.property(arbCampaign, fc.nat(), fc.nat(), (c, i, k) => {
				const p = pick(c, i, k, 'scale');
				fc.pre(p !== null && typeof p.value === 'number' && p.value < 4);
				const { index, question, value } = p!;
				const raised = ((value as number) + 1) as ScaleValue;
				const after = { ...c, diagnostics: withAnswer(c.diagnostics, index, question.id, raised) };
				const [s0, s1] = [score(c), score(after)];
				for (const [x, y] of pairs(monotoneScores(s0), monotoneScores(s1))) {
					expect(y === null).toBe(x === null);
					if (x !== null) expect(y!).toBeGreaterThanOrEqual(x - 1e-9);
				}
				const before = new Map(leverPriorities(s0).map((l) => [l.lever, l.priority]));
				for (const l of leverPriorities(s1))
					expect(l.priority).toBeLessThanOrEqual(before.get(l.lever)! + 1e-9);
			})
		);
	});

	it('replacing a level by « Je ne sais pas » never raises the service’s maturity', () => {
		fc.assert(
			fc.property(arbCampaign, fc.nat(), fc.nat(), (c, i, k) => {
				const p = pick(c, i, k, 'scale');
				fc.pre(p !== null && typeof p.value === 'number');
				const { d, question } = p!;
				const after = withAnswer([d], 0, question.id, 'nsp')[0]!;
				const [m0, m1] = [scoreDiagnostic(d, q).maturity, scoreDiagnostic(after, q).maturity];
				if (m1 !== null) expect(m1).toBeLessThanOrEqual(m0! + 1e-9);
			})
		);
	});

	it('« Non concerné » on a question leaves every score as if the question did not exist', () => {
		fc.assert(
			fc.property(arbCampaign, fc.nat(), fc.nat(), (c, i, k) => {
				const p = pick(c, i, k, 'scale');
				fc.pre(p !== null);
				const { index, question } = p!;
				const na = { ...c, diagnostics: withAnswer(c.diagnostics, index, question.id, 'na') };
				const gone = {
					...c,
					diagnostics: c.diagnostics.map((d) => {
						const answers = { ...d.answers };
						delete answers[question.id];
						return { ...d, answers };
					})
				};
				const [a, b] = [score(na), score(gone, without(question.id))];
				for (const [x, y] of pairs(allScores(a), allScores(b))) {
					if (x === null) expect(y).toBeNull();
					else expect(y!).toBeCloseTo(x, 9);
				}
			})
		);
	});

	it('obligations change no score: maturity, levers and transversality ignore them', () => {
		fc.assert(
			fc.property(arbCampaign, fc.nat(), fc.nat(), obligationValue, (c, i, k, value) => {
				const p = pick(c, i, k, 'obligation');
				fc.pre(p !== null);
				const after = {
					...c,
					diagnostics: withAnswer(c.diagnostics, p!.index, p!.question.id, value)
				};
				expect(monotoneScores(score(after))).toEqual(monotoneScores(score(c)));
			})
		);
	});

	it('partners beyond the modules change no score: ticking or unticking them is only shown', () => {
		fc.assert(
			fc.property(
				arbCampaign,
				fc.nat(),
				fc.nat(),
				fc.subarray([...EXTERNAL_PARTNER_IDS]),
				(c, i, k, external) => {
					const p = pick(c, i, k, 'cooperation');
					fc.pre(p !== null);
					const modules = Array.isArray(p!.value)
						? p!.value.filter((x) => !isExternalPartner(x))
						: [];
					const after = {
						...c,
						diagnostics: withAnswer(c.diagnostics, p!.index, p!.question.id, [
							...modules,
							...external
						])
					};
					const before = {
						...c,
						diagnostics: withAnswer(c.diagnostics, p!.index, p!.question.id, modules)
					};
					expect(allScores(score(after))).toEqual(allScores(score(before)));
					expect(recommend(score(after), q)).toEqual(recommend(score(before), q));
				}
			)
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

	it('adding a two-way cooperation link never lowers coopération nor transversality', () => {
		fc.assert(
			fc.property(arbCampaign, fc.nat(), fc.nat(), (c, i, j) => {
				const before = score(c);
				const counted = before.selection.counted.filter((d) =>
					before.network.services.includes(d.moduleId)
				);
				fc.pre(counted.length >= 2);
				const a = counted[i % counted.length]!;
				const b = counted[(i + 1 + (j % (counted.length - 1))) % counted.length]!;
				const after = score({ ...c, diagnostics: linked(c.diagnostics, a, b) });
				const coop = (s: CampaignScores) => s.transversality.components.cooperation.value ?? 0;
				expect(coop(after)).toBeGreaterThanOrEqual(coop(before) - 1e-9);
				if (before.transversality.score !== null)
					expect(after.transversality.score!).toBeGreaterThanOrEqual(
						before.transversality.score - 1e-9
					);
			})
		);
	});

	it('a campaign with no cooperation link scores below the same answers plus links', () => {
		fc.assert(
			fc.property(arbCampaign, fc.nat(), fc.nat(), (c, i, j) => {
				const unlinked = {
					...c,
					diagnostics: c.diagnostics.map((d) => ({
						...d,
						answers: Object.fromEntries(
							Object.entries(d.answers).map(([id, a]) => [
								id,
								Array.isArray(a.value) ? { ...a, value: [] } : a
							])
						)
					}))
				};
				const before = score(unlinked);
				const counted = before.selection.counted.filter((d) =>
					before.network.services.includes(d.moduleId)
				);
				fc.pre(counted.length >= 2 && before.transversality.score !== null);
				const a = counted[i % counted.length]!;
				const b = counted[(i + 1 + (j % (counted.length - 1))) % counted.length]!;
				const after = score({ ...unlinked, diagnostics: linked(unlinked.diagnostics, a, b) });
				expect(after.transversality.score!).toBeGreaterThan(before.transversality.score!);
			})
		);
	});
});
