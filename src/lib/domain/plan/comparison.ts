/**
 * What was done between two campaigns of one authority, lever by lever, for the comparison page:
 * the actions of the earlier plan that were realised, and the actions carried from it into the
 * later plan and realised there. Set beside the change of each lever's score.
 */
import { LEVER_IDS, type LeverId } from '../content/questionnaire';
import type { PlanAction } from './action';

/** An action realised between the two campaigns, and the plan it was realised in. */
export interface DoneAction {
	action: PlanAction;
	/** 'before': realised in the earlier plan; 'after': carried into the later one, realised there. */
	plan: 'before' | 'after';
}

/**
 * The actions realised between the earlier campaign `beforeId` (its plan `before`) and the later
 * one (its plan `after`), per lever in LEVER_IDS order, each list sorted by title. An action
 * carried over and realised in both plans counts once, as the later copy. Actions of the later
 * plan that were not carried from the earlier one are not counted: they were planned after it.
 */
export function actionsDoneBetween(
	beforeId: string,
	before: readonly PlanAction[],
	after: readonly PlanAction[]
): Record<LeverId, DoneAction[]> {
	const carried = after.filter(
		(a) => a.source.kind === 'carried' && a.source.campaignId === beforeId
	);
	const carriedIds = new Set(
		carried.flatMap((a) => (a.source.kind === 'carried' ? [a.source.actionId] : []))
	);
	const done: DoneAction[] = [
		...before
			.filter((a) => a.status === 'realise' && !carriedIds.has(a.id))
			.map((action) => ({ action, plan: 'before' as const })),
		...carried
			.filter((a) => a.status === 'realise')
			.map((action) => ({ action, plan: 'after' as const }))
	].sort((a, b) => a.action.title.localeCompare(b.action.title, 'fr'));
	return Object.fromEntries(
		LEVER_IDS.map((lever) => [lever, done.filter((d) => d.action.levers.includes(lever))])
	) as Record<LeverId, DoneAction[]>;
}
