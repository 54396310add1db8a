/** Every write of the app goes through here; each resolves once its durable transaction commits. */
import {
	otherPartnerOf,
	withPartner,
	type Answer,
	type Campaign,
	type Diagnostic,
	type DiagnosticStatus,
	type DiagnosticWithAnswers,
	type PartnerId
} from '$lib/domain/answers';
import { isModuleId, moduleInfo } from '$lib/domain/content/catalogue';
import { loadModule } from '$lib/domain/content/load';
import { MODULE_IDS, moduleQuestions, type ModuleId } from '$lib/domain/content/questionnaire';
import type { ImportWrites } from '$lib/domain/exchange/resolve';
import { answerSet, rowsOf, withRow } from './answer-sets';
import { RepositoryError } from './errors';
import { db as defaultDb, type LeviersDB, type StoredAnswer } from './db';
import { forgetSync } from './sync-keys';
import { fillingCopy, META, Queries } from './queries';
import {
	checkCampaignTexts,
	checkDiagnosticTexts,
	checkLength,
	cleanCampaign,
	nextRevision,
	type CampaignInput
} from './write-rules';

/** Where a write goes: a diagnostic by id, or the one filled here for a campaign's module. */
export type DiagnosticRef = string | { campaignId: string; moduleId: ModuleId };

export type { CampaignInput } from './write-rules';

/** The writes of the app, bound to one database. */
export class Repository {
	readonly #db: LeviersDB;
	readonly #now: () => number;
	readonly #newId: () => string;

	constructor(
		db: LeviersDB,
		now = () => Date.now(),
		newId: () => string = () => crypto.randomUUID()
	) {
		this.#db = db;
		this.#now = now;
		this.#newId = newId;
	}

	/** Creates a campaign of the given authority. */
	async createCampaign(input: CampaignInput): Promise<Campaign> {
		const t = this.#now();
		const campaign: Campaign = {
			id: this.#newId(),
			...cleanCampaign(input),
			createdAt: t,
			updatedAt: t
		};
		await this.#db.campaigns.add(campaign);
		return campaign;
	}

	/** Renames a campaign or changes its expected modules (answers are kept). */
	async updateCampaign(id: string, input: CampaignInput): Promise<void> {
		const clean = cleanCampaign(input);
		const n = await this.#db.campaigns.update(id, { ...clean, updatedAt: this.#now() });
		if (n === 0) throw new RepositoryError('Cette démarche n’existe plus sur cet appareil.');
	}

	/** Deletes a campaign with its data and sync settings (none on the server), in one go. */
	async deleteCampaign(id: string): Promise<void> {
		const { campaigns, diagnostics, answerSets: sets, actions, meta } = this.#db;
		await this.#db.transaction('rw', [campaigns, diagnostics, sets, actions, meta], async () => {
			const ids = await diagnostics.where('campaignId').equals(id).primaryKeys();
			await sets.bulkDelete(ids);
			await diagnostics.bulkDelete(ids);
			await Promise.all([campaigns.delete(id), actions.where('campaignId').equals(id).delete()]);
			await forgetSync(meta, id);
		});
	}

	/** Adds a campaign with its diagnostics and answers in one transaction (example, import). */
	async addCampaign(campaign: Campaign, diagnostics: DiagnosticWithAnswers[]): Promise<void> {
		checkCampaignTexts(campaign);
		for (const d of diagnostics) checkDiagnosticTexts(d, Object.values(d.answers));
		const t = this.#db;
		await t.transaction('rw', t.campaigns, t.diagnostics, t.answerSets, async () => {
			await t.campaigns.add(campaign);
			for (const { answers, ...diagnostic } of diagnostics) {
				await t.diagnostics.add(diagnostic);
				const set = answerSet(diagnostic.id, Object.values(answers));
				if (set) await t.answerSets.add(set);
			}
		});
	}

	/** The diagnostic this device fills for a module of a campaign, created as a draft if none. */
	async openDiagnostic(campaignId: string, moduleId: ModuleId): Promise<Diagnostic> {
		const t = this.#db;
		return t.transaction('rw', t.campaigns, t.diagnostics, () =>
			this.#target({ campaignId, moduleId })
		);
	}

	/**
	 * The diagnostic a write goes to, inside the caller's transaction (campaigns and diagnostics
	 * in its scope). For a module of a campaign: the copy the filling page shows (`fillingCopy`),
	 * else a new draft, so that only a first write creates a diagnostic.
	 */
	async #target(ref: DiagnosticRef): Promise<Diagnostic> {
		const t = this.#db;
		if (typeof ref === 'string') {
			const diagnostic = await t.diagnostics.get(ref);
			if (!diagnostic) throw new RepositoryError('Ce diagnostic n’existe plus sur cet appareil.');
			return diagnostic;
		}
		const { campaignId, moduleId } = ref;
		if (!(await t.campaigns.get(campaignId)))
			throw new RepositoryError('Cette démarche n’existe pas sur cet appareil.');
		const current = fillingCopy(
			await t.diagnostics.where('[campaignId+moduleId]').equals([campaignId, moduleId]).toArray()
		);
		if (current) return current;
		const module = moduleInfo(moduleId);
		if (!module) throw new RepositoryError('Ce questionnaire n’existe pas.');
		const now = this.#now();
		const created: Diagnostic = {
			id: this.#newId(),
			campaignId,
			moduleId,
			questionnaireVersion: module.version,
			status: 'draft',
			revision: 0,
			createdAt: now,
			updatedAt: now,
			origin: { kind: 'local' }
		};
		await t.diagnostics.add(created);
		return created;
	}

	/** Records the value of one answer, keeping its note; bumps the diagnostic's revision. */
	saveAnswer(ref: DiagnosticRef, questionId: string, value: Answer['value']): Promise<void> {
		return this.#writeAnswer(ref, questionId, () => ({ value }));
	}

	/**
	 * Ticks or unticks one partner (a service or an external partner) of a cooperation question.
	 * The change is merged with the stored list inside the transaction, so ticks made at the same
	 * time in two tabs all stay. Unticking « Autre » clears its text (see #writeAnswer).
	 */
	toggleCooperation(
		ref: DiagnosticRef,
		questionId: string,
		partner: PartnerId,
		ticked: boolean
	): Promise<void> {
		return this.#writeAnswer(ref, questionId, (before, self) => ({
			value: withPartner(before?.value ?? null, partner, ticked, MODULE_IDS, self)
		}));
	}

	/** Records the note of one answer, keeping its value. */
	async saveNote(ref: DiagnosticRef, questionId: string, note: string): Promise<void> {
		checkLength('note', note);
		await this.#writeAnswer(ref, questionId, () => ({ note }));
	}

	/** Records the « Autre (préciser) » partner of a cooperation answer where « Autre » is ticked. */
	async saveOtherPartner(ref: DiagnosticRef, questionId: string, text: string): Promise<void> {
		checkLength('otherPartner', text);
		await this.#writeAnswer(ref, questionId, () => ({ otherPartner: text }));
	}

	/** Removes the value of one answer (the note stays). */
	clearAnswer(ref: DiagnosticRef, questionId: string): Promise<void> {
		return this.#writeAnswer(ref, questionId, () => ({ value: null }));
	}

	async #writeAnswer(
		ref: DiagnosticRef,
		questionId: string,
		change: (
			before: StoredAnswer | undefined,
			self: ModuleId
		) => Partial<Pick<StoredAnswer, 'value' | 'note' | 'otherPartner'>>
	): Promise<void> {
		const t = this.#db;
		await t.transaction('rw', t.campaigns, t.diagnostics, t.answerSets, async () => {
			const diagnostic = await this.#target(ref);
			const diagnosticId = diagnostic.id;
			const now = this.#now();
			// Read and written in this transaction: no other write of this store runs meanwhile.
			const set = await t.answerSets.get(diagnosticId);
			const before = rowsOf(set).find((r) => r.questionId === questionId);
			const row: StoredAnswer = {
				diagnosticId,
				questionId,
				value: null,
				...before,
				...change(before, diagnostic.moduleId),
				changedAt: now
			};
			if (row.note !== undefined && row.note.trim() === '') delete row.note;
			// The « Autre » text lives only while « Autre » is ticked: unticking it (or « Aucun
			// service », or clearing the answer) clears it, so no text hidden from the screen is
			// exported. Kept as typed otherwise, like a note.
			if (otherPartnerOf(row) === undefined) delete row.otherPartner;
			await t.answerSets.put(withRow(diagnosticId, set, row));
			const reopen = diagnostic.status === 'complete' && row.value === null;
			await t.diagnostics.update(diagnosticId, {
				...nextRevision(diagnostic, this.#newId),
				updatedAt: now,
				...(reopen ? { status: 'draft' as const } : {})
			});
		});
	}

	/** Records who answered (both fields optional). */
	async saveRespondent(
		ref: DiagnosticRef,
		respondent: { name?: string; role?: string }
	): Promise<void> {
		const name = respondent.name?.trim() || undefined;
		const role = respondent.role?.trim() || undefined;
		checkDiagnosticTexts({ respondent: { name, role } }, []);
		const t = this.#db;
		await t.transaction('rw', t.campaigns, t.diagnostics, async () => {
			const d = await this.#target(ref);
			await t.diagnostics.update(d.id, {
				respondent: { name, role },
				...nextRevision(d, this.#newId),
				updatedAt: this.#now()
			});
		});
	}

	/** Marks a diagnostic complete (all answered; its questions read before the transaction). */
	async setStatus(diagnosticId: string, status: DiagnosticStatus): Promise<void> {
		const t = this.#db;
		const id = status === 'complete' ? (await t.diagnostics.get(diagnosticId))?.moduleId : '';
		const module = id && isModuleId(id) ? await loadModule(id) : undefined;
		await t.transaction('rw', t.diagnostics, t.answerSets, async () => {
			const d = await t.diagnostics.get(diagnosticId);
			if (!d) throw new RepositoryError('Ce diagnostic n’existe plus sur cet appareil.');
			if (status === 'complete') {
				const rows = rowsOf(await t.answerSets.get(diagnosticId));
				const answered = new Set(rows.filter((r) => r.value !== null).map((r) => r.questionId));
				const missing = module ? moduleQuestions(module).filter((q) => !answered.has(q.id)) : [];
				if (missing.length > 0)
					throw new RepositoryError(
						`Il reste ${missing.length} question${missing.length > 1 ? 's' : ''} sans réponse.`
					);
			}
			await t.diagnostics.update(diagnosticId, {
				status,
				...nextRevision(d, this.#newId),
				updatedAt: this.#now()
			});
		});
	}

	/** Stores a small value under a key (e.g. the date of the last backup). */
	async setMeta(key: string, value: unknown): Promise<void> {
		await this.#db.meta.put({ key, value });
	}

	/** This device's id, written in its exports; created (random) on first use. */
	async deviceId(): Promise<string> {
		const t = this.#db;
		return t.transaction('rw', t.meta, async () => {
			const known = await new Queries(t).deviceId();
			if (known) return known;
			const id = this.#newId();
			await t.meta.put({ key: META.device, value: id });
			return id;
		});
	}

	/** Records a full export made at `at`, once downloaded (the backup reminder starts again). */
	async recordBackup(at: number): Promise<void> {
		await this.#db.meta.put({ key: META.lastBackup, value: at });
	}

	/** Applies an import in one transaction, reporting progress; all or nothing. */
	async applyImport(
		writes: ImportWrites,
		onProgress?: (done: number, total: number) => void
	): Promise<void> {
		// The preview already shortened long texts: this only guards against a bug there.
		writes.campaigns.forEach(checkCampaignTexts);
		for (const w of writes.diagnostics) checkDiagnosticTexts(w.diagnostic, w.answers);
		const { applyImportWrites } = await import('./import'); // only pages that import load it
		await applyImportWrites(this.#db, writes, this.#now(), onProgress);
	}
}

/** The app's repository. */
export const repository = new Repository(defaultDb);
