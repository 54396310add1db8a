/**
 * What one device writes to its replica of a campaign (engine.ts, « out »): its copies the
 * server may take, the deletions its user confirmed, and what it only reports.
 *
 * - A copy is written only when every server version (leaf) is contained in it or superseded
 *   (leaves.ts); the other leaves are then removed, by the coordinator only (the server refuses a
 *   service head's deletions).
 * - A service head sends diagnostics only: a change of the campaign or of the plan on its device
 *   is counted as not sent (the server would refuse it).
 * - A document deleted elsewhere is never deleted here nor sent again by itself: it is listed,
 *   and the user deletes it here or keeps it (then it is written again over the deletion).
 * - A deletion recorded on this device (sync-settings.ts, coordinator only) removes every leaf.
 */
import type { Database, PouchDoc } from 'pouchdb-core';
import type { Module } from '$lib/domain/content/questionnaire';
import { describeDoc, type SyncDoc } from '$lib/domain/sync/documents';
import { copyOf, maySend, type Copy } from '$lib/domain/sync/leaves';
import type { RemoteDeletion } from './state';

export interface Outbound {
	writes: PouchDoc[];
	/** The recorded deletions dealt with (written, or nothing left to delete). */
	deletionsDone: string[];
	/** Kept documents no longer deleted in the replica, or no longer here: nothing to keep. */
	keptDone: string[];
	remoteDeletions: RemoteDeletion[];
	notSent: number;
}

/** Every version (leaf) the replica holds of a document, the winner first. */
export async function leavesOf(local: Database, doc: PouchDoc): Promise<PouchDoc[]> {
	const others = await Promise.all(
		(doc._conflicts ?? []).map((rev) => local.get(doc._id, { rev }))
	);
	return [doc, ...others];
}

const tombstone = (leaf: PouchDoc): PouchDoc => ({
	_id: leaf._id,
	_rev: leaf._rev,
	_deleted: true
});

export async function outbound(
	local: Database,
	docs: readonly SyncDoc[],
	context: {
		device: string;
		coordinator: boolean;
		/** Deletions recorded on this device, to send. */
		deletions: readonly string[];
		/** Documents deleted elsewhere that the user chose to keep. */
		keep: ReadonlySet<string>;
		modules: readonly Module[];
	}
): Promise<Outbound> {
	const mineIds = new Set(docs.map((d) => d._id));
	const deletions = context.deletions.filter((id) => !mineIds.has(id));
	const { rows } = await local.allDocs({
		keys: [...docs.map((d) => d._id), ...deletions],
		include_docs: true,
		conflicts: true
	});
	const out: Outbound = {
		writes: [],
		deletionsDone: [],
		keptDone: [...context.keep].filter((id) => !mineIds.has(id)),
		remoteDeletions: [],
		notSent: 0
	};
	// Deleted here, and here again since (the deletions are read before the campaign): an
	// import brought it back. Nothing to delete.
	out.deletionsDone.push(...context.deletions.filter((id) => mineIds.has(id)));
	const send = (doc: SyncDoc, rev?: string) => {
		if (context.coordinator || doc.type === 'diagnostic')
			out.writes.push({ ...doc, ...(rev ? { _rev: rev } : {}) } as unknown as PouchDoc);
		else out.notSent++;
	};
	for (const [i, doc] of docs.entries()) {
		const row = rows[i]!;
		if (row.value?.deleted) {
			if (context.keep.has(doc._id)) send(doc, row.value.rev);
			else out.remoteDeletions.push({ docId: doc._id, label: describeDoc(doc, context.modules) });
			continue;
		}
		// Kept, and back on the server already (kept elsewhere too): a later deletion is asked again.
		if (context.keep.has(doc._id)) out.keptDone.push(doc._id);
		if (!row.doc) {
			send(doc);
			continue;
		}
		if (doc.type === 'campaign') {
			const theirs = (row.doc as unknown as { campaign: { updatedAt: string } }).campaign;
			// Only a newer copy: a device whose clock is behind must not revert the server's. One
			// dated in the future is not taken either (sync-writes.ts): the name changed here
			// then stays here until that date (a known limit: the campaign has no history).
			if (
				JSON.stringify(theirs) !== JSON.stringify(doc.campaign) &&
				doc.campaign.updatedAt > theirs.updatedAt
			)
				send(doc, row.doc._rev);
			continue;
		}
		const leaves = await leavesOf(local, row.doc);
		const copies = leaves.map(copyOf);
		if (copies.some((c) => c === null)) continue; // a damaged leaf: the user is told in
		if (!maySend(copyOf(doc)!, copies as Copy[], context.device)) continue;
		send(doc, row.doc._rev);
		if (context.coordinator) out.writes.push(...leaves.slice(1).map(tombstone));
	}
	for (const [j, docId] of deletions.entries()) {
		const row = rows[docs.length + j]!;
		if (row.doc) out.writes.push(...(await leavesOf(local, row.doc)).map(tombstone));
		out.deletionsDone.push(docId);
	}
	return out;
}
