/**
 * The synchronisations running in this tab, and their state for the interface. Loading this
 * module loads no PouchDB: the engine is imported only for a campaign that is synchronised, and
 * the root layout imports this module only when this device has one (a localStorage flag), so a
 * device without synchronisation loads nothing of it.
 */
import { SvelteMap } from 'svelte/reactivity';
import { loadedDatabase, onDatabase } from '$lib/db/loaded';
import { syncSettings, type SyncSettings } from '$lib/db/sync-settings';
import { INITIAL_STATE, type SyncState } from './state';
import type { CampaignSync } from './engine';

const FLAG = 'leviers-sync';

/** Whether this device synchronises any campaign (read before loading anything). */
export function syncConfigured(): boolean {
	try {
		return localStorage.getItem(FLAG) === '1';
	} catch {
		return false;
	}
}

function setFlag(on: boolean): void {
	try {
		if (on) localStorage.setItem(FLAG, '1');
		else localStorage.removeItem(FLAG);
	} catch {
		// Without localStorage the layout does not start sync by itself; the campaign page does.
	}
}

class SyncManager {
	readonly states = new SvelteMap<string, SyncState>();
	readonly #running = new Map<string, CampaignSync>();
	#started = false;
	#watching = false;
	#operations: Promise<void> = Promise.resolve();

	/**
	 * Runs the manager's operations one after the other: a page that starts synchronisation while
	 * the join page restarts it must not leave two engines on one campaign (they would race each
	 * other's writes).
	 */
	#serial(operation: () => Promise<void>): Promise<void> {
		const next = this.#operations.then(operation);
		this.#operations = next.catch(() => undefined);
		return next;
	}

	/** Starts every synchronised campaign of the device (once per tab). */
	start(): Promise<void> {
		this.#watchHalts();
		// Halted (a storage failure, this visit or remembered): started on « Réessayer ».
		if (this.#started || loadedDatabase()?.writes.halted) return this.#operations;
		this.#started = true;
		return this.#serial(async () => {
			const all = await syncSettings.all();
			setFlag(all.length > 0);
			for (const s of all) if (!this.#running.has(s.campaignId)) await this.#startOne(s);
		});
	}

	/**
	 * PouchDB's replica shares the origin's store: nothing replicates while writes are halted
	 * after a storage failure (halt-flag.ts); it starts again on « Réessayer ». Watched once.
	 */
	#watchHalts(): void {
		if (this.#watching) return;
		this.#watching = true;
		onDatabase((db) =>
			db.writes.subscribe(() => {
				if (!db.writes.halted) return void this.start();
				if (!this.#started) return;
				this.#started = false;
				void this.#serial(async () => {
					for (const engine of this.#running.values()) await engine.stop();
					this.#running.clear();
				});
			})
		);
	}

	async #startOne(s: SyncSettings): Promise<void> {
		if (s.paused) {
			this.states.set(s.campaignId, { ...INITIAL_STATE });
			return;
		}
		const { CampaignSync } = await import('./engine');
		// Halted meanwhile: PouchDB's replica must not open the store.
		if (!this.#started) return;
		const engine = new CampaignSync(s, (state) => this.states.set(s.campaignId, state));
		this.#running.set(s.campaignId, engine);
		engine.start();
	}

	/** Applies a change of a campaign's settings: stops it, starts it again if it is on. */
	restart(campaignId: string): Promise<void> {
		return this.#serial(async () => {
			await this.#running.get(campaignId)?.stop();
			this.#running.delete(campaignId);
			this.states.delete(campaignId);
			const all = await syncSettings.all();
			setFlag(all.length > 0);
			const s = all.find((x) => x.campaignId === campaignId);
			if (s) await this.#startOne(s);
		});
	}

	/**
	 * After a synchronised campaign was deleted from the device: stops its engine and deletes its
	 * replica (a copy of the campaign's documents in IndexedDB). Nothing is deleted on the server.
	 */
	forget(campaignId: string): Promise<void> {
		return this.#serial(async () => {
			await this.#running.get(campaignId)?.stop();
			this.#running.delete(campaignId);
			this.states.delete(campaignId);
			setFlag((await syncSettings.all()).length > 0);
			const { localReplica } = await import('./pouch');
			await localReplica(campaignId).destroy();
		});
	}

	/** Deletes on this device documents deleted on another one (the user confirmed). */
	async applyDeletions(campaignId: string, docIds: readonly string[]): Promise<void> {
		await this.#running.get(campaignId)?.applyDeletions(docIds);
	}

	/** Keeps documents deleted on another device: they go back to the server. */
	async keep(campaignId: string, docIds: readonly string[]): Promise<void> {
		await this.#running.get(campaignId)?.keep(docIds);
	}

	/** The exchange file of what the server holds for a campaign (for the conflicts preview). */
	async inboundText(campaignId: string): Promise<string | null> {
		const engine = this.#running.get(campaignId);
		return engine ? (await engine.inboundText()).text : null;
	}
}

export const syncManager = new SyncManager();
