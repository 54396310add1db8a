/**
 * The respondent typed on a filling page (name and role): shown as typed, saved after a pause
 * like a note, and copied to localStorage until its save commits.
 */
import { backUpDraft, dropDraft } from './draft-backup';
import { FieldState, type SaveOutcome } from './field.svelte';
import type { Respondent } from './restore-drafts';
import type { TypingTimers } from './typing-timers';

/** What the respondent needs from the editor that holds it. */
export interface RespondentHost {
	readonly scope: string;
	readonly timers: TypingTimers;
	/** The diagnostic written to, if it exists yet (kept with the copy). */
	pinned(): string | undefined;
	/** The stored respondent, as compared by FieldState: its changes release what was typed. */
	version(): unknown;
	/** Writes the field through the editor (its errors, its « Enregistré »). */
	save(field: FieldState<Respondent>): Promise<SaveOutcome>;
}

export class RespondentField {
	readonly field: FieldState<Respondent>;
	readonly #host: RespondentHost;

	constructor(host: RespondentHost) {
		this.#host = host;
		this.field = new FieldState<Respondent>(() => host.version());
	}

	/** The respondent shown, given the stored one. */
	shown(stored: Partial<Respondent> | undefined): Respondent {
		const kept = { name: stored?.name ?? '', role: stored?.role ?? '' };
		const typed = this.field.last;
		// The store trims: while it holds what was typed, trimmed, the field keeps what was typed
		// (a space typed just before a save is not taken away under the cursor).
		const same = !!typed && typed.name.trim() === kept.name && typed.role.trim() === kept.role;
		return typed && (same || this.field.shown) ? typed : kept;
	}

	/** Records typing; saved after a pause, or by `flush`. */
	type(value: Respondent): void {
		this.field.set(value);
		backUpDraft(this.#host.scope, 'respondent', {
			text: JSON.stringify(value),
			at: Date.now(),
			diagnosticId: this.#host.pinned()
		});
		this.#host.timers.schedule('respondent', () => this.flush());
	}

	/** Saves what is typed now. */
	async flush(): Promise<void> {
		this.#host.timers.cancel('respondent');
		const outcome = await this.#host.save(this.field);
		if (outcome === 'committed') dropDraft(this.#host.scope, 'respondent');
	}
}
