import { afterAll, beforeAll, expect, it } from 'vitest';
// @ts-expect-error -- PouchDB 7 ships without types: the part used is typed below
import PouchDB from 'pouchdb-server-core';
import {
	actionDoc,
	call,
	campaignDoc,
	diagnosticDoc,
	PASSWORD,
	startCampaign,
	stored,
	type Doc,
	type SyncServer
} from './couchdb-test-kit';

interface ReplicationResult {
	ok: boolean;
	docs_written: number;
	doc_write_failures: number;
}
interface Replica {
	bulkDocs(docs: Doc[]): Promise<unknown>;
	get(id: string): Promise<Doc>;
	put(doc: Doc): Promise<unknown>;
	replicate: {
		to(target: Replica): Promise<ReplicationResult> & {
			on(event: 'denied', listener: (e: { id: string }) => void): unknown;
		};
		from(source: Replica): Promise<ReplicationResult>;
	};
	destroy(): Promise<unknown>;
}
type ReplicaClass = new (name: string, options: Record<string, unknown>) => Replica;

// A device's replica, in memory, as the app keeps one in IndexedDB. The test server
// (sync-server.mjs, loaded by the kit) has already given PouchDB its memory, HTTP and replication
// plugins: they change the one PouchDB of the process, and cannot be added twice.
const Replica = PouchDB as ReplicaClass;

let server: SyncServer;
let db: string;
let devices = 0;
const opened: Replica[] = [];

beforeAll(async () => {
	({ server, db } = await startCampaign());
	for (const doc of [campaignDoc(), actionDoc('a1')])
		expect((await call(server, 'marie', 'PUT', `/${db}/${doc._id}`, doc)).status).toBe(201);
});
afterAll(async () => {
	for (const replica of opened) await replica.destroy();
	await server.stop();
});

/** A device of `user`: its local replica and the campaign's database on the server. */
function device(user: string): { local: Replica; remote: Replica } {
	const local = new Replica(`leviers-appareil-${process.pid}-${++devices}`, { adapter: 'memory' });
	const remote = new Replica(`${server.url}/${db}`, {
		auth: { username: user, password: PASSWORD },
		skip_setup: true
	});
	opened.push(local);
	return { local, remote };
}

it('a service head’s refused documents do not stop hers from reaching the server', async () => {
	const { local, remote } = device('claire');
	// She starts from what the server holds, then works offline.
	expect((await local.replicate.from(remote)).ok).toBe(true);
	const campaign = await local.get('campaign:campagne-1');
	(campaign.campaign as { label: string }).label = 'Renommée par un service';
	const hers = [diagnosticDoc('r-dechets-1', 'dechets'), diagnosticDoc('r-dechets-2', 'dechets')];
	const refused = [diagnosticDoc('r-cantines', 'cantines'), actionDoc('r-action')];
	await local.bulkDocs([refused[0]!, hers[0]!, campaign, refused[1]!, hers[1]!]);

	const denied: string[] = [];
	const push = local.replicate.to(remote);
	push.on('denied', (e) => denied.push(e.id));
	const result = await push;

	expect(result.docs_written).toBe(2);
	expect(result.doc_write_failures).toBe(3);
	expect(denied.sort()).toEqual([
		'action:r-action',
		'campaign:campagne-1',
		'diagnostic:r-cantines'
	]);
	for (const doc of hers) expect((await stored(server, db, doc._id))?.module).toBe('dechets');
	for (const doc of refused) expect(await stored(server, db, doc._id)).toBeNull();
	const onServer = await stored(server, db, 'campaign:campagne-1');
	expect((onServer?.campaign as { label: string }).label).toBe('Autodiagnostic 2026');
});

it('a hostile document in the coordinator’s replica is refused, the rest written', async () => {
	const { local, remote } = device('marie');
	const good = [campaignDoc('r-2'), diagnosticDoc('r-marie', 'cantines'), actionDoc('r-a2')];
	const bad = { ...diagnosticDoc('r-bad', 'dechets'), format: 99 };
	await local.bulkDocs([good[0]!, bad, ...good.slice(1)]);
	const result = await local.replicate.to(remote);
	expect(result.docs_written).toBe(3);
	expect(result.doc_write_failures).toBe(1);
	for (const doc of good) expect((await stored(server, db, doc._id))?.type).toBe(doc.type);
	expect(await stored(server, db, bad._id)).toBeNull();
});

it('a non-member’s replication neither reads nor writes', async () => {
	const { local, remote } = device('intrus');
	await expect(local.replicate.from(remote)).rejects.toMatchObject({ status: 401 });
	await local.put(diagnosticDoc('r-intrus', 'dechets'));
	await expect(local.replicate.to(remote)).rejects.toBeTruthy();
	expect(await stored(server, db, 'diagnostic:r-intrus')).toBeNull();
	await expect(local.get('campaign:campagne-1')).rejects.toMatchObject({ status: 404 });
});
