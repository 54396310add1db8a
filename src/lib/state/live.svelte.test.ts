import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LeviersDB } from '$lib/db/db';
import { Live } from './live.svelte';

let db: LeviersDB;
let name: string;

beforeEach(() => {
	name = `live-test-${crypto.randomUUID()}`;
	db = new LeviersDB(name);
});
afterEach(async () => {
	db.close();
	await LeviersDB.delete(name);
});

/** Reads `read()` in an effect, as a template would, and records every value it shows. */
function watch<T>(read: () => T): { seen: T[]; stop: () => void } {
	const seen: T[] = [];
	const stop = $effect.root(() => {
		$effect(() => {
			seen.push(read());
		});
	});
	flushSync();
	return { seen, stop };
}

/** Waits until `check` holds, flushing Svelte's effects meanwhile. */
async function until(check: () => boolean): Promise<void> {
	for (let i = 0; i < 200 && !check(); i++) {
		await new Promise((r) => setTimeout(r, 10));
		flushSync();
	}
	expect(check()).toBe(true);
}

describe('Live bridges a Dexie liveQuery into Svelte', () => {
	it('is loading, then shows the result, then follows every change', async () => {
		await db.meta.put({ key: 'k', value: 1 });
		const live = new Live(async () => (await db.meta.get('k'))?.value);
		const { seen, stop } = watch(() => (live.loading ? 'chargement' : live.current));
		expect(seen).toEqual(['chargement']);
		await until(() => seen.at(-1) === 1);
		await db.meta.put({ key: 'k', value: 2 });
		await until(() => seen.at(-1) === 2);
		stop();
	});

	it('sees a change made through another connection (another tab)', async () => {
		const live = new Live(() => db.meta.count());
		const { seen, stop } = watch(() => live.current);
		await until(() => seen.at(-1) === 0);
		const other = new LeviersDB(name);
		await other.meta.put({ key: 'from-another-tab', value: true });
		other.close();
		await until(() => seen.at(-1) === 1);
		stop();
	});

	it('keeps the error of a failed query, and stops loading', async () => {
		const live = new Live<number>(() => Promise.reject(new Error('lecture impossible')));
		const { seen, stop } = watch(() => [live.loading, (live.error as Error | undefined)?.message]);
		await until(() => seen.at(-1)?.[1] === 'lecture impossible');
		expect(seen.at(-1)).toEqual([false, 'lecture impossible']);
		stop();
	});
});
