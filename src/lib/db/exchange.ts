/**
 * The one entry for files: the text of an export and the preview of an import (reading the file,
 * then comparing it with the device: preview.ts), on any database; and the files the interface offers on the
 * app's database (a diagnostic, a campaign, a full backup as JSON; a campaign's answers and
 * scores as CSV), each built from one consistent read. Applying an import is a write: it goes
 * through the repository.
 */
import { APP_NAME, APP_VERSION } from '$lib/app-info';
import { buildExport, oversizedExport, serializeExport } from '$lib/domain/exchange/write';
import { db } from './db';
import { repository } from './repository';
import type { Campaign } from '$lib/domain/answers';
import { scoreCampaign } from '$lib/domain/scoring/campaign';
import { levers } from '$lib/domain/content/levers';
import { loadModules } from '$lib/domain/content/load';
import { answersCsv, countedSnapshots } from '$lib/domain/exchange/answers-csv';
import {
	backupFileName,
	campaignFileName,
	csvFileName,
	diagnosticFileName
} from '$lib/domain/exchange/file-names';
import { scoresCsv } from '$lib/domain/exchange/scores-csv';
import { planCsv } from '$lib/domain/exchange/plan-csv';
import { localDay } from '$lib/domain/plan/action';
import type { GeneratedFile } from '$lib/files';
import type { LeviersDB } from './db';
import { Queries, queries, type ExportTarget } from './queries';
import { RepositoryError } from './errors';

/**
 * The text of an export of `target`, written by `device` at `now`; a RepositoryError in French
 * when it would be too large for any import to read it back.
 */
export async function exportText(
	db: LeviersDB,
	target: ExportTarget,
	device: string,
	now: number
): Promise<string> {
	const data = await new Queries(db).exportData(target);
	const file = buildExport({
		scope: target.scope,
		...data,
		device,
		app: { name: APP_NAME, version: APP_VERSION },
		now
	});
	const text = serializeExport(file);
	const oversized = oversizedExport(text);
	if (oversized) throw new RepositoryError(oversized);
	return text;
}

export { previewImport, type PreviewResult } from './preview';

const JSON_TYPE = 'application/json';

let unsavedDeviceId: string | undefined;

// While writes are halted a backup must still be possible: the stored id if there is one, else
// one for this page only (it is not stored, since nothing may be written).
async function deviceId(): Promise<string> {
	if (!db.writes.halted) return repository.deviceId();
	return (await queries.deviceId()) ?? (unsavedDeviceId ??= crypto.randomUUID());
}
const CSV_TYPE = 'text/csv;charset=utf-8';

async function campaignOrFail(id: string): Promise<Campaign> {
	const campaign = await queries.getCampaign(id);
	if (!campaign) throw new RepositoryError('Cette démarche n’existe plus sur cet appareil.');
	return campaign;
}

/** One diagnostic, to send to the coordinator. */
export async function diagnosticFile(diagnosticId: string): Promise<GeneratedFile> {
	const diagnostic = await queries.getDiagnostic(diagnosticId);
	if (!diagnostic) throw new RepositoryError('Ce diagnostic n’existe plus sur cet appareil.');
	const campaign = await campaignOrFail(diagnostic.campaignId);
	const now = Date.now();
	const text = await exportText(db, { scope: 'diagnostic', diagnosticId }, await deviceId(), now);
	return { name: diagnosticFileName(campaign, diagnostic.moduleId, now), text, type: JSON_TYPE };
}

/** A campaign with all its diagnostics. */
export async function campaignFile(campaignId: string): Promise<GeneratedFile> {
	const campaign = await campaignOrFail(campaignId);
	const now = Date.now();
	const device = await deviceId();
	const text = await exportText(db, { scope: 'campaign', campaignId }, device, now);
	return { name: campaignFileName(campaign, now), text, type: JSON_TYPE };
}

/** The whole database; once downloaded, it records the backup at the time of the export. */
export async function backupFile(): Promise<GeneratedFile> {
	const device = await deviceId();
	const now = Date.now();
	const text = await exportText(db, { scope: 'database' }, device, now);
	return {
		name: backupFileName(now),
		text,
		type: JSON_TYPE,
		// Not before: a file that fails to build or download is no backup. The export's own time,
		// not the download's: a change made in another tab meanwhile is not in the file.
		// While writes are halted the date is not recorded: the reminder stays, which is true enough.
		downloaded: () => (db.writes.halted ? Promise.resolve() : repository.recordBackup(now))
	};
}

/** A campaign's answers, one row per answer. */
export async function answersCsvFile(campaignId: string): Promise<GeneratedFile> {
	const campaign = await campaignOrFail(campaignId);
	const { diagnostics } = await queries.exportData({ scope: 'campaign', campaignId });
	const modules = await loadModules();
	const counted = countedSnapshots(campaign, diagnostics, modules);
	const text = answersCsv(campaign, counted, modules);
	return { name: csvFileName(campaign, 'reponses', Date.now()), text, type: CSV_TYPE };
}

/** A campaign's scores, one row per service and a transversality row. */
export async function scoresCsvFile(campaignId: string): Promise<GeneratedFile> {
	const campaign = await campaignOrFail(campaignId);
	const diagnostics = await queries.campaignDiagnostics(campaignId);
	const modules = await loadModules();
	const scores = scoreCampaign(campaign, diagnostics, { modules, levers });
	const text = scoresCsv(scores, modules, levers);
	return { name: csvFileName(campaign, 'scores', Date.now()), text, type: CSV_TYPE };
}

/** A campaign's plan d'action, one row per action. */
export async function planCsvFile(campaignId: string): Promise<GeneratedFile> {
	const campaign = await campaignOrFail(campaignId);
	const { actions } = await queries.exportData({ scope: 'campaign', campaignId });
	const now = Date.now();
	const modules = await loadModules();
	const text = planCsv(actions, modules, levers, localDay(now));
	return { name: csvFileName(campaign, 'plan-action', now), text, type: CSV_TYPE };
}
