/**
 * Reads of the app. Each is a plain async function, so it can run inside Dexie's liveQuery and
 * re-run whenever the tables it touched change (in this tab or another).
 */
import type { Answer, Campaign, Diagnostic, DiagnosticWithAnswers } from '$lib/domain/answers';
import type { ModuleId } from '$lib/domain/questionnaire';
import { db as defaultDb, type LeviersDB, type StoredAnswer } from './db';

/** A diagnostic with how many of its questions have a value. */
export interface DiagnosticSummary extends Diagnostic {
	answered: number;
}

/** The diagnostic a filling page shows, with its stored rows. */
export interface FillingState {
	diagnostic: Diagnostic | undefined;
	rows: StoredAnswer[];
}

/**
 * Of several copies of one module's diagnostic in a campaign, the one this device fills: the one
 * changed last. The filling page shows it and the repository writes to it.
 */
export function latestCopy<D extends Diagnostic>(copies: readonly D[]): D | undefined {
	return [...copies].sort((a, b) => b.updatedAt - a.updatedAt)[0];
}

/** The reads, bound to one database. */
export class Queries {
	readonly #db: LeviersDB;

	constructor(db: LeviersDB) {
		this.#db = db;
	}

	/** Every campaign, most recently changed first. */
	listCampaigns(): Promise<Campaign[]> {
		return this.#db.campaigns.orderBy('updatedAt').reverse().toArray();
	}

	/** One campaign, or undefined. */
	getCampaign(id: string): Promise<Campaign | undefined> {
		return this.#db.campaigns.get(id);
	}

	/** One diagnostic, or undefined. */
	getDiagnostic(id: string): Promise<Diagnostic | undefined> {
		return this.#db.diagnostics.get(id);
	}

	/** The diagnostics of a campaign with their number of answered questions. */
	async diagnosticSummaries(campaignId: string): Promise<DiagnosticSummary[]> {
		const diagnostics = await this.#db.diagnostics.where('campaignId').equals(campaignId).toArray();
		return Promise.all(
			diagnostics.map(async (d) => ({
				...d,
				answered: await this.#db.answers
					.where('diagnosticId')
					.equals(d.id)
					.filter((a) => a.value !== null)
					.count()
			}))
		);
	}

	/**
	 * What the filling page of a module shows: the diagnostic this device fills (the copy changed
	 * last; none before the first write) and its stored answers, notes included.
	 */
	async fillingState(campaignId: string, moduleId: ModuleId): Promise<FillingState> {
		const copies = await this.#db.diagnostics
			.where('[campaignId+moduleId]')
			.equals([campaignId, moduleId])
			.toArray();
		const diagnostic = latestCopy(copies);
		return { diagnostic, rows: diagnostic ? await this.answerRows(diagnostic.id) : [] };
	}

	/** The stored answers of one diagnostic, notes included. */
	answerRows(diagnosticId: string): Promise<StoredAnswer[]> {
		return this.#db.answers.where('diagnosticId').equals(diagnosticId).toArray();
	}

	/** The diagnostics of a campaign with their answers, as the scoring engine takes them. */
	async campaignDiagnostics(campaignId: string): Promise<DiagnosticWithAnswers[]> {
		const diagnostics = await this.#db.diagnostics.where('campaignId').equals(campaignId).toArray();
		return Promise.all(
			diagnostics.map(async (d) => ({
				...d,
				answers: toAnswers(await this.answerRows(d.id))
			}))
		);
	}
}

/** Stored rows to the domain's answers: rows holding only a note are not answers. */
export function toAnswers(rows: StoredAnswer[]): Record<string, Answer> {
	const answers: Record<string, Answer> = {};
	for (const { questionId, value, note, changedAt } of rows) {
		if (value !== null)
			answers[questionId] =
				note === undefined
					? { questionId, value, changedAt }
					: { questionId, value, note, changedAt };
	}
	return answers;
}

/** The app's reads. */
export const queries = new Queries(defaultDb);
