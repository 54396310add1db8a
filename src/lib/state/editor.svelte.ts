/**
 * The state of the page where a service fills its diagnostic: what each question shows, what is
 * being saved, what failed. A value chosen on screen stays on screen until its transaction has
 * committed and the live rows show it; on failure it stays, with the error, until retried.
 * Typed text (notes, « Autre » partners, respondent) is saved after a pause. What is typed or
 * chosen is copied to localStorage until committed, and chosen again after a crash.
 */
import { SvelteMap, SvelteSet } from 'svelte/reactivity';
import { acceptsValue, readsValue } from '$lib/domain/answer-fit';
import { withPartner, type Answer, type Diagnostic, type PartnerId } from '$lib/domain/answers';
import {
	MODULE_IDS,
	moduleQuestions,
	type Module,
	type ModuleId,
	type Question
} from '$lib/domain/content/questionnaire';
import { ANSWER_NOT_TAKEN, describeStorageError, type StorageProblem } from '$lib/db/errors';
import { requestPersistence } from '$lib/db/persistence';
import type { FillingState } from '$lib/db/filling';
import { writing } from '$lib/db/lazy-repository';
import { fillingState } from '$lib/db/light-filling';
import type { DiagnosticRef } from '$lib/db/repository';
import { backUpAnswer, backUpTick, dropAnswer, dropTick } from './answer-copies';
import { backedUpDrafts } from './draft-backup';
import { FieldState, type SaveOutcome } from './field.svelte';
import { afterFirstPaint } from '$lib/after-paint';
import { LightLive } from './light-live.svelte';
import { QuestionTexts } from './question-texts.svelte';
import { RespondentField } from './respondent-field.svelte';
import { restoreDrafts, type QuestionText, type Respondent } from './restore-drafts';
import { NOTE_DELAY_MS, NOTE_MAX_WAIT_MS, TypingTimers } from './typing-timers';
import { trackWrite } from './writes.svelte';

/** Where the writes of a question stand. */
export type SaveState = 'saving' | 'saved' | 'error';

export type { QuestionText } from './restore-drafts';
export { NOTE_DELAY_MS, NOTE_MAX_WAIT_MS } from './typing-timers';

type Value = Answer['value'] | null;

/**
 * The filling state of one module of a campaign: the diagnostic this device fills for it, which
 * exists only from the first write (opening or hovering the page never makes a draft).
 */
export class DiagnosticEditor {
	readonly #ref: { campaignId: string; moduleId: ModuleId };
	readonly #questions: ReadonlyMap<string, Question>;
	/** Where copies of what is typed or chosen are kept in localStorage (a module of a campaign). */
	readonly #scope: string;
	readonly #rows: LightLive<FillingState>;
	/**
	 * The copy this page fills, fixed once seen (or the one typed in before a crash): writes go
	 * to it by id, even if another copy of the module arrives meanwhile (an import, another tab).
	 */
	#pinned: string | undefined;
	readonly #answers = new SvelteMap<string, FieldState<Value>>();
	readonly #respondent: RespondentField;
	/** Questions written at least once on this page. */
	readonly #written = new SvelteSet<string>();
	readonly #timers = new TypingTimers(NOTE_DELAY_MS, NOTE_MAX_WAIT_MS);
	readonly #texts: QuestionTexts;

	problem = $state<StorageProblem | null>(null);

	/**
	 * The editor of `module` (its questions say which values each answer may take); `loaded`, the
	 * page load's read, shows until the live read arrives (unless a crash copy pins another one).
	 */
	constructor(campaignId: string, module: Module, loaded?: FillingState) {
		const moduleId = module.id;
		this.#ref = { campaignId, moduleId };
		// Fixed with the module: nothing to react to.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		this.#questions = new Map(moduleQuestions(module).map((q) => [q.id, q]));
		this.#scope = `${campaignId}/${moduleId}`;
		this.#pinned = backedUpDrafts(this.#scope).find((b) => b.diagnosticId)?.diagnosticId;
		const copies = { scope: this.#scope, timers: this.#timers, pinned: () => this.#pinned };
		this.#texts = new QuestionTexts({
			...copies,
			version: () => this.#rows.current,
			stored: (q) => this.stored?.get(q),
			save: (field, q, write) => this.#save(field, q, write),
			write: (kind, q, text) =>
				writing((r) =>
					kind === 'note'
						? r.saveNote(this.#target, q, text)
						: r.saveOtherPartner(this.#target, q, text)
				)
		});
		this.#respondent = new RespondentField({
			...copies,
			// The stored respondent only, not the answers written meanwhile.
			version: () => JSON.stringify(this.#rows.current?.diagnostic?.respondent ?? null),
			save: (field) =>
				this.#save(field, null, (value) => writing((r) => r.saveRespondent(this.#target, value)))
		});
		const initial =
			loaded && (!this.#pinned || this.#pinned === loaded.diagnostic?.id) ? loaded : undefined;
		if (initial) this.#pinned = initial.diagnostic?.id;
		const read = () => fillingState(campaignId, moduleId, this.#pinned);
		const track = (state: FillingState) => ((this.#pinned = state.diagnostic?.id), state);
		this.#rows = new LightLive(() => read().then(track), initial && { value: initial });
		// Copies left before this page opened (a crash), against the store now (not a hover's
		// preload); kept for later under a halt.
		const opened = Date.now();
		const restore = (state: FillingState) =>
			restoreDrafts(this.#scope, state, opened, {
				text: (kind, q, text) => this.typeText(kind, q, text),
				respondent: (value) => this.typeRespondent(value),
				answer: (q, value) => this.#accepts(q, value) && (void this.answer(q, value), true),
				tick: (q, p, t) =>
					this.#accepts(q, [p]) && (void this.togglePartner(q, p as PartnerId, t), true),
				asks: (q) => this.#questions.has(q)
			});
		afterFirstPaint(() => void read().then(restore, () => {}));
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

	/**
	 * The value shown for a question: the one chosen on screen, else the stored one if it fits the
	 * question (`readsValue`: on an obligation, a level given when it was a scale question).
	 */
	value(questionId: string): Value {
		const shown = this.#answers.get(questionId)?.shown;
		if (shown) return shown.value;
		const stored = this.stored?.get(questionId)?.value ?? null;
		const question = this.#questions.get(questionId);
		return question && readsValue(question, stored, this.#ref.moduleId) ? stored : null;
	}

	/** The note, or the « Autre (préciser) » partner, shown for a question. */
	text(kind: QuestionText, questionId: string): string {
		return this.#texts.shown(kind, questionId);
	}

	/** The respondent shown, given the stored one. */
	respondent(stored: Partial<Respondent> | undefined): Respondent {
		return this.#respondent.shown(stored);
	}

	/** Where a question stands: an unsaved change shows "saving", a failure "error". */
	state(questionId: string): SaveState | undefined {
		const fields = [this.#answers.get(questionId), ...this.#texts.fields(questionId)];
		if (fields.some((f) => f?.failed)) return 'error';
		if (fields.some((f) => f?.open)) return 'saving';
		return this.#written.has(questionId) ? 'saved' : undefined;
	}

	#fields(): FieldState<unknown>[] {
		return [...this.#answers.values(), ...this.#texts.fields(), this.#respondent.field];
	}

	/** Whether some change shown on screen is not saved yet. */
	get dirty(): boolean {
		return this.#fields().some((f) => f.open);
	}

	/** Whether some write was made on this page (to say "all saved" only after one). */
	get touched(): boolean {
		return this.#written.size > 0 || this.#respondent.field.last !== undefined;
	}

	/** Where writes go: the pinned copy, or before any the module (the first write makes it). */
	get #target(): DiagnosticRef {
		return this.#pinned ?? this.#ref;
	}

	#field<T>(fields: SvelteMap<string, FieldState<T>>, questionId: string): FieldState<T> {
		let field = fields.get(questionId);
		if (!field) {
			field = new FieldState<T>(() => this.#rows.current);
			fields.set(questionId, field);
		}
		return field;
	}

	/**
	 * Writes a value now; resolves once committed or failed. A value the question does not take
	 * (a level on an obligation, a compliance answer on a scale question) is refused with a
	 * French message and nothing is written.
	 */
	async answer(questionId: string, value: Value): Promise<void> {
		if (!this.#accepts(questionId, value)) return void (this.problem = ANSWER_NOT_TAKEN);
		const copy = { pinned: this.#pinned, was: this.value(questionId) };
		backUpAnswer(this.#scope, questionId, value, copy);
		this.#field(this.#answers, questionId).set(value);
		await this.#saveAnswer(questionId);
	}

	#accepts(questionId: string, value: unknown): value is Value {
		const question = this.#questions.get(questionId);
		return !!question && (value === null || acceptsValue(question, value, this.#ref.moduleId));
	}

	/**
	 * Ticks or unticks a partner of a cooperation question. The screen shows the result at once;
	 * the store merges the tick with what it holds, so ticks made in another tab are kept.
	 * Unticking « Autre » drops its text (the store clears it in the same write).
	 */
	async togglePartner(questionId: string, partner: PartnerId, ticked: boolean): Promise<void> {
		if (partner === 'autre' && !ticked) this.#texts.drop('otherPartner', questionId);
		const field = this.#field(this.#answers, questionId);
		const self = this.#ref.moduleId;
		field.set(withPartner(this.value(questionId), partner, ticked, MODULE_IDS, self));
		backUpTick(this.#scope, questionId, { partner, ticked }, this.#pinned);
		const outcome = await this.#save(field, questionId, () =>
			writing((r) => r.toggleCooperation(this.#target, questionId, partner, ticked))
		);
		if (outcome !== 'failed') dropTick(this.#scope, questionId, { partner, ticked });
	}

	async #saveAnswer(questionId: string): Promise<void> {
		const field = this.#field(this.#answers, questionId);
		const value = field.last;
		const outcome = await this.#save(field, questionId, (value) =>
			writing((r) =>
				value === null
					? r.clearAnswer(this.#target, questionId)
					: r.saveAnswer(this.#target, questionId, value)
			)
		);
		if (outcome === 'committed') dropAnswer(this.#scope, questionId, value);
	}

	/** Records typing in a note or an « Autre » partner; saved after a pause (QuestionTexts). */
	typeText(kind: QuestionText, questionId: string, text: string): void {
		this.#texts.type(kind, questionId, text);
	}

	/** Saves a note or an « Autre » partner being typed now (on blur, before leaving the page). */
	flushText(kind: QuestionText, questionId: string): Promise<void> {
		return this.#texts.flush(kind, questionId);
	}

	/** Records typing in the respondent fields; saved like a note. */
	typeRespondent(value: Respondent): void {
		this.#respondent.type(value);
	}

	/** Saves the respondent being typed now. */
	flushRespondent(): Promise<void> {
		return this.#respondent.flush();
	}

	/** Saves everything typed and retries what failed; true when nothing is left unsaved. */
	async flushAll(): Promise<boolean> {
		const retries = [...this.#answers]
			.filter(([, field]) => field.open && field.failed)
			.map(([q]) => this.#saveAnswer(q));
		await Promise.all([...retries, this.#texts.flushAll(), this.flushRespondent()]);
		return !this.dirty;
	}

	/** Saves one field; failures stay on the field, and the page's message, until it saves. */
	async #save<T>(
		field: FieldState<T>,
		questionId: string | null,
		write: (value: T) => Promise<void>
	): Promise<SaveOutcome> {
		const outcome = await field.save(
			(value) => trackWrite(write(value)),
			(e) => (this.problem = describeStorageError(e))
		);
		if (outcome === 'failed' || outcome === 'nothing') return outcome;
		if (questionId) this.#written.add(questionId);
		if (!this.#fields().some((f) => f.failed)) this.problem = null;
		void requestPersistence();
		return outcome;
	}
}
