/** For tests only: a database as the previous release (schema version 2) left it. */
import { type IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Dexie } from 'dexie';
import { SCHEMA_VERSIONS } from './db';

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
