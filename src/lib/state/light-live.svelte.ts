/**
 * A live read without Dexie (light-read.ts), for the pages that must stay light: like `Live`,
 * it runs again whenever the database changes, in this tab or another one. Dexie announces each
 * committed change of its own on a BroadcastChannel that every tab of the app hears (its name is
 * Dexie's, held by an end-to-end test); the read runs again too when the page is shown again,
 * and when the browser closed the connection of the reads (site data erased).
 */
import { createSubscriber } from 'svelte/reactivity';
import { RepositoryError } from '$lib/db/errors';
import { NOT_READ } from '$lib/db/halt-flag';
import { afterFirstPaint } from '$lib/after-paint';
import { onConnectionLost, onStorageResumed } from '$lib/db/loaded';

/** Dexie 4's channel of committed changes (dexie.mjs, STORAGE_MUTATED_DOM_EVENT_NAME). */
const DEXIE_CHANGES = 'x-storagemutated-1';

/** A light live read with its loading and error states. */
export class LightLive<T> {
	#value: T | undefined = undefined;
	#error: unknown = undefined;
	#loading = true;
	readonly #subscribe: () => void;

	/**
	 * `initial`: a result of the same read made just before (a page's load), shown until the
	 * live one arrives, so that the page need not wait for a second read to show it.
	 */
	constructor(read: () => Promise<T>, initial?: { value: T }) {
		if (initial) [this.#value, this.#loading] = [initial.value, false];
		this.#subscribe = createSubscriber((update) => {
			let running = false;
			let again = false;
			let stopped = false;
			const run = async () => {
				if (running) {
					again = true;
					return;
				}
				running = true;
				try {
					const value = await read();
					if (!stopped) [this.#value, this.#error] = [value, undefined];
				} catch (e) {
					// Refused after a storage failure (light-read.ts): what was read stays shown (a
					// form's answers, a list), and the storage banner says why nothing is read.
					const refused = e instanceof RepositoryError && e.message === NOT_READ;
					if (!stopped && !(refused && this.#value !== undefined)) this.#error = e;
				}
				running = false;
				if (!stopped) {
					this.#loading = false;
					update();
				}
				if (again && !stopped) {
					again = false;
					void run();
				}
			};
			const channel =
				typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(DEXIE_CHANGES);
			if (channel) channel.onmessage = () => void run();
			const shown = () => document.visibilityState === 'visible' && void run();
			document.addEventListener('visibilitychange', shown);
			// Site data erased under the page: read again (it shows what is left: nothing).
			const forget = onConnectionLost(() => void run());
			// Writes resumed: what was refused meanwhile (or changed unheard) is read again.
			const forgetResume = onStorageResumed(() => void run());
			// With a result read just before (`initial`, the page's load), the first read only catches
			// a change made in between: it waits until the page is drawn.
			const later = initial ? afterFirstPaint(() => void run()) : (void run(), () => {});
			return () => {
				stopped = true;
				later();
				forget();
				forgetResume();
				channel?.close();
				document.removeEventListener('visibilitychange', shown);
			};
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

	/** The last error, if the read failed. */
	get error(): unknown {
		this.#subscribe();
		return this.#error;
	}
}
