/**
 * One field of the filling page (an answer, a note, the respondent): the value put on screen,
 * its write, and whether that write failed. The DiagnosticEditor holds one per field.
 */

/** What happened to the value on screen when it was saved. */
export type SaveOutcome = 'committed' | 'superseded' | 'failed' | 'nothing';

interface Draft<T> {
	value: T;
	token: number;
	committed: boolean;
	versionAtCommit?: unknown;
}

let tokens = 0;

/**
 * A value put on screen stays shown until it is committed and the store's `version` moves past
 * the one current at the commit, so the screen never flickers back to the old value; any later
 * version (this write, another tab, an import) is then the truth.
 */
export class FieldState<T> {
	// Raw, not deep: `versionAtCommit` is compared by identity with the store's result, which a
	// proxy would never equal (the draft was released at once and the screen flickered back).
	#draft = $state.raw<Draft<T> | null>(null);
	#failed = $state(false);
	readonly #version: () => unknown;

	/** `version` names what the store shows now, compared with `===`. */
	constructor(version: () => unknown) {
		this.#version = version;
	}

	/** Puts a value on screen (typed, chosen); it is not saved yet. */
	set(value: T): void {
		this.#draft = { value, token: ++tokens, committed: false };
	}

	/** The value on screen while it differs from what the store shows, else undefined. */
	get shown(): { value: T } | undefined {
		const d = this.#draft;
		if (!d || (d.committed && this.#version() !== d.versionAtCommit)) return undefined;
		return { value: d.value };
	}

	/** The last value put on screen, saved or not (undefined before any). */
	get last(): T | undefined {
		return this.#draft?.value;
	}

	/** Whether the value on screen is not committed yet. */
	get open(): boolean {
		return !!this.#draft && !this.#draft.committed;
	}

	/** Whether the last write of this field failed (until one succeeds). */
	get failed(): boolean {
		return this.#failed;
	}

	/**
	 * Writes the value on screen, if any is open. `committed` when it is the one now on screen,
	 * `superseded` when newer typing came meanwhile (still open), `failed` when the write threw
	 * (the error goes to `onError`, the value stays on screen), `nothing` when none was open.
	 */
	async save(
		write: (value: T) => Promise<void>,
		onError: (e: unknown) => void
	): Promise<SaveOutcome> {
		const draft = this.#draft;
		if (!draft || draft.committed) return 'nothing';
		try {
			await write(draft.value);
		} catch (e) {
			this.#failed = true;
			onError(e);
			return 'failed';
		}
		this.#failed = false;
		if (this.#draft?.token !== draft.token) return 'superseded';
		this.#draft = { ...draft, committed: true, versionAtCommit: this.#version() };
		return 'committed';
	}

	/** Takes the value on screen as saved without writing it (there was nothing to store). */
	settle(): void {
		if (this.#draft && !this.#draft.committed)
			this.#draft = { ...this.#draft, committed: true, versionAtCommit: this.#version() };
	}
}
