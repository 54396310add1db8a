/**
 * Invitations to join a synchronised campaign: a link to /rejoindre whose fragment holds the
 * server, the database and the campaign id (never a password). Built and read with the URL API.
 */

export interface Invitation {
	server: string;
	database: string;
	campaignId: string;
}

/** The link a coordinator sends. */
export function invitationLink(
	origin: string,
	access: Omit<Invitation, 'campaignId'>,
	campaignId: string
): string {
	const url = new URL('/rejoindre', origin);
	url.hash = new URLSearchParams({
		serveur: access.server,
		base: access.database,
		demarche: campaignId
	}).toString();
	return url.href;
}

/** The invitation in a link's fragment, or null when it lacks a part. */
export function readInvitation(hash: string): Invitation | null {
	const params = new URLSearchParams(hash.replace(/^#/, ''));
	const server = params.get('serveur')?.trim() ?? '';
	const database = params.get('base')?.trim() ?? '';
	const campaignId = params.get('demarche')?.trim() ?? '';
	if (!server || !database || !/^[A-Za-z0-9_-]{1,100}$/.test(campaignId)) return null;
	return { server: server.slice(0, 500), database: database.slice(0, 240), campaignId };
}
