/**
 * The evidence behind a recommended lever: for each module concerned, its score and the answers
 * that keep it low, so the coordinator can see why the lever comes first.
 */
import type { DiagnosticWithAnswers, Level } from '../answers';
import { MODULE_IDS, type LeverId, type ModuleId } from '../content/questionnaire';
import type { QuestionnaireIndex } from '../content/questionnaire-index';
import { isScaleValue, type DiagnosticScores } from './scoring';

/** At most this many answers are quoted per module. */
const EVIDENCE_ANSWERS_PER_MODULE = 3;

/** An answer that drives a lever's gap. */
export interface EvidenceAnswer {
	questionId: string;
	text: string;
	value: Level | 'nsp';
	weight: number;
	note?: string;
}

/** Why a lever is recommended, for one module. */
export interface LeverEvidence {
	moduleId: ModuleId;
	score: number | null;
	done: number | null;
	engaged: number | null;
	/** Lowest answers first ("Je ne sais pas" ranks with Rien), then heavier weight, then order. */
	answers: EvidenceAnswer[];
}

function drivingAnswers(
	lever: LeverId,
	diagnostic: DiagnosticWithAnswers,
	index: QuestionnaireIndex
): EvidenceAnswer[] {
	const found: { answer: EvidenceAnswer; level: number; order: number }[] = [];
	const tagged = index.modules.get(diagnostic.moduleId)?.byLever.get(lever) ?? [];
	for (const { question, order, weight } of tagged) {
		const given = diagnostic.answers[question.id];
		const value = given?.value;
		if (!isScaleValue(value) || value === 'na' || value === 4) continue;
		const note = given?.note?.trim();
		const answer: EvidenceAnswer = {
			questionId: question.id,
			text: question.text,
			value,
			weight
		};
		if (note) answer.note = note;
		found.push({ answer, level: value === 'nsp' ? 0 : value, order });
	}
	return found
		.sort((a, b) => a.level - b.level || b.answer.weight - a.answer.weight || a.order - b.order)
		.slice(0, EVIDENCE_ANSWERS_PER_MODULE)
		.map((x) => x.answer);
}

/**
 * The evidence of a lever for the given modules, the weakest first: modules with only "Je ne
 * sais pas" (no score), then by score, ties in MODULE_IDS order.
 */
export function leverEvidence(
	lever: LeverId,
	modules: readonly ModuleId[],
	diagnostics: ReadonlyMap<ModuleId, DiagnosticWithAnswers>,
	scores: ReadonlyMap<ModuleId, DiagnosticScores>,
	index: QuestionnaireIndex
): LeverEvidence[] {
	const evidence: LeverEvidence[] = [];
	for (const moduleId of modules) {
		const diagnostic = diagnostics.get(moduleId);
		const l = scores.get(moduleId)?.levers[lever];
		if (!diagnostic || !l) continue;
		const answers = drivingAnswers(lever, diagnostic, index);
		evidence.push({ moduleId, score: l.score, done: l.done, engaged: l.engaged, answers });
	}
	const rank = (m: ModuleId) => MODULE_IDS.indexOf(m);
	return evidence.sort(
		(a, b) => (a.score ?? -1) - (b.score ?? -1) || rank(a.moduleId) - rank(b.moduleId)
	);
}
