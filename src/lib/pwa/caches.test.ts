import { afterEach, describe, expect, it, vi } from 'vitest';
import { answerVersionQueries, pruneCaches } from './caches';

function fakeCaches(names: string[]) {
	const store = new Set(names);
	vi.stubGlobal('caches', {
		keys: async () => [...store],
		delete: async (k: string) => store.delete(k)
	});
	return store;
}

afterEach(() => vi.unstubAllGlobals());

describe('pruneCaches', () => {
	it('deletes older builds nobody runs, keeps the ones open tabs run and newer ones', async () => {
		const store = fakeCaches(['leviers-100', 'leviers-200', 'leviers-300', 'leviers-400', 'other']);
		const otherTab = answerVersionQueries('200');
		try {
			const deleted = await pruneCaches('300', 50);
			expect(deleted).toEqual(['leviers-100']);
			// 200 is open in another tab; 400 waits to be accepted; "other" is not ours.
			expect([...store].sort()).toEqual(['leviers-200', 'leviers-300', 'leviers-400', 'other']);
		} finally {
			otherTab();
		}
	});

	it('deletes the previous build once its last tab is gone', async () => {
		const store = fakeCaches(['leviers-200', 'leviers-300']);
		expect(await pruneCaches('300', 20)).toEqual(['leviers-200']);
		expect([...store]).toEqual(['leviers-300']);
	});

	it('never deletes a cache whose version it cannot compare', async () => {
		const store = fakeCaches(['leviers-dev', 'leviers-300']);
		await pruneCaches('300', 20);
		expect([...store].sort()).toEqual(['leviers-300', 'leviers-dev']);
	});
});
