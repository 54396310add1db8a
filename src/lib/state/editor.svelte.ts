/**
 * The state of the page where a service fills its diagnostic: what each question shows, what is
 * being saved, what failed. A value chosen on screen stays on screen until its transaction has
 * committed and the live rows show it; on failure it stays, with the error, until retried.
 * Typed text (notes, respondent) is saved after a pause, and backed up in localStorage meanwhile.
 */
import { SvelteMap, SvelteSet } from 'svelte/reactivity';
import { withPartner, type Answer, type Diagnostic } from '$lib/domain/answers';
import { MODULE_IDS, type ModuleId } from '$lib/domain/content/questionnaire';
import { describeStorageError, type StorageProblem } from '$lib/db/errors';
import { requestPersistence } from '$lib/db/persistence';
import { queries, type FillingState } from '$lib/db/queries';
import { repository, type DiagnosticRef } from '$lib/db/repository';
import { backedUpDrafts, backUpDraft, dropDraft, type BackedUpDraft } from './draft-backup';
import { Live } from './live.svelte';
import { trackWrite } from './writes.svelte';

/** Where the writes of a question stand. */
export type SaveState = 'saving' | 'saved' | 'error';

/** How long typing must pause before a note is saved. */
export const NOTE_DELAY_MS = 700;

/**
 * How long typing that never pauses may go unsaved: a crash loses at most this much. The copy in
 * localStorage is no substitute: Chromium writes it to disk a few seconds late, then at most
 * about once a minute, so a killed browser keeps only an early part of a long note.
 */
export const NOTE_MAX_WAIT_MS = 2000;

type Value = Answer['value'] | null;
type Respondent = { name: string; role: string };

/**
 * A change made on screen. Once committed it is still shown while the live rows are the very
 * result that was current at the commit, so the screen never flickers back to the old value;
 * any later result (this write, another tab, an import) is the truth.
 */
interface Draft<T> {
	value: T;
	token: number;
	committed: boolean;
	rowsAtCommit?: unknown;
}

/**
 * The filling state of one module of a campaign: the diagnostic this device fills for it, which
 * exists only from the first write (opening or hovering the page never makes a draft).
 */
export class DiagnosticEditor {
	readonly #ref: { campaignId: string; moduleId: ModuleId };
	/** Where copies of typed text are kept in localStorage for this module of this campaign. */
	readonly #scope: string;
	readonly #rows: Live<FillingState>;
	/**
	 * The copy this page fills, fixed once seen (or the one typed in before a crash): writes go
	 * to it by id, even if another copy of the module arrives meanwhile (an import, another tab).
	 */
	#pinned: string | undefined;
	readonly #answers = new SvelteMap<string, Draft<Value>>();
	readonly #notes = new SvelteMap<string, Draft<string>>();
	#respondent = $state<Draft<Respondent> | null>(null);
	/** Fields (answer:<id>, note:<id>, respondent) whose last write failed. */
	readonly #failed = new SvelteSet<string>();
	/** Questions written at least once on this page. */
	readonly #written = new SvelteSet<string>();
	// Timers are bookkeeping, never shown: a plain Map on purpose.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	readonly #deadlines = new Map<string, ReturnType<typeof setTimeout>>();
	problem = $state<StorageProblem | null>(null);
	#token = 0;

	constructor(campaignId: string, moduleId: ModuleId) {
		this.#ref = { campaignId, moduleId };
		this.#scope = `${campaignId}/${moduleId}`;
		this.#pinned = backedUpDrafts(this.#scope).find((b) => b.diagnosticId)?.diagnosticId;
		this.#rows = new Live(async () => {
			const state = await queries.fillingState(campaignId, moduleId, this.#pinned);
			this.#pinned = state.diagnostic?.id;
			return state;
		});
		void this.#restoreBackups();
	}

	/** The diagnostic filled here, as stored (undefined while loading and before a first write). */
	get diagnostic(): Diagnostic | undefined {
		return this.#rows.current?.diagnostic;
	}

	/** The stored rows, keyed by question id (undefined while loading). */
	readonly stored = $derived.by(() => {
		const rows = this.#rows.current?.rows;
		// A fresh Map per result: the derivation itself is what is reactive.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		return rows && new Map(rows.map((r) => [r.questionId, r]));
	});

	/** True until the stored answers are read. */
	get loading(): boolean {
		return this.#rows.loading;
	}

	/** Why the stored answers could not be read, if they could not. */
	get readError(): unknown {
		return this.#rows.error;
	}

	#shown<T>(draft: Draft<T> | undefined | null): draft is Draft<T> {
		return !!draft && (!draft.committed || this.#rows.current === draft.rowsAtCommit);
	}

	/** The value shown for a question: the one chosen on screen, else the stored one. */
	value(questionId: string): Value {
		const d = this.#answers.get(questionId);
		return this.#shown(d) ? d.value : (this.stored?.get(questionId)?.value ?? null);
	}

	/** The note shown for a question. */
	note(questionId: string): string {
		const d = this.#notes.get(questionId);
		return this.#shown(d) ? d.value : (this.stored?.get(questionId)?.note ?? '');
	}

	/** The respondent shown, given the stored one. */
	respondent(stored: Partial<Respondent> | undefined): Respondent {
		const d = this.#respondent;
		const kept = { name: stored?.name ?? '', role: stored?.role ?? '' };
		// The store trims: while it holds what was typed, trimmed, the field keeps what was typed
		// (a space typed just before a save is not taken away under the cursor).
		const same = !!d && d.value.name.trim() === kept.name && d.value.role.trim() === kept.role;
		return d && (same || this.#shown(d)) ? d.value : kept;
	}

	/** Where a question stands: an unsaved change shows "saving", a failure "error". */
	state(questionId: string): SaveState | undefined {
		if (this.#failed.has(`answer:${questionId}`) || this.#failed.has(`note:${questionId}`))
			return 'error';
		const open = (d?: Draft<unknown>) => !!d && !d.committed;
		if (open(this.#answers.get(questionId)) || open(this.#notes.get(questionId))) return 'saving';
		return this.#written.has(questionId) ? 'saved' : undefined;
	}

	/** Whether some change shown on screen is not saved yet. */
	get dirty(): boolean {
		const open = (d: Draft<unknown> | null) => !!d && !d.committed;
		return (
			[...this.#answers.values()].some(open) ||
			[...this.#notes.values()].some(open) ||
			open(this.#respondent)
		);
	}

	/** Whether some write was made on this page (to say "all saved" only after one). */
	get touched(): boolean {
		return this.#written.size > 0 || this.#respondent !== null;
	}

	#draft<T>(value: T): Draft<T> {
		return { value, token: ++this.#token, committed: false };
	}

	/** Where writes go: the pinned copy, or before any the module (the first write makes it). */
	get #target(): DiagnosticRef {
		return this.#pinned ?? this.#ref;
	}

	/** Writes a value now; resolves once committed or failed. */
	answer(questionId: string, value: Value): Promise<void> {
		return this.#answer(questionId, value, () =>
			value === null
				? repository.clearAnswer(this.#target, questionId)
				: repository.saveAnswer(this.#target, questionId, value)
		);
	}

	/**
	 * Ticks or unticks a partner of a cooperation question. The screen shows the result at once;
	 * the store merges the tick with what it holds, so ticks made in another tab are kept.
	 */
	togglePartner(questionId: string, partner: ModuleId, ticked: boolean): Promise<void> {
		const value = withPartner(this.value(questionId), partner, ticked, MODULE_IDS);
		return this.#answer(questionId, value, () =>
			repository.toggleCooperation(this.#target, questionId, partner, ticked)
		);
	}

	async #answer(questionId: string, value: Value, write: () => Promise<void>): Promise<void> {
		const draft = this.#draft(value);
		this.#answers.set(questionId, draft);
		const ok = await this.#write(`answer:${questionId}`, questionId, write);
		const done = ok && this.#committed(this.#answers.get(questionId), draft);
		if (done) this.#answers.set(questionId, done);
	}

	/** Records typing in a note; it is saved after a pause, or at once by flushNote. */
	typeNote(questionId: string, text: string): void {
		this.#notes.set(questionId, this.#draft(text));
		backUpDraft(this.#scope, `note:${questionId}`, {
			text,
			at: Date.now(),
			diagnosticId: this.#pinned
		});
		this.#schedule(`note:${questionId}`, () => this.flushNote(questionId));
	}

	/** Saves a note being typed now (on blur, before leaving the page). */
	async flushNote(questionId: string): Promise<void> {
		this.#unschedule(`note:${questionId}`);
		const draft = this.#notes.get(questionId);
		if (!draft || draft.committed) return;
		// Clearing a note that was never stored writes nothing (it would make a diagnostic of
		// nothing on a module not started).
		const nothing = draft.value.trim() === '' && !this.stored?.get(questionId)?.note;
		const ok =
			nothing ||
			(await this.#write(`note:${questionId}`, questionId, () =>
				repository.saveNote(this.#target, questionId, draft.value)
			));
		const done = ok && this.#committed(this.#notes.get(questionId), draft);
		if (!done) return;
		this.#notes.set(questionId, done);
		// Only now, and only for the latest text: an older save must not drop a newer copy.
		dropDraft(this.#scope, `note:${questionId}`);
	}

	/** Records typing in the respondent fields; saved like a note. */
	typeRespondent(value: Respondent): void {
		this.#respondent = this.#draft(value);
		backUpDraft(this.#scope, 'respondent', {
			text: JSON.stringify(value),
			at: Date.now(),
			diagnosticId: this.#pinned
		});
		this.#schedule('respondent', () => this.flushRespondent());
	}

	/** Saves the respondent being typed now. */
	async flushRespondent(): Promise<void> {
		this.#unschedule('respondent');
		const draft = this.#respondent;
		if (!draft || draft.committed) return;
		const ok = await this.#write('respondent', null, () =>
			repository.saveRespondent(this.#target, draft.value)
		);
		const done = ok && this.#committed(this.#respondent, draft);
		if (!done) return;
		this.#respondent = done;
		dropDraft(this.#scope, 'respondent');
	}

	/** Saves everything typed and retries what failed; true when nothing is left unsaved. */
	async flushAll(): Promise<boolean> {
		const retries = [...this.#answers]
			.filter(([q, d]) => !d.committed && this.#failed.has(`answer:${q}`))
			.map(([q, d]) => this.answer(q, d.value));
		await Promise.all([
			...retries,
			...[...this.#notes.keys()].map((q) => this.flushNote(q)),
			this.flushRespondent()
		]);
		return !this.dirty;
	}

	/** Writes again every change that failed. */
	async retry(): Promise<void> {
		await this.flushAll();
	}

	/** Runs a write; true once committed. Failures are kept per field until a write succeeds. */
	async #write(field: string, questionId: string | null, write: () => Promise<void>) {
		try {
			await trackWrite(write());
		} catch (e) {
			this.#failed.add(field);
			this.problem = describeStorageError(e);
			return false;
		}
		this.#failed.delete(field);
		if (questionId) this.#written.add(questionId);
		if (this.#failed.size === 0) this.problem = null;
		void requestPersistence();
		return true;
	}

	/** The committed form of a draft, if it is still the latest one. */
	#committed<T>(current: Draft<T> | null | undefined, draft: Draft<T>): Draft<T> | null {
		if (current?.token !== draft.token) return null;
		return { ...draft, committed: true, rowsAtCommit: this.#rows.current };
	}

	/** Runs a save after a pause in typing, and at the latest NOTE_MAX_WAIT_MS after the first key. */
	#schedule(key: string, run: () => Promise<void>): void {
		clearTimeout(this.#timers.get(key));
		this.#timers.set(
			key,
			setTimeout(() => void run(), NOTE_DELAY_MS)
		);
		if (!this.#deadlines.has(key))
			this.#deadlines.set(
				key,
				setTimeout(() => void run(), NOTE_MAX_WAIT_MS)
			);
	}

	#unschedule(key: string): void {
		clearTimeout(this.#timers.get(key));
		this.#timers.delete(key);
		clearTimeout(this.#deadlines.get(key));
		this.#deadlines.delete(key);
	}

	/**
	 * Saves what was typed before the tab closed. A note is kept when the stored one is the same
	 * or was changed after the typing (another tab); an empty stored note never wins, since a
	 * later answer on the same question also moves its time. The respondent has no time of its
	 * own (any write moves the diagnostic's), so a different stored respondent never wins.
	 */
	async #restoreBackups(): Promise<void> {
		const { diagnostic, rows } = await queries.fillingState(
			this.#ref.campaignId,
			this.#ref.moduleId,
			this.#pinned
		);
		// Copies made by the previous release were kept under the diagnostic's id; of two copies
		// of one field, the later typing wins.
		const legacy = diagnostic ? backedUpDrafts(diagnostic.id) : [];
		for (const b of legacy) dropDraft(diagnostic!.id, b.field);
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local, never shown
		const latest = new Map<string, BackedUpDraft>();
		for (const b of [...backedUpDrafts(this.#scope), ...legacy])
			if ((latest.get(b.field)?.at ?? -Infinity) < b.at) latest.set(b.field, b);
		for (const b of latest.values()) {
			if (b.field === 'respondent') {
				try {
					const typed = JSON.parse(b.text) as Respondent;
					const stored = diagnostic?.respondent;
					const same = (stored?.name ?? '') === typed.name && (stored?.role ?? '') === typed.role;
					if (same) dropDraft(this.#scope, b.field);
					else this.typeRespondent(typed);
				} catch {
					dropDraft(this.#scope, b.field);
				}
				continue;
			}
			const questionId = b.field.slice('note:'.length);
			const row = rows.find((r) => r.questionId === questionId);
			const newer = !!row?.note && row.changedAt > b.at;
			if (row?.note === b.text || newer) dropDraft(this.#scope, b.field);
			else this.typeNote(questionId, b.text);
		}
	}
}
