/**
 * The priority of each lever for a campaign (method v2): the sum, over the services the lever
 * concerns, of how far each still is from « Exemplaire ». « Je ne sais pas » counts once, as
 * nothing shown in the lever score; reach is how many services the lever concerns. Formulas:
 * docs/methode.md.
 */
import type { CampaignScores } from './campaign';
import { LEVER_IDS, type LeverId, type ModuleId } from '../content/questionnaire';
import { MIN_LEVEL_ANSWERS } from './scoring';
import { comparable } from './stats';

/** How much a lever should be pulled first, and what that comes from. */
export interface LeverPriority {
	lever: LeverId;
	/**
	 * Modules the lever concerns: at least MIN_LEVEL_ANSWERS answers on it, on the levels or
	 * « Je ne sais pas ». A module with one light question on a lever is not concerned.
	 */
	modules: ModuleId[];
	/** Reach: the number of those modules. */
	reach: number;
	/** Gap, 0–1: mean of (1 − raw lever score / 100) over those modules. */
	gap: number;
	/** 0–100: weight of the "Je ne sais pas" answers among the answers on the lever (shown). */
	meconnaissance: number;
	/** How many answers (levels and « Je ne sais pas ») the priority rests on. */
	answers: number;
	/** Σ over the modules concerned of (1 − raw score / 100) = reach × gap; 0 when none. */
	priority: number;
}

/**
 * Orders levers for the recommendations: priority (descending), then reach (descending), then
 * méconnaissance (descending), then the lever order of the source document (LEVER_IDS).
 */
export function comparePriorities(a: LeverPriority, b: LeverPriority): number {
	return (
		comparable(b.priority) - comparable(a.priority) ||
		b.reach - a.reach ||
		comparable(b.meconnaissance) - comparable(a.meconnaissance) ||
		LEVER_IDS.indexOf(a.lever) - LEVER_IDS.indexOf(b.lever)
	);
}

/** The priority of every lever, in recommendation order (levers that concern nobody last, at 0). */
export function leverPriorities(scores: CampaignScores): LeverPriority[] {
	return LEVER_IDS.map((lever): LeverPriority => {
		const rows = scores.diagnostics.filter(
			(d) => d.levers[lever].answered + d.levers[lever].unknown >= MIN_LEVEL_ANSWERS
		);
		const reach = rows.length;
		let priority = 0;
		let unknown = 0;
		let total = 0;
		let answers = 0;
		for (const d of rows) {
			const l = d.levers[lever];
			priority += 1 - (l.raw ?? 0) / 100;
			unknown += l.unknownWeight;
			total += l.unknownWeight + l.answeredWeight;
			answers += l.answered + l.unknown;
		}
		return {
			lever,
			modules: rows.map((d) => d.moduleId),
			reach,
			gap: reach === 0 ? 0 : priority / reach,
			meconnaissance: total === 0 ? 0 : (100 * unknown) / total,
			answers,
			priority
		};
	}).sort(comparePriorities);
}
