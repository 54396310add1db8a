/** For tests only: a database as the previous release (schema version 2) left it. */
import { type IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Dexie } from 'dexie';
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { SCHEMA_VERSIONS } from './db';

/** The project's previous-release database, as `scripts/dump-db.mjs` wrote it. */
export interface PreviousReleaseDump {
	stores: Record<string, { records: Record<string, unknown>[] }>;
}

/** The previous-release database's dump, and its rows by table (what `previousRelease` takes). */
export function previousReleaseFixture(): {
	dump: PreviousReleaseDump;
	data: Record<string, Record<string, unknown>[]>;
} {
	const dump = JSON.parse(
		readFileSync('tests/fixtures/db-previous-release.json', 'utf8')
	) as PreviousReleaseDump;
	const data = Object.fromEntries(Object.entries(dump.stores).map(([k, s]) => [k, s.records]));
	return { dump, data };
}

/** Every table of the database `name`, still at schema version 2, sorted, as one string. */
export async function dumpV2(factory: IDBFactory, name = 'leviers'): Promise<string> {
	const old = new Dexie(name, { indexedDB: factory, IDBKeyRange });
	old.version(1).stores(SCHEMA_VERSIONS[1]!.stores);
	old.version(2).stores(SCHEMA_VERSIONS[2]!.stores);
	await old.open();
	expect(old.verno).toBe(2);
	const tables = await Promise.all(old.tables.map(async (t) => [t.name, await t.toArray()]));
	old.close();
	return JSON.stringify(tables.sort());
}

/** Writes `data` (table → rows) into a database `name` opened at schema version 2. */
export async function previousRelease(
	factory: IDBFactory,
	name: string,
	data: Record<string, unknown[]>
): Promise<void> {
	const old = new Dexie(name, { indexedDB: factory, IDBKeyRange });
	old.version(1).stores(SCHEMA_VERSIONS[1]!.stores);
	old.version(2).stores(SCHEMA_VERSIONS[2]!.stores);
	await old.transaction('rw', old.tables, async () => {
		for (const [table, rows] of Object.entries(data)) await old.table(table).bulkAdd(rows);
	});
	old.close();
}

/**
 * Writes a database `name` at schema version 4 (the release before answers were gathered per
 * diagnostic): campaign `c` on déchets and eau, the diagnostics `diagnostics` (by default those
 * `rows` name) on déchets, and `rows` as they are in its `answers` table.
 */
export async function schema4Database(
	factory: IDBFactory,
	name: string,
	rows: readonly object[],
	diagnostics: string[] = [
		...new Set(rows.map((r) => String((r as { diagnosticId?: unknown }).diagnosticId)))
	]
): Promise<void> {
	const old = new Dexie(name, { indexedDB: factory, IDBKeyRange });
	for (const v of [1, 2, 3, 4]) old.version(v).stores(SCHEMA_VERSIONS[v]!.stores);
	await old.open();
	expect(old.verno).toBe(4);
	await old.table('campaigns').add({
		id: 'c',
		authority: 'A',
		label: 'L',
		modules: ['dechets', 'eau'],
		createdAt: 1,
		updatedAt: 1
	});
	for (const id of diagnostics)
		await old.table('diagnostics').add({
			id,
			campaignId: 'c',
			moduleId: 'dechets',
			questionnaireVersion: 2,
			status: 'draft',
			revision: 3,
			createdAt: 1,
			updatedAt: 2,
			origin: { kind: 'local' }
		});
	await old.table('answers').bulkAdd(rows);
	old.close();
}
