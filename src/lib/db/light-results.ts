/**
 * The results pages' reads without Dexie (light-read.ts): a campaign's diagnostics with their
 * answers, and its plan, as `queries.campaignDiagnostics` and `actionRepository.actionsOf` read
 * them, so that those pages do not load Dexie only to read (issue 16).
 */
import type { Diagnostic, DiagnosticWithAnswers } from '$lib/domain/answers';
import type { PlanAction } from '$lib/domain/plan/action';
import { rowsOf, toAnswers, type AnswerSet } from './answer-sets';
import { appQueries, lightRead, result, strayRows } from './light-read';

/** The diagnostics of a campaign with their answers, in one transaction. */
export function campaignDiagnostics(
	campaignId: string,
	factory?: IDBFactory,
	dexie = appQueries
): Promise<DiagnosticWithAnswers[]> {
	return lightRead(
		async (db) => {
			const tx = db.transaction(['diagnostics', 'answerSets', 'answers'], 'readonly');
			if (await strayRows(tx)) return undefined;
			const diagnostics = (await result(
				tx.objectStore('diagnostics').index('campaignId').getAll(IDBKeyRange.only(campaignId))
			)) as Diagnostic[];
			const sets = tx.objectStore('answerSets');
			return Promise.all(
				diagnostics.map(async (d) => ({
					...d,
					answers: toAnswers(rowsOf((await result(sets.get(d.id))) as AnswerSet | undefined))
				}))
			);
		},
		[],
		async () => (await dexie()).campaignDiagnostics(campaignId),
		factory
	);
}

/** The actions of a campaign's plan, oldest first. */
export function actionsOf(
	campaignId: string,
	factory?: IDBFactory,
	dexie = async () => (await import('./actions')).actionRepository
): Promise<PlanAction[]> {
	return lightRead(
		async (db) => {
			const store = db.transaction('actions', 'readonly').objectStore('actions');
			const rows = (await result(
				store.index('campaignId').getAll(IDBKeyRange.only(campaignId))
			)) as PlanAction[];
			// Stable: ties stay in the index's order, as Dexie's sortBy leaves them.
			return rows.sort((a, b) =>
				a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0
			);
		},
		[],
		async () => (await dexie()).actionsOf(campaignId),
		factory
	);
}
