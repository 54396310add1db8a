/**
 * The state of a two-way replication from its two directions. PouchDB's two-way object emits
 * 'paused' without the error (a server out of reach would read « Synchronisé »): each direction's
 * own 'paused' carries it, so both are followed.
 */
import type { Emitter } from 'pouchdb-core';
import { replicationError, type SyncState } from './state';

export function followWays(
	sync: { push: Emitter; pull: Emitter },
	set: (patch: Partial<SyncState>) => void
): void {
	const ways = {
		push: { paused: false, err: null as unknown },
		pull: { paused: false, err: null as unknown }
	};
	const update = () => {
		const err = ways.push.err ?? ways.pull.err;
		if (err) return set(replicationError(err));
		if (ways.push.paused && ways.pull.paused)
			set({ phase: 'synced', error: null, lastSyncedAt: Date.now() });
		else set({ phase: 'active', error: null });
	};
	for (const way of ['push', 'pull'] as const) {
		sync[way]
			.on('paused', (err: unknown) => {
				ways[way] = { paused: true, err: err ?? null };
				update();
			})
			.on('active', () => {
				ways[way] = { paused: false, err: null };
				update();
			});
	}
}
