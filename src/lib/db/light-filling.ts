/**
 * The filling page's reads without Dexie (light-read.ts), so that it shows its questions before
 * loading Dexie, which its first write loads (issue 16). A module of its own: the home page
 * needs none of the questionnaires' model these use.
 */
import type { Campaign, Diagnostic } from '$lib/domain/answers';
import type { ModuleId } from '$lib/domain/content/questionnaire';
import { rowsOf, type AnswerSet } from './answer-sets';
import { fillingCopy, type FillingState } from './filling';
import { appQueries, lightRead, result, strayRows } from './light-read';

/** One campaign, or undefined (as `queries.getCampaign`). */
export function getCampaign(
	id: string,
	factory?: IDBFactory,
	dexie = appQueries
): Promise<Campaign | undefined> {
	return lightRead<Campaign | { none: true }>(
		async (db) => {
			const store = db.transaction('campaigns', 'readonly').objectStore('campaigns');
			return ((await result(store.get(id))) as Campaign | undefined) ?? { none: true };
		},
		{ none: true },
		async () => (await (await dexie()).getCampaign(id)) ?? { none: true },
		factory
	).then((c) => ('none' in c ? undefined : c));
}

/** What the filling page of a module shows (as `queries.fillingState`), in one transaction. */
export function fillingState(
	campaignId: string,
	moduleId: ModuleId,
	pinned?: string,
	factory?: IDBFactory,
	dexie = appQueries
): Promise<FillingState> {
	return lightRead(
		async (db) => {
			const tx = db.transaction(['diagnostics', 'answerSets', 'answers'], 'readonly');
			if (await strayRows(tx)) return undefined;
			const copies = (await result(
				tx
					.objectStore('diagnostics')
					.index('[campaignId+moduleId]')
					.getAll(IDBKeyRange.only([campaignId, moduleId]))
			)) as Diagnostic[];
			const diagnostic = copies.find((d) => d.id === pinned) ?? fillingCopy(copies);
			if (!diagnostic) return { diagnostic, rows: [] };
			const set = (await result(tx.objectStore('answerSets').get(diagnostic.id))) as
				AnswerSet | undefined;
			return { diagnostic, rows: rowsOf(set) };
		},
		{ diagnostic: undefined, rows: [] },
		async () => (await dexie()).fillingState(campaignId, moduleId, pinned),
		factory
	);
}
