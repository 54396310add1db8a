import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
});
afterAll(() => server.stop());

type Inner = Record<string, unknown>;

/** A diagnostic document of `dechets` with id `id`, then changed by `change`. */
function diag(id: string, change: (doc: Doc, inner: Inner) => void): Doc {
	const doc = diagnosticDoc(id, 'dechets');
	change(doc, doc.diagnostic as Inner);
	return doc;
}

/** Hostile documents, each with its own id, and what is wrong with it. */
function hostile(tag: string): [string, Doc][] {
	const id = (n: number) => `${tag}-${n}`;
	const campaign = (n: number, change: (inner: Inner) => void) => {
		const doc = campaignDoc(id(n));
		change(doc.campaign as Inner);
		return doc;
	};
	const action = (n: number, change: (inner: Inner) => void) => {
		const doc = actionDoc(id(n));
		change(doc.action as Inner);
		return doc;
	};
	return [
		['wrong id prefix', diag(id(1), (d) => (d._id = `diagnostique:${id(1)}`))],
		['id and type disagree', diag(id(2), (d) => (d._id = `action:${id(2)}`))],
		['inner id differs', diag(id(3), (_, i) => (i.id = 'autre'))],
		['module differs', diag(id(4), (_, i) => (i.module = 'cantines'))],
		['campaign differs', diag(id(5), (_, i) => (i.campaignId = 'autre-campagne'))],
		[
			'<script> in the id',
			diag('<script>alert(1)</script>', (d) => (d._id = 'diagnostic:<script>alert(1)</script>'))
		],
		[
			'<script> in the campaign id',
			diag(id(6), (d, i) => (d.campaignId = i.campaignId = '<script>alert(1)</script>'))
		],
		['inner is a string', diag(id(7), (d) => (d.diagnostic = '<img src=x onerror=alert(1)>'))],
		['inner is an array', diag(id(8), (d) => (d.diagnostic = [id(8)]))],
		['inner is null', diag(id(9), (d) => (d.diagnostic = null))],
		['5 MB document', diag(id(10), (_, i) => (i.answers = [{ note: 'x'.repeat(5_000_000) }]))],
		['format 99', diag(id(11), (d) => (d.format = 99))],
		['format as text', diag(id(12), (d) => (d.format = '5'))],
		['field smuggled at the top', diag(id(13), (d) => (d.html = '<script>alert(1)</script>'))],
		[
			'attachment',
			diag(id(14), (d) => {
				d._attachments = { 'a.html': { content_type: 'text/html', data: 'PHNjcmlwdD4=' } };
			})
		],
		['negative questionnaire version', diag(id(15), (_, i) => (i.questionnaireVersion = -1))],
		['unknown status', diag(id(16), (_, i) => (i.status = 'fini'))],
		['answers not a list', diag(id(17), (_, i) => (i.answers = { q1: 3 }))],
		['history with null in it', diag(id(23), (_, i) => (i.lineage = [null]))],
		['history of numbers', diag(id(24), (_, i) => (i.lineage = [5]))],
		['action history of text', action(25, (i) => (i.lineage = 'H'))],
		['campaign label of 201 characters', campaign(18, (i) => (i.label = 'x'.repeat(201)))],
		['campaign without authority', campaign(19, (i) => (i.authority = '  '))],
		['campaign modules with HTML', campaign(20, (i) => (i.modules = ['<b>dechets</b>']))],
		['action without title', action(21, (i) => delete i.title)],
		['action steps not a list', action(22, (i) => (i.steps = 'faire'))]
	];
}

/** The JSON body of a refusal. */
async function reason(res: Response): Promise<string> {
	return ((await res.json()) as { reason: string }).reason;
}

describe('hostile documents, one by one (PUT), even from the coordinator', () => {
	for (const [what, doc] of hostile('put')) {
		it(`refuses: ${what}`, async () => {
			const res = await call(server, 'marie', 'PUT', `/${db}/${encodeURIComponent(doc._id)}`, doc);
			expect(res.status).toBe(403);
			expect(await reason(res)).toMatch(/^Document refusé\u202f: .+\.$/);
			expect(await stored(server, db, doc._id)).toBeNull();
		});
	}
});

describe('hostile documents in one _bulk_docs with valid ones', () => {
	/** Posts the documents; returns each result by id. */
	async function bulk(who: string, docs: Doc[]) {
		const res = await call(server, who, 'POST', `/${db}/_bulk_docs`, { docs });
		expect(res.status).toBe(201);
		const results = (await res.json()) as { id: string; ok?: true; error?: string }[];
		expect(results).toHaveLength(docs.length);
		return new Map(results.map((r) => [r.id, r]));
	}

	it('the coordinator: each refused document reported and absent, the valid ones written', async () => {
		const valid = [campaignDoc('lot-c'), diagnosticDoc('lot-d', 'cantines'), actionDoc('lot-a')];
		const bad = hostile('bulk').map(([, doc]) => doc);
		const results = await bulk('marie', [valid[0]!, ...bad, ...valid.slice(1)]);
		for (const doc of bad) {
			expect(results.get(doc._id)?.error, doc._id).toBe('forbidden');
			expect(await stored(server, db, doc._id), doc._id).toBeNull();
		}
		for (const doc of valid) {
			expect(results.get(doc._id)?.ok, doc._id).toBe(true);
			expect((await stored(server, db, doc._id))?.type).toBe(doc.type);
		}
	});

	it('a service head: her own diagnostic written, the rest refused whole', async () => {
		const mine = diagnosticDoc('lot-claire', 'dechets');
		const others = [
			diagnosticDoc('lot-claire-cantines', 'cantines'),
			campaignDoc('lot-claire-c'),
			...hostile('bulk-claire').map(([, doc]) => doc)
		];
		const results = await bulk('claire', [...others, mine]);
		expect(results.get(mine._id)?.ok).toBe(true);
		for (const doc of others) {
			expect(results.get(doc._id)?.error, doc._id).toBe('forbidden');
			expect(await stored(server, db, doc._id), doc._id).toBeNull();
		}
	});
});

it('a refused update leaves the stored version whole', async () => {
	const doc = diagnosticDoc('intact', 'dechets');
	expect((await call(server, 'claire', 'PUT', `/${db}/${doc._id}`, doc)).status).toBe(201);
	const before = (await stored(server, db, doc._id)) as Doc;
	const damaged = { ...before, diagnostic: { ...(before.diagnostic as Inner), answers: 'perdu' } };
	const res = await call(server, 'claire', 'PUT', `/${db}/${doc._id}`, damaged);
	expect(res.status).toBe(403);
	expect(await stored(server, db, doc._id)).toEqual(before);
});
