/**
 * What the plan page shows of a campaign's actions: the filters a person chooses (status as
 * shown, lever, service), then one of the two orders of `compareActions`.
 */
import { compareActions, shownStatus, type PlanAction, type ShownStatus } from './action';

/** The filters of the plan page; an empty string lets every action through. */
export interface PlanFilter {
	status: ShownStatus | '';
	lever: string;
	service: string;
}

/** The plan's orders. */
export type PlanOrder = 'due' | 'priority';

/** Whether an action concerns a service, as pilot or as partner. */
export function concernsService(action: Pick<PlanAction, 'pilot' | 'partners'>, service: string) {
	return action.pilot === service || action.partners.includes(service);
}

/**
 * The actions that pass `filter` on `today` (YYYY-MM-DD), in `order`. The status filter reads
 * the status shown: « En retard » keeps the late actions, « En cours » only those on time.
 */
export function planView(
	actions: readonly PlanAction[],
	filter: PlanFilter,
	order: PlanOrder,
	today: string
): PlanAction[] {
	return actions
		.filter(
			(a) =>
				(filter.status === '' || shownStatus(a, today) === filter.status) &&
				(filter.lever === '' || a.levers.includes(filter.lever)) &&
				(filter.service === '' || concernsService(a, filter.service))
		)
		.sort(compareActions(order));
}
