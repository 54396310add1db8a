/**
 * Scores of one diagnostic: lever scores (two ADEME-like series), service maturity and
 * méconnaissance. Formulas are explained in docs/methode.md.
 */
import type { DiagnosticWithAnswers } from '../answers';
import {
	indexQuestionnaire,
	type ModuleIndex,
	type Questionnaire
} from '../content/questionnaire-index';
import { LEVER_IDS, type LeverId, type ModuleId } from '../content/questionnaire';
import { LeverSums, leverRecord, scalePlan } from './lever-sums';
import { complianceOf, obligationChecklist, type ObligationChecklist } from './obligations';

/**
 * A lever or a maturity rests on at least this many answers on the levels 0–4; with fewer it is
 * « non évalué (trop peu de réponses) ». One click must not move an axis between 0 and 100.
 */
export const MIN_LEVEL_ANSWERS = 2;

/**
 * Whether a lever is scored in a module: `not-addressed` when no question of the module informs
 * it, `too-few` when fewer than MIN_LEVEL_ANSWERS of them are answered on the levels 0–4.
 */
export type LeverStatus = 'evaluated' | 'too-few' | 'not-addressed';

/** Score of one lever in one diagnostic; every score is 0–100 or null (not evaluated). */
export interface LeverScore {
	/**
	 * Weighted mean of level / 4 over the questions answered on the levels or « Je ne sais pas »,
	 * the latter counting 0 (what the service can show); null unless `status` is `evaluated`.
	 */
	score: number | null;
	/** Réalisé: weighted share of those questions at level 3–4 (ADEME "fait"). */
	done: number | null;
	/** Engagé ou réalisé: weighted share at level 2–4 (ADEME "fait + programmé"). */
	engaged: number | null;
	/** The score before the MIN_LEVEL_ANSWERS rule (null only when nothing was answered). */
	raw: number | null;
	status: LeverStatus;
	/**
	 * Engagement, 0–1, for the transversality: weighted share of the lever's questions at Engagé
	 * or above, over every question of the lever but « Non concerné » (unanswered and « Je ne sais
	 * pas » count as not engaged); null when every question is « Non concerné » or none exists.
	 */
	engagement: number | null;
	/** Questions of the module that inform the lever; 0 means the module does not address it. */
	questions: number;
	/** Of those, answered on the 0–4 levels / "Je ne sais pas" / "Non concerné". */
	answered: number;
	unknown: number;
	notConcerned: number;
	/** Sum of the tag weights of the answered questions, and of the "Je ne sais pas" ones. */
	answeredWeight: number;
	unknownWeight: number;
}

/** An answer the engine left out, so the interface can report it rather than crash. */
export interface AnswerIssue {
	diagnosticId: string;
	moduleId: ModuleId;
	questionId: string;
	/** unknown-question: absent from the current questionnaire; invalid-value: wrong type. */
	reason: 'unknown-question' | 'invalid-value';
}

/** How the scale questions of a diagnostic were answered (obligations are not counted). */
export interface AnswerCounts {
	levels: number;
	unknown: number;
	notConcerned: number;
	unanswered: number;
}

/** A lever score at or above this (mean level 2, Engagé) counts as "engagé". */
export const ENGAGED_THRESHOLD = 50;

/**
 * How far a service's scores can be trusted: `too-few` under MIN_LEVEL_ANSWERS answers on the
 * levels, `mostly-unknown` when « Je ne sais pas » outnumbers the levels, `mostly-not-concerned`
 * when « Non concerné » outnumbers every other answer (its scores rest on a few questions: they
 * are computed as if the others did not exist, which is right, but must be read as such).
 */
export type Reliability = 'ok' | 'mostly-unknown' | 'mostly-not-concerned' | 'too-few';

/** Everything computed from one diagnostic alone. */
export interface DiagnosticScores {
	diagnosticId: string;
	moduleId: ModuleId;
	levers: Record<LeverId, LeverScore>;
	/**
	 * 100 × mean of level / 4 over the scale questions answered on the levels or « Je ne sais pas »,
	 * the latter counting 0; null under MIN_LEVEL_ANSWERS level answers. Its basis is `counts`.
	 */
	maturity: number | null;
	reliability: Reliability;
	/** 100 × "Je ne sais pas" / (levels + "Je ne sais pas"); null when neither was given. */
	meconnaissance: number | null;
	/**
	 * 0–1: share of the scale questions at Engagé or above, over every scale question but
	 * « Non concerné » (unanswered and « Je ne sais pas » count as not engaged); null when none.
	 */
	engagement: number | null;
	counts: AnswerCounts;
	/** The legal obligations of the module: a checklist, worth no points. */
	obligations: ObligationChecklist;
	issues: AnswerIssue[];
}

export { isScaleValue } from './lever-sums';

/**
 * Service maturity from its counts and the sum of its levels / 4 (« Je ne sais pas » adding 0):
 * null under MIN_LEVEL_ANSWERS level answers.
 */
export function serviceMaturity(counts: AnswerCounts, levelSum: number): number | null {
	if (counts.levels < MIN_LEVEL_ANSWERS) return null;
	return (100 * levelSum) / (counts.levels + counts.unknown);
}

/** The reliability of a service's scores from its counts. */
export function reliabilityOf(
	counts: Pick<AnswerCounts, 'levels' | 'unknown'> & Partial<Pick<AnswerCounts, 'notConcerned'>>
): Reliability {
	if (counts.levels < MIN_LEVEL_ANSWERS) return 'too-few';
	if (counts.unknown > counts.levels) return 'mostly-unknown';
	return (counts.notConcerned ?? 0) > counts.levels + counts.unknown
		? 'mostly-not-concerned'
		: 'ok';
}

/** Méconnaissance of a set of counts, 0–100: "Je ne sais pas" among the known-or-not answers. */
export function meconnaissanceOf(counts: Pick<AnswerCounts, 'levels' | 'unknown'>): number | null {
	const n = counts.levels + counts.unknown;
	return n === 0 ? null : (100 * counts.unknown) / n;
}

const sums = new LeverSums();

/** Whether lever i is scored, from the sums of a diagnostic. */
function leverStatusAt(sums: LeverSums, i: number): LeverStatus {
	if (sums.questions[i] === 0) return 'not-addressed';
	return sums.answered[i]! < MIN_LEVEL_ANSWERS ? 'too-few' : 'evaluated';
}

/** The score of lever i (LeverScore.score) from the sums of a diagnostic. */
export function leverScoreAt(sums: LeverSums, i: number): number | null {
	if (leverStatusAt(sums, i) !== 'evaluated') return null;
	return (100 * sums.level[i]!) / (sums.answeredWeight[i]! + sums.unknownWeight[i]!);
}

/** The engagement on lever i (LeverScore.engagement) from the sums of a diagnostic. */
export function leverEngagementAt(sums: LeverSums, i: number): number | null {
	const applicable = sums.applicable[i]!;
	return applicable > 0 ? sums.shown[i]! / applicable : null;
}

/** The lever scores of one diagnostic from its sums, in LEVER_IDS order. */
function leverScores(sums: LeverSums): Record<LeverId, LeverScore> {
	const levers = leverRecord<LeverScore>();
	for (let i = 0; i < LEVER_IDS.length; i++) {
		const questions = sums.questions[i]!;
		const answered = sums.answered[i]!;
		const w = sums.answeredWeight[i]! + sums.unknownWeight[i]!;
		const raw = w > 0 ? (100 * sums.level[i]!) / w : null;
		const status = leverStatusAt(sums, i);
		const evaluated = status === 'evaluated';
		levers[LEVER_IDS[i]!] = {
			score: evaluated ? raw : null,
			done: evaluated ? (100 * sums.done[i]!) / w : null,
			engaged: evaluated ? (100 * sums.engaged[i]!) / w : null,
			raw,
			status,
			engagement: leverEngagementAt(sums, i),
			questions,
			answered,
			unknown: sums.unknown[i]!,
			notConcerned: sums.notConcerned[i]!,
			answeredWeight: sums.answeredWeight[i]!,
			unknownWeight: sums.unknownWeight[i]!
		};
	}
	return levers;
}

function scoreWithModule(d: DiagnosticWithAnswers, index?: ModuleIndex): DiagnosticScores {
	const issues: AnswerIssue[] = [];
	const issue = (questionId: string, reason: AnswerIssue['reason']) =>
		issues.push({ diagnosticId: d.id, moduleId: d.moduleId, questionId, reason });
	sums.add(d, scalePlan(index), (id) => issue(id, 'invalid-value'));
	const counts: AnswerCounts = {
		levels: sums.levels,
		unknown: sums.unknownAnswers,
		notConcerned: sums.notConcernedAnswers,
		unanswered: sums.unanswered
	};
	const { levelSum, engagedQuestions } = sums;
	const levers = leverScores(sums);
	for (const questionId of Object.keys(d.answers)) {
		if (index?.scale.has(questionId)) continue;
		const answer = d.answers[questionId];
		if (index?.obligations.has(questionId)) {
			if (complianceOf(answer?.value) === undefined) issue(questionId, 'invalid-value');
		} else if (!index?.cooperation.has(questionId)) issue(questionId, 'unknown-question');
		else if (!Array.isArray(answer?.value)) issue(questionId, 'invalid-value');
	}
	const applicable = counts.levels + counts.unknown + counts.unanswered;
	return {
		diagnosticId: d.id,
		moduleId: d.moduleId,
		levers,
		maturity: serviceMaturity(counts, levelSum),
		reliability: reliabilityOf(counts),
		meconnaissance: meconnaissanceOf(counts),
		engagement: applicable === 0 ? null : engagedQuestions / applicable,
		counts,
		obligations: obligationChecklist(d, index),
		issues
	};
}

/**
 * Scores one diagnostic against the questionnaire. Answers to questions the current module does
 * not have (an older version, another module) are left out and listed in `issues`, never thrown.
 */
export function scoreDiagnostic(
	diagnostic: DiagnosticWithAnswers,
	questionnaire: Questionnaire
): DiagnosticScores {
	return scoreWithModule(
		diagnostic,
		indexQuestionnaire(questionnaire).modules.get(diagnostic.moduleId)
	);
}
