import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { levers, modules } from '../src/lib/domain/content/content';
import { readHub } from '../src/lib/domain/sync/hub';
import { exampleRegion } from '../src/lib/domain/testing/hub-docs';
import { replicateOnce, replicatorDoc, setupHubReplication } from './couchdb-hub.mjs';
import { startSyncServer } from './sync-server.mjs';

const questionnaire = { modules, levers };
let server: Awaited<ReturnType<typeof startSyncServer>>;
const admin = { username: 'admin', password: 'admin-secret' };
const names = (suffix: string) => `hub-${process.pid}-${Date.now()}-${suffix}`;
const authority = (url: string) => ({ url, ...admin });

async function couch(path: string, method = 'GET', body?: unknown) {
	const res = await fetch(`${server.url}/${path}`, {
		method,
		headers: {
			Authorization: 'Basic ' + Buffer.from('admin:admin-secret').toString('base64'),
			'Content-Type': 'application/json'
		},
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

beforeAll(async () => {
	server = await startSyncServer();
});
afterAll(async () => {
	await server.stop();
});

describe('the hub’s replication documents', () => {
	it('are continuous, with full URLs and credentials in headers, not in the URL', () => {
		const doc = replicatorDoc({
			source: authority('https://commune.exemple.fr:6984/leviers-2026/'),
			hubDbUrl: 'https://reseau.exemple.fr:6984/reseau',
			admin
		});
		expect(doc).toMatchObject({
			source: { url: 'https://commune.exemple.fr:6984/leviers-2026' },
			target: { url: 'https://reseau.exemple.fr:6984/reseau' },
			continuous: true,
			create_target: false
		});
		expect(doc.source.headers.Authorization).toBe(
			'Basic ' + Buffer.from('admin:admin-secret').toString('base64')
		);
		expect(() =>
			replicatorDoc({
				source: authority('https://a:b@commune.exemple.fr/db'),
				hubDbUrl: 'https://reseau.exemple.fr/reseau',
				admin
			})
		).toThrow(/not in the URL/);
	});

	it('are written on the hub once, and left alone when run again', async () => {
		const [a, b, hub] = [names('a'), names('b'), names('hub')];
		for (const db of [a, b]) expect((await couch(db, 'PUT')).status).toBe(201);
		const sources = [authority(`${server.url}/${a}`), authority(`${server.url}/${b}`)];
		const first = await setupHubReplication({ hub: server.url, hubDatabase: hub, admin, sources });
		expect(first.map((d) => d.action)).toEqual(['created', 'created']);
		const stored = await couch(`_replicator/${first[0]!.id}`);
		expect(stored.json).toMatchObject({ continuous: true, source: { url: `${server.url}/${a}` } });
		const again = await setupHubReplication({ hub: server.url, hubDatabase: hub, admin, sources });
		expect(again.map((d) => d.action)).toEqual(['unchanged', 'unchanged']);
		expect((await couch(hub)).status).toBe(200);
	});
});

// The test server stores `_replicator` documents but runs none (express-pouchdb: « TODO:
// actually use the _replicator database »): the continuous jobs are CouchDB's own; here a
// one-shot POST /_replicate per authority proves the documents arrive and read back whole.
describe('replication into the hub', () => {
	it('brings two authorities’ databases into one the Réseau page reads', async () => {
		const [a, b, hub] = [names('ra'), names('rb'), names('rhub')];
		const { docs } = exampleRegion(modules, 5);
		// Authority A has campaigns 1–2, authority B campaigns 3–5 (8 documents each).
		for (const [db, part] of [
			[a, docs.slice(0, 16)],
			[b, docs.slice(16)]
		] as const) {
			expect((await couch(db, 'PUT')).status).toBe(201);
			expect((await couch(`${db}/_bulk_docs`, 'POST', { docs: part })).status).toBe(201);
		}
		expect((await couch(hub, 'PUT')).status).toBe(201);
		for (const db of [a, b])
			await replicateOnce({
				hub: server.url,
				hubDatabase: hub,
				admin,
				source: authority(`${server.url}/${db}`),
				// By name on one server: the test server's PouchDB replicates no remote URL.
				byName: true
			});
		const all = await couch(`${hub}/_all_docs?include_docs=true`);
		const rows = all.json.rows as { doc: unknown }[];
		expect(rows).toHaveLength(40);
		const read = readHub(
			rows.map((r) => r.doc),
			{ questionnaire, now: Date.now() }
		);
		expect(read.campaigns).toHaveLength(5);
		expect(read.setAside).toBe(0);
	});
});
