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
import { meanOf } from './stats';

/** Score of one lever in one diagnostic; every score is 0–100 or null (not evaluated). */
export interface LeverScore {
	/** Weighted mean of level / 4 over the answered questions tagged with the lever. */
	score: number | null;
	/** Réalisé: weighted share of those questions at level 3–4 (ADEME "fait"). */
	done: number | null;
	/** Engagé ou réalisé: weighted share at level 2–4 (ADEME "fait + programmé"). */
	engaged: number | null;
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

/** How the scale questions of a diagnostic were answered. */
export interface AnswerCounts {
	levels: number;
	unknown: number;
	notConcerned: number;
	unanswered: number;
}

/** A lever score at or above this (mean level 2, Engagé) counts as "engagé" (leviers partagés). */
export const ENGAGED_THRESHOLD = 50;

/** Everything computed from one diagnostic alone. */
export interface DiagnosticScores {
	diagnosticId: string;
	moduleId: ModuleId;
	levers: Record<LeverId, LeverScore>;
	/** Mean of the non-null lever scores; null when none. */
	maturity: number | null;
	/** 100 × "Je ne sais pas" / (levels + "Je ne sais pas"); null when neither was given. */
	meconnaissance: number | null;
	counts: AnswerCounts;
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
	questions: 0,
	answered: 0,
	unknown: 0,
	notConcerned: 0,
	answeredWeight: 0,
	unknownWeight: 0
};

/** Service maturity: the mean of the non-null lever scores (each lever counts the same). */
export function serviceMaturity(levers: Record<LeverId, LeverScore>): number | null {
	return meanOf(LEVER_IDS.map((id) => levers[id].score));
}

/** Méconnaissance of a set of counts, 0–100: "Je ne sais pas" among the known-or-not answers. */
export function meconnaissanceOf(counts: Pick<AnswerCounts, 'levels' | 'unknown'>): number | null {
	const n = counts.levels + counts.unknown;
	return n === 0 ? null : (100 * counts.unknown) / n;
}

function scoreWithModule(d: DiagnosticWithAnswers, index?: ModuleIndex): DiagnosticScores {
	const levers = {} as Record<LeverId, LeverScore>;
	const sums = {} as Record<LeverId, { level: number; done: number; engaged: number }>;
	for (const id of LEVER_IDS) {
		levers[id] = { ...EMPTY_LEVER };
		sums[id] = { level: 0, done: 0, engaged: 0 };
	}
	const counts: AnswerCounts = { levels: 0, unknown: 0, notConcerned: 0, unanswered: 0 };
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
		for (const { lever, weight } of question.levers) {
			const l = levers[lever];
			l.questions++;
			if (value === 'na') l.notConcerned++;
			if (value === 'nsp') l.unknown++;
			if (value === 'nsp') l.unknownWeight += weight;
			if (typeof value !== 'number') continue;
			l.answered++;
			l.answeredWeight += weight;
			sums[lever].level += (weight * value) / 4;
			sums[lever].done += value >= 3 ? weight : 0;
			sums[lever].engaged += value >= 2 ? weight : 0;
		}
	}
	for (const id of LEVER_IDS) {
		const w = levers[id].answeredWeight;
		if (w === 0) continue;
		levers[id].score = (100 * sums[id].level) / w;
		levers[id].done = (100 * sums[id].done) / w;
		levers[id].engaged = (100 * sums[id].engaged) / w;
	}
	for (const [questionId, answer] of Object.entries(d.answers)) {
		if (index?.scale.has(questionId)) continue;
		if (!index?.cooperation.has(questionId)) issue(questionId, 'unknown-question');
		else if (!Array.isArray(answer?.value)) issue(questionId, 'invalid-value');
	}
	const maturity = serviceMaturity(levers);
	const meconnaissance = meconnaissanceOf(counts);
	return {
		diagnosticId: d.id,
		moduleId: d.moduleId,
		levers,
		maturity,
		meconnaissance,
		counts,
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
