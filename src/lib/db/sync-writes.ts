/**
 * The writes only synchronisation makes (issue 15), bound to one database: a deletion made on
 * another device that this device's user confirmed, and a campaign renamed elsewhere.
 */
import type { Campaign } from '$lib/domain/answers';
import { db as defaultDb, type LeviersDB } from './db';
import { checkCampaignTexts } from './write-rules';

export class SyncWrites {
	readonly #db: LeviersDB;
	constructor(db: LeviersDB) {
		this.#db = db;
	}

	/** Deletes one diagnostic with its answers, in one transaction. */
	async deleteDiagnostic(id: string): Promise<void> {
		const { diagnostics, answers } = this.#db;
		await this.#db.transaction('rw', [diagnostics, answers], async () => {
			await answers.where('diagnosticId').equals(id).delete();
			await diagnostics.delete(id);
		});
	}

	/**
	 * Takes the name, label and modules of a campaign from the server when its copy is newer
	 * (the coordinator renamed it or added a module; an import keeps the device's). The copy's
	 * date is kept, so that this device does not send it back; a campaign changed here since is
	 * left alone. True when the campaign changed.
	 */
	async refreshCampaign(from: Campaign): Promise<boolean> {
		checkCampaignTexts(from);
		return this.#db.transaction('rw', this.#db.campaigns, async () => {
			const mine = await this.#db.campaigns.get(from.id);
			if (!mine || mine.updatedAt >= from.updatedAt) return false;
			const { authority, label, modules, updatedAt } = from;
			await this.#db.campaigns.put({ ...mine, authority, label, modules, updatedAt });
			return true;
		});
	}
}

export const syncWrites = new SyncWrites(defaultDb);
