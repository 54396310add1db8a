/**
 * The actions of an import's preview (format version 5), with the rules of diagnostics (plan.ts):
 * an action the device lacks is added, a newer copy replaces the device's, an identical or older
 * one is skipped, and copies changed on both sides are a conflict the user settles. An action
 * whose campaign is neither in the file nor on the device is set aside; one naming levers or
 * services this version does not know is kept, the unknown part listed.
 */
import { unknownParts, type PlanAction } from '../plan/action';
import {
	incomingAction,
	sameActionContent,
	type ActionFacts,
	type ActionSetAside
} from './action-records';
import type { ExportedAction } from './format';
import { SANE_REVISION } from './limits';
import { compactLineage, comparedLineage, isConsistentLineage, relate } from './lineage';
import type { RejectedAction } from './read';

/** What happens to one action of the file, with the levers and services it names unknown here. */
export type ActionPlan = (
	| { kind: 'added'; incoming: PlanAction }
	| { kind: 'updated'; incoming: PlanAction; local: PlanAction }
	| { kind: 'skipped'; reason: 'identical' | 'older'; incoming: PlanAction; local: PlanAction }
	| { kind: 'conflict'; incoming: PlanAction; local: PlanAction }
) & { unknown: { levers: string[]; services: string[] } };

/** What the device holds that the file's actions are compared with. */
export interface LocalActions {
	/** This device's id ('' before its first export). */
	device: string;
	/** The device's copies of the actions the file holds, by id. */
	actions: ReadonlyMap<string, PlanAction>;
}

/** Compares the file's actions with the device's. */
export function planActions(
	actions: readonly ExportedAction[],
	rejected: readonly RejectedAction[],
	local: LocalActions,
	/** The campaign an action joins (counted there), or undefined when there is none. */
	campaignFor: (campaignId: string) => { actions: number; local: unknown } | undefined,
	facts: ActionFacts
): { actions: ActionPlan[]; setAside: ActionSetAside[] } {
	const setAside: ActionSetAside[] = rejected.map((r) => ({
		reason: 'invalid',
		actionId: r.id,
		title: r.title?.slice(0, 80),
		position: r.position,
		detail: r.detail,
		errors: r.errors
	}));
	const out: ActionPlan[] = [];
	const seen = new Set<string>();
	for (const a of actions) {
		const who = { actionId: a.id, title: a.title.slice(0, 80) };
		if (seen.has(a.id)) {
			setAside.push({ reason: 'duplicate', ...who });
			continue;
		}
		seen.add(a.id);
		if (!isConsistentLineage(a.lineage, a.revision)) {
			setAside.push({ reason: 'history', ...who });
			continue;
		}
		const campaign = campaignFor(a.campaignId);
		if (!campaign) {
			setAside.push({ reason: 'unknown-campaign', ...who });
			continue;
		}
		const incoming = incomingAction(a, facts, setAside);
		if (!incoming) continue;
		const mine = local.actions.get(a.id);
		// As for diagnostics (plan.ts): an id this device holds in another known campaign.
		if (mine && mine.campaignId !== a.campaignId && campaign.local) {
			setAside.push({ reason: 'other-campaign', ...who });
			continue;
		}
		campaign.actions++;
		const unknown = unknownParts(incoming);
		if (!mine) {
			out.push({ kind: 'added', incoming, unknown });
			continue;
		}
		if (sameActionContent(mine, incoming)) {
			out.push({ kind: 'skipped', reason: 'identical', incoming, local: mine, unknown });
			continue;
		}
		// As for diagnostics (plan.ts): the file's own history against the device's copy without
		// a partial checkpoint it has not edited since.
		const compared = comparedLineage(mine.lineage ?? [], mine.revision, local.device);
		const theirs = a.revision <= SANE_REVISION ? compactLineage(a.lineage) : incoming.lineage;
		const relation = relate(compared.lineage, theirs ?? [], {
			device: local.device,
			revision: mine.revision
		});
		if (relation === 'newer' || (relation === 'same' && compared.partial))
			out.push({ kind: 'updated', incoming, local: mine, unknown });
		else if (relation === 'older')
			out.push({ kind: 'skipped', reason: 'older', incoming, local: mine, unknown });
		else out.push({ kind: 'conflict', incoming, local: mine, unknown });
	}
	return { actions: out, setAside };
}

/** Counts of the actions of a preview, by kind. */
export function actionCounts(actions: readonly ActionPlan[]): Record<ActionPlan['kind'], number> {
	const counts = { added: 0, updated: 0, skipped: 0, conflict: 0 };
	for (const a of actions) counts[a.kind]++;
	return counts;
}
