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
