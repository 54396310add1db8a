/**
 * Where the synchronisation keeps its records in the meta table, and the two writes the rest of
 * the app makes there inside its own transactions. Apart from sync-settings.ts so that the pages
 * of a device without synchronisation (which load the repositories) load no more than this.
 */
import type { LeviersDB } from './db';

export const keyOf = (campaignId: string) => `sync:${campaignId}`;
/** The documents this device deleted and has not yet deleted in its replica (see below). */
export const deletionsKey = (campaignId: string) => `sync-deleted:${campaignId}`;
/** Documents deleted on another device that the user kept (sync-settings.ts). */
export const keptKey = (campaignId: string) => `sync-kept:${campaignId}`;
/** A bound on the list: a deletion beyond it is not sent (the action comes back from the server). */
const MAX_DELETIONS = 10_000;

/** Forgets a campaign's settings and records, in the caller's transaction. */
export const forgetSync = (meta: LeviersDB['meta'], campaignId: string) =>
	meta.bulkDelete([keyOf(campaignId), deletionsKey(campaignId), keptKey(campaignId)]);

/** The ids of a stored list; an element that is not an id is dropped, not the whole list. */
export const idsOf = (x: unknown): string[] =>
	Array.isArray(x) ? x.filter((y): y is string => typeof y === 'string') : [];

/**
 * Records, inside the caller's transaction (which must include the meta table), that the user
 * deleted a document of a campaign this device synchronises as its coordinator, so that the
 * engine sends the deletion (the user confirmed it, saying so). Nothing is recorded for a
 * campaign that is not synchronised, or joined as a service head: the server would refuse the
 * deletion, and the document comes back from it.
 */
export async function recordDeletion(
	db: LeviersDB,
	campaignId: string,
	docId: string
): Promise<void> {
	const settings = (await db.meta.get(keyOf(campaignId)))?.value as { role?: unknown } | undefined;
	if (settings?.role !== 'coordinator') return;
	const row = await db.meta.get(deletionsKey(campaignId));
	const list = idsOf(row?.value);
	if (list.includes(docId) || list.length >= MAX_DELETIONS) return;
	await db.meta.put({ key: deletionsKey(campaignId), value: [...list, docId] });
}
