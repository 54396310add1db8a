/**
 * Every read of the app. Each is a plain async method, so it can run inside Dexie's liveQuery and
 * re-run whenever the tables it touched change (in this tab or another). The reads of an
 * exchange (what an export holds, what an import is compared with, the backup reminder) are each
 * one read-only transaction, so a file never mixes two states of the database.
 */
import {
	isEmptyDraft,
	type Campaign,
	type Diagnostic,
	type DiagnosticWithAnswers
} from '$lib/domain/answers';
import type { BackupFacts } from '$lib/domain/exchange/backup';
import type { DiagnosticSnapshot, ExportFile } from '$lib/domain/exchange/format';
import type { LocalState } from '$lib/domain/exchange/plan';
import type { ModuleId } from '$lib/domain/content/questionnaire';
import type { PlanAction } from '$lib/domain/plan/action';
import { rowsOf, toAnswers } from './answer-sets';
import { backupFactsOf } from './backup-facts';
import { fillingCopy, type FillingState } from './filling';
import { META } from './names';
import { db as defaultDb, type LeviersDB, type StoredAnswer } from './db';

export { fillingCopy, type FillingState } from './filling';
export { toAnswers } from './answer-sets';

/** A diagnostic with how many of its questions have a value. */
export interface DiagnosticSummary extends Diagnostic {
	answered: number;
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
		const sets = await this.#db.answerSets.bulkGet(diagnostics.map((d) => d.id));
		return diagnostics.map((d, i) => ({
			...d,
			answered: sets[i]?.rows.filter((a) => a.value !== null).length ?? 0
		}));
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
		return this.#db.answerSets.get(diagnosticId).then(rowsOf);
	}

	/** What an export of `target` holds (a draft never written to is left out). */
	exportData(target: ExportTarget): Promise<ExportData> {
		return readExportData(this.#db, target);
	}

	/** What the device holds that an imported file must be compared with. */
	localState(file: ExportFile): Promise<LocalState> {
		return readLocalState(this.#db, file);
	}

	/** The facts of the backup reminder, `now` aside. */
	backupFacts(): Promise<Omit<BackupFacts, 'now'>> {
		return readBackupFacts(this.#db);
	}

	/** This device's id, or null before its first export. */
	deviceId(): Promise<string | null> {
		return readDeviceId(this.#db);
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

export { META } from './names';

/** What to export: one diagnostic, one campaign with its diagnostics, or everything. */
export type ExportTarget =
	| { scope: 'diagnostic'; diagnosticId: string }
	| { scope: 'campaign'; campaignId: string }
	| { scope: 'database' };

/** The records of an export. */
export interface ExportData {
	campaigns: Campaign[];
	diagnostics: DiagnosticSnapshot[];
	/** The plans of the campaigns (none in the export of one diagnostic). */
	actions: PlanAction[];
}

async function withAnswers(
	db: LeviersDB,
	diagnostics: Diagnostic[]
): Promise<DiagnosticSnapshot[]> {
	const sets = await db.answerSets.bulkGet(diagnostics.map((d) => d.id));
	return diagnostics.map((d, i) => ({ ...d, answers: sets[i]?.rows ?? [] }));
}

/** Reads what an export holds. A draft never written to (isEmptyDraft) is left out. */
async function readExportData(db: LeviersDB, target: ExportTarget): Promise<ExportData> {
	const data = await readRecords(db, target);
	const diagnostics = data.diagnostics.filter((d) => !isEmptyDraft(d, d.answers.length));
	return { ...data, diagnostics };
}

function readRecords(db: LeviersDB, target: ExportTarget): Promise<ExportData> {
	return db.transaction(
		'r',
		[db.campaigns, db.diagnostics, db.answerSets, db.actions],
		async () => {
			if (target.scope === 'database') {
				const campaigns = await db.campaigns.orderBy('updatedAt').toArray();
				return {
					campaigns,
					diagnostics: await withAnswers(db, await db.diagnostics.toArray()),
					actions: await db.actions.orderBy('updatedAt').toArray()
				};
			}
			const diagnostics =
				target.scope === 'campaign'
					? await db.diagnostics.where('campaignId').equals(target.campaignId).toArray()
					: [await db.diagnostics.get(target.diagnosticId)].filter((d) => d !== undefined);
			const campaignId =
				target.scope === 'campaign' ? target.campaignId : diagnostics[0]?.campaignId;
			const campaign = campaignId === undefined ? undefined : await db.campaigns.get(campaignId);
			const actions =
				target.scope === 'campaign'
					? await db.actions.where('campaignId').equals(target.campaignId).sortBy('createdAt')
					: [];
			return {
				campaigns: campaign ? [campaign] : [],
				diagnostics: await withAnswers(db, diagnostics),
				actions
			};
		}
	);
}

/** This device's id, or null before its first export. */
async function readDeviceId(db: LeviersDB): Promise<string | null> {
	const record = await db.meta.get(META.device);
	return typeof record?.value === 'string' ? record.value : null;
}

/** What the device holds that the file must be compared with. */
function readLocalState(db: LeviersDB, file: ExportFile): Promise<LocalState> {
	const tables = [db.campaigns, db.diagnostics, db.answerSets, db.meta, db.actions];
	return db.transaction('r', tables, async () => {
		const ids = [...new Set(file.diagnostics.map((d) => d.id))];
		const found = (await db.diagnostics.bulkGet(ids)).filter((d) => d !== undefined);
		const snapshots = await withAnswers(db, found);
		const actionIds = [...new Set(file.actions.map((a) => a.id))];
		const actions = (await db.actions.bulkGet(actionIds)).filter((a) => a !== undefined);
		return {
			device: await readDeviceId(db),
			campaigns: await db.campaigns.toArray(),
			diagnostics: new Map(snapshots.map((d) => [d.id, d])),
			actions: new Map(actions.map((a) => [a.id, a]))
		};
	});
}

/** The facts of the backup reminder, `now` aside. */
function readBackupFacts(db: LeviersDB): Promise<Omit<BackupFacts, 'now'>> {
	return db.transaction('r', [db.answerSets, db.meta, db.actions], async () =>
		backupFactsOf({
			first: (await db.answerSets.orderBy('first').first())?.first,
			last: (await db.answerSets.orderBy('last').last())?.last,
			firstAction: (await db.actions.orderBy('updatedAt').first())?.updatedAt,
			lastAction: (await db.actions.orderBy('updatedAt').last())?.updatedAt,
			imported: (await db.meta.get(META.lastImport))?.value,
			lastBackup: (await db.meta.get(META.lastBackup))?.value
		})
	);
}

/** The app's reads. */
export const queries = new Queries(defaultDb);
