/**
 * Stops every write to the database at the first storage failure (full disk, I/O error, a
 * connection closed by the browser), until the user asks to resume.
 *
 * Why: on a full disk, Chromium's IndexedDB (LevelDB) leaves a torn record at the end of its
 * log. That alone loses nothing, but the next write that succeeds (once space is freed, in the
 * same page or after a reload) is appended behind it; the next time the browser opens the
 * store it finds the log corrupt and deletes the whole database. So nothing is written again
 * until `space-probe.ts` has checked for space and made LevelDB start a clean log.
 */
import type { DBCore, Middleware } from 'dexie';
import { RepositoryError } from './errors';

/** Why writes stopped: no space, a failure of the storage, or a connection the browser closed. */
export type StorageFailure = 'quota' | 'io' | 'closed';

/** Thrown instead of starting a write while writes are halted. */
export class WritesHaltedError extends Error {
	override name = 'WritesHaltedError';
	constructor() {
		super('Les enregistrements sont suspendus après une erreur du stockage de l’appareil.');
	}
}

// Chromium reports a failed disk write as an UnknownError ("Internal error").
const IO_ERRORS = ['UnknownError', 'NotReadableError'];

/** The kind of storage failure an error from IndexedDB is, or null for any other error. */
export function storageFailureKind(e: unknown): StorageFailure | null {
	let cur: unknown = e;
	for (let i = 0; i < 4 && cur && typeof cur === 'object'; i++) {
		const { name, inner } = cur as { name?: unknown; inner?: unknown };
		if (cur instanceof RepositoryError || cur instanceof WritesHaltedError) return null;
		if (name === 'QuotaExceededError') return 'quota';
		if (typeof name === 'string' && IO_ERRORS.includes(name)) return 'io';
		if (
			name === 'DatabaseClosedError' ||
			name === 'OpenFailedError' ||
			name === 'InvalidStateError'
		)
			return 'closed';
		cur = inner;
	}
	return null;
}

/** The switch that lets writes through or not; one per database. */
export class WriteGate {
	#halted: StorageFailure | null = null;
	// Listeners are bookkeeping: a plain Set.
	readonly #listeners = new Set<() => void>();
	readonly #onFailure: ((kind: StorageFailure) => void) | undefined;

	/** Why writes are halted, or null while they go through. */
	get halted(): StorageFailure | null {
		return this.#halted;
	}

	/** Stops writes; the first cause is kept. */
	halt(kind: StorageFailure): void {
		if (this.#halted) return;
		this.#halted = kind;
		this.#notify();
	}

	/** `onFailure`: called with each storage failure reported (not with a halt from elsewhere). */
	constructor(onFailure?: (kind: StorageFailure) => void) {
		this.#onFailure = onFailure;
	}

	/** Halts writes when `e` is a storage failure; returns its kind. */
	report(e: unknown): StorageFailure | null {
		const kind = storageFailureKind(e);
		if (kind) {
			this.halt(kind);
			this.#onFailure?.(kind);
		}
		return kind;
	}

	/** Lets writes through again. */
	resume(): void {
		if (!this.#halted) return;
		this.#halted = null;
		this.#notify();
	}

	/** Calls `listener` on every change; returns its unsubscription. */
	subscribe(listener: () => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	#notify(): void {
		for (const l of this.#listeners) l();
	}

	/** The Dexie middleware: refuses read-write transactions while halted, watches the others. */
	middleware(): Middleware<DBCore> {
		return {
			stack: 'dbcore',
			name: 'WriteGate',
			create: (down) => ({
				...down,
				transaction: (stores, mode, options) => {
					if (mode === 'readwrite' && this.#halted) throw new WritesHaltedError();
					const tx = down.transaction(stores, mode, options);
					if (mode === 'readwrite' && tx instanceof EventTarget)
						tx.addEventListener('abort', () => this.report((tx as IDBTransaction).error));
					return tx;
				}
			})
		};
	}
}
