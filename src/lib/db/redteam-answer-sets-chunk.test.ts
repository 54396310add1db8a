// Red team of schema 5: its upgrade needs no migration rules. A schema 4 database opens, offline,
// when the rules' chunk cannot be fetched and the browser cannot list its databases.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Dexie } from 'dexie';
import { expect, it, vi } from 'vitest';
import { LeviersDB, SCHEMA_VERSIONS } from './db';
import { Queries } from './queries';

vi.mock('$lib/domain/migration/shipped', () => ({
	get migrateToCurrent() {
		throw new TypeError('Failed to fetch dynamically imported module');
	}
}));

it('a schema 4 database is upgraded without the rules, whatever databases() says', async () => {
	const factory = new IDBFactory();
	const old = new Dexie('leviers', { indexedDB: factory, IDBKeyRange });
	for (const v of [1, 2, 3, 4]) old.version(v).stores(SCHEMA_VERSIONS[v]!.stores);
	await old.open();
	await old.table('answers').add({ diagnosticId: 'd', questionId: 'q', value: 2, changedAt: 9 });
	old.close();
	// No databases(): the database cannot say its version, so the rules are asked for (and fail).
	const blind = new Proxy(factory, {
		get(target, key) {
			if (key === 'databases') return undefined;
			const value = Reflect.get(target, key, target) as unknown;
			return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
		}
	});
	const db = new LeviersDB('leviers', { indexedDB: blind, IDBKeyRange });
	await db.open();
	expect(db.verno).toBe(5);
	expect(await new Queries(db).answerRows('d')).toEqual([
		{ diagnosticId: 'd', questionId: 'q', value: 2, changedAt: 9 }
	]);
	expect(db.writes.halted).toBeNull();
	db.close();
});
