/**
 * The offer to carry over the open actions of the previous campaign of the same authority into a
 * new campaign's plan (issue 14): what it holds, and the decision that ends it. Nothing moves
 * until the user confirms; the previous campaign keeps its own actions.
 */
import type { Campaign } from '$lib/domain/answers';
import type { PlanAction } from '$lib/domain/plan/action';
import { carryOverCandidates, previousCampaign } from '$lib/domain/plan/plan';
import { actionRepository, type ActionRepository } from './actions';
import { db as defaultDb, type LeviersDB } from './db';
import { repository, type Repository } from './repository';

/** The meta key that records the decision taken on a campaign's offer. */
export const carryOverKey = (campaignId: string) => `carryOverDecision:${campaignId}`;

/** What the user decided on the offer: some actions carried, or none. */
export type CarryOverDecision = 'carried' | 'declined';

/** The open actions of the previous campaign that may be carried into `campaignId`'s plan. */
export interface CarryOverOffer {
	previous: Campaign;
	candidates: PlanAction[];
}

/**
 * The offer for a campaign, in one read: none once decided, when there is no previous campaign
 * of the same authority, or when none of its actions is open and not carried yet.
 */
export function carryOverOffer(
	campaignId: string,
	db: LeviersDB = defaultDb
): Promise<CarryOverOffer | null> {
	return db.transaction('r', db.campaigns, db.actions, db.meta, async () => {
		if (await db.meta.get(carryOverKey(campaignId))) return null;
		const campaign = await db.campaigns.get(campaignId);
		if (!campaign) return null;
		const previous = previousCampaign(await db.campaigns.toArray(), campaign);
		if (!previous) return null;
		const [theirs, ours] = await Promise.all([
			db.actions.where('campaignId').equals(previous.id).sortBy('createdAt'),
			db.actions.where('campaignId').equals(campaignId).toArray()
		]);
		const candidates = carryOverCandidates(theirs, ours);
		return candidates.length > 0 ? { previous, candidates } : null;
	});
}

/**
 * Carries the chosen actions (none: the offer is declined) and records the decision, so the
 * offer is not made again.
 */
export async function decideCarryOver(
	campaignId: string,
	chosen: readonly PlanAction[],
	repositories: { actions: ActionRepository; meta: Repository } = {
		actions: actionRepository,
		meta: repository
	}
): Promise<void> {
	if (chosen.length > 0) await repositories.actions.carryOver(chosen, campaignId);
	const decision: CarryOverDecision = chosen.length > 0 ? 'carried' : 'declined';
	await repositories.meta.setMeta(carryOverKey(campaignId), decision);
}
