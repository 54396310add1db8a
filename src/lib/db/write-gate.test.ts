import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LeviersDB } from './db';
import { describeStorageError } from './errors';
import { Queries } from './queries';
import { Repository } from './repository';
import { storageFailureKind, WritesHaltedError } from './write-gate';

let db: LeviersDB;
let repo: Repository;
let queries: Queries;

beforeEach(() => {
	db = new LeviersDB('gate', { indexedDB: new IDBFactory(), IDBKeyRange });
	repo = new Repository(db);
	queries = new Queries(db);
});
afterEach(() => db.close());

async function campaignWithAnswer() {
	const c = await repo.createCampaign({ authority: 'CC', label: 'D 2026', modules: ['dechets'] });
	const d = await repo.openDiagnostic(c.id, 'dechets');
	await repo.saveAnswer(d.id, 'q1', 2);
	return d.id;
}

describe('writes halted after a storage failure', () => {
	it('refuses every write, keeps what was stored, and says so in French without "reload"', async () => {
		const id = await campaignWithAnswer();
		expect(db.writes.report({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toBe(
			'quota'
		);
		// Refused by the gate, or by the database closed after a failed disk write (db.ts).
		const halted = { name: expect.stringMatching(/^(WritesHaltedError|DatabaseClosedError)$/) };
		const refused = repo.saveAnswer(id, 'q1', 3);
		await expect(refused).rejects.toMatchObject(halted);
		await expect(repo.saveNote(id, 'q2', 'texte')).rejects.toMatchObject(halted);
		await expect(
			repo.createCampaign({ authority: 'X', label: 'Y', modules: ['dechets'] })
		).rejects.toMatchObject(halted);
		// The database is closed and stays so (each open would append behind a torn record):
		// reads refuse too until « Réessayer » reopens it; the answer stored before is there then.
		await expect(queries.answerRows(id)).rejects.toMatchObject({ name: 'DatabaseClosedError' });
		db.writes.resume();
		await db.open();
		const rows = await queries.answerRows(id);
		expect(rows.map((r) => [r.questionId, r.value])).toEqual([['q1', 2]]);
		expect((await queries.listCampaigns()).length).toBe(1);
		db.writes.halt('quota');
		const p = describeStorageError(await refused.catch((e: unknown) => e));
		expect(p.message).toMatch(/suspendu|fermée/);
		expect(`${p.message} ${p.action}`).not.toMatch(/[Rr]echarg/);
	});

	it('lets writes through again once resumed', async () => {
		const id = await campaignWithAnswer();
		db.writes.halt('io');
		await expect(repo.saveAnswer(id, 'q1', 3)).rejects.toBeInstanceOf(WritesHaltedError);
		db.writes.resume();
		await repo.saveAnswer(id, 'q1', 3);
		expect((await queries.answerRows(id))[0]?.value).toBe(3);
	});

	it('keeps the first cause', () => {
		db.writes.halt('quota');
		db.writes.halt('closed');
		expect(db.writes.halted).toBe('quota');
	});
});

describe('storageFailureKind', () => {
	it('tells a full disk, a failed disk write and a closed connection from other errors', () => {
		expect(storageFailureKind({ name: 'QuotaExceededError' })).toBe('quota');
		expect(storageFailureKind({ name: 'AbortError', inner: { name: 'UnknownError' } })).toBe('io');
		expect(storageFailureKind({ name: 'DatabaseClosedError' })).toBe('closed');
		expect(storageFailureKind({ name: 'OpenFailedError', inner: { name: 'UnknownError' } })).toBe(
			'closed'
		);
		expect(storageFailureKind({ name: 'RepositoryError' })).toBeNull();
		expect(storageFailureKind({ name: 'ConstraintError' })).toBeNull();
		expect(storageFailureKind(new Error('bug'))).toBeNull();
	});
});
