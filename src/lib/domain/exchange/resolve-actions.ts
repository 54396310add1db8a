/**
 * The user's decisions on the actions of a preview turned into writes, by the rules of
 * diagnostics (resolve.ts): a conflict without a decision keeps the device's copy.
 */
import type { PlanAction } from '../plan/action';
import { SANE_REVISION } from './limits';
import { compactLineage } from './lineage';
import type { ActionPlan } from './plan-actions';

/** For a conflict: keep the device's copy, take the file's, or keep both (the file's as a copy). */
export type ConflictDecision = 'local' | 'file' | 'both';

/** What resolving needs besides the plan. */
export interface ResolveContext {
	/** This device's id, recorded in the history of a conflict settled with the file's copy. */
	device: string;
	newId: () => string;
	now: number;
}

/** One action to store. */
export interface ActionWrite {
	action: PlanAction;
	/** The device's revision the preview was made against; null when the id must be new. */
	replaces: number | null;
}

/** The writes of the actions; `target` maps a file's campaign to the one it goes to. */
export function resolveActions(
	actions: readonly ActionPlan[],
	decisions: ReadonlyMap<string, ConflictDecision>,
	target: ReadonlyMap<string, string>,
	context: ResolveContext
): ActionWrite[] {
	const writes: ActionWrite[] = [];
	for (const item of actions) {
		if (item.kind === 'skipped') continue;
		if (item.kind === 'added') {
			const campaignId = target.get(item.incoming.campaignId) ?? item.incoming.campaignId;
			writes.push({ action: { ...item.incoming, campaignId }, replaces: null });
			continue;
		}
		const campaignId = item.local.campaignId;
		if (item.kind === 'updated') {
			writes.push({ action: { ...item.incoming, campaignId }, replaces: item.local.revision });
			continue;
		}
		const decision = decisions.get(item.incoming.id) ?? 'local';
		if (decision === 'file') {
			const next = Math.max(item.local.revision, item.incoming.revision) + 1;
			const { revision, lineage } =
				next <= SANE_REVISION
					? {
							revision: next,
							lineage: compactLineage([
								...(item.incoming.lineage ?? []),
								{ device: context.device, revision: next }
							])
						}
					: { revision: 1, lineage: [{ device: context.newId(), revision: 1 }] };
			writes.push({
				action: { ...item.incoming, campaignId, revision, lineage, updatedAt: context.now },
				replaces: item.local.revision
			});
		} else if (decision === 'both')
			writes.push({
				action: { ...item.incoming, id: context.newId(), campaignId },
				replaces: null
			});
	}
	return writes;
}
