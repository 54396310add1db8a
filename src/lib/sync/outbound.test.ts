import { afterEach, describe, expect, it } from 'vitest';
import type { Database, PouchDoc } from 'pouchdb-core';
// @ts-expect-error -- PouchDB 7 ships without types; the part used is pouchdb-core's (pouchdb.d.ts)
import PouchDB from 'pouchdb-server-core';
import { modules } from '$lib/domain/content/content';
import type { SyncDoc } from '$lib/domain/sync/documents';
import { outbound } from './outbound';
// Gives the process's PouchDB its memory adapter (once per process).
import '../../../scripts/sync-server.mjs';

/** A device's replica, in memory, as the app keeps one in IndexedDB. */
let n = 0;
let replica: Database;
const open = () =>
	(replica = new (PouchDB as new (name: string, o: object) => Database)(
		`outbound-${process.pid}-${++n}`,
		{ adapter: 'memory' }
	));
afterEach(() => replica?.destroy());

const ME = 'mon-poste';
const NOW = Date.UTC(2026, 11, 4, 12);
const lineage = (revision: number) => [{ device: ME, revision }];

function actionDoc(id: string, title: string, revision: number): SyncDoc {
	return {
		_id: `action:${id}`,
		type: 'action',
		format: 5,
		campaignId: 'c1',
		action: { id, campaignId: 'c1', title, revision, lineage: lineage(revision) }
	} as unknown as SyncDoc;
}
function diagnosticDoc(id: string, revision: number, note = ''): SyncDoc {
	return {
		_id: `diagnostic:${id}`,
		type: 'diagnostic',
		format: 5,
		campaignId: 'c1',
		module: 'dechets',
		diagnostic: {
			id,
			campaignId: 'c1',
			module: 'dechets',
			revision,
			lineage: lineage(revision),
			note
		}
	} as unknown as SyncDoc;
}
const context = (over: Partial<Parameters<typeof outbound>[2]> = {}) => ({
	device: ME,
	coordinator: true,
	deletions: [],
	keep: new Set<string>(),
	modules,
	...over
});
/** Two versions of one document from a common revision: two leaves in the replica. */
async function twoLeaves(doc: SyncDoc): Promise<void> {
	const docs = ['2-a', '2-b'].map((rev) => ({
		...doc,
		_rev: rev,
		_revisions: { start: 2, ids: [rev.slice(2), 'root'] }
	}));
	await (replica as unknown as { bulkDocs(d: object[], o: object): Promise<unknown> }).bulkDocs(
		docs,
		{ new_edits: false }
	);
}

describe('what a device writes to its replica', () => {
	it('lists a document deleted elsewhere and writes it again only when the user keeps it', async () => {
		open();
		const doc = actionDoc('a1', 'Créer une ressourcerie', 1);
		const { rev } = (await replica.bulkDocs([doc as unknown as PouchDoc]))[0] as { rev: string };
		await replica.bulkDocs([{ _id: doc._id, _rev: rev, _deleted: true }]);

		const listed = await outbound(replica, [doc], context());
		expect(listed.writes).toEqual([]);
		expect(listed.remoteDeletions).toEqual([
			{ docId: 'action:a1', label: 'L’action «\u202fCréer une ressourcerie\u202f»' }
		]);
		const kept = await outbound(replica, [doc], context({ keep: new Set(['action:a1']) }));
		expect(kept.remoteDeletions).toEqual([]);
		await replica.bulkDocs(kept.writes);
		expect((await replica.get('action:a1')).action).toMatchObject({
			title: 'Créer une ressourcerie'
		});
		// Back on the server (here by this device, or kept on another one first): the choice is
		// done with, so that a later deletion is listed and asked again, not overridden.
		const again = await outbound(
			replica,
			[doc],
			context({ keep: new Set(['action:a1', 'action:gone']) })
		);
		expect(again.writes).toEqual([]);
		expect(again.keptDone.sort()).toEqual(['action:a1', 'action:gone']);
	});

	it('sends only diagnostics for a service head, and counts what it keeps', async () => {
		open();
		const docs = [actionDoc('a1', 'Action du service', 1), diagnosticDoc('d1', 1)];
		const out = await outbound(replica, docs, context({ coordinator: false }));
		expect(out.writes.map((w) => w._id)).toEqual(['diagnostic:d1']);
		expect(out.notSent).toBe(1);
	});

	it('removes the other leaves of a document it sends, as coordinator only', async () => {
		open();
		await twoLeaves(diagnosticDoc('d1', 1, 'ancienne'));
		const mine = diagnosticDoc('d1', 2, 'nouvelle');
		const head = await outbound(replica, [mine], context({ coordinator: false }));
		expect(head.writes.map((w) => [w._id, Boolean(w._deleted)])).toEqual([
			['diagnostic:d1', false]
		]);
		const coordinator = await outbound(replica, [mine], context());
		expect(coordinator.writes.map((w) => [w._id, Boolean(w._deleted)])).toEqual([
			['diagnostic:d1', false],
			['diagnostic:d1', true]
		]);
	});

	it('sends its campaign only when newer than the server’s', async () => {
		open();
		const campaign = (label: string, updatedAt: number) =>
			({
				_id: 'campaign:c1',
				type: 'campaign',
				format: 5,
				campaign: { id: 'c1', label, updatedAt: new Date(updatedAt).toISOString() }
			}) as unknown as SyncDoc;
		await replica.bulkDocs([campaign('Sur le serveur', NOW - 1000) as unknown as PouchDoc]);
		expect((await outbound(replica, [campaign('Ici', NOW - 2000)], context())).writes).toEqual([]);
		const newer = await outbound(replica, [campaign('Ici', NOW - 500)], context());
		expect(newer.writes.map((w) => w._id)).toEqual(['campaign:c1']);
	});

	it('sends a recorded deletion as the removal of every leaf', async () => {
		open();
		await twoLeaves(actionDoc('a2', 'À supprimer', 1));
		const out = await outbound(
			replica,
			[],
			context({ deletions: ['action:a2', 'action:absente'] })
		);
		expect(out.writes.map((w) => [w._id, w._deleted])).toEqual([
			['action:a2', true],
			['action:a2', true]
		]);
		expect(out.deletionsDone).toEqual(['action:a2', 'action:absente']);
		await replica.bulkDocs(out.writes);
		await expect(replica.get('action:a2')).rejects.toMatchObject({ status: 404 });
		const { rows } = await replica.allDocs({ keys: ['action:a2'], conflicts: true });
		expect(rows[0]?.value?.deleted).toBe(true);
		// Deleted here, then kept on another device and back here: nothing left to delete.
		const back = actionDoc('a3', 'Revenue', 1);
		await replica.bulkDocs([back as unknown as PouchDoc]);
		const again = await outbound(replica, [back], context({ deletions: ['action:a3'] }));
		expect(again.writes.filter((w) => w._deleted)).toEqual([]);
		expect(again.deletionsDone).toEqual(['action:a3']);
	});
});
