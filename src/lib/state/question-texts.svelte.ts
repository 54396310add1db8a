/**
 * The texts typed on the questions of a filling page: notes and « Autre (préciser) » partners.
 * Each is shown as typed, saved after a pause in typing (at the latest NOTE_MAX_WAIT_MS after
 * the first unsaved key), and copied to localStorage until its save commits.
 */
import { SvelteMap } from 'svelte/reactivity';
import type { StoredAnswer } from '$lib/db/db';
import { backUpDraft, dropDraft } from './draft-backup';
import { FieldState, type SaveOutcome } from './field.svelte';
import type { QuestionText } from './restore-drafts';
import type { TypingTimers } from './typing-timers';

/** What the texts need from the editor that holds them. */
export interface TextHost {
	/** Where copies are kept in localStorage (a module of a campaign). */
	readonly scope: string;
	readonly timers: TypingTimers;
	/** The diagnostic written to, if it exists yet (kept with each copy). */
	pinned(): string | undefined;
	/** What the store shows now, compared with `===` (see FieldState). */
	version(): unknown;
	stored(questionId: string): StoredAnswer | undefined;
	/** Saves a field through the editor (its errors, its « Enregistré »). */
	save(
		field: FieldState<string>,
		questionId: string,
		write: (text: string) => Promise<void>
	): Promise<SaveOutcome>;
	/** Writes a text to the store. */
	write(kind: QuestionText, questionId: string, text: string): Promise<void>;
}

/** The typed texts of one filling page. */
export class QuestionTexts {
	readonly #fields: Record<QuestionText, SvelteMap<string, FieldState<string>>> = {
		note: new SvelteMap(),
		otherPartner: new SvelteMap()
	};
	readonly #host: TextHost;

	constructor(host: TextHost) {
		this.#host = host;
	}

	/** The text shown: as typed while unsaved, else as stored. */
	shown(kind: QuestionText, questionId: string): string {
		const shown = this.#fields[kind].get(questionId)?.shown;
		return shown ? shown.value : (this.#host.stored(questionId)?.[kind] ?? '');
	}

	/** The fields of one question, or of all. */
	fields(questionId?: string): FieldState<string>[] {
		const all = Object.values(this.#fields);
		if (questionId === undefined) return all.flatMap((m) => [...m.values()]);
		return all.flatMap((m) => m.get(questionId) ?? []);
	}

	/** Records typing; saved after a pause, at the latest after the max wait, or by `flush`. */
	type(kind: QuestionText, questionId: string, text: string): void {
		let field = this.#fields[kind].get(questionId);
		if (!field) {
			field = new FieldState<string>(() => this.#host.version());
			this.#fields[kind].set(questionId, field);
		}
		field.set(text);
		const key = `${kind}:${questionId}`;
		backUpDraft(this.#host.scope, key, { text, at: Date.now(), diagnosticId: this.#host.pinned() });
		this.#host.timers.schedule(key, () => this.flush(kind, questionId));
	}

	/** Saves a text being typed now (on blur, before leaving the page). */
	async flush(kind: QuestionText, questionId: string): Promise<void> {
		const key = `${kind}:${questionId}`;
		this.#host.timers.cancel(key);
		const field = this.#fields[kind].get(questionId);
		if (!field?.open) return;
		// Clearing a text that was never stored writes nothing (it would make a diagnostic of
		// nothing on a module not started).
		if (field.last?.trim() === '' && !this.#host.stored(questionId)?.[kind]) field.settle();
		else {
			const outcome = await this.#host.save(field, questionId, (text) =>
				this.#host.write(kind, questionId, text)
			);
			if (outcome !== 'committed') return;
		}
		// Only now, and only for the latest text: an older save must not drop a newer copy.
		dropDraft(this.#host.scope, key);
	}

	/** Saves every text being typed. */
	async flushAll(): Promise<void> {
		const kinds = Object.keys(this.#fields) as QuestionText[];
		await Promise.all(
			kinds.flatMap((kind) => [...this.#fields[kind].keys()].map((q) => this.flush(kind, q)))
		);
	}

	/** Forgets what is being typed without saving it (the store clears the text itself). */
	drop(kind: QuestionText, questionId: string): void {
		const key = `${kind}:${questionId}`;
		this.#host.timers.cancel(key);
		this.#fields[kind].get(questionId)?.settle();
		dropDraft(this.#host.scope, key);
	}
}
