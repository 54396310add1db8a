/**
 * Whether the app may write: after a storage failure every write stops (write-gate.ts) until
 * the user frees space and asks to retry; after site data was erased under the page, the user
 * is sent to restore a backup. The halt outlives a reload and is shared with the other tabs,
 * since writing again from anywhere, before the probe, is what loses the database.
 */
import type { LeviersDB } from '$lib/db/db';
import {
	loadForWrites,
	loadedDatabase,
	loadedForWrites,
	onConnectionLost,
	onDatabase,
	storageResumed,
	takeReadRefused,
	type Announced
} from '$lib/db/loaded';
import { HALT_FLAG, readHaltFlag, tornLog, writeHaltFlag } from '$lib/db/halt-flag';
import { DB_NAME } from '$lib/db/names';
import { hasFreeSpace, neededBytes, startCleanLog } from '$lib/db/space-probe';
import type { StorageFailure } from '$lib/db/write-gate';
import { formatBytes } from '$lib/format';
import { flushAndSettle } from './writes.svelte';

/** Where storage stands, as the banner shows it. */
export type Health =
	| { state: 'ok' }
	| { state: 'halted'; cause: StorageFailure; earlier: boolean }
	| { state: 'erased' }
	/** Writes resumed; the page could not read during the halt: it offers to load again. */
	| { state: 'reread' };

/** The app's storage health. */
export class StorageHealth {
	#current = $state<Health>({ state: 'ok' });
	/** True while "Réessayer" is probing. */
	retrying = $state(false);
	/** Why the last retry did not resume writes. */
	retryProblem = $state('');
	/** The database was closed before this page could read it: on resume, the page offers to load again. */
	#readsRefused = false;

	/**
	 * Follows the gate of the database once a page loads it (the home page reads without it): a
	 * halt remembered before (in this page or in localStorage) is applied to it at once, before
	 * any write can start, the fold of old rows at its open included.
	 */
	constructor() {
		onDatabase((db) => {
			// From the flag too: a page's load may open the database before the layout's start().
			const cause = this.#current.state === 'halted' ? this.#current.cause : readHaltFlag();
			if (cause) db.writes.halt(cause);
			// A failed disk write before (another visit, another tab): the store is not opened,
			// not even to read, until « Réessayer » (halt-flag.ts, tornLog). Loaded to write or to
			// lift the halt by a page that reads without Dexie: its reads read again on resume.
			if (tornLog(cause)) this.#closeForGood(db, !loadedForWrites());
			db.writes.subscribe(() => this.#onGate(db));
		});
		// The home page's plain connection closed by the browser: as Dexie's close (db.ts).
		onConnectionLost(() => {
			if (this.#current.state !== 'halted') this.#halt('closed', false);
		});
	}

	/** Where storage stands. */
	get current(): Health {
		return this.#current;
	}

	/** Picks up a halt left by an earlier visit or another tab; call once in the browser. */
	start(): void {
		const saved = readHaltFlag();
		if (saved) this.#halt(saved, true);
		window.addEventListener('storage', (e) => {
			if (e.key !== HALT_FLAG) return;
			const cause = readHaltFlag();
			if (cause) this.#halt(cause, true);
			else if (this.#current.state === 'halted') void this.#resumed();
		});
	}

	/**
	 * Closes the database without letting Dexie reopen it. `unread`: before the page could read
	 * it, so the page offers to load again once it reopens (else what it shows, drafts too, stays).
	 */
	#closeForGood(db: Announced, unread: boolean): void {
		db.close({ disableAutoOpen: true });
		this.#readsRefused ||= unread;
	}

	#onGate(db: Announced): void {
		const cause = db.writes.halted;
		if (cause && this.#current.state !== 'halted') this.#halt(cause, false);
	}

	#halt(cause: StorageFailure, earlier: boolean): void {
		// The first cause stays, here and in the flag (another tab's « closed » must not replace
		// a full disk: both mean the store is not to be opened, but the banner says which).
		if (this.#current.state === 'halted') return;
		// Not loaded yet: the constructor's subscriber applies the halt then, if it still holds.
		const db = loadedDatabase();
		db?.writes.halt(cause);
		// Closed already when this page's own write failed (db.ts); closing again is harmless.
		if (db) this.#closeForGood(db, false);
		this.#current = { state: 'halted', cause, earlier };
		if (!earlier && !readHaltFlag()) writeHaltFlag(cause);
		void this.#check(cause);
	}

	/**
	 * Tells an erased database from a failing one. Nothing else is read back: the database stays
	 * closed until « Réessayer » (db.ts).
	 */
	async #check(cause: StorageFailure): Promise<void> {
		if (cause !== 'closed' || !(await this.#erased())) return;
		const db = await database();
		writeHaltFlag(null);
		db.writes.resume();
		// Nothing left to tear: open again (empty), for the import of a backup.
		await this.#reopen(db).catch(() => undefined);
		this.#current = { state: 'erased' };
	}

	/** Told by the browser's list of databases only: counting would open the store. */
	async #erased(): Promise<boolean> {
		// Asked from the close event itself, while the browser erases, Chromium never answers.
		await new Promise((ok) => setTimeout(ok, 200));
		const listed = await withTimeout(indexedDB.databases?.());
		return !!listed && !listed.some((d) => d.name === DB_NAME);
	}

	/** Checks for space, makes the storage safe to write again, resumes and saves what waits. */
	async retry(): Promise<void> {
		this.retrying = true;
		this.retryProblem = '';
		try {
			const needed = await neededBytes();
			if ((await hasFreeSpace(needed)) === false) {
				this.retryProblem = `Il n’y a toujours pas assez de place\u202f: libérez au moins ${formatBytes(needed)} sur l’appareil, puis réessayez.`;
				return;
			}
			await startCleanLog();
			await this.#reopen(await database());
		} catch {
			this.retryProblem =
				'Le stockage de l’appareil refuse toujours d’écrire\u202f: libérez de l’espace, puis réessayez.';
			return;
		} finally {
			this.retrying = false;
		}
		writeHaltFlag(null);
		await this.#resumed();
	}

	// After the browser closed the connection, Dexie does not open it again by itself.
	async #reopen(db: LeviersDB): Promise<void> {
		if (!db.isOpen()) await db.open();
	}

	async #resumed(): Promise<void> {
		const db = await database();
		// Resumed from another tab: this page's connection was closed for good meanwhile. If it
		// cannot open again, writes stay halted here (they would fail and halt every tab again).
		try {
			await this.#reopen(db);
		} catch {
			this.retryProblem =
				'Le stockage de l’appareil refuse toujours d’écrire\u202f: libérez de l’espace, puis réessayez.';
			return;
		}
		db.writes.resume();
		// Not reloaded by itself: a form typed meanwhile would be lost. Light reads read again.
		const reread = takeReadRefused() || this.#readsRefused;
		this.#current = reread ? { state: 'reread' } : { state: 'ok' };
		storageResumed();
		if (!(await flushAndSettle()) && !db.writes.halted)
			this.retryProblem = 'Certains changements n’ont pas pu être enregistrés\u202f: voir la page.';
	}
}

/** The app's database, loading Dexie if no page did yet (a halt to check or to lift). */
async function database(): Promise<LeviersDB> {
	return (await loadForWrites(() => import('$lib/db/db'))).db;
}

/** The result of `p`, or undefined if it fails or takes more than two seconds. */
function withTimeout<T>(p: Promise<T> | undefined): Promise<T | undefined> {
	const late = new Promise<undefined>((ok) => setTimeout(() => ok(undefined), 2000));
	return Promise.race([(p ?? Promise.resolve(undefined)).catch(() => undefined), late]);
}

/** The app's storage health, over the app's database. */
export const storageHealth = new StorageHealth();
