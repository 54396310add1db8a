/**
 * The halt of writes remembered across visits and tabs (storage-health.svelte.ts), readable
 * without Dexie (light-read.ts reads it before opening anything).
 */
import type { StorageFailure } from './write-gate';

/** The localStorage key of the halt. */
export const HALT_FLAG = 'leviers:ecritures-suspendues';

/** The halt remembered, or null. */
export function readHaltFlag(): StorageFailure | null {
	try {
		const v = globalThis.localStorage?.getItem(HALT_FLAG);
		return v === 'quota' || v === 'io' || v === 'closed' ? v : null;
	} catch {
		return null;
	}
}

// A full disk may refuse this too: the halt then lasts only as long as the page.
export function writeHaltFlag(cause: StorageFailure | null): void {
	try {
		if (cause) localStorage.setItem(HALT_FLAG, cause);
		else localStorage.removeItem(HALT_FLAG);
	} catch {
		/* see above */
	}
}

/**
 * Whether a storage failure may have left a torn record at the end of LevelDB's log: then no
 * open of the store, reads only, may come before « Réessayer » has started a clean log (each open
 * appends behind the torn record, and the next start of the browser deletes the database). Every
 * halt counts: a connection the browser closed is how Chromium reacts to a failed disk write too.
 */
export function tornLog(cause: StorageFailure | null): boolean {
	return cause !== null;
}

/** Why nothing is read while a storage failure is not retried (pages show it under the banner). */
export const NOT_READ =
	'Vos données restent sur cet appareil, mais Leviers ne les relit pas avant «\u202fRéessayer\u202f» (les relire maintenant pourrait les abîmer)\u202f: suivez les indications du bandeau en haut de la page.';
