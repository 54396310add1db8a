// The home page reads without Dexie (issue 16). What a person would notice: the same list and
// the same backup reminder as the pages that read with Dexie, nothing created on a first visit,
// and an older database still upgraded (through Dexie) before it is read.
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { PlanAction } from '$lib/domain/plan/action';
import { db as appDb, LeviersDB, SCHEMA_VERSIONS } from './db';
import { fillingState, getCampaign } from './light-filling';
import { backupFacts, listCampaigns } from './light-read';
import { DB_NAME, META, SCHEMA_VERSION } from './names';
import { Queries } from './queries';
import { Repository } from './repository';
import { schema4Database } from './test-previous-release';

const opened: LeviersDB[] = [];
afterEach(() => opened.splice(0).forEach((d) => d.close()));

function current(factory: IDBFactory, now: () => number) {
	const db = new LeviersDB(DB_NAME, { indexedDB: factory, IDBKeyRange });
	opened.push(db);
	return { db, repo: new Repository(db, now), queries: new Queries(db) };
}

describe('light reads', () => {
	it('names the last schema version of db.ts (Dexie stores it × 10)', () => {
		expect(SCHEMA_VERSION).toBe(Math.max(...Object.keys(SCHEMA_VERSIONS).map(Number)));
	});

	it('reads nothing and creates no database on a first visit', async () => {
		const factory = new IDBFactory();
		expect(await listCampaigns(factory)).toEqual([]);
		expect(await backupFacts(factory)).toEqual({
			lastBackupAt: null,
			firstChangeAt: null,
			lastChangeAt: null
		});
		expect(await factory.databases()).toEqual([]);
		// Dexie still creates it on the first write.
		const { repo, queries } = current(factory, () => 1);
		await repo.createCampaign({ authority: 'A', label: 'L', modules: ['dechets'] });
		expect(await queries.listCampaigns()).toHaveLength(1);
	});

	it('reads what Dexie reads, in the same order, ties included', async () => {
		const factory = new IDBFactory();
		let t = 100;
		const { db, repo, queries } = current(factory, () => t);
		const a = await repo.createCampaign({ authority: 'A', label: '1', modules: ['dechets'] });
		await repo.createCampaign({ authority: 'B', label: '2', modules: ['eau'] });
		t = 50;
		await repo.createCampaign({ authority: 'C', label: '3', modules: ['dechets'] });
		t = 200;
		const d = await repo.openDiagnostic(a.id, 'dechets');
		await repo.saveAnswer(d.id, 'q1', 2);
		t = 300;
		await repo.saveAnswer(d.id, 'q2', 3);
		await repo.recordBackup(250);
		await db.actions.add({ id: 'x', campaignId: a.id, updatedAt: 40 } as unknown as PlanAction);
		await db.meta.put({ key: META.lastImport, value: 350 });

		const list = await listCampaigns(factory);
		expect(list.map((c) => c.label)).toEqual((await queries.listCampaigns()).map((c) => c.label));
		expect(list.map((c) => c.label).at(-1)).toBe('3');
		expect(list[0]).toEqual((await queries.listCampaigns())[0]);
		const facts = await backupFacts(factory);
		expect(facts).toEqual(await queries.backupFacts());
		expect(facts).toEqual({ lastBackupAt: 250, firstChangeAt: 40, lastChangeAt: 350 });
	});

	it('shows the filling page what Dexie shows: the campaign, the copy filled, its answers', async () => {
		const factory = new IDBFactory();
		let t = 100;
		const { repo, queries } = current(factory, () => t);
		expect(await getCampaign('none', factory)).toBeUndefined();
		expect(await fillingState('none', 'dechets', undefined, factory)).toEqual({
			diagnostic: undefined,
			rows: []
		});
		const c = await repo.createCampaign({ authority: 'A', label: '1', modules: ['dechets'] });
		expect(await getCampaign(c.id, factory)).toEqual(await queries.getCampaign(c.id));
		expect(await getCampaign('other', factory)).toBeUndefined();
		// Nothing stored for a page only looked at.
		expect(await fillingState(c.id, 'dechets', undefined, factory)).toEqual({
			diagnostic: undefined,
			rows: []
		});
		const d = await repo.openDiagnostic(c.id, 'dechets');
		await repo.saveAnswer(d.id, 'q1', 2);
		t = 200;
		await repo.saveNote(d.id, 'q2', 'Une note');
		// A second copy of the module (another device's, imported): pinned, it is the one shown.
		const other = await repo.openDiagnostic(c.id, 'eau');
		await repo.saveAnswer(other.id, 'q9', 1);
		for (const pinned of [undefined, d.id, 'gone']) {
			const light = await fillingState(c.id, 'dechets', pinned, factory);
			expect(light).toEqual(await queries.fillingState(c.id, 'dechets', pinned));
			expect(light.diagnostic?.id).toBe(d.id);
			expect(light.rows.map((r) => [r.questionId, r.value, r.note])).toEqual([
				['q1', 2, undefined],
				['q2', null, 'Une note']
			]);
		}
	});

	it('goes through Dexie, which upgrades it, when the database is of an older schema', async () => {
		await schema4Database(globalThis.indexedDB as IDBFactory, DB_NAME, [
			{ diagnosticId: 'd', questionId: 'q1', value: 2, changedAt: 10 }
		]);
		expect((await listCampaigns()).map((c) => c.id)).toEqual(['c']);
		expect(appDb.verno).toBe(SCHEMA_VERSION);
		expect((await backupFacts()).lastChangeAt).toBe(10);
		appDb.close();
	});
});

it('reads through Dexie, which folds them first, saves a previous-release tab left in answers', async () => {
	// Red team of the light home page: the reminder missed such a save (it read answerSets only).
	const factory = new IDBFactory();
	await schema4Database(factory, DB_NAME, [], ['d1']);
	const updated = new LeviersDB(DB_NAME, { indexedDB: factory, IDBKeyRange });
	await new Repository(updated, () => 100).saveAnswer('d1', 'dechets-a', 1);
	await new Repository(updated, () => 200).recordBackup(200);
	updated.close();
	const previous = new Dexie(DB_NAME, { indexedDB: factory, IDBKeyRange });
	for (const v of [1, 2, 3, 4]) previous.version(v).stores(SCHEMA_VERSIONS[v]!.stores);
	await previous
		.table('answers')
		.put({ diagnosticId: 'd1', questionId: 'dechets-b', value: 3, changedAt: 300 });
	previous.close();
	const viaDexie = async () => {
		const db = new LeviersDB(DB_NAME, { indexedDB: factory, IDBKeyRange });
		opened.push(db);
		return new Queries(db);
	};
	expect((await backupFacts(factory, viaDexie)).lastChangeAt).toBe(300);
	// The filling page too: the answer saved by the previous release is shown.
	const filling = await fillingState('c', 'dechets', 'd1', factory, viaDexie);
	expect(filling.rows.map((r) => [r.questionId, r.value])).toEqual([
		['dechets-a', 1],
		['dechets-b', 3]
	]);
});
