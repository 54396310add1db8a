/**
 * The writes only synchronisation makes (issue 15), bound to one database: a deletion made on
 * another device that this device's user confirmed, and a campaign renamed elsewhere.
 */
import type { Campaign } from '$lib/domain/answers';
import { db as defaultDb, type LeviersDB } from './db';
import { checkCampaignTexts } from './write-rules';

/**
 * A campaign copy dated later than this past the device's clock is not taken as newer: a clock
 * far ahead (or a forged date) would otherwise revert every rename made here, silently.
 */
export const CLOCK_MARGIN = 5 * 60_000;

export class SyncWrites {
	readonly #db: LeviersDB;
	constructor(db: LeviersDB) {
		this.#db = db;
	}

	/** Deletes one action (nothing recorded to send: the deletion came from the server). */
	async deleteAction(id: string): Promise<void> {
		await this.#db.actions.delete(id);
	}

	/** Deletes one diagnostic with its answers, in one transaction. */
	async deleteDiagnostic(id: string): Promise<void> {
		const { diagnostics, answerSets } = this.#db;
		await this.#db.transaction('rw', [diagnostics, answerSets], async () => {
			await answerSets.delete(id);
			await diagnostics.delete(id);
		});
	}

	/**
	 * Takes the name, label and modules of a campaign from the server when its copy is newer
	 * (the coordinator renamed it or added a module; an import keeps the device's). The copy's
	 * date is kept, so that this device does not send it back; a campaign changed here since is
	 * left alone, and so is a copy dated in the future (CLOCK_MARGIN). True when it changed.
	 */
	async refreshCampaign(from: Campaign, now: number): Promise<boolean> {
		if (from.updatedAt > now + CLOCK_MARGIN) return false;
		checkCampaignTexts(from);
		const { campaigns, diagnostics } = this.#db;
		return this.#db.transaction('rw', campaigns, diagnostics, async () => {
			const mine = await campaigns.get(from.id);
			if (!mine || mine.updatedAt >= from.updatedAt) return false;
			// A module whose diagnostic is held here stays listed (else its answers are hidden).
			const held = await diagnostics.where('campaignId').equals(from.id).toArray();
			const modules = [...from.modules];
			for (const d of held) if (!modules.includes(d.moduleId)) modules.push(d.moduleId);
			// None this version knows (a newer app's): the device keeps its own list.
			if (modules.length === 0) modules.push(...mine.modules);
			const { authority, label, updatedAt } = from;
			await campaigns.put({ ...mine, authority, label, modules, updatedAt });
			return true;
		});
	}
}

export const syncWrites = new SyncWrites(defaultDb);
