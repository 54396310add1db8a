/**
 * Reads of the app. Each is a plain async function, so it can run inside Dexie's liveQuery and
 * re-run whenever the tables it touched change (in this tab or another).
 */
import type { Answer, Campaign, Diagnostic, DiagnosticWithAnswers } from '$lib/domain/answers';
import type { ModuleId } from '$lib/domain/content/questionnaire';
import { compareForSelection } from '$lib/domain/scoring/selection';
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
 * Of several copies of one module's diagnostic in a campaign, the one the filling page shows and
 * fills: the one that counts in the results (`compareForSelection`), so that what is typed is
 * what is scored. A draft this device made and never wrote to (older versions made one on
 * opening or hovering a page) is passed over when there is another copy.
 */
export function fillingCopy<D extends Diagnostic>(copies: readonly D[]): D | undefined {
	const neverWritten = (d: D) =>
		d.status === 'draft' && d.revision === 0 && d.origin.kind === 'local';
	const written = copies.filter((d) => !neverWritten(d));
	return [...(written.length > 0 ? written : copies)].sort(compareForSelection)[0];
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
	 * What the filling page of a module shows: the diagnostic it fills (`pinned` if that copy
	 * still exists, else `fillingCopy`; none before the first write) and its stored answers.
	 */
	async fillingState(
		campaignId: string,
		moduleId: ModuleId,
		pinned?: string
	): Promise<FillingState> {
		const copies = await this.#db.diagnostics
			.where('[campaignId+moduleId]')
			.equals([campaignId, moduleId])
			.toArray();
		const diagnostic = copies.find((d) => d.id === pinned) ?? fillingCopy(copies);
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
