/**
 * Applies the writes of an import in one transaction: all or nothing, diagnostics and actions
 * alike. The transaction first checks that the device still holds what the preview was made
 * against (another tab may have changed a diagnostic or an action meanwhile), so a decision is
 * never applied to data the user did not see.
 */
import type { ImportWrites } from '$lib/domain/exchange/resolve';
import { actionProblems } from '$lib/domain/plan/action';
import { answerSet, type AnswerSet } from './answer-sets';
import type { LeviersDB } from './db';
import { META } from './queries';
import { RepositoryError, StalePreviewError } from './errors';

/** Diagnostics written per step, between two progress reports. */
const IMPORT_CHUNK = 100;

const CHANGED =
	'Les données de cet appareil ont changé depuis l’aperçu (dans un autre onglet\u202f?). Rien n’a été importé\u202f: relancez l’import pour voir un aperçu à jour.';

/** Performs the writes; `onProgress` receives how many diagnostics are written so far. */
export async function applyImportWrites(
	db: LeviersDB,
	writes: ImportWrites,
	now: number,
	onProgress?: (done: number, total: number) => void
): Promise<void> {
	// The preview already set aside what breaks the rules: this only guards against a bug there.
	for (const { action } of writes.actions) {
		const [problem] = actionProblems(action);
		if (problem)
			throw new RepositoryError(`«\u202f${action.title.slice(0, 80)}\u202f»\u202f: ${problem}`);
	}
	const { campaigns, diagnostics, answerSets, meta, actions } = db;
	const total = writes.diagnostics.length;
	await db.transaction('rw', [campaigns, diagnostics, answerSets, meta, actions], async () => {
		const current = await diagnostics.bulkGet(writes.diagnostics.map((w) => w.diagnostic.id));
		if (writes.diagnostics.some((w, i) => (current[i]?.revision ?? null) !== w.replaces))
			throw new StalePreviewError(CHANGED);
		const stored = await actions.bulkGet(writes.actions.map((w) => w.action.id));
		if (writes.actions.some((w, i) => (stored[i]?.revision ?? null) !== w.replaces))
			throw new StalePreviewError(CHANGED);
		if ((await campaigns.bulkGet(writes.campaigns.map((c) => c.id))).some(Boolean))
			throw new StalePreviewError(CHANGED);
		await campaigns.bulkAdd(writes.campaigns);
		for (const { campaignId, modules } of writes.extend) {
			const campaign = await campaigns.get(campaignId);
			if (!campaign) continue; // reported just below
			const missing = modules.filter((m) => !campaign.modules.includes(m));
			if (missing.length)
				await campaigns.update(campaignId, { modules: [...campaign.modules, ...missing] });
		}
		const targets = [
			...new Set([
				...writes.diagnostics.map((w) => w.diagnostic.campaignId),
				...writes.actions.map((w) => w.action.campaignId)
			])
		];
		if ((await campaigns.bulkGet(targets)).some((c) => c === undefined))
			throw new RepositoryError(
				'La démarche choisie pour ces diagnostics ou ces actions n’existe plus sur cet appareil. Rien n’a été importé\u202f: relancez l’import.'
			);
		await actions.bulkPut(writes.actions.map((w) => w.action));
		// The sets of the replaced diagnostics, and any set a new one finds left without its
		// diagnostic (schema 4's rows of a deleted one, kept by the upgrade, never shown): gone.
		// Still added below, not put: one diagnostic written twice is a bug, and fails.
		await answerSets.bulkDelete(writes.diagnostics.map((w) => w.diagnostic.id));
		onProgress?.(0, total);
		// Every chunk is queued at once: IndexedDB runs a transaction's requests in order, and
		// waiting for each chunk before queuing the next leaves the database idle in between.
		let done = 0;
		const chunks: Promise<void>[] = [];
		for (let start = 0; start < total; start += IMPORT_CHUNK) {
			const chunk = writes.diagnostics.slice(start, start + IMPORT_CHUNK);
			const sets = chunk
				.map((w) => answerSet(w.diagnostic.id, w.answers))
				.filter((set): set is AnswerSet => set !== null);
			const written = Promise.all([
				diagnostics.bulkPut(chunk.map((w) => w.diagnostic)),
				answerSets.bulkAdd(sets)
			]);
			chunks.push(
				written.then(() => {
					done += chunk.length;
					onProgress?.(done, total);
				})
			);
		}
		await Promise.all(chunks);
		await meta.put({ key: META.lastImport, value: now });
	});
}
