/**
 * Exchanges end to end, on one database: the text of an export, and the preview of an import
 * (reading the file, then comparing it with the device). Both only read; applying an import
 * goes through the repository.
 */
import { APP_NAME, APP_VERSION } from '$lib/app-info';
import type { Module } from '$lib/domain/content/questionnaire';
import type { ImportProblem } from '$lib/domain/exchange/problems';
import { planImport, type ImportPlan } from '$lib/domain/exchange/plan';
import { readExportText } from '$lib/domain/exchange/read';
import { buildExport, oversizedExport, serializeExport } from '$lib/domain/exchange/write';
import type { LeviersDB } from './db';
import { readExportData, readLocalState, type ExportTarget } from './exchange-reads';
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
	const data = await readExportData(db, target);
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

/** The outcome of a preview. */
export type PreviewResult = { ok: true; plan: ImportPlan } | { ok: false; problem: ImportProblem };

/** Reads a file and says what importing it would do; writes nothing. */
export async function previewImport(
	db: LeviersDB,
	text: string,
	options: { fileName: string; now: number; modules: readonly Module[] }
): Promise<PreviewResult> {
	const read = readExportText(text);
	if (!read.ok) return read;
	const local = await readLocalState(db, read.file);
	return {
		ok: true,
		plan: planImport(read.file, local, {
			...options,
			version: read.version,
			rejected: read.rejected
		})
	};
}
