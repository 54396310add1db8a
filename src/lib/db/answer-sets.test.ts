// Schema 5 (issue 16): the answers of a diagnostic in one record. What a person would notice:
// every answer and note of a database of schema 4 still there after the upgrade, the backup
// reminder's dates unchanged, and two tabs answering one diagnostic at once both kept.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnswerRecord } from '$lib/domain/answers';
import { answerSet, flatRows } from './answer-sets';
import type { DiagnosticMigration } from '$lib/domain/migration/migrate';
import { LeviersDB, migrateAnswerSets, SCHEMA_VERSIONS, type StoredAnswer } from './db';
import { Queries } from './queries';
import { Repository } from './repository';
import { schema4Database } from './test-previous-release';

const opened: Dexie[] = [];
afterEach(() => opened.splice(0).forEach((d) => d.close()));

const row = (questionId: string, value: AnswerRecord['value'], changedAt: number) => ({
	questionId,
	value,
	changedAt
});

describe('answerSet', () => {
	it('sorts by question, keeps the last row given for a question, and dates the set', () => {
		const set = answerSet('d', [
			{ ...row('q2', 1, 30), diagnosticId: 'other' } as StoredAnswer,
			row('q1', 'nsp', 10),
			row('q2', 4, 20)
		]);
		expect(set).toEqual({
			diagnosticId: 'd',
			rows: [row('q1', 'nsp', 10), row('q2', 4, 20)],
			first: 10,
			last: 20
		});
		expect(answerSet('d', [])).toBeNull();
	});
});

describe('schema 5 upgrade', () => {
	it('gathers every answer row of schema 4, notes and lists included, and empties the old table', async () => {
		const factory = new IDBFactory();
		const rows: StoredAnswer[] = [
			{ diagnosticId: 'd1', questionId: 'dechets-b', value: 'nsp', note: 'À voir', changedAt: 40 },
			{ diagnosticId: 'd1', questionId: 'dechets-a', value: 3, changedAt: 7 },
			{ diagnosticId: 'd1', questionId: 'dechets-c', value: null, note: 'Rien', changedAt: 12 },
			{
				diagnosticId: 'd2',
				questionId: 'eau-coop',
				value: ['dechets', 'autre'],
				otherPartner: 'Syndicat des eaux',
				changedAt: 90
			}
		];
		await schema4Database(factory, 'four', rows);
		const db = new LeviersDB('four', { indexedDB: factory, IDBKeyRange });
		opened.push(db);
		await db.open();
		expect(db.verno).toBe(5);
		expect(await db.table('answers').count()).toBe(0);
		const queries = new Queries(db);
		const byId = (a: StoredAnswer, b: StoredAnswer) =>
			`${a.diagnosticId} ${a.questionId}`.localeCompare(`${b.diagnosticId} ${b.questionId}`);
		expect([...(await queries.answerRows('d1')), ...(await queries.answerRows('d2'))]).toEqual(
			[...rows].sort(byId)
		);
		expect(await queries.backupFacts()).toMatchObject({ firstChangeAt: 7, lastChangeAt: 90 });
		expect((await queries.diagnosticSummaries('c')).map((d) => d.answered)).toEqual([2, 1]);
	});

	it('lets a tab left on the previous release open it as it is; its saves are carried at the next open', async () => {
		const factory = new IDBFactory();
		await schema4Database(factory, 'tabs', [
			{ diagnosticId: 'd1', questionId: 'dechets-a', value: 3, changedAt: 100 },
			{ diagnosticId: 'd1', questionId: 'dechets-b', value: 1, changedAt: 10 }
		]);
		const updated = new LeviersDB('tabs', { indexedDB: factory, IDBKeyRange });
		opened.push(updated);
		await updated.open();
		// The tab on the previous release (schemas 1 to 4 declared) reopens after the upgrade.
		const previous = new Dexie('tabs', { indexedDB: factory, IDBKeyRange });
		for (const v of [1, 2, 3, 4]) previous.version(v).stores(SCHEMA_VERSIONS[v]!.stores);
		opened.push(previous);
		await previous.open();
		// Opened as it is: no version of its own (Dexie's « schema patch mode » would make one,
		// closing the updated tabs, had `answers` been removed).
		expect(previous.backendDB().version).toBe(50);
		// It saves two answers the old way: one newer than the record's, one older.
		await previous.table('answers').bulkPut([
			{ diagnosticId: 'd1', questionId: 'dechets-b', value: 4, changedAt: 200 },
			{ diagnosticId: 'd1', questionId: 'dechets-a', value: 0, changedAt: 50 }
		]);
		updated.close();
		const next = new LeviersDB('tabs', { indexedDB: factory, IDBKeyRange });
		opened.push(next);
		const rows = await new Queries(next).answerRows('d1');
		expect(rows.map((r) => [r.questionId, r.value])).toEqual([
			['dechets-a', 3],
			['dechets-b', 4]
		]);
		expect(await next.table('answers').count()).toBe(0);
	});
});

describe('migrateAnswerSets (the next content version’s upgrade)', () => {
	it('carries the answer records of the diagnostics the migration changes, and only those', async () => {
		const factory = new IDBFactory();
		const five = new LeviersDB('next', { indexedDB: factory, IDBKeyRange });
		const repo = new Repository(
			five,
			() => 50,
			() => crypto.randomUUID()
		);
		const c = await repo.createCampaign({
			authority: 'A',
			label: 'L',
			modules: ['dechets', 'eau']
		});
		const old = await repo.openDiagnostic(c.id, 'dechets');
		const kept = await repo.openDiagnostic(c.id, 'eau');
		await repo.saveAnswer(old.id, 'dechets-a', 3);
		await repo.saveNote(old.id, 'dechets-b', 'Note gardée');
		await repo.saveAnswer(kept.id, 'eau-a', 1);
		five.close();
		// The next content version renames dechets-a; eau has no new version.
		const migrate: DiagnosticMigration = (d) =>
			d.moduleId !== 'dechets'
				? d
				: {
						...d,
						questionnaireVersion: d.questionnaireVersion + 1,
						answers: d.answers.map((a) =>
							a.questionId === 'dechets-a' ? { ...a, questionId: 'dechets-a2' } : a
						)
					};
		const six = new Dexie('next', { indexedDB: factory, IDBKeyRange });
		for (const v of [1, 2, 3, 4, 5]) six.version(v).stores(SCHEMA_VERSIONS[v]!.stores);
		six
			.version(6)
			.stores({})
			.upgrade((tx) => migrateAnswerSets(tx, migrate));
		opened.push(six);
		await six.open();
		const sets = await six.table('answerSets').toArray();
		const rowsOfDiagnostic = (id: string) =>
			flatRows(sets)
				.filter((r) => r.diagnosticId === id)
				.map((r) => [r.questionId, r.value, r.note]);
		expect(rowsOfDiagnostic(old.id)).toEqual([
			['dechets-a2', 3, undefined],
			['dechets-b', null, 'Note gardée']
		]);
		expect(rowsOfDiagnostic(kept.id)).toEqual([['eau-a', 1, undefined]]);
		const diagnostics = await six.table('diagnostics').toArray();
		expect(diagnostics.find((d) => d.id === old.id)).toMatchObject({
			questionnaireVersion: old.questionnaireVersion + 1
		});
		expect(diagnostics.find((d) => d.id === kept.id)).toMatchObject({
			questionnaireVersion: kept.questionnaireVersion,
			revision: 1
		});
	});
});

describe('answers saved at once by two tabs', () => {
	it('on different questions of one diagnostic: both kept', async () => {
		const factory = new IDBFactory();
		const tabs = [0, 1].map(() => new LeviersDB('tabs', { indexedDB: factory, IDBKeyRange }));
		opened.push(...tabs);
		let n = 0;
		const [a, b] = tabs.map(
			(db) =>
				new Repository(
					db,
					() => 1_000 + n,
					() => `id-${++n}`
				)
		);
		const c = await a!.createCampaign({ authority: 'A', label: 'L', modules: ['dechets'] });
		const d = await a!.openDiagnostic(c.id, 'dechets');
		await Promise.all([
			a!.saveAnswer(d.id, 'q1', 1),
			b!.saveAnswer(d.id, 'q2', 2),
			a!.saveNote(d.id, 'q3', 'Une note'),
			b!.saveAnswer(d.id, 'q4', 'nsp')
		]);
		const stored = flatRows(await tabs[1]!.answerSets.toArray());
		expect(stored.map((r) => [r.questionId, r.value, r.note])).toEqual([
			['q1', 1, undefined],
			['q2', 2, undefined],
			['q3', null, 'Une note'],
			['q4', 'nsp', undefined]
		]);
	});
});
