import { parse } from 'espree';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docProblem } from '../src/lib/domain/sync/documents';
import { DESIGN_ID, parseArgs, setupCampaignDb, validationSource } from './couchdb-setup.mjs';
import {
	actionDoc,
	call,
	campaignDoc,
	diagnosticDoc,
	startCampaign,
	stored,
	type Doc,
	type SyncServer
} from './couchdb-test-kit';

let server: SyncServer;
let db: string;

beforeAll(async () => {
	({ server, db } = await startCampaign());
	// What the coordinator has put there before the others come.
	for (const doc of [campaignDoc(), diagnosticDoc('diag-dechets', 'dechets'), actionDoc('a1')])
		expect((await call(server, 'admin', 'PUT', `/${db}/${doc._id}`, doc)).status).toBe(201);
});
afterAll(() => server.stop());

const put = (who: string, doc: Doc) => call(server, who, 'PUT', `/${db}/${doc._id}`, doc);

/** The document with its stored revision, changed by `change`. */
async function edited(id: string, change: (doc: Doc) => void): Promise<Doc> {
	const doc = (await stored(server, db, id)) as Doc;
	change(doc);
	return doc;
}

describe('a user who is not a member of the campaign, or nobody', () => {
	for (const who of ['intrus', 'anonyme']) {
		it(`${who}: reads nothing (all documents, one document, changes)`, async () => {
			for (const path of [
				`/${db}/_all_docs?include_docs=true`,
				`/${db}/diagnostic:diag-dechets`,
				`/${db}/_changes?include_docs=true`
			]) {
				const res = await call(server, who, 'GET', path);
				expect([401, 403], path).toContain(res.status);
				expect(await res.text(), path).not.toContain('diag-dechets');
			}
		});

		it(`${who}: writes nothing (PUT, _bulk_docs)`, async () => {
			const doc = diagnosticDoc(`par-${who}`, 'dechets');
			expect([401, 403]).toContain((await put(who, doc)).status);
			const bulk = await call(server, who, 'POST', `/${db}/_bulk_docs`, {
				docs: [diagnosticDoc(`lot-${who}`, 'dechets')]
			});
			// CouchDB refuses the whole request; the test server answers 201 with an error per document.
			if (bulk.status === 201) {
				const results = (await bulk.json()) as { error?: string }[];
				expect(results.map((r) => r.error)).toEqual(['unauthorized']);
			} else expect([401, 403]).toContain(bulk.status);
			expect(await stored(server, db, doc._id)).toBeNull();
			expect(await stored(server, db, `diagnostic:lot-${who}`)).toBeNull();
		});
	}

	it('intrus cannot make themself a member or replace the validation', async () => {
		const sec = await call(server, 'intrus', 'PUT', `/${db}/_security`, {
			admins: { names: ['intrus'], roles: [] },
			members: { names: ['intrus'], roles: [] }
		});
		expect([401, 403]).toContain(sec.status);
		const design = await call(server, 'intrus', 'PUT', `/${db}/${DESIGN_ID}`, {
			validate_doc_update: 'function () {}'
		});
		expect([401, 403]).toContain(design.status);
		expect((await stored(server, db, DESIGN_ID))?.validate_doc_update).toBe(validationSource());
	});
});

describe('a service head (claire, « dechets »)', () => {
	it('reads the campaign and writes the diagnostic of her service', async () => {
		expect((await call(server, 'claire', 'GET', `/${db}/campaign:campagne-1`)).status).toBe(200);
		const doc = await edited('diagnostic:diag-dechets', (d) => {
			(d.diagnostic as { status: string }).status = 'complete';
		});
		expect((await put('claire', doc)).status).toBe(201);
		const after = await stored(server, db, doc._id);
		expect((after?.diagnostic as { status: string }).status).toBe('complete');
	});

	it('creates a new diagnostic of her service', async () => {
		expect((await put('claire', diagnosticDoc('diag-dechets-2', 'dechets'))).status).toBe(201);
	});

	it('is refused another service’s diagnostic, the campaign and an action', async () => {
		const refused = [
			diagnosticDoc('diag-cantines', 'cantines'),
			await edited('campaign:campagne-1', (d) => {
				(d.campaign as { label: string }).label = 'Renommée';
			}),
			await edited('action:a1', (d) => {
				(d.action as { title: string }).title = 'Autre titre';
			}),
			actionDoc('a2')
		];
		for (const doc of refused) {
			const res = await put('claire', doc);
			expect(res.status, doc._id).toBe(403);
			expect(((await res.json()) as { reason: string }).reason).toMatch(/^Document refusé\u202f: /);
		}
		expect(await stored(server, db, 'diagnostic:diag-cantines')).toBeNull();
		expect(await stored(server, db, 'action:a2')).toBeNull();
		expect((await stored(server, db, 'campaign:campagne-1'))?.campaign).toMatchObject({
			label: 'Autodiagnostic 2026'
		});
	});

	it('cannot turn another service’s diagnostic into one of hers', async () => {
		expect((await put('marie', diagnosticDoc('diag-paul', 'cantines'))).status).toBe(201);
		const hijack = await edited('diagnostic:diag-paul', (d) => {
			d.module = 'dechets';
			(d.diagnostic as { module: string }).module = 'dechets';
		});
		expect((await put('claire', hijack)).status).toBe(403);
		expect((await stored(server, db, 'diagnostic:diag-paul'))?.module).toBe('cantines');
	});

	it('cannot delete, not even her own diagnostic', async () => {
		const doc = (await stored(server, db, 'diagnostic:diag-dechets-2')) as Doc;
		const res = await call(server, 'claire', 'DELETE', `/${db}/${doc._id}?rev=${String(doc._rev)}`);
		expect(res.status).toBe(403);
		const bulk = await call(server, 'claire', 'POST', `/${db}/_bulk_docs`, {
			docs: [{ _id: doc._id, _rev: doc._rev, _deleted: true }]
		});
		expect(((await bulk.json()) as { error?: string }[])[0]?.error).toBe('forbidden');
		expect(await stored(server, db, doc._id)).not.toBeNull();
	});
});

describe('the coordinator (marie, database admin)', () => {
	it('writes all three kinds and deletes', async () => {
		for (const doc of [
			campaignDoc('campagne-2'),
			diagnosticDoc('diag-marie', 'mobilite'),
			actionDoc('a-marie')
		])
			expect((await put('marie', doc)).status, doc._id).toBe(201);
		const doc = (await stored(server, db, 'action:a-marie')) as Doc;
		const res = await call(
			server,
			'marie',
			'DELETE',
			`/${db}/action:a-marie?rev=${String(doc._rev)}`
		);
		expect(res.status).toBe(200);
		expect(await stored(server, db, 'action:a-marie')).toBeNull();
	});

	it('is still refused a document that is not of the exchange shape', async () => {
		expect((await put('marie', { ...campaignDoc('campagne-3'), format: 99 })).status).toBe(403);
	});
});

it('a member with no Leviers role writes nothing', async () => {
	await call(server, 'admin', 'PUT', '/_users/org.couchdb.user:lecteur', {
		name: 'lecteur',
		password: 'mot-de-passe',
		roles: [],
		type: 'user'
	});
	const sec = await call(server, 'admin', 'GET', `/${db}/_security`);
	const security = (await sec.json()) as { members: { names: string[] } };
	security.members.names.push('lecteur');
	expect((await call(server, 'admin', 'PUT', `/${db}/_security`, security)).status).toBe(200);
	expect((await call(server, 'lecteur', 'GET', `/${db}/campaign:campagne-1`)).status).toBe(200);
	expect((await put('lecteur', diagnosticDoc('diag-lecteur', 'dechets'))).status).toBe(403);
});

describe('setup', () => {
	it('accepts the documents the app writes, as the app reads them', () => {
		for (const doc of [campaignDoc(), diagnosticDoc('d', 'dechets'), actionDoc('a')])
			expect(docProblem(doc)).toBeNull();
	});

	it('installs a function CouchDB 3 can run: plain ES5, beginning with `function`', () => {
		const source = validationSource();
		expect(source.startsWith('function')).toBe(true);
		expect(() => parse(`(${source})`, { ecmaVersion: 5 })).not.toThrow();
	});

	it('converges when run again: users back, documents kept', async () => {
		const again = await setupCampaignDb({
			url: server.url,
			admin: server.admin,
			db,
			coordinators: ['marie'],
			services: [{ module: 'dechets', user: 'claire' }],
			createUsers: 'autre'
		});
		expect(again).toEqual({
			created: false,
			designUpdated: false,
			usersCreated: [],
			usersUpdated: []
		});
		const sec = await (await call(server, 'admin', 'GET', `/${db}/_security`)).json();
		expect(sec).toMatchObject({ members: { names: ['marie', 'claire'] } });
		// paul is no longer a member; claire kept her password.
		expect((await call(server, 'paul', 'GET', `/${db}/_all_docs`)).status).not.toBe(200);
		expect((await call(server, 'claire', 'GET', `/${db}/_all_docs`)).status).toBe(200);
		expect(await stored(server, db, 'campaign:campagne-1')).not.toBeNull();
	});

	it('reads its command line, the password from the environment if need be', () => {
		const argv =
			'--url http://h --admin root --db base-1 --coordinator marie --service dechets:claire';
		expect(parseArgs(argv.split(' '), { COUCHDB_PASSWORD: 's3cret' })).toEqual({
			url: 'http://h',
			admin: { name: 'root', password: 's3cret' },
			db: 'base-1',
			coordinators: ['marie'],
			services: [{ module: 'dechets', user: 'claire' }]
		});
		expect(() => parseArgs(['--url', 'http://h', '--admin', 'root', '--db', 'b'], {})).toThrow(
			/Mot de passe administrateur manquant/
		);
	});
});
