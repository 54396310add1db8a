// Red team of foldAnswerRows at every open and of the versionchange refusal (schema 5).
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { LeviersDB, SCHEMA_VERSIONS } from './db';
import { Queries } from './queries';
import { Repository } from './repository';
import { schema4Database } from './test-previous-release';

const opened: Dexie[] = [];
afterEach(() => opened.splice(0).forEach((d) => d.close()));

const Q = 'dechets-a';

function updatedTab(factory: IDBFactory, name: string): LeviersDB {
	const db = new LeviersDB(name, { indexedDB: factory, IDBKeyRange });
	opened.push(db);
	return db;
}

/** A tab of the previous release: schemas 1 to 4 declared. */
function previousTab(factory: IDBFactory, name: string): Dexie {
	const old = new Dexie(name, { indexedDB: factory, IDBKeyRange });
	for (const v of [1, 2, 3, 4]) old.version(v).stores(SCHEMA_VERSIONS[v]!.stores);
	opened.push(old);
	return old;
}

/** 'done' or 'waits' if `p` has not settled within `ms`. */
function settles(p: Promise<unknown>, ms = 300): Promise<string> {
	const late = new Promise<string>((ok) => setTimeout(() => ok('waits'), ms));
	return Promise.race([p.then(() => 'done'), late]);
}

/** A schema 5 database with diagnostic d1 (record row Q at `recordAt`), and `stray` in `answers`. */
async function withStray(name: string, recordAt: number, stray: object[]) {
	const factory = new IDBFactory();
	await schema4Database(factory, name, [], ['d1']);
	const a = updatedTab(factory, name);
	await new Repository(a, () => recordAt).saveAnswer('d1', Q, 1);
	// Rows put in `answers` while no fold runs (as a tab of the previous release does).
	await a.table('answers').bulkPut(stray);
	return { factory, a };
}

describe('the fold racing a save of another connection', () => {
	for (const order of ['fold first', 'save first'])
		it(`a save newer than the stray row is kept (${order})`, async () => {
			const { factory, a } = await withStray('race-' + order, 100, [
				{ diagnosticId: 'd1', questionId: Q, value: 2, changedAt: 200 }
			]);
			const b = updatedTab(factory, 'race-' + order);
			const save = () => new Repository(a, () => 300).saveAnswer('d1', Q, 3);
			if (order === 'fold first') await Promise.all([b.open(), save()]);
			else await Promise.all([save(), b.open()]);
			const rows = await new Queries(b).answerRows('d1');
			expect(rows.map((r) => [r.questionId, r.value, r.changedAt])).toEqual([[Q, 3, 300]]);
			expect(await b.table('answers').count()).toBe(0);
		});

	it('an older stray row does not replace a newer save', async () => {
		const { factory } = await withStray('older', 500, [
			{ diagnosticId: 'd1', questionId: Q, value: 2, changedAt: 400 }
		]);
		const b = updatedTab(factory, 'older');
		expect((await new Queries(b).answerRows('d1')).map((r) => r.value)).toEqual([1]);
	});

	it('a stray row with the same changedAt replaces the record’s (tie: the stray row wins)', async () => {
		const { factory } = await withStray('tie', 500, [
			{ diagnosticId: 'd1', questionId: Q, value: 2, changedAt: 500 }
		]);
		const b = updatedTab(factory, 'tie');
		expect((await new Queries(b).answerRows('d1')).map((r) => r.value)).toEqual([2]);
	});
});

describe('stray rows without a numeric changedAt', () => {
	// Defect: `old.changedAt > r.changedAt` is false when r.changedAt is missing or not a number,
	// so a stray row with no date replaced the record's dated row (a later save lost). Fixed in
	// foldAnswerRows: a dated record row stays against an undated stray row.
	for (const [label, extra] of [
		['missing', {}],
		['a string', { changedAt: 'x' }],
		['NaN', { changedAt: NaN }],
		['null', { changedAt: null }]
	] as const)
		// null holds already (500 > null: null is taken as 0).
		it(`(${label}) does not replace a dated save`, async () => {
			const name = 'undated-' + label;
			const { factory } = await withStray(name, 500, [
				{ diagnosticId: 'd1', questionId: Q, value: 2, ...extra },
				{ diagnosticId: 'd1', questionId: 'dechets-b', value: 4, ...extra }
			]);
			const b = updatedTab(factory, name);
			const rows = await new Queries(b).answerRows('d1');
			expect(rows.map((r) => [r.questionId, r.value])).toEqual([
				[Q, 1],
				['dechets-b', 4]
			]);
			expect(await b.table('answers').count()).toBe(0);
		});
});

describe('a stray row of a diagnostic that no longer exists', () => {
	it('is kept as a set without its diagnostic; the open and the other records are unharmed', async () => {
		const { factory } = await withStray('ghost', 500, [
			{ diagnosticId: 'gone', questionId: Q, value: 2, changedAt: 600 }
		]);
		const b = updatedTab(factory, 'ghost');
		await b.open();
		expect((await new Queries(b).answerRows('d1')).map((r) => r.value)).toEqual([1]);
		expect(await b.answerSets.get('gone')).toMatchObject({ rows: [{ value: 2 }] });
		expect(await b.diagnostics.get('gone')).toBeUndefined();
	});
});

describe('the fold while writes are halted', () => {
	// Defect: the fold is an on('ready') subscriber without Dexie's bSticky flag: Dexie drops it
	// after the first open of the instance, so a later open (storage-health's reopen, Dexie's
	// reopen after a version change) never folds; rows halted at the first open wait for a reload.
	// Fixed: subscribed sticky.
	it('the open succeeds, the rows stay, and the next open carries them', async () => {
		const { factory } = await withStray('halted', 100, [
			{ diagnosticId: 'd1', questionId: Q, value: 2, changedAt: 200 }
		]);
		const b = updatedTab(factory, 'halted');
		b.writes.halt('quota');
		await b.open();
		expect(b.isOpen()).toBe(true);
		expect(await b.table('answers').count()).toBe(1);
		expect((await new Queries(b).answerRows('d1')).map((r) => r.value)).toEqual([1]);
		// The connection closed and opened again, writes resumed (an explicit close halts them).
		b.close();
		b.writes.resume();
		await b.open();
		expect(await b.table('answers').count()).toBe(0);
		expect((await new Queries(b).answerRows('d1')).map((r) => r.value)).toEqual([2]);
	});
});

describe('tabs of the previous release and of this one', () => {
	it('the updated app closes and opens again itself', async () => {
		const factory = new IDBFactory();
		await schema4Database(factory, 'reopen', [], ['d1']);
		const a = updatedTab(factory, 'reopen');
		await new Repository(a).saveAnswer('d1', Q, 1);
		a.close();
		expect(await settles(a.open())).toBe('done');
		expect(a.verno).toBe(5);
		expect(await new Queries(a).answerRows('d1')).toHaveLength(1);
	});

	it('a future release upgrading to version 60 is not refused', async () => {
		const factory = new IDBFactory();
		await schema4Database(factory, 'future', [], ['d1']);
		const a = updatedTab(factory, 'future');
		await a.open();
		const next = new Dexie('future', { indexedDB: factory, IDBKeyRange });
		for (const [v, { stores }] of Object.entries(SCHEMA_VERSIONS))
			next.version(Number(v)).stores(stores);
		next.version(6).stores({ extra: 'id' });
		opened.push(next);
		expect(await settles(next.open())).toBe('done');
		expect(next.verno).toBe(6);
		expect(a.isOpen()).toBe(false);
	});

	it('the database deleted (newVersion null) is not refused', async () => {
		const factory = new IDBFactory();
		await schema4Database(factory, 'del', [], ['d1']);
		const a = updatedTab(factory, 'del');
		await a.open();
		const deleted = new Promise((ok, ko) => {
			const req = factory.deleteDatabase('del');
			req.onsuccess = ok;
			req.onerror = ko;
		});
		expect(await settles(deleted)).toBe('done');
		expect(a.isOpen()).toBe(false);
	});

	it('two updated tabs opening a schema 4 database at once both open', async () => {
		const factory = new IDBFactory();
		await schema4Database(factory, 'two', [
			{ diagnosticId: 'd1', questionId: Q, value: 3, changedAt: 100 }
		]);
		const a = updatedTab(factory, 'two');
		const b = updatedTab(factory, 'two');
		expect(await settles(Promise.all([a.open(), b.open()]))).toBe('done');
		expect(await new Queries(b).answerRows('d1')).toHaveLength(1);
		expect(await new Queries(a).answerRows('d1')).toHaveLength(1);
	});

	// Was a defect of the versionchange refusal (d8b02cd, reverted): IndexedDB serves the open
	// requests of a database in order, so the previous release's refused schema patch held every
	// later open, and a second updated tab hung. Without the refusal, the previous release opens
	// schema 5 as it is (`answers` keeps the indexes it declares) and holds no one.
	it('a previous-release tab holds no later open of an updated tab', async () => {
		const factory = new IDBFactory();
		await schema4Database(factory, 'queue', [
			{ diagnosticId: 'd1', questionId: Q, value: 3, changedAt: 100 }
		]);
		const a = updatedTab(factory, 'queue');
		await a.open();
		const previous = previousTab(factory, 'queue');
		expect(await settles(previous.open())).toBe('done');
		const b = updatedTab(factory, 'queue');
		expect(await settles(b.open(), 1000)).toBe('done');
		expect(await new Queries(b).answerRows('d1')).toHaveLength(1);
	});

	// Known limitation (closing note, risk 0), kept failing on purpose: nothing makes a tab of
	// the previous release wait once this release's layout is in place; it reads `answers`,
	// emptied by the fold, and goes on working (its saves are folded at the next open).
	it.fails(
		'a previous-release tab already patched is made to wait when an updated tab opens',
		async () => {
			const factory = new IDBFactory();
			await schema4Database(factory, 'patched', [
				{ diagnosticId: 'd1', questionId: Q, value: 3, changedAt: 100 }
			]);
			const first = updatedTab(factory, 'patched');
			await first.open();
			first.close();
			const previous = previousTab(factory, 'patched');
			await previous.open();
			expect(previous.isOpen()).toBe(true);
			await previous
				.table('answers')
				.put({ diagnosticId: 'd1', questionId: 'dechets-b', value: 1, changedAt: 200 });
			const b = updatedTab(factory, 'patched');
			await b.open();
			expect(await new Queries(b).answerRows('d1')).toHaveLength(2);
			// The previous-release tab now sees no answer of d1, and goes on working.
			expect(await previous.table('answers').where('diagnosticId').equals('d1').count()).toBe(0);
			expect(previous.isOpen()).toBe(false);
		}
	);
});
