// Red team of the database opening (issue 16): the chunk of the migration rules cannot be
// fetched while a schema 2 database waits for its upgrade. The queries must fail with a French
// message (they waited forever), nothing must move, and a later open must migrate.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { expect, it, vi } from 'vitest';
import type { DiagnosticMigration } from '$lib/domain/migration/migrate';
import { LeviersDB } from './db';
import { describeStorageError } from './errors';
import { dumpV2, previousRelease, previousReleaseFixture } from './test-previous-release';

const chunk = vi.hoisted(() => ({ fails: true }));
vi.mock('$lib/domain/migration/shipped', async (original) => {
	const real = await original<{ migrateToCurrent: DiagnosticMigration }>();
	return {
		get migrateToCurrent() {
			if (chunk.fails) throw new TypeError('Failed to fetch dynamically imported module');
			return real.migrateToCurrent;
		}
	};
});

const { data } = previousReleaseFixture();

it('a first query fails in French instead of waiting forever; nothing moves; a later open migrates', async () => {
	const factory = new IDBFactory();
	await previousRelease(factory, 'leviers', data);
	const before = await dumpV2(factory);
	const db = new LeviersDB('leviers', { indexedDB: factory, IDBKeyRange });
	const late = new Promise((ok) => setTimeout(() => ok('still waiting after 5 s'), 5000));
	const outcome = await Promise.race([db.campaigns.toArray().catch((e: unknown) => e), late]);
	expect(outcome).toBeInstanceOf(Error);
	expect(describeStorageError(outcome).message).toMatch(
		/règles de mise à jour.*rien n’a été modifié/
	);
	// Not a storage failure: saving is not switched off (that would be remembered across visits).
	expect(db.writes.halted).toBeNull();
	db.close();
	expect(await dumpV2(factory)).toBe(before);

	chunk.fails = false;
	const again = new LeviersDB('leviers', { indexedDB: factory, IDBKeyRange });
	expect(await again.campaigns.count()).toBe(data.campaigns!.length);
	expect(again.verno).toBe(5);
	for (const d of data.diagnostics as { id: string }[])
		expect((await again.diagnostics.get(d.id))?.questionnaireVersion).toBe(2);
	again.close();
});
