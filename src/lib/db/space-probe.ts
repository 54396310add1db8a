/**
 * What "Réessayer" does before any write after a storage failure: check that the disk has room,
 * then make Chromium's LevelDB start a clean log, so that the torn record the failure left
 * behind is never followed by new data (see write-gate.ts for why that deletes the database).
 */
import { DB_NAME } from './names';

const MB = 1024 * 1024;
/**
 * Written (then deleted) into a scratch database: LevelDB starts a new log once its write buffer
 * is full, measured after about 4.1 MB of incompressible data (Chromium 156), hence 6 MB.
 */
const FILLER_BYTES = 6 * MB;
const PROBE_FILE = 'leviers-place-libre.tmp';
/** Pieces of the filler: LevelDB keeps them in its log (larger values go to files of their own). */
const PIECE_BYTES = 32 * 1024;
const FILLER_DB = `${DB_NAME}-relance`;

/** Bytes that must be free before writing again: the filler twice, and room for a copy of the data. */
export async function neededBytes(): Promise<number> {
	const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
	const details = (estimate as { usageDetails?: { indexedDB?: number } } | undefined)?.usageDetails;
	return 2 * FILLER_BYTES + 2 * (details?.indexedDB ?? estimate?.usage ?? 0);
}

/**
 * Whether `bytes` can be written to the disk, tried in the origin's private file system, away
 * from IndexedDB (the browser's quota estimate does not follow the disk's free space); null when
 * this browser has no such file system.
 */
export async function hasFreeSpace(bytes: number): Promise<boolean | null> {
	if (!navigator.storage?.getDirectory) return null;
	const chunk = new Uint8Array(MB);
	let root: FileSystemDirectoryHandle | undefined;
	try {
		// On a full disk even opening the file system can fail: that is a "no" too.
		root = await navigator.storage.getDirectory();
		const file = await root.getFileHandle(PROBE_FILE, { create: true });
		const out = await file.createWritable();
		try {
			for (let done = 0; done < bytes; done += MB) await out.write(chunk);
			await out.close();
		} catch (e) {
			await out.abort().catch(() => undefined);
			throw e;
		}
		return true;
	} catch {
		return false;
	} finally {
		await root?.removeEntry(PROBE_FILE).catch(() => undefined);
	}
}

function request<T>(r: IDBRequest<T>): Promise<T> {
	return new Promise((ok, ko) => {
		r.onsuccess = () => ok(r.result);
		r.onerror = () => ko(r.error);
	});
}

/**
 * Writes FILLER_BYTES into a scratch database of the same origin, then deletes it: LevelDB
 * fills its write buffer, flushes it to a table file and starts a new log, dropping the old one.
 */
export async function startCleanLog(factory: IDBFactory = indexedDB): Promise<void> {
	const open = factory.open(FILLER_DB, 1);
	open.onupgradeneeded = () => open.result.createObjectStore('filler');
	const scratch = await request(open);
	try {
		// Random bytes, in pieces small enough to stay in LevelDB's log: Chromium compresses a
		// repeated string (4 MB of 'x' grew the log by 0.2 MB and started no new one) and keeps
		// large values in files of their own (red team, Chromium 156; measured: 128 random
		// pieces of 32 kB start a new log after about 4.1 MB).
		const piece = new Uint8Array(PIECE_BYTES);
		for (let i = 0; i * PIECE_BYTES < FILLER_BYTES; i++) {
			crypto.getRandomValues(piece);
			const tx = scratch.transaction('filler', 'readwrite', { durability: 'strict' });
			tx.objectStore('filler').put(piece, i);
			await new Promise<void>((ok, ko) => {
				tx.oncomplete = () => ok();
				tx.onabort = () => ko(tx.error);
			});
		}
	} finally {
		scratch.close();
		await request(factory.deleteDatabase(FILLER_DB)).catch(() => undefined);
	}
}
