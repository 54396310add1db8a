/**
 * « Ajouter au plan » from a recommendation: the draft action its concrete action proposes is
 * written to the campaign's plan, then its editor opens.
 */
import { goto } from '$app/navigation';
import { resolve } from '$app/paths';
import { storageErrorText } from '$lib/db/errors';
import { loadWriteCode } from '$lib/db/lazy-repository';
import { draftFromRecommendation } from '$lib/domain/plan/plan';
import type { LeverRecommendation } from '$lib/domain/scoring/recommendations';
import { serviceName } from './names';

/** Whether a draft is being written: a second click meanwhile adds no second draft. */
let pending = false;

/** Adds the draft and opens it; returns the French message of a failure, or ''. */
export async function addToPlan(
	campaignId: string,
	recommendation: LeverRecommendation,
	index: number
): Promise<string> {
	if (pending) return '';
	pending = true;
	try {
		// Dexie with it, loaded at this write: the results pages read without it (issue 16).
		const { actionRepository } = await loadWriteCode(() => import('$lib/db/actions'));
		const draft = draftFromRecommendation(
			recommendation,
			index,
			actionRepository.context(campaignId),
			serviceName
		);
		await actionRepository.addAction(draft);
		await goto(resolve('/campagnes/[id]/plan/[action]', { id: campaignId, action: draft.id }));
		return '';
	} catch (e) {
		return storageErrorText(e);
	} finally {
		pending = false;
	}
}
