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

/** Called once by db.ts with the app's instance. */
export function announceDatabase(db: Announced): void {
	loaded = db;
	for (const callback of waiting.splice(0)) callback(db);
}

/** Runs `callback` with the database now if it is loaded, else as soon as it is. */
export function onDatabase(callback: (db: Announced) => void): void {
	if (loaded) callback(loaded);
	else waiting.push(callback);
}

/** The database if some page loaded it, else undefined. */
export function loadedDatabase(): Announced | undefined {
	return loaded;
}

// The browser closed a plain connection of light-read.ts (site data erased, a failed disk
// write): told to the storage banner and to the light reads, as Dexie's close is.
const lostListeners = new Set<() => void>();

/** Called by light-read.ts when the browser closed its connection. */
export function connectionLost(): void {
	for (const listener of [...lostListeners]) listener();
}

/** Calls `listener` whenever the browser closes a connection of light-read.ts; returns its removal. */
export function onConnectionLost(listener: () => void): () => void {
	lostListeners.add(listener);
	return () => lostListeners.delete(listener);
}
