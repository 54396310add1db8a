/**
 * PouchDB as the sync engine loads it: the core, the IndexedDB adapter (the device's replica),
 * the HTTP adapter (the server) and replication; nothing else. Imported only by engine.ts, which
 * pages load dynamically when a campaign is synchronised.
 */
import PouchDB from 'pouchdb-core';
import indexeddb from 'pouchdb-adapter-indexeddb';
import http from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';
import type { Database } from 'pouchdb-core';
import { basicAuth, databaseUrl } from './connection';
import type { SyncSettings } from '$lib/db/sync-settings';

const Pouch = PouchDB.plugin(indexeddb).plugin(http).plugin(replication);

/** The device's replica of a campaign's database (an IndexedDB database of its own). */
export function localReplica(campaignId: string): Database {
	return new Pouch(`leviers-sync-${campaignId}`, { adapter: 'indexeddb', auto_compaction: true });
}

/** The server's database, with the credentials in a header (never in the address). */
export function remoteDatabase(settings: SyncSettings): Database {
	const url = databaseUrl(settings, location.protocol);
	if (!(url instanceof URL)) throw new Error(url.message);
	const authorization = basicAuth(settings.username, settings.password);
	return new Pouch(url.href, {
		adapter: 'http',
		skip_setup: true,
		fetch(input: RequestInfo | URL, init: RequestInit = {}) {
			const headers = new Headers(init.headers);
			headers.set('Authorization', authorization);
			return fetch(input, { ...init, headers, credentials: 'omit' });
		}
	});
}
