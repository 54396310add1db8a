/**
 * The app's database as soon as some page has loaded it, for the modules every page loads (the
 * storage banner, the write counter) that must not load Dexie themselves (issue 16: the home
 * page reads without it). db.ts announces its instance when it is evaluated, before any query.
 */
import type { WriteGate } from './write-gate';

/** What those modules use of the database before they load it themselves. */
export interface Announced {
	readonly writes: WriteGate;
	/** Dexie's close: `disableAutoOpen`, no query reopens it, only an explicit `open()`. */
	close(options: { disableAutoOpen: boolean }): void;
}

let loaded: Announced | undefined;
const waiting: ((db: Announced) => void)[] = [];
/** Loads under way that only write (or lift a halt) for a page that reads without Dexie. */
let writeLoads = 0;
let forWrites = false;

/** Called once by db.ts with the app's instance. */
export function announceDatabase(db: Announced): void {
	loaded = db;
	forWrites = writeLoads > 0;
	for (const callback of waiting.splice(0)) callback(db);
}

/** Runs `callback` with the database now if it is loaded, else as soon as it is. */
export function onDatabase(callback: (db: Announced) => void): void {
	if (loaded) callback(loaded);
	else waiting.push(callback);
}

/**
 * Runs `load`, which loads the database for writes only (a page reading without Dexie, its
 * first write; the storage banner, to lift a halt): if it is announced meanwhile, no read of
 * the page went through it, so a halt then is no reason to reload the page (storage-health).
 */
export async function loadForWrites<T>(load: () => Promise<T>): Promise<T> {
	writeLoads++;
	try {
		return await load();
	} finally {
		writeLoads--;
	}
}

/** Whether the database was loaded by `loadForWrites` (no read of the page went through it). */
export function loadedForWrites(): boolean {
	return forWrites;
}

/** The database if some page loaded it, else undefined. */
export function loadedDatabase(): Announced | undefined {
	return loaded;
}

/** An event without data: its emitter, and its subscription (which returns the removal). */
function signal(): [emit: () => void, on: (listener: () => void) => () => void] {
	const listeners = new Set<() => void>();
	return [
		() => [...listeners].forEach((listener) => listener()),
		(listener) => (listeners.add(listener), () => void listeners.delete(listener))
	];
}

/**
 * The browser closed a plain connection of light-read.ts (site data erased, a failed disk
 * write): told to the storage banner and to the light reads, as Dexie's close is. `connectionLost`
 * is called by light-read.ts.
 */
export const [connectionLost, onConnectionLost] = signal();

/**
 * Writes resumed after a halt (« Réessayer », here or in another tab): the light reads read again,
 * those refused meanwhile and those that missed a change. `storageResumed` is called by the
 * storage health.
 */
export const [storageResumed, onStorageResumed] = signal();

let refused = false;

/** A read of the page was refused under a halt and is not read again by itself. */
export function readRefused(): void {
	refused = true;
}

/** Whether `readRefused` was called since the last call. */
export function takeReadRefused(): boolean {
	const was = refused;
	refused = false;
	return was;
}
