/**
 * When typed text is saved: after a pause in typing, and at the latest some time after the first
 * unsaved key, so that typing that never pauses is still saved regularly. One pair of timers per
 * field (a note, the respondent).
 */

/** How long typing must pause before a note (or an « Autre » partner) is saved. */
export const NOTE_DELAY_MS = 700;

/**
 * How long typing that never pauses may go unsaved: a crash loses at most this much. The copy in
 * localStorage is no substitute: Chromium writes it to disk a few seconds late, then at most
 * about once a minute, so a killed browser keeps only an early part of a long note.
 */
export const NOTE_MAX_WAIT_MS = 2000;

/** The save timers of the fields of one page. */
export class TypingTimers {
	readonly #pause: number;
	readonly #maxWait: number;
	readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();
	readonly #deadlines = new Map<string, ReturnType<typeof setTimeout>>();

	/** Saves `pause` ms after the last key, and at the latest `maxWait` ms after the first. */
	constructor(pause: number, maxWait: number) {
		this.#pause = pause;
		this.#maxWait = maxWait;
	}

	/** Runs `run` after a pause in typing, and at the latest `maxWait` after the first key. */
	schedule(key: string, run: () => Promise<void>): void {
		clearTimeout(this.#timers.get(key));
		this.#timers.set(
			key,
			setTimeout(() => void run(), this.#pause)
		);
		if (!this.#deadlines.has(key))
			this.#deadlines.set(
				key,
				setTimeout(() => void run(), this.#maxWait)
			);
	}

	/** Forgets the timers of a field (its save runs now). */
	cancel(key: string): void {
		clearTimeout(this.#timers.get(key));
		this.#timers.delete(key);
		clearTimeout(this.#deadlines.get(key));
		this.#deadlines.delete(key);
	}
}
