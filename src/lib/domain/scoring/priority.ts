/**
 * The priority of each lever for a campaign: gap × reach, raised by méconnaissance, and the
 * deterministic order of the recommendations. Formulas: docs/methode.md.
 */
import type { CampaignScores } from './campaign';
import { LEVER_IDS, type LeverId, type ModuleId } from '../content/questionnaire';
import { comparable, meanOf } from './stats';

/** How much a lever should be pulled first, and what that comes from. */
export interface LeverPriority {
	lever: LeverId;
	/** Modules with at least one answer on the 0–4 levels or "Je ne sais pas" on the lever. */
	modules: ModuleId[];
	/** Reach: the number of those modules. */
	reach: number;
	/** Gap, 0–1: mean of (1 − score / 100) over the modules scored; 1 when only "Je ne sais pas". */
	gap: number;
	/** 0–100: weight of the "Je ne sais pas" answers among the answers on the lever. */
	meconnaissance: number;
	/** gap × reach × (1 + méconnaissance / 100); 0 when nothing is left to do or nobody answered. */
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

/** The priority of every lever, in recommendation order (levers nobody answered last, at 0). */
export function leverPriorities(scores: CampaignScores): LeverPriority[] {
	return LEVER_IDS.map((lever): LeverPriority => {
		const rows = scores.diagnostics.filter(
			(d) => d.levers[lever].answered + d.levers[lever].unknown > 0
		);
		const reach = rows.length;
		const gaps = rows.map((d) => {
			const s = d.levers[lever].score;
			return s === null ? null : 1 - s / 100;
		});
		const gap = reach === 0 ? 0 : (meanOf(gaps) ?? 1);
		let unknown = 0;
		let total = 0;
		for (const d of rows) {
			unknown += d.levers[lever].unknownWeight;
			total += d.levers[lever].unknownWeight + d.levers[lever].answeredWeight;
		}
		const meconnaissance = total === 0 ? 0 : (100 * unknown) / total;
		return {
			lever,
			modules: rows.map((d) => d.moduleId),
			reach,
			gap,
			meconnaissance,
			priority: gap * reach * (1 + meconnaissance / 100)
		};
	}).sort(comparePriorities);
}
