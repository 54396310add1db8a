// Red team of schema 5 (answers gathered in one record per diagnostic).
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToCurrent } from '$lib/domain/migration/shipped';
import { flatRows } from './answer-sets';
import { LeviersDB, migrateStoredDiagnostics, SCHEMA_VERSIONS } from './db';
import { previousRelease, previousReleaseFixture, schema4Database } from './test-previous-release';
import { Queries } from './queries';
import { Repository } from './repository';
import { SyncWrites } from './sync-writes';
import { describeStorageError } from './errors';
import { resolveImport } from '$lib/domain/exchange/resolve';
import { testDevices } from './test-devices';

const opened: Dexie[] = [];
afterEach(() => opened.splice(0).forEach((d) => d.close()));

describe('upgrade with odd rows', () => {
	// Defect: one row without a numeric changedAt made the set's first/last NaN (not indexed), so
	// the backup reminder ignored every date of its diagnostic, later saves included.
	it('a row without a numeric changedAt', async () => {
		const factory = new IDBFactory();
		const rows = [
			{ diagnosticId: 'd1', questionId: 'a', value: 1, changedAt: 5 },
			{ diagnosticId: 'd1', questionId: 'b', value: 2 },
			{ diagnosticId: 'd1', questionId: 'c', value: 2, changedAt: 900 },
			{ diagnosticId: 'd2', questionId: 'a', value: null, note: 'n', changedAt: 'x' }
		];
		await schema4Database(factory, 'odd', rows);
		const db = new LeviersDB('odd', { indexedDB: factory, IDBKeyRange });
		opened.push(db);
		await db.open();
		const q = new Queries(db);
		expect((await q.answerRows('d1')).length).toBe(3);
		expect((await q.answerRows('d2')).length).toBe(1);
		// The numeric dates: 5 and 900.
		expect(await q.backupFacts()).toMatchObject({ firstChangeAt: 5, lastChangeAt: 900 });
		// A later save of that diagnostic must reach the reminder too.
		await new Repository(db, () => 5000).saveAnswer('d1', 'd', 3);
		expect(await q.backupFacts()).toMatchObject({ firstChangeAt: 5, lastChangeAt: 5000 });
	});

	it('many rows, and rows of a diagnostic that is gone', async () => {
		const factory = new IDBFactory();
		const rows = [];
		for (let d = 0; d < 50; d++)
			for (let i = 0; i < 200; i++)
				rows.push({
					diagnosticId: `d${d}`,
					questionId: `q${i}`,
					value: i % 5,
					changedAt: d * 1000 + i
				});
		rows.push({ diagnosticId: 'ghost', questionId: 'a', value: 1, changedAt: 1 });
		await schema4Database(
			factory,
			'many',
			rows,
			Array.from({ length: 50 }, (_, d) => `d${d}`)
		);
		const db = new LeviersDB('many', { indexedDB: factory, IDBKeyRange });
		opened.push(db);
		await db.open();
		const q = new Queries(db);
		let n = 0;
		for (let d = 0; d < 50; d++) n += (await q.answerRows(`d${d}`)).length;
		expect(n).toBe(10_000);
		expect((await q.diagnosticSummaries('c')).every((s) => s.answered === 200)).toBe(true);
	});
});

describe('concurrency', () => {
	for (const order of ['save first', 'delete first'])
		it(`a save racing a sync deletion (${order}) leaves no set for a deleted diagnostic`, async () => {
			const factory = new IDBFactory();
			const a = new LeviersDB('race', { indexedDB: factory, IDBKeyRange });
			const b = new LeviersDB('race', { indexedDB: factory, IDBKeyRange });
			opened.push(a, b);
			const repo = new Repository(a);
			const c = await repo.createCampaign({ authority: 'A', label: 'L', modules: ['dechets'] });
			const d = await repo.openDiagnostic(c.id, 'dechets');
			await repo.saveAnswer(d.id, 'q0', 1);
			await b.open();
			const save = () => repo.saveAnswer(d.id, 'q1', 2).catch((e: unknown) => e);
			const del = () => new SyncWrites(b).deleteDiagnostic(d.id);
			await (order === 'save first' ? Promise.all([save(), del()]) : Promise.all([del(), save()]));
			expect(await a.diagnostics.get(d.id)).toBeUndefined();
			expect(await a.answerSets.get(d.id)).toBeUndefined();
		});

	it('a save by module racing deleteCampaign leaves nothing', async () => {
		const factory = new IDBFactory();
		const a = new LeviersDB('race2', { indexedDB: factory, IDBKeyRange });
		const b = new LeviersDB('race2', { indexedDB: factory, IDBKeyRange });
		opened.push(a, b);
		const repo = new Repository(a);
		const c = await repo.createCampaign({ authority: 'A', label: 'L', modules: ['dechets'] });
		await b.open();
		await Promise.all([
			new Repository(b).deleteCampaign(c.id),
			repo.saveAnswer({ campaignId: c.id, moduleId: 'dechets' }, 'q1', 2).catch(() => {})
		]);
		expect(await a.diagnostics.count()).toBe(0);
		expect(await a.answerSets.count()).toBe(0);
	});
});

describe('an upgrade that fails for want of space', () => {
	it('leaves schema 4 as it was and says so in French', async () => {
		const factory = new IDBFactory();
		const rows = [{ diagnosticId: 'd1', questionId: 'a', value: 1, changedAt: 5 }];
		await schema4Database(factory, 'full', rows);
		const raw = await new Promise<IDBDatabase>((ok) => {
			const open = factory.open('full');
			open.onsuccess = () => ok(open.result);
		});
		const FDBObjectStore = {
			prototype: Object.getPrototypeOf(
				raw.transaction('meta').objectStore('meta')
			) as IDBObjectStore
		};
		raw.close();
		// Every write to the answer records fails as a full disk would.
		const { add, put } = FDBObjectStore.prototype;
		const full = (write: typeof add) =>
			function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
				if (this.name === 'answerSets') throw new DOMException('plein', 'QuotaExceededError');
				return write.apply(this, args);
			} as typeof add;
		FDBObjectStore.prototype.add = full(add);
		FDBObjectStore.prototype.put = full(put);
		let error: unknown;
		let query: unknown;
		try {
			const db = new LeviersDB('full', { indexedDB: factory, IDBKeyRange });
			opened.push(db);
			await db.open().catch((e: unknown) => (error = e));
			// What the page reads: every query fails as the open did, and no change was asked.
			query = await db.campaigns.toArray().catch((e: unknown) => e);
		} finally {
			FDBObjectStore.prototype.add = add;
			FDBObjectStore.prototype.put = put;
		}
		expect(describeStorageError(error).message).toMatch(/plein/);
		expect(describeStorageError(query).message).toContain('n’a pas pu mettre vos données à jour');
		const old = new Dexie('full', { indexedDB: factory, IDBKeyRange });
		opened.push(old);
		await old.open();
		expect(old.verno).toBe(4);
		expect(await old.table('answers').toArray()).toEqual(rows);
		old.close();
		// Space freed, the page reloaded: the upgrade runs.
		const again = new LeviersDB('full', { indexedDB: factory, IDBKeyRange });
		opened.push(again);
		expect(await new Queries(again).answerRows('d1')).toEqual(rows);
	});
});

describe('imports', () => {
	const { device } = testDevices();

	it('a diagnostic replaced by a copy with no answer left loses its old set', async () => {
		const a = device();
		const b = device();
		const c = await a.repo.createCampaign({ authority: 'A', label: 'L', modules: ['dechets'] });
		const d = await a.repo.openDiagnostic(c.id, 'dechets');
		await a.repo.saveAnswer(d.id, 'dechets-plpdma-pilotage', 1);
		await a.repo.saveNote(d.id, 'dechets-plpdma-commission', 'note');
		await b.import(await a.export({ scope: 'campaign', campaignId: c.id }));
		expect((await b.queries.answerRows(d.id)).length).toBe(2);
		await a.repo.clearAnswer(d.id, 'dechets-plpdma-pilotage');
		await a.repo.saveNote(d.id, 'dechets-plpdma-commission', '');
		await b.import(await a.export({ scope: 'campaign', campaignId: c.id }));
		expect((await b.db.diagnostics.get(d.id))?.revision).toBe(
			(await a.db.diagnostics.get(d.id))?.revision
		);
		expect(await b.queries.answerRows(d.id)).toEqual([]);
		expect(await b.db.answerSets.get(d.id)).toBeUndefined();
	});

	// Defect: schema 5's upgrade keeps the rows of a diagnostic whose row is gone as a set (what
	// the `add` below writes). Importing that diagnostic failed whole (ConstraintError).
	it('a diagnostic new to the device replaces a set left without its diagnostic', async () => {
		const a = device();
		const b = device();
		const c = await a.repo.createCampaign({ authority: 'A', label: 'L', modules: ['dechets'] });
		const d = await a.repo.openDiagnostic(c.id, 'dechets');
		await a.repo.saveAnswer(d.id, 'dechets-plpdma-pilotage', 1);
		const stray = { questionId: 'dechets-zone-reemploi', value: 2 as const, changedAt: 1 };
		await b.db.answerSets.add({ diagnosticId: d.id, rows: [stray], first: 1, last: 1 });
		await b.import(await a.export({ scope: 'campaign', campaignId: c.id }));
		expect(await b.queries.answerRows(d.id)).toEqual(await a.queries.answerRows(d.id));
	});

	it('a save in another tab between preview and apply: the import is refused, the save kept', async () => {
		const a = device();
		const b = device();
		const c = await a.repo.createCampaign({ authority: 'A', label: 'L', modules: ['dechets'] });
		const d = await a.repo.openDiagnostic(c.id, 'dechets');
		await a.repo.saveAnswer(d.id, 'dechets-plpdma-pilotage', 1);
		await b.import(await a.export({ scope: 'campaign', campaignId: c.id }));
		await a.repo.saveAnswer(d.id, 'dechets-plpdma-pilotage', 2);
		const text = await a.export({ scope: 'campaign', campaignId: c.id });
		const preview = await b.preview(text);
		if (!preview.ok) throw new Error('preview');
		const writes = resolveImport(
			preview.plan,
			{ campaigns: new Map(), conflicts: new Map() },
			{ device: await b.repo.deviceId(), newId: () => crypto.randomUUID(), now: Date.now() }
		);
		const tab = new LeviersDB(b.db.name, { indexedDB: b.db._options.indexedDB, IDBKeyRange });
		opened.push(tab);
		await new Repository(tab).saveNote(d.id, 'dechets-actions-associations', 'tapée ailleurs');
		await expect(b.repo.applyImport(writes)).rejects.toThrow(/changé depuis l’aperçu/);
		expect((await b.queries.answerRows(d.id)).map((r) => [r.questionId, r.value, r.note])).toEqual([
			['dechets-actions-associations', null, 'tapée ailleurs'],
			['dechets-plpdma-pilotage', 1, undefined]
		]);
	});
});

describe('the previous release’s database (schema 2)', () => {
	it('ends with the rows, diagnostics and backup dates schema 4 gave it', async () => {
		const { data } = previousReleaseFixture();
		const factory = new IDBFactory();
		await previousRelease(factory, 'four', data);
		await previousRelease(factory, 'five', data);
		const four = new Dexie('four', { indexedDB: factory, IDBKeyRange });
		for (const v of [1, 2, 3, 4]) {
			const version = four.version(v).stores(SCHEMA_VERSIONS[v]!.stores);
			if (v === 3) version.upgrade((tx) => migrateStoredDiagnostics(tx, migrateToCurrent));
		}
		opened.push(four);
		await four.open();
		const five = new LeviersDB('five', { indexedDB: factory, IDBKeyRange });
		opened.push(five);
		await five.open();
		const rows4 = await four.table('answers').toArray();
		const rows5 = flatRows(await five.answerSets.orderBy('diagnosticId').toArray());
		expect(rows5).toEqual(rows4);
		expect(await five.diagnostics.toArray()).toEqual(await four.table('diagnostics').toArray());
		const changed = four.table('answers').orderBy('changedAt');
		expect(await new Queries(five).backupFacts()).toMatchObject({
			firstChangeAt: (await changed.first()).changedAt,
			lastChangeAt: (await changed.last()).changedAt
		});
	});
});
