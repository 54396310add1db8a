import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newAction } from '$lib/domain/plan/plan';
import { ActionRepository } from './actions';
import { carryOverOffer, decideCarryOver } from './carry-over';
import { LeviersDB } from './db';
import { Repository } from './repository';

let db: LeviersDB;
let repo: Repository;
let plan: ActionRepository;

beforeEach(() => {
	db = new LeviersDB('test', { indexedDB: new IDBFactory(), IDBKeyRange });
	let clock = 1_000;
	let n = 0;
	const now = () => ++clock;
	const newId = () => `id-${++n}`;
	repo = new Repository(db, now, newId);
	plan = new ActionRepository(db, now, newId);
});
afterEach(() => db.close());

/** Two campaigns of one authority; the first has an open, a realised and an abandoned action. */
async function twoCampaigns() {
	const before = await repo.createCampaign({
		authority: 'CC exemple',
		label: 'Diagnostic 2025',
		modules: ['dechets']
	});
	const open = await plan.addAction(newAction('Ressourcerie', plan.context(before.id)));
	const blocked = await plan.addAction({
		...newAction('Clauses sociales', plan.context(before.id)),
		status: 'bloque'
	});
	for (const status of ['realise', 'abandonne'] as const)
		await plan.addAction({ ...newAction(status, plan.context(before.id)), status });
	const after = await repo.createCampaign({
		authority: 'cc  EXEMPLE',
		label: 'Diagnostic 2026',
		modules: ['dechets']
	});
	return { before, after, open, blocked };
}

describe('the carry-over offer', () => {
	it('offers the open actions of the previous campaign, and none to that campaign itself', async () => {
		const { before, after, open, blocked } = await twoCampaigns();
		const offer = await carryOverOffer(after.id, db);
		expect(offer?.previous.id).toBe(before.id);
		expect(offer?.candidates.map((a) => a.id)).toEqual([open.id, blocked.id]);
		expect(await carryOverOffer(before.id, db)).toBeNull();
	});

	it('copies only the chosen actions, keeps the originals, and is not offered again', async () => {
		const { before, after, open } = await twoCampaigns();
		const repositories = { actions: plan, meta: repo };
		await decideCarryOver(after.id, [open], repositories);
		const copies = await plan.actionsOf(after.id);
		expect(copies.map((a) => [a.title, a.source])).toEqual([
			['Ressourcerie', { kind: 'carried', campaignId: before.id, actionId: open.id }]
		]);
		expect(await plan.actionsOf(before.id)).toHaveLength(4);
		expect(await carryOverOffer(after.id, db)).toBeNull();
	});

	it('once declined, copies nothing and is not offered again', async () => {
		const { after } = await twoCampaigns();
		await decideCarryOver(after.id, [], { actions: plan, meta: repo });
		expect(await plan.actionsOf(after.id)).toEqual([]);
		expect(await carryOverOffer(after.id, db)).toBeNull();
	});
});
