/**
 * Reads for exchanges: what an export holds, what an import must be compared with, and the
 * facts of the backup reminder. Each read is one read-only transaction, so a file never mixes
 * two states of the database.
 */
import { isEmptyDraft, type Campaign, type Diagnostic } from '$lib/domain/answers';
import type { BackupFacts } from '$lib/domain/exchange/backup';
import type { DiagnosticSnapshot, ExportFile } from '$lib/domain/exchange/format';
import type { LocalState } from '$lib/domain/exchange/plan';
import type { LeviersDB } from './db';

/** Keys of the meta table used by exchanges. */
export const META = {
	/** This device's random id, written in its exports. */
	device: 'deviceId',
	/** Epoch ms of the last full export (backup). */
	lastBackup: 'lastBackupAt',
	/** Epoch ms of the last import: imported answers keep their own (older) dates. */
	lastImport: 'lastImportAt'
} as const;

/** What to export: one diagnostic, one campaign with its diagnostics, or everything. */
export type ExportTarget =
	| { scope: 'diagnostic'; diagnosticId: string }
	| { scope: 'campaign'; campaignId: string }
	| { scope: 'database' };

/** The records of an export. */
export interface ExportData {
	campaigns: Campaign[];
	diagnostics: DiagnosticSnapshot[];
}

async function withAnswers(
	db: LeviersDB,
	diagnostics: Diagnostic[]
): Promise<DiagnosticSnapshot[]> {
	const rows = await db.answers
		.where('diagnosticId')
		.anyOf(diagnostics.map((d) => d.id))
		.toArray();
	const byDiagnostic = new Map<string, DiagnosticSnapshot['answers']>();
	for (const { diagnosticId, ...answer } of rows) {
		const list = byDiagnostic.get(diagnosticId) ?? [];
		list.push(answer);
		byDiagnostic.set(diagnosticId, list);
	}
	return diagnostics.map((d) => ({ ...d, answers: byDiagnostic.get(d.id) ?? [] }));
}

/** Reads what an export holds. A draft never written to (isEmptyDraft) is left out. */
export async function readExportData(db: LeviersDB, target: ExportTarget): Promise<ExportData> {
	const data = await readRecords(db, target);
	const diagnostics = data.diagnostics.filter((d) => !isEmptyDraft(d, d.answers.length));
	return { ...data, diagnostics };
}

function readRecords(db: LeviersDB, target: ExportTarget): Promise<ExportData> {
	return db.transaction('r', db.campaigns, db.diagnostics, db.answers, async () => {
		if (target.scope === 'database') {
			const campaigns = await db.campaigns.orderBy('updatedAt').toArray();
			return { campaigns, diagnostics: await withAnswers(db, await db.diagnostics.toArray()) };
		}
		const diagnostics =
			target.scope === 'campaign'
				? await db.diagnostics.where('campaignId').equals(target.campaignId).toArray()
				: [await db.diagnostics.get(target.diagnosticId)].filter((d) => d !== undefined);
		const campaignId = target.scope === 'campaign' ? target.campaignId : diagnostics[0]?.campaignId;
		const campaign = campaignId === undefined ? undefined : await db.campaigns.get(campaignId);
		return {
			campaigns: campaign ? [campaign] : [],
			diagnostics: await withAnswers(db, diagnostics)
		};
	});
}

/** This device's id, or null before its first export. */
export async function readDeviceId(db: LeviersDB): Promise<string | null> {
	const record = await db.meta.get(META.device);
	return typeof record?.value === 'string' ? record.value : null;
}

/** What the device holds that the file must be compared with. */
export function readLocalState(db: LeviersDB, file: ExportFile): Promise<LocalState> {
	return db.transaction('r', db.campaigns, db.diagnostics, db.answers, db.meta, async () => {
		const ids = [...new Set(file.diagnostics.map((d) => d.id))];
		const found = (await db.diagnostics.bulkGet(ids)).filter((d) => d !== undefined);
		const snapshots = await withAnswers(db, found);
		return {
			device: await readDeviceId(db),
			campaigns: await db.campaigns.toArray(),
			diagnostics: new Map(snapshots.map((d) => [d.id, d]))
		};
	});
}

const numberOf = (value: unknown) => (typeof value === 'number' ? value : null);

/** The facts of the backup reminder, `now` aside. */
export function readBackupFacts(db: LeviersDB): Promise<Omit<BackupFacts, 'now'>> {
	return db.transaction('r', db.answers, db.meta, async () => {
		const first = await db.answers.orderBy('changedAt').first();
		const last = await db.answers.orderBy('changedAt').last();
		const imported = numberOf((await db.meta.get(META.lastImport))?.value);
		const lastChange = Math.max(last?.changedAt ?? -Infinity, imported ?? -Infinity);
		return {
			lastBackupAt: numberOf((await db.meta.get(META.lastBackup))?.value),
			firstChangeAt: first?.changedAt ?? imported,
			lastChangeAt: Number.isFinite(lastChange) ? lastChange : null
		};
	});
}
