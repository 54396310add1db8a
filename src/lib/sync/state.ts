/**
 * What the interface says of a campaign's synchronisation. Plain data, no PouchDB: the status
 * line reads it without loading the engine.
 */
import type { SetAsideDoc } from '$lib/domain/sync/documents';

/** A document deleted on another device, with what it is in French. */
export interface RemoteDeletion {
	docId: string;
	label: string;
}

export interface SyncState {
	phase: 'off' | 'starting' | 'active' | 'synced' | 'waiting-network' | 'error';
	/** When the last exchange with the server ended with nothing left to send. */
	lastSyncedAt: number | null;
	/** Changes written on this device that the server has not confirmed yet. */
	pending: number;
	/** Diagnostics and actions changed both here and elsewhere: the user decides. */
	conflicts: number;
	/** Documents deleted on another device that this device still holds (never deleted silently). */
	remoteDeletions: RemoteDeletion[];
	/**
	 * Changes of this device the server would refuse from it (a service head's change of the
	 * campaign or of the plan): kept here, not sent.
	 */
	notSent: number;
	/** Documents from the server that could not be read. */
	setAside: SetAsideDoc[];
	/** Documents the server refused (rights, shape). */
	refused: SetAsideDoc[];
	/** The error in French, when phase is 'error' or 'waiting-network'. */
	error: string | null;
}

export const INITIAL_STATE: SyncState = {
	phase: 'off',
	lastSyncedAt: null,
	pending: 0,
	conflicts: 0,
	remoteDeletions: [],
	notSent: 0,
	setAside: [],
	refused: [],
	error: null
};

/** The state once the server refused a document (rights, shape): listed, the last 50. */
export function withRefused(s: SyncState, id: unknown): Partial<SyncState> {
	const docId = String(id ?? '').slice(0, 120);
	return {
		refused: [
			...s.refused.filter((r) => r.docId !== docId),
			{ docId, reason: 'refusé par le serveur (droits ou forme du document).' }
		].slice(-50)
	};
}

/** The state after a replication error, in French. */
export function replicationError(err: unknown): Partial<SyncState> {
	const status = (err as { status?: unknown } | null)?.status;
	if (status === 401)
		return {
			phase: 'error',
			error:
				'Le serveur refuse le nom d’utilisateur ou le mot de passe enregistrés sur cet appareil.'
		};
	if (status === 403)
		return { phase: 'error', error: 'Cet utilisateur n’a pas accès à la base de cette démarche.' };
	if (status === 404)
		return { phase: 'error', error: 'La base de cette démarche n’existe plus sur le serveur.' };
	return { phase: 'waiting-network', error: null };
}

/** The status line, e.g. « Synchronisé à 14 h 32 » or « 2 modifications à envoyer ». */
export function statusText(s: SyncState, now = Date.now()): string {
	void now;
	if (s.phase === 'off') return 'Synchronisation arrêtée';
	if (s.phase === 'error') return s.error ?? 'Erreur de synchronisation';
	const pending =
		s.pending > 0 ? `${s.pending} modification${s.pending > 1 ? 's' : ''} à envoyer` : '';
	if (s.phase === 'waiting-network')
		return pending ? `En attente de réseau\u202f: ${pending}` : 'En attente de réseau';
	if (s.phase === 'starting') return 'Connexion au serveur…';
	if (pending) return pending;
	if (s.phase === 'active') return 'Synchronisation en cours…';
	if (s.lastSyncedAt === null) return 'Connexion au serveur…';
	const d = new Date(s.lastSyncedAt);
	return `Synchronisé à ${d.getHours()}\u00a0h\u00a0${String(d.getMinutes()).padStart(2, '0')}`;
}
