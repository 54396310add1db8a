/**
 * Joining a synchronised campaign from an invitation: check the server with the person's own
 * credentials, read the campaign's document there, import it through the file reader and the
 * import's rules (nothing from a server is trusted more than a file), then keep the settings on
 * this device and start synchronising.
 */
import { APP_NAME, APP_VERSION } from '$lib/app-info';
import { db } from '$lib/db/db';
import { previewImport } from '$lib/db/exchange';
import { queries } from '$lib/db/queries';
import { repository } from '$lib/db/repository';
import { syncSettings } from '$lib/db/sync-settings';
import { loadModules } from '$lib/domain/content/load';
import { resolveImport } from '$lib/domain/exchange/resolve';
import { docsToExportText, syncDocId } from '$lib/domain/sync/documents';
import { basicAuth, checkConnection, databaseUrl } from '$lib/sync/connection';
import type { Invitation } from '$lib/sync/invitation';
import { syncManager } from '$lib/sync/manager.svelte';

/** Joins; resolves to a French problem, or null once the campaign is on this device. */
export async function join(
	invitation: Invitation,
	username: string,
	password: string
): Promise<string | null> {
	const access = { ...invitation, username, password };
	const check = await checkConnection(access, location.protocol);
	if (!check.ok) return check.problem.message;
	if (!(await queries.getCampaign(invitation.campaignId))) {
		const base = databaseUrl(access, location.protocol);
		if (!(base instanceof URL)) return base.message;
		const url = new URL(
			encodeURIComponent(syncDocId('campaign', invitation.campaignId)),
			`${base.href}/`
		);
		const response = await fetch(url, {
			headers: { Authorization: basicAuth(username.trim(), password), Accept: 'application/json' },
			credentials: 'omit',
			cache: 'no-store'
		});
		if (response.status === 404)
			return 'Cette démarche n’est pas sur le serveur. Vérifiez le lien avec la personne qui vous l’a envoyé.';
		if (!response.ok) return `Le serveur a répondu par une erreur (${response.status}).`;
		const device = await repository.deviceId();
		const { text, setAside } = docsToExportText([await response.json()], {
			now: Date.now(),
			device,
			app: { name: APP_NAME, version: APP_VERSION }
		});
		if (setAside.length)
			return `La démarche du serveur est illisible\u202f: ${setAside[0]!.reason}`;
		const preview = await previewImport(db, text, {
			fileName: 'Invitation',
			now: Date.now(),
			modules: await loadModules()
		});
		if (!preview.ok) return preview.problem.message;
		const writes = resolveImport(
			preview.plan,
			{ campaigns: new Map(), conflicts: new Map() },
			{ device, newId: () => crypto.randomUUID(), now: Date.now() }
		);
		if (!writes.campaigns.some((c) => c.id === invitation.campaignId))
			return 'La démarche du serveur est illisible.';
		await repository.applyImport(writes);
	}
	await syncSettings.save({
		campaignId: invitation.campaignId,
		server: invitation.server,
		database: invitation.database,
		username: username.trim(),
		password,
		role: 'service',
		paused: false,
		createdAt: Date.now()
	});
	await syncManager.restart(invitation.campaignId);
	return null;
}
