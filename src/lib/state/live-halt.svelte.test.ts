// After a storage failure the database stays closed until « Réessayer » (db.ts); Dexie's live
// queries drop that error silently, and a page said « Chargement… » for ever (stop 25's review).
import { flushSync } from 'svelte';
import { afterEach, expect, it } from 'vitest';
import { db } from '$lib/db/db';
import { Live } from './live.svelte';

let stop: () => void = () => {};
afterEach(async () => {
	stop();
	db.writes.resume();
	if (!db.isOpen()) await db.open();
});

it('a page reading while writes are halted and the database closed shows why, in French', async () => {
	await db.open();
	expect(db.writes.report({ name: 'QuotaExceededError' })).toBe('quota');
	expect(db.isOpen()).toBe(false);
	const live = new Live(() => db.campaigns.toArray());
	stop = $effect.root(() => {
		$effect(() => void live.current);
	});
	for (let i = 0; i < 100 && live.loading; i++) {
		await new Promise((r) => setTimeout(r, 10));
		flushSync();
	}
	expect(live.loading).toBe(false);
	expect(String((live.error as Error | undefined)?.message)).toMatch(/ne les relit pas avant/);
});
