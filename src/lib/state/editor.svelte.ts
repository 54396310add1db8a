/**
 * The state of the page where a service fills its diagnostic: what each question shows, what is
 * being saved, what failed. A value chosen on screen stays on screen until its transaction has
 * committed; only then is it shown as saved, and on failure it stays with the error.
 */
import { SvelteMap } from 'svelte/reactivity';
import type { Answer } from '$lib/domain/answers';
import type { StoredAnswer } from '$lib/db/db';
import { describeStorageError, type StorageProblem } from '$lib/db/errors';
import { requestPersistence } from '$lib/db/persistence';
import { queries } from '$lib/db/queries';
import { repository } from '$lib/db/repository';
import { Live } from './live.svelte';
import { trackWrite } from './writes.svelte';

/** Where the last write of a question stands. */
export type SaveState = 'saving' | 'saved' | 'error';

/** How long typing must pause before a note is saved. */
export const NOTE_DELAY_MS = 700;

type Value = Answer['value'] | null;

/**
 * A change made on screen. It is shown instead of the stored row until the live rows include
 * it (their changedAt reaches `since`), so the screen never flickers back to the old value
 * between the commit and the live query's next result.
 */
interface Draft<T> {
	value: T;
	token: number;
	since: number;
	committed: boolean;
}

/** The filling state of one diagnostic. */
export class DiagnosticEditor {
	readonly diagnosticId: string;
	readonly #rows: Live<StoredAnswer[]>;
	/** Values chosen on screen, until the stored rows show them. */
	readonly #pending = new SvelteMap<string, Draft<Value>>();
	readonly #notes = new SvelteMap<string, Draft<string>>();
	// Timers are bookkeeping, never shown: a plain Map on purpose.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();
	readonly states = new SvelteMap<string, SaveState>();
	problem = $state<StorageProblem | null>(null);
	#token = 0;

	constructor(diagnosticId: string) {
		this.diagnosticId = diagnosticId;
		this.#rows = new Live(() => queries.answerRows(diagnosticId));
	}

	/** The stored rows, keyed by question id (undefined while loading). */
	readonly stored = $derived.by(() => {
		const rows = this.#rows.current;
		// A fresh Map per result: the derivation itself is what is reactive.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		return rows && new Map(rows.map((r) => [r.questionId, r]));
	});

	/** True until the stored answers are read. */
	get loading(): boolean {
		return this.#rows.loading;
	}

	#shown<T>(draft: Draft<T> | undefined, questionId: string): draft is Draft<T> {
		const row = this.stored?.get(questionId);
		return !!draft && !(draft.committed && row && row.changedAt >= draft.since);
	}

	#draft<T>(value: T): Draft<T> {
		return { value, token: ++this.#token, since: Date.now(), committed: false };
	}

	#commit(map: SvelteMap<string, Draft<unknown>>, questionId: string, token: number): void {
		const d = map.get(questionId);
		if (d?.token === token) map.set(questionId, { ...d, committed: true });
	}

	/** The value shown for a question: the one chosen on screen, else the stored one. */
	value(questionId: string): Value {
		const p = this.#pending.get(questionId);
		return this.#shown(p, questionId) ? p.value : (this.stored?.get(questionId)?.value ?? null);
	}

	/** The note shown for a question. */
	note(questionId: string): string {
		const n = this.#notes.get(questionId);
		return this.#shown(n, questionId) ? n.value : (this.stored?.get(questionId)?.note ?? '');
	}

	/** Writes a value now; resolves once committed or failed. */
	async answer(questionId: string, value: Value): Promise<void> {
		const draft = this.#draft(value);
		this.#pending.set(questionId, draft);
		const ok = await this.#write(questionId, () =>
			value === null
				? repository.clearAnswer(this.diagnosticId, questionId)
				: repository.saveAnswer(this.diagnosticId, questionId, value)
		);
		if (ok) this.#commit(this.#pending, questionId, draft.token);
	}

	/** Records typing in a note; it is saved after a pause, or at once by flushNote. */
	typeNote(questionId: string, text: string): void {
		this.#notes.set(questionId, this.#draft(text));
		clearTimeout(this.#timers.get(questionId));
		this.#timers.set(
			questionId,
			setTimeout(() => void this.flushNote(questionId), NOTE_DELAY_MS)
		);
	}

	/** Saves a note being typed now (on blur, before leaving the page). */
	async flushNote(questionId: string): Promise<void> {
		clearTimeout(this.#timers.get(questionId));
		this.#timers.delete(questionId);
		const draft = this.#notes.get(questionId);
		if (!draft || draft.committed) return;
		const ok = await this.#write(questionId, () =>
			repository.saveNote(this.diagnosticId, questionId, draft.value)
		);
		if (ok) this.#commit(this.#notes, questionId, draft.token);
	}

	/** Saves every note being typed. */
	async flushAll(): Promise<void> {
		await Promise.all([...this.#notes.keys()].map((q) => this.flushNote(q)));
	}

	/** Whether some change shown on screen is not saved yet. */
	get dirty(): boolean {
		const open = (d: Draft<unknown>) => !d.committed;
		return [...this.#pending.values()].some(open) || [...this.#notes.values()].some(open);
	}

	async #write(questionId: string, write: () => Promise<void>): Promise<boolean> {
		this.states.set(questionId, 'saving');
		try {
			await trackWrite(write());
			this.states.set(questionId, 'saved');
			void requestPersistence();
			if ([...this.states.values()].every((s) => s !== 'error')) this.problem = null;
			return true;
		} catch (e) {
			this.states.set(questionId, 'error');
			this.problem = describeStorageError(e);
			return false;
		}
	}

	/** Writes again every change that failed. */
	async retry(): Promise<void> {
		const failed = [...this.states].filter(([, s]) => s === 'error').map(([q]) => q);
		await Promise.all(
			failed.map(async (q) => {
				const p = this.#pending.get(q);
				if (p && !p.committed) await this.answer(q, p.value);
				await this.flushNote(q);
			})
		);
	}
}
