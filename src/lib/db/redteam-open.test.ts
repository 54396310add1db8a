// Red team of the database opening (issue 16): the migration rules load only when
// `indexedDB.databases()` says the stored database is older than schema 3, or cannot say.
// A schema 2 database must be migrated whatever that answer is: missing, throwing, wrong, or none.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '$lib/domain/answers';
import { LeviersDB } from './db';
import { previousRelease, previousReleaseFixture } from './test-previous-release';

const { dump, data } = previousReleaseFixture();
const diagnostics = dump.stores.diagnostics!.records as unknown as Diagnostic[];

/** A factory whose `databases()` answers `answer` (a function: what it returns or throws). */
function lying(factory: IDBFactory, answer: (() => Promise<IDBDatabaseInfo[]>) | undefined) {
	return new Proxy(factory, {
		get(target, key) {
			if (key === 'databases') return answer;
			const value = Reflect.get(target, key, target) as unknown;
			return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
		}
	});
}

const answers: [string, (() => Promise<IDBDatabaseInfo[]>) | undefined][] = [
	['missing', undefined],
	[
		'throwing',
		() => {
			throw new Error('databases() indisponible');
		}
	],
	['rejecting', () => Promise.reject(new Error('databases() indisponible'))],
	['without the entry (stale list)', () => Promise.resolve([])],
	['with a stale version (schema 4)', () => Promise.resolve([{ name: 'leviers', version: 40 }])],
	// Chromium may never answer (storage-health.svelte.ts saw it while site data is erased).
	['never answering', () => new Promise<IDBDatabaseInfo[]>(() => {})]
];

describe('a schema 2 database is migrated whatever indexedDB.databases() answers', () => {
	for (const [label, answer] of answers)
		it(`databases() ${label}`, async () => {
			const factory = new IDBFactory();
			await previousRelease(factory, 'leviers', data);
			const db = new LeviersDB('leviers', { indexedDB: lying(factory, answer), IDBKeyRange });
			await db.open();
			expect(db.verno).toBe(5);
			for (const d of diagnostics) {
				expect((await db.diagnostics.get(d.id))?.questionnaireVersion).toBe(2);
				expect((await db.answerSets.get(d.id))?.rows.length).toBeGreaterThan(0);
			}
			db.close();
		});
});
