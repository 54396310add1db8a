/**
 * Scores of one diagnostic: lever scores (two ADEME-like series), service maturity and
 * méconnaissance. Formulas are explained in docs/methode.md.
 */
import type { Answer, DiagnosticWithAnswers, ScaleValue } from '../answers';
import {
	indexQuestionnaire,
	type ModuleIndex,
	type Questionnaire
} from '../content/questionnaire-index';
import { LEVER_IDS, type LeverId, type ModuleId } from '../content/questionnaire';
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

/** Whether a value is a valid answer to a scale question. */
export function isScaleValue(value: unknown): value is ScaleValue {
	return (
		value === 'na' ||
		value === 'nsp' ||
		(Number.isInteger(value) && 0 <= (value as number) && (value as number) <= 4)
	);
}

const EMPTY_LEVER: LeverScore = {
	score: null,
	done: null,
	engaged: null,
	raw: null,
	status: 'not-addressed',
	engagement: null,
	questions: 0,
	answered: 0,
	unknown: 0,
	notConcerned: 0,
	answeredWeight: 0,
	unknownWeight: 0
};

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

function scoreWithModule(d: DiagnosticWithAnswers, index?: ModuleIndex): DiagnosticScores {
	const levers = {} as Record<LeverId, LeverScore>;
	const sums = {} as Record<
		LeverId,
		{ level: number; done: number; engaged: number; applicable: number; shown: number }
	>;
	for (const id of LEVER_IDS) {
		levers[id] = { ...EMPTY_LEVER };
		sums[id] = { level: 0, done: 0, engaged: 0, applicable: 0, shown: 0 };
	}
	const counts: AnswerCounts = { levels: 0, unknown: 0, notConcerned: 0, unanswered: 0 };
	let levelSum = 0;
	let engagedQuestions = 0;
	const issues: AnswerIssue[] = [];
	const issue = (questionId: string, reason: AnswerIssue['reason']) =>
		issues.push({ diagnosticId: d.id, moduleId: d.moduleId, questionId, reason });

	for (const { question } of index?.scale.values() ?? []) {
		const answer: Answer | undefined = d.answers?.[question.id];
		const value = isScaleValue(answer?.value) ? answer.value : undefined;
		if (answer !== undefined && value === undefined) issue(question.id, 'invalid-value');
		if (value === undefined) counts.unanswered++;
		else if (value === 'na') counts.notConcerned++;
		else if (value === 'nsp') counts.unknown++;
		else counts.levels++;
		if (typeof value === 'number') levelSum += value / 4;
		if (typeof value === 'number' && value >= 2) engagedQuestions++;
		for (const { lever, weight } of question.levers) {
			const l = levers[lever];
			const sum = sums[lever];
			l.questions++;
			if (value === 'na') {
				l.notConcerned++;
				continue;
			}
			sum.applicable += weight;
			if (typeof value === 'number' && value >= 2) sum.shown += weight;
			if (value === 'nsp') {
				l.unknown++;
				l.unknownWeight += weight;
			}
			if (typeof value !== 'number') continue;
			l.answered++;
			l.answeredWeight += weight;
			sum.level += (weight * value) / 4;
			sum.done += value >= 3 ? weight : 0;
			sum.engaged += value >= 2 ? weight : 0;
		}
	}
	for (const id of LEVER_IDS) {
		const l = levers[id];
		const sum = sums[id];
		if (sum.applicable > 0) l.engagement = sum.shown / sum.applicable;
		const w = l.answeredWeight + l.unknownWeight;
		if (w > 0) l.raw = (100 * sum.level) / w;
		l.status =
			l.questions === 0
				? 'not-addressed'
				: l.answered < MIN_LEVEL_ANSWERS
					? 'too-few'
					: 'evaluated';
		if (l.status !== 'evaluated') continue;
		l.score = l.raw;
		l.done = (100 * sum.done) / w;
		l.engaged = (100 * sum.engaged) / w;
	}
	for (const [questionId, answer] of Object.entries(d.answers)) {
		if (index?.scale.has(questionId)) continue;
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
