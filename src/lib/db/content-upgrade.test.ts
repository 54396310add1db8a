// Schema version 3: a database of the previous release (schema 2, answers of questionnaire v1)
// opened by this one has its answers carried by the mappings, in the upgrade transaction.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AnswerRecord, Diagnostic } from '$lib/domain/answers';
import type { MappingFile } from '$lib/domain/migration/mapping';
import { migrateDiagnostic, type DiagnosticMigration } from '$lib/domain/migration/migrate';
import { currentVersion, SHIPPED_MAPPINGS } from '$lib/domain/migration/shipped';
import { answersWithContent, lostAnswers } from '$lib/domain/testing/migration-check';
import { LeviersDB, SCHEMA_VERSIONS } from './db';
import { Queries } from './queries';
import { previousRelease } from './test-previous-release';

const mapping: MappingFile = {
	module: 'dechets',
	from: 1,
	to: 2,
	questions: {
		'dechets-a': { action: 'keep' },
		'dechets-b': { action: 'rename', to: 'dechets-b2' },
		'dechets-c': { action: 'retire', reason: 'Demandé ailleurs.' },
		'dechets-d': { action: 'obligation', to: 'dechets-d' }
	}
};
const texts = new Map([[1, new Map([['dechets-c', 'Question retirée ?']])]]);
const migrate: DiagnosticMigration = (d) => migrateDiagnostic(d, 2, [mapping], texts);

const diagnostic = (id: string, questionnaireVersion: number): Diagnostic => ({
	id,
	campaignId: 'c',
	moduleId: 'dechets',
	questionnaireVersion,
	status: 'draft',
	revision: 7,
	createdAt: 1,
	updatedAt: 2,
	origin: { kind: 'local' }
});
const row = (
	diagnosticId: string,
	questionId: string,
	value: AnswerRecord['value'],
	note?: string
) => ({
	diagnosticId,
	questionId,
	value,
	changedAt: 5,
	...(note ? { note } : {})
});

describe('schema 3 upgrade', () => {
	it('carries the answers of questionnaire v1, keeps the retired ones and the revision', async () => {
		const factory = new IDBFactory();
		await previousRelease(factory, 'old', {
			campaigns: [
				{ id: 'c', authority: 'A', label: 'L', modules: ['dechets'], createdAt: 1, updatedAt: 1 }
			],
			diagnostics: [diagnostic('old', 1), diagnostic('new', 2)],
			answers: [
				row('old', 'dechets-a', 3),
				row('old', 'dechets-b', 'nsp', 'À vérifier'),
				row('old', 'dechets-c', 2, 'Avec la ressourcerie'),
				row('old', 'dechets-d', 4),
				row('new', 'dechets-c', 1)
			]
		});
		const db = new LeviersDB('old', { indexedDB: factory, IDBKeyRange, migrate });
		await db.open();
		expect(db.verno).toBe(Math.max(...Object.keys(SCHEMA_VERSIONS).map(Number)));
		const queries = new Queries(db);
		const old = (await db.diagnostics.get('old'))!;
		expect(old).toMatchObject({ questionnaireVersion: 2, revision: 7, updatedAt: 2 });
		expect(old.retired).toEqual([
			{
				questionId: 'dechets-c',
				text: 'Question retirée ?',
				value: 2,
				note: 'Avec la ressourcerie',
				changedAt: 5,
				fromVersion: 1,
				reason: 'Demandé ailleurs.'
			}
		]);
		const rows = await queries.answerRows('old');
		expect(rows.map((r) => [r.questionId, r.value, r.note])).toEqual([
			['dechets-a', 3, undefined],
			['dechets-b2', 'nsp', 'À vérifier'],
			['dechets-d', 'conforme', undefined]
		]);
		expect(rows.length + old.retired!.length).toBe(4);
		// Already at version 2: untouched, its answer to a v1 id included.
		expect(await db.diagnostics.get('new')).toEqual(diagnostic('new', 2));
		expect((await queries.answerRows('new')).map((r) => r.questionId)).toEqual(['dechets-c']);
		db.close();
	});

	it('opens the database of the previous release with the shipped mappings, losing nothing', async () => {
		const dump = JSON.parse(readFileSync('tests/fixtures/db-previous-release.json', 'utf8')) as {
			version: number;
			stores: Record<string, { records: unknown[] }>;
		};
		expect(dump.version).toBe(20); // Dexie's version 2, times 10
		const factory = new IDBFactory();
		await previousRelease(
			factory,
			'dump',
			Object.fromEntries(Object.entries(dump.stores).map(([k, s]) => [k, s.records]))
		);
		const db = new LeviersDB('dump', { indexedDB: factory, IDBKeyRange });
		await db.open();
		const before = dump.stores.diagnostics!.records as Diagnostic[];
		const oldRows = dump.stores.answers!.records as (AnswerRecord & { diagnosticId: string })[];
		for (const d of before) {
			const after = (await db.diagnostics.get(d.id))!;
			const rows = await new Queries(db).answerRows(d.id);
			const old = { ...d, answers: oldRows.filter((r) => r.diagnosticId === d.id) };
			const now = { ...after, answers: rows };
			expect(after.questionnaireVersion).toBe(currentVersion(d.moduleId));
			expect(after.revision).toBe(d.revision);
			expect(lostAnswers(old, now, SHIPPED_MAPPINGS)).toEqual([]);
			expect(answersWithContent(now) + (after.retired?.length ?? 0)).toBeGreaterThanOrEqual(
				answersWithContent(old)
			);
		}
		db.close();
	});
});
