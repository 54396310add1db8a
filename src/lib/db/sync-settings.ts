/**
 * The synchronisation settings of campaigns (issue 15), kept in the meta table under
 * `sync:<campaignId>`: the server, the database and the credentials. They stay on this device:
 * exports read campaigns, diagnostics and actions only, never the meta table. Loading this module
 * loads no PouchDB: a page learns here whether to load the sync engine at all.
 */
import { db as defaultDb, type LeviersDB } from './db';
import { RepositoryError } from './errors';
import { deletionsKey, idsOf, keptKey, keyOf } from './sync-keys';

/** How a campaign is synchronised on this device. */
export interface SyncSettings {
	campaignId: string;
	/** The server's address, e.g. "https://couch.example.fr" (no database, no credentials). */
	server: string;
	/** The CouchDB database of the campaign. */
	database: string;
	username: string;
	password: string;
	/** « coordinator » set it up; « service » joined from an invitation. */
	role: 'coordinator' | 'service';
	/** Paused by the user: nothing is sent nor received. */
	paused: boolean;
	createdAt: number;
}

export { forgetSync, recordDeletion } from './sync-keys';
function isSettings(x: unknown): x is SyncSettings {
	if (typeof x !== 'object' || x === null) return false;
	const s = x as Record<string, unknown>;
	return (
		typeof s.campaignId === 'string' &&
		typeof s.server === 'string' &&
		typeof s.database === 'string' &&
		typeof s.username === 'string' &&
		typeof s.password === 'string' &&
		(s.role === 'coordinator' || s.role === 'service') &&
		typeof s.paused === 'boolean'
	);
}

/** Reads and writes the settings, bound to one database. */
export class SyncSettingsStore {
	readonly #db: LeviersDB;
	constructor(db: LeviersDB) {
		this.#db = db;
	}

	/** Every campaign synchronised on this device (a damaged record is ignored). */
	async all(): Promise<SyncSettings[]> {
		const rows = await this.#db.meta.where('key').startsWith(keyOf('')).toArray();
		return rows.map((r) => r.value).filter(isSettings);
	}

	async of(campaignId: string): Promise<SyncSettings | null> {
		const row = await this.#db.meta.get(keyOf(campaignId));
		return isSettings(row?.value) ? row.value : null;
	}

	/** Saves the settings of a campaign that exists on this device. */
	async save(settings: SyncSettings): Promise<void> {
		await this.#db.transaction('rw', [this.#db.campaigns, this.#db.meta], async () => {
			if (!(await this.#db.campaigns.get(settings.campaignId)))
				throw new RepositoryError('Cette démarche n’existe plus sur cet appareil.');
			await this.#db.meta.put({ key: keyOf(settings.campaignId), value: { ...settings } });
		});
	}

	async setPaused(campaignId: string, paused: boolean): Promise<void> {
		await this.#db.transaction('rw', [this.#db.meta], async () => {
			const row = await this.#db.meta.get(keyOf(campaignId));
			if (isSettings(row?.value))
				await this.#db.meta.put({ key: row.key, value: { ...row.value, paused } });
		});
	}

	/**
	 * Forgets the settings (the campaign's data on this device is kept). Deletions not sent yet
	 * are kept too: synchronised again, the device sends them rather than take the documents back.
	 */
	async remove(campaignId: string): Promise<void> {
		await this.#db.meta.delete(keyOf(campaignId));
	}

	/** The documents deleted on this device whose deletion the engine has still to send. */
	deletions(campaignId: string): Promise<string[]> {
		return this.#list(deletionsKey(campaignId));
	}

	/** Forgets deletions the engine has written to its replica (others recorded since stay). */
	forgetDeletions(campaignId: string, done: readonly string[]): Promise<void> {
		return this.#update(deletionsKey(campaignId), (ids) => ids.filter((id) => !done.includes(id)));
	}

	/**
	 * The documents deleted on another device that the user chose to keep: written again over
	 * the deletion (or, for what the server refuses from this device, kept here and no longer
	 * listed). Kept across reloads until written.
	 */
	kept(campaignId: string): Promise<string[]> {
		return this.#list(keptKey(campaignId));
	}

	keep(campaignId: string, docIds: readonly string[]): Promise<void> {
		return this.#update(keptKey(campaignId), (ids) =>
			[...ids, ...docIds.filter((id) => !ids.includes(id))].slice(-10_000)
		);
	}

	forgetKept(campaignId: string, done: readonly string[]): Promise<void> {
		return this.#update(keptKey(campaignId), (ids) => ids.filter((id) => !done.includes(id)));
	}

	async #list(key: string): Promise<string[]> {
		return idsOf((await this.#db.meta.get(key))?.value);
	}

	async #update(key: string, change: (ids: string[]) => string[]): Promise<void> {
		await this.#db.transaction('rw', [this.#db.meta], async () => {
			const before = await this.#list(key);
			const next = change(before);
			if (next.length === before.length && next.every((id, i) => id === before[i])) return;
			if (next.length) await this.#db.meta.put({ key, value: next });
			else await this.#db.meta.delete(key);
		});
	}
}

export const syncSettings = new SyncSettingsStore(defaultDb);
