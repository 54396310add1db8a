/**
 * The first actions of each service: the practices of its own questionnaire whose next step
 * moves the campaign's priority levers most.
 */
import type { DiagnosticWithAnswers, Level } from '../answers';
import type { LeverPriority } from './priority';
import {
	LEVER_IDS,
	type LeverId,
	type LeverTag,
	type ModuleId,
	type ScaleQuestion
} from '../content/questionnaire';
import type { QuestionnaireIndex } from '../content/questionnaire-index';
import { isScaleValue } from './scoring';
import { comparable } from './stats';

/** How many actions each service gets. */
const ACTIONS_PER_SERVICE = 3;

/** The next step on a practice: find out (nsp), engage (0–1), complete (2), share (3). */
export type ServiceActionKind = 'find-out' | 'engage' | 'complete' | 'share';

/** French verbs for the action kinds, for the interface. */
export const SERVICE_ACTION_LABELS: Record<ServiceActionKind, string> = {
	'find-out': 'Faire le point',
	engage: 'Engager',
	complete: 'Réaliser',
	share: 'Évaluer et partager'
};

/** One action for one service. */
export interface ServiceAction {
	moduleId: ModuleId;
	questionId: string;
	/** The practice, as the question states it. */
	text: string;
	current: Level | 'nsp';
	/** The level the action aims at; null for find-out (first learn where the service stands). */
	target: Level | null;
	kind: ServiceActionKind;
	/** The question's levers, the one that weighs most in the priority first. */
	levers: LeverId[];
	/** room × Σ (tag weight × lever priority); room = (4 − level) / 4, or 1 for "Je ne sais pas". */
	priority: number;
}

function nextStep(current: Level | 'nsp'): { kind: ServiceActionKind; target: Level | null } {
	if (current === 'nsp') return { kind: 'find-out', target: null };
	if (current <= 1) return { kind: 'engage', target: 2 };
	return current === 2 ? { kind: 'complete', target: 3 } : { kind: 'share', target: 4 };
}

/**
 * The first actions of one diagnostic's service, by priority (descending), ties in question
 * order. Unanswered, "Non concerné" and Exemplaire questions give no action.
 */
export function serviceActions(
	diagnostic: DiagnosticWithAnswers,
	priorities: readonly LeverPriority[],
	index: QuestionnaireIndex,
	max = ACTIONS_PER_SERVICE
): ServiceAction[] {
	const priorityOf = new Map(priorities.map((p) => [p.lever, p.priority]));
	const weightOf = (t: LeverTag) => t.weight * (priorityOf.get(t.lever) ?? 0);
	// Rank light candidates first; build the full action for the few that are kept.
	const candidates: {
		question: ScaleQuestion;
		value: Level | 'nsp';
		order: number;
		priority: number;
	}[] = [];
	for (const { question, order } of index.modules.get(diagnostic.moduleId)?.scale.values() ?? []) {
		const value = diagnostic.answers[question.id]?.value;
		if (!isScaleValue(value) || value === 'na' || value === 4) continue;
		const room = value === 'nsp' ? 1 : (4 - value) / 4;
		let sum = 0;
		for (const tag of question.levers) sum += weightOf(tag);
		candidates.push({ question, value, order, priority: room * sum });
	}
	return candidates
		.sort((x, y) => comparable(y.priority) - comparable(x.priority) || x.order - y.order)
		.slice(0, max)
		.map(({ question, value, priority }) => ({
			moduleId: diagnostic.moduleId,
			questionId: question.id,
			text: question.text,
			current: value,
			...nextStep(value),
			levers: [...question.levers]
				.sort(
					(x, y) =>
						weightOf(y) - weightOf(x) || LEVER_IDS.indexOf(x.lever) - LEVER_IDS.indexOf(y.lever)
				)
				.map((t) => t.lever),
			priority
		}));
}
