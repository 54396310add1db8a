/**
 * Persistent storage: asks the browser not to evict the answers, and reports usage.
 */

let asked = false;

/** Asks once per page load for persistent storage; never throws. */
export async function requestPersistence(): Promise<boolean | undefined> {
	if (asked || typeof navigator === 'undefined' || !navigator.storage?.persist) return undefined;
	asked = true;
	try {
		if (await navigator.storage.persisted()) return true;
		return await navigator.storage.persist();
	} catch {
		// Refusal or an unsupported browser only means storage stays "best effort".
		return false;
	}
}

/** What the Données page shows about storage. */
export interface StorageStatus {
	/** null when the browser cannot tell. */
	persisted: boolean | null;
	usage: number | null;
	quota: number | null;
}

/** Reads whether storage is persistent and how much is used and available. */
export async function storageStatus(): Promise<StorageStatus> {
	const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
	const persisted = storage?.persisted ? await storage.persisted().catch(() => null) : null;
	const estimate = storage?.estimate ? await storage.estimate().catch(() => null) : null;
	return { persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
}
