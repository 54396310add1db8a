import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newAction } from '$lib/domain/plan/plan';
import { ActionRepository } from './actions';
import { LeviersDB, SCHEMA_VERSIONS } from './db';
import { RepositoryError } from './errors';
import { Repository } from './repository';

let db: LeviersDB;
let repo: Repository;
let plan: ActionRepository;
let clock = 1_000;
let factory: IDBFactory;

beforeEach(() => {
	factory = new IDBFactory();
	db = new LeviersDB('test', { indexedDB: factory, IDBKeyRange });
	let n = 0;
	const now = () => ++clock;
	const newId = () => `id-${++n}`;
	repo = new Repository(db, now, newId);
	plan = new ActionRepository(db, now, newId);
});
afterEach(() => db.close());

const campaign = () =>
	repo.createCampaign({ authority: 'CC exemple', label: 'Diagnostic 2026', modules: ['dechets'] });

describe('the actions of a plan', () => {
	it('are added, edited with a new revision each time, and deleted', async () => {
		const c = await campaign();
		const a = await plan.addAction(newAction('Créer une ressourcerie', plan.context(c.id)));
		expect(await plan.actionsOf(c.id)).toEqual([a]);
		const edited = await plan.updateAction(a.id, { status: 'en-cours', dueDate: '2027-06-30' });
		expect(edited).toMatchObject({ status: 'en-cours', dueDate: '2027-06-30', revision: 2 });
		expect(edited.updatedAt).toBeGreaterThan(a.updatedAt);
		const cleared = await plan.updateAction(a.id, { dueDate: undefined });
		expect(cleared.revision).toBe(3);
		expect('dueDate' in (await plan.getAction(a.id))!).toBe(false);
		await plan.deleteAction(a.id);
		expect(await plan.actionsOf(c.id)).toEqual([]);
	});

	it('refuses in French, and writes nothing, what the checks refuse', async () => {
		const c = await campaign();
		await expect(plan.addAction(newAction('  ', plan.context(c.id)))).rejects.toThrow(
			new RepositoryError('Donnez un titre à l’action.')
		);
		const a = await plan.addAction(newAction('Titre', plan.context(c.id)));
		await expect(plan.updateAction(a.id, { title: 'x'.repeat(201) })).rejects.toThrow(
			RepositoryError
		);
		expect(await plan.getAction(a.id)).toEqual(a);
		await expect(
			plan.addAction(newAction('Sans démarche', plan.context('nulle-part')))
		).rejects.toThrow('Cette démarche n’existe plus sur cet appareil.');
		await expect(plan.updateAction('inconnue', { title: 'x' })).rejects.toThrow(
			'Cette action n’existe plus sur cet appareil.'
		);
	});

	it('keeps both of two edits of different steps made from the state each tab had', async () => {
		const c = await campaign();
		const a = await plan.addAction({
			...newAction('Étapes', plan.context(c.id)),
			steps: [
				{ id: 's1', text: 'Un', done: false },
				{ id: 's2', text: 'Deux', done: false }
			]
		});
		const tick = (id: string) => (before: typeof a) => ({
			steps: before.steps.map((s) => (s.id === id ? { ...s, done: true } : s))
		});
		await Promise.all([plan.updateAction(a.id, tick('s1')), plan.updateAction(a.id, tick('s2'))]);
		const after = (await plan.getAction(a.id))!;
		expect(after.steps.map((s) => s.done)).toEqual([true, true]);
		expect(after.revision).toBe(3);
	});

	it('are carried over as copies, all or none, the originals untouched', async () => {
		const old = await campaign();
		const next = await campaign();
		const a = await plan.addAction(newAction('Ouverte', plan.context(old.id)));
		const copies = await plan.carryOver([a], next.id);
		expect(await plan.actionsOf(next.id)).toEqual(copies);
		expect(copies[0]).toMatchObject({
			title: 'Ouverte',
			source: { kind: 'carried', campaignId: old.id, actionId: a.id }
		});
		expect(await plan.actionsOf(old.id)).toEqual([a]);
		// Confirmed again (a second tab, a stale offer): nothing is copied twice.
		expect(await plan.carryOver([a], next.id)).toEqual([]);
		expect(await plan.actionsOf(next.id)).toHaveLength(1);
		const bad = { ...a, title: 'x'.repeat(300) };
		await expect(plan.carryOver([a, bad], next.id)).rejects.toThrow(RepositoryError);
		expect(await plan.actionsOf(next.id)).toHaveLength(1);
	});

	it('go with their campaign when it is deleted', async () => {
		const c = await campaign();
		const other = await campaign();
		await plan.addAction(newAction('Une', plan.context(c.id)));
		const kept = await plan.addAction(newAction('Autre', plan.context(other.id)));
		await repo.deleteCampaign(c.id);
		expect(await db.actions.toArray()).toEqual([kept]);
	});
});

describe('schema version 4', () => {
	it('opens a database of schema 3 with its data and an empty plan', async () => {
		db.close();
		const name = 'before-plan';
		const old = new Dexie(name, { indexedDB: factory, IDBKeyRange });
		for (const v of [1, 2, 3]) old.version(v).stores(SCHEMA_VERSIONS[v]!.stores);
		await old.table('campaigns').add({
			id: 'c',
			authority: 'A',
			label: 'L',
			modules: [],
			createdAt: 1,
			updatedAt: 1
		});
		old.close();
		db = new LeviersDB(name, { indexedDB: factory, IDBKeyRange });
		expect(await db.campaigns.count()).toBe(1);
		expect(await db.actions.count()).toBe(0);
		expect(db.verno).toBe(5);
	});
});
