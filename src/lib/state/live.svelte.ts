/**
 * Bridges a Dexie liveQuery into Svelte's reactivity: reading `current` inside an effect or a
 * template subscribes to the query, which re-runs whenever the tables it read change (in this
 * tab or another one), and unsubscribes when nothing reads it any more.
 */
import { liveQuery } from 'dexie';
import { RepositoryError } from '$lib/db/errors';
import { NOT_READ, readHaltFlag, tornLog } from '$lib/db/halt-flag';
import { loadedDatabase } from '$lib/db/loaded';
import { createSubscriber } from 'svelte/reactivity';

/** A live query result with its loading and error states. */
export class Live<T> {
	#value: T | undefined = undefined;
	#error: unknown = undefined;
	#loading = true;
	readonly #subscribe: () => void;

	/**
	 * `initial`: a result of the same query read just before (a page's load), shown until the
	 * live one arrives, so that the page need not wait for a second read to show it.
	 */
	constructor(query: () => Promise<T>, initial?: { value: T }) {
		if (initial) [this.#value, this.#loading] = [initial.value, false];
		this.#subscribe = createSubscriber((update) => {
			const subscription = liveQuery(() => query().catch(refusedWhileHalted)).subscribe({
				next: (value) => {
					this.#value = value;
					this.#error = undefined;
					this.#loading = false;
					update();
				},
				error: (error: unknown) => {
					this.#error = error;
					this.#loading = false;
					update();
				}
			});
			return () => subscription.unsubscribe();
		});
	}

	/** The latest result, undefined while loading. */
	get current(): T | undefined {
		this.#subscribe();
		return this.#value;
	}

	/** True until the first result or error (or while no `initial` was given). */
	get loading(): boolean {
		this.#subscribe();
		return this.#loading;
	}

	/** The last error, if the query failed. */
	get error(): unknown {
		this.#subscribe();
		return this.#error;
	}
}

/**
 * Dexie's live queries drop a DatabaseClosedError silently (they wait for the reopen): after a
 * storage failure the database stays closed until « Réessayer » (db.ts), and the page would say
 * « Chargement… » for ever. Then the error is one the page shows, in French.
 */
function refusedWhileHalted(e: unknown): never {
	const closed = (e as { name?: unknown } | null)?.name === 'DatabaseClosedError';
	const halted = !!loadedDatabase()?.writes.halted || tornLog(readHaltFlag());
	throw closed && halted ? new RepositoryError(NOT_READ) : e;
}
